import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import {
  CHANNELS,
  isSendFinished,
  type Campaign,
  type CampaignDataSource,
  type Channel,
} from '../../data/campaign-data-source.js';
import { callWithTimeout } from '../../internal/abort.js';
import { CampaignStatsElement } from '../../internal/campaign-stats-element.js';
import { emit } from '../../internal/emit.js';
import { findStatsGrid } from '../../internal/stats-target.js';
import { renderLoadingState, renderState } from '../../internal/state-views.js';
import { describeError } from '../../internal/error-message.js';
import { themeStyles } from '../../internal/theme.styles.js';
import { layoutStyles } from '../../internal/layout.styles.js';
import { stateStyles } from '../../internal/state.styles.js';
import type { CampaignStatsGrid } from '../campaign-stats-grid/campaign-stats-grid.js';
import { readCampaignPage, type CampaignPage } from './campaign-page.js';
import { renderCampaignTable } from './campaign-table.js';
import { campaignListStyles } from './campaign-list.styles.js';

export type * from './campaign-list.events.js';

const DEFAULT_CHANNEL: Channel = 'email';
const DEFAULT_PAGE_SIZE = 20;
/** More rows than this per page would make every page slow to render and to read. */
const MAX_PAGE_SIZE = 100;
/** Milliseconds of typing pause before the search is sent. */
const SEARCH_DEBOUNCE_MS = 250;

interface ListView extends CampaignPage {
  channel: Channel;
  search: string;
  offset: number;
}

/**
 * The campaigns of one channel, newest first, with their status, send-finished date and
 * number of recipients, a search box and paging. Each campaign offers its per-contact
 * statistics ("Statistiques par contact": event `campaign-stats-open`, then the grid named by
 * `stats-target` shows it) and its global statistics on Sarbacane (a `<sarbacane-link>`). Both
 * are disabled until the campaign's send is finished, with the reason written under them.
 *
 * The order is the data source's (newest first); the list never re-sorts a page.
 *
 * In a container narrower than 54em (about 760 px at the default font size), each campaign is
 * a card: its name, status, labelled date and recipients, then its two actions full width; the
 * table's roles and headers stay for screen readers.
 *
 * @tag campaign-list
 * @summary Lists one channel's campaigns and opens their per-contact or Sarbacane statistics.
 *
 * @fires campaign-stats-open - Cancelable; the user chose "Statistiques par contact" for a finished campaign. Detail: `{campaign}`. Unless cancelled, the `<campaign-stats-grid>` named by `stats-target` then shows that campaign.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The bar holding the search box.
 * @csspart search - The search box.
 * @csspart table - The table of campaigns.
 * @csspart row - A campaign's row, or card in a narrow container (`row row-current` and `aria-current="true"` for the one last opened).
 * @csspart name - A campaign's name (the row header).
 * @csspart badge - A status badge; also `badge-draft`, `badge-scheduled`, `badge-sending`, `badge-finished`, `badge-cancelled`.
 * @csspart date - A send-finished date.
 * @csspart recipients - A number of recipients.
 * @csspart actions - A campaign's actions.
 * @csspart button - Every button.
 * @csspart stats-button - A "Statistiques par contact" button.
 * @csspart sarbacane-link - A campaign's `<sarbacane-link>`.
 * @csspart reason - Why a campaign's actions are disabled.
 * @csspart skipped - The note saying that unreadable campaigns were left out.
 * @csspart pager - The paging bar.
 * @csspart range - The "1–20 sur 57" position.
 * @csspart previous-button - The "Précédent" button.
 * @csspart next-button - The "Suivant" button.
 * @csspart state - Every state panel (loading, empty, no match, error).
 * @csspart state-loading - The loading state.
 * @csspart state-empty - The empty state (no campaign, or none matching the search).
 * @csspart state-no-match - The state shown when no campaign matches the search (also `state-empty`).
 * @csspart state-error - The error state.
 * @csspart retry-button - The retry button after an error.
 *
 * @cssprop --campaign-list-header-background - Background of the table header (default: the secondary surface).
 * @cssprop --campaign-list-row-hover-background - Background of a hovered row.
 * @cssprop --campaign-list-row-current-background - Background of the campaign last opened.
 * @cssprop --campaign-stats-color-primary - Accent: buttons, "scheduled" badge.
 * @cssprop --campaign-stats-color-primary-contrast - Text on the accent colour.
 * @cssprop --campaign-stats-color-text - Text colour.
 * @cssprop --campaign-stats-color-muted - Secondary text, "draft" badge.
 * @cssprop --campaign-stats-color-surface - Background.
 * @cssprop --campaign-stats-color-surface-alt - Secondary background.
 * @cssprop --campaign-stats-color-border - Decorative borders (the table, its rows, the disabled controls).
 * @cssprop --campaign-stats-color-control-border - Boundaries of the search box and the buttons (keep 3:1 or more against the surface).
 * @cssprop --campaign-stats-color-focus - Focus ring.
 * @cssprop --campaign-stats-color-success - "Send finished" badge.
 * @cssprop --campaign-stats-color-warning - "Sending" badge.
 * @cssprop --campaign-stats-color-danger - "Cancelled" badge, errors.
 * @cssprop --campaign-stats-font-family - Font.
 * @cssprop --campaign-stats-font-size - Base font size (default 0.875rem: it follows the reader's default font size).
 * @cssprop --campaign-stats-radius - Corner radius.
 * @cssprop --campaign-stats-spacing - Base spacing unit.
 */
