import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import type { CampaignStatsSummaryFilter } from '../campaign-stats-summary/campaign-stats-summary.events.js';
import type { StatsTableController } from './stats-table-controller.js';

export interface SummaryFilterOptions {
  localize: LocalizeController;
  /** The campaign the table shows now, if any. */
  shownCampaignId: () => string | undefined;
  /** The rows the table shows, once settled (none while a page request is on its way). */
  settledCount: () => number | null;
  /** The filter replaced the search and the other filters: the search box is emptied. */
  onApplied: () => void;
  /** The user cleared it from the banner (whose button goes away: the focus must go somewhere). */
  onCleared: () => void;
  warn: (message: string) => void;
}

/**
 * A filter that came from `<campaign-stats-summary>` (a figure or a link): set on the table as
 * its header filter, alone (no search, no other filter), so that the row count is the
 * figure's (when both are of the same time: the banner says so when they are not); shown in a
 * banner that says where it came from and clears it in one action. A filter for a campaign still
 * loading waits for its table.
 */
export class SummaryFilterController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly table: StatsTableController;
  private readonly options: SummaryFilterOptions;
  private pending: { campaignId: string; filter: CampaignStatsSummaryFilter } | null = null;

  constructor(host: ReactiveControllerHost, table: StatsTableController, options: SummaryFilterOptions) {
    this.host = host;
    this.table = table;
    this.options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    // Any other campaign than the filter's drops it.
    const shown = this.options.shownCampaignId();
    if (this.pending && shown !== undefined && shown !== this.pending.campaignId) this.pending = null;
  }

  /** Shows `filter`'s contacts of `campaignId` (now, or once its table is built); `null` clears it. */
  set(filter: CampaignStatsSummaryFilter | null, campaignId: string): void {
    if (!filter) {
      if (this.active) this.table.clearFilter(this.pending!.filter.field);
      this.pending = null;
    } else {
      this.pending = { campaignId, filter };
      this.apply();
    }
    this.host.requestUpdate();
  }

  /** Sets the waiting filter on the table, if it shows the filter's campaign. */
  apply(): void {
    const pending = this.pending;
    if (!pending || !this.table.built || this.options.shownCampaignId() !== pending.campaignId) return;
    const { field, value } = pending.filter;
    if (this.table.showOnly({ field, value: String(value) })) {
      this.options.onApplied();
    } else {
      this.pending = null;
      this.options.warn(`a summary filter on "${field}" was ignored: the table has no such column (the data source gives no links for this campaign).`);
    }
  }

  /** The filter from the summary that the table shows now: none once the user changed that column's filter. */
  get active(): CampaignStatsSummaryFilter | null {
    const pending = this.pending;
    if (!pending || !this.table.built || this.options.shownCampaignId() !== pending.campaignId) return null;
    return this.table.headerFilterValue(pending.filter.field) === String(pending.filter.value) ? pending.filter : null;
  }

  private clear(): void {
    this.set(null, '');
    this.options.onCleared();
  }

  render(): TemplateResult | typeof nothing {
    const filter = this.active;
    if (!filter) return nothing;
    const { localize } = this.options;
    const m = localize.messages;
    // Raw figures of one time match exactly; another time (a refresh on either side) may not.
    const count = this.options.settledCount();
    const asOf = new Date(filter.asOf);
    const moved = count !== null && count !== filter.count && !Number.isNaN(asOf.getTime());
    return html`<p class="banner info" part="summary-filter">
      <span>${m.summaryFilter(filter.label)}</span>
      ${moved ? html`<span class="banner-note">${m.summaryFilterMoved(localize.number(filter.count), localize.date(asOf), localize.time(asOf))}</span>` : nothing}
      <button class="button" part="button clear-summary-filter-button" type="button" @click=${() => this.clear()}>${m.clearSummaryFilter}</button>
    </p>`;
  }
}