export class CampaignList extends CampaignStatsElement {
  static override styles = [themeStyles, layoutStyles, stateStyles, campaignListStyles];

  /** The channel listed: `email` or `sms` (anything else: `email`, with a warning). */
  @property({ reflect: true }) channel: Channel = DEFAULT_CHANNEL;

  /** The id of a `<campaign-stats-grid>` in the same document: "Statistiques par contact" sets its `campaignId`. */
  @property({ attribute: 'stats-target' }) statsTarget = '';

  /** Campaigns per page, 1 to 100 (default 20; an invalid value: 20, with a warning). */
  @property({ attribute: 'page-size', type: Number }) pageSize = DEFAULT_PAGE_SIZE;

  /**
   * Hosts the Sarbacane links may open besides `sarbacane.com`, space-separated: given to each
   * campaign's `<sarbacane-link>` as its `allowed-hosts`, which checks them.
   */
  @property({ attribute: 'sarbacane-allowed-hosts' }) sarbacaneAllowedHosts = '';

  /** Milliseconds a data-source call may take before it counts as failed. */
  @property({ attribute: false }) requestTimeout = 30_000;

  /** The search sent to the data source (the box's text once typing pauses). */
  @state() private search = '';
  @state() private offset = 0;
  @state() private view: ListView | null = null;
  /** The campaign whose per-contact statistics were last opened. */
  @state() private currentId = '';

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly listTask = new Task(this, {
    args: () => [this.effectiveChannel, this.search, this.offset, this.effectivePageSize, this.source, this.requestTimeout] as const,
    task: ([channel, search, offset, limit, source, timeout], { signal }) => this.load(channel, search, offset, limit, source, timeout, signal),
    onComplete: (view) => this.loaded(view),
  });

  private async load(
    channel: Channel,
    search: string,
    offset: number,
    limit: number,
    source: CampaignDataSource | undefined,
    timeout: number,
    signal: AbortSignal,
  ): Promise<ListView | null> {
    if (!source) return null;
    const query = search ? { channel, search, offset, limit } : { channel, offset, limit };
    const answer = await callWithTimeout((s) => source.listCampaigns(query, { signal: s }), timeout, signal);
    const page = readCampaignPage(answer, channel, offset, limit);
    if (page.beyondLimit > 0) this.warnOnce('list-limit', `listCampaigns answered ${limit + page.beyondLimit} campaigns for a limit of ${limit}: the first ${limit} are shown.`);
    return { ...page, channel, search, offset };
  }

  private loaded(view: ListView | null): void {
    // The page asked for is past the end (campaigns were deleted meanwhile): show the last one.
    if (view && view.received === 0 && view.offset > 0 && view.total > 0) {
      const size = this.effectivePageSize;
      this.offset = Math.max(0, Math.floor((view.total - 1) / size) * size);
      return;
    }
    this.view = view;
  }

  private get effectiveChannel(): Channel {
    const channel = this.channel as unknown;
    if (CHANNELS.includes(channel as Channel)) return channel as Channel;
    if (channel !== undefined && channel !== null && channel !== '') {
      this.warnOnce(`channel:${String(channel)}`, `channel="${String(channel)}" is not one of ${CHANNELS.join(', ')}; ${DEFAULT_CHANNEL} is used.`);
    }
    return DEFAULT_CHANNEL;
  }

  private get effectivePageSize(): number {
    const size = Number(this.pageSize);
    if (Number.isInteger(size) && size >= 1 && size <= MAX_PAGE_SIZE) return size;
    if (Number.isInteger(size) && size > MAX_PAGE_SIZE) {
      this.warnOnce(`page-size:${String(this.pageSize)}`, `page-size is at most ${MAX_PAGE_SIZE}; ${MAX_PAGE_SIZE} is used.`);
      return MAX_PAGE_SIZE;
    }
    this.warnOnce(`page-size:${String(this.pageSize)}`, `page-size="${String(this.pageSize)}" is not a whole number from 1 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} is used.`);
    return DEFAULT_PAGE_SIZE;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('channel') && changed.get('channel') !== undefined && this.view?.channel !== this.effectiveChannel) {
      // Never show one channel's campaigns under the other.
      this.view = null;
      this.offset = 0;
    }
    if (changed.has('search') || changed.has('pageSize')) this.offset = 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  private onSearchInput(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.search = value.trim()), SEARCH_DEBOUNCE_MS);
  }

  private onSearchKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    clearTimeout(this.searchTimer);
    this.search = (event.target as HTMLInputElement).value.trim();
  }

  private async goTo(offset: number, event: Event): Promise<void> {
    this.offset = Math.max(0, offset);
    // A button that gets disabled (first or last page) would drop the focus to the page: move it to the other one.
    const button = event.currentTarget as HTMLButtonElement;
    await this.updateComplete;
    if (button.disabled) {
      const other = this.renderRoot.querySelector<HTMLButtonElement>(button.classList.contains('next') ? '.previous' : '.next');
      if (other && !other.disabled) other.focus();
    }
  }

  private openStats(campaign: Campaign): void {
    if (!isSendFinished(campaign)) return;
    if (!emit(this, 'campaign-stats-open', { campaign }, { cancelable: true })) return;
    this.currentId = campaign.id;
    if (!this.statsTarget) return;
    const grid = findStatsGrid<CampaignStatsGrid>(this, this.statsTarget);
    if (grid) grid.campaignId = campaign.id;
    else this.warnOnce(`target:${this.statsTarget}`, `stats-target="${this.statsTarget}" names no <campaign-stats-grid> in this document.`);
  }

  /**
   * A table wider than its container scrolls sideways, and the browser does not scroll a control
   * that is only partly hidden: the one that takes the focus is brought fully into view.
   */
  private readonly revealFocused = (event: FocusEvent): void => {
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement) target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  private retry(): void {
    void this.listTask.run();
  }

  override render(): TemplateResult {
    const m = this.localize.messages;
    return html`<div class="base" part="base">
      <div class="toolbar" part="toolbar">
        <label class="search-field">
          <span class="search-label">${m.list.searchLabel}</span>
          <input
            class="search"
            part="search"
            type="search"
            autocomplete="off"
            placeholder=${m.list.searchPlaceholder}
            @input=${this.onSearchInput}
            @keydown=${this.onSearchKeydown}
          />
        </label>
        ${this.listTask.status === TaskStatus.PENDING && this.view
          ? html`<span class="busy" aria-hidden="true"><span class="spinner small"></span></span>`
          : nothing}
      </div>
      ${this.renderBody()}
    </div>`;
  }

  private renderError(): TemplateResult {
    const m = this.localize.messages;
    const { message, retryable } = describeError(this.listTask.error, m);
    return html`<strong>${m.list.errorTitle}</strong><span>${message}</span>
      ${retryable ? html`<button class="button primary" part="button retry-button" type="button" @click=${this.retry}>${m.retry}</button>` : nothing}`;
  }

  private renderBody(): TemplateResult {
    const m = this.localize.messages;
    if (!this.source) return renderState('error', html`<strong>${m.list.errorTitle}</strong><span>${m.noDataSource}</span>`, 'alert');
    const status = this.listTask.status;
    const view = this.view;
    if (!view) {
      if (status === TaskStatus.ERROR) return renderState('error', this.renderError(), 'alert');
      return renderLoadingState(m.list.loading);
    }
    const pending = status === TaskStatus.PENDING;
    return html`
      ${status === TaskStatus.ERROR ? html`<div class="banner error" part="state state-error" role="alert">${this.renderError()}</div>` : nothing}
      ${view.campaigns.length > 0
        ? renderCampaignTable({
            localize: this.localize,
            channel: view.channel,
            campaigns: view.campaigns,
            pending,
            currentId: this.currentId,
            dataSource: this.dataSource,
            strings: this.strings,
            requestTimeout: this.requestTimeout,
            sarbacaneAllowedHosts: this.sarbacaneAllowedHosts,
            openStats: (campaign) => this.openStats(campaign),
            onFocusIn: this.revealFocused,
          })
        : view.skipped > 0
          ? nothing
          : view.search
            ? renderState('no-match', html`<strong>${m.list.noMatch(view.search)}</strong>`)
            : renderState('empty', html`<strong>${m.list.empty[view.channel]}</strong>`)}
      ${view.skipped > 0
        ? html`<p class="skipped" part="skipped" role="status">${m.list.skipped(view.skipped, this.localize.number(view.skipped))}</p>`
        : nothing}
      ${this.renderPager(view)}
    `;
  }

  private renderPager(view: ListView): TemplateResult | typeof nothing {
    if (view.total === 0 || view.received === 0) return nothing;
    const m = this.localize.messages;
    const size = this.effectivePageSize;
    const range = m.list.range(
      this.localize.number(view.offset + 1),
      this.localize.number(view.offset + view.received),
      this.localize.number(view.total),
    );
    const paged = view.total > size || view.offset > 0;
    return html`<nav class="pager" part="pager" aria-label=${m.list.pagination}>
      <span class="range" part="range" role="status">${range}</span>
      ${paged
        ? html`<button
              class="button previous"
              part="button previous-button"
              type="button"
              ?disabled=${this.offset === 0}
              @click=${(e: Event) => this.goTo(this.offset - size, e)}
            >
              <span aria-hidden="true">‹</span> ${m.list.previous}
            </button>
            <button
              class="button next"
              part="button next-button"
              type="button"
              ?disabled=${this.offset + size >= view.total}
              @click=${(e: Event) => this.goTo(this.offset + size, e)}
            >
              ${m.list.next} <span aria-hidden="true">›</span>
            </button>`
        : nothing}
    </nav>`;
  }
}
