import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { Campaign } from '../../data/campaign-data-source.js';
import { describeError, toError } from '../../internal/error-message.js';
import { CampaignStatsElement } from '../../internal/campaign-stats-element.js';
import { failureCause, OperationError } from '../../internal/campaign-load.js';
import { DEFAULT_SERVER_SIDE_THRESHOLD } from '../../internal/contact-pages.js';
import { DataTimeController, renderDataTime } from '../../internal/data-time.js';
import { emit } from '../../internal/emit.js';
import { IntervalController } from '../../internal/interval-controller.js';
import { UserActivityController } from '../../internal/user-activity.js';
import { refreshSeconds } from '../../internal/refresh-interval.js';
import { renderErrorState, renderLoadingState, renderNotAvailable, renderRefreshFailed, renderState } from '../../internal/state-views.js';
import { findStatsGrid } from '../../internal/stats-target.js';
import { linkFilter, summaryFigures, summaryLinks, type SummaryData, type SummaryFigure, type SummaryLink } from '../../internal/summary-figures.js';
import { themeStyles } from '../../internal/theme.styles.js';
import { layoutStyles } from '../../internal/layout.styles.js';
import { stateStyles } from '../../internal/state.styles.js';
import { renderActivity } from './activity-chart.js';
import { summaryStyles } from './campaign-stats-summary.styles.js';
import type { CampaignStatsSummaryFilter } from './campaign-stats-summary.events.js';
import { loadSummary, type SummaryLoad } from './summary-load.js';

export type * from './campaign-stats-summary.events.js';

/** What a `stats-target` grid must offer, whichever copy of the library defined it. */
interface SummaryFilterTarget extends HTMLElement {
  campaignId: string;
  applySummaryFilter?(filter: CampaignStatsSummaryFilter | null): void;
}

/**
 * A finished campaign's figures at a glance: delivery, opens, clicks, unsubscribes and spam
 * reports with their rates, clicks per link, and the activity over time. Each figure and each
 * link is a button that shows its contacts in the `stats-target` grid.
 *
 * @tag campaign-stats-summary
 * @summary A campaign's summary figures, clicks per link and activity over time; each figure filters the grid.
 *
 * @fires campaign-stats-summary-select - Cancelable; a figure or a link was activated, before the `stats-target` grid is filtered. Detail: `{campaign, filter}`.
 * @fires campaign-stats-error - A data-source call failed. Detail: `{error, operation}` (`getCampaign`, `getStatsSummary`, or `getContactStats` when the figures are counted from the rows).
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The bar with the data time and the refresh button.
 * @csspart as-of - The time the data is from.
 * @csspart button - Every button but the figures and links.
 * @csspart refresh-button - The refresh button.
 * @csspart help - The help text (raw figures; how they were computed).
 * @csspart heading - The title of each section.
 * @csspart figures - The list of figures.
 * @csspart figure - One figure (a button when it filters the grid).
 * @csspart figure-value - A figure's count (or rate, for reactivity).
 * @csspart figure-rate - A figure's rate and what it is a rate of.
 * @csspart links - The table of the message's links.
 * @csspart link-button - The button of a link, which filters the grid to its clickers.
 * @csspart chart - One activity chart (hours, or days).
 * @csspart table-toggle - The button that shows the activity as a table.
 * @csspart activity-table - The activity data as a table.
 * @csspart state - Every state panel (no campaign, loading, not yet available, empty, error, unavailable).
 * @csspart retry-button - The retry button of the error state.
 * @csspart status - Announces what the grid shows after a figure was activated.
 *
 * @cssprop --campaign-stats-color-primary - Accent: clicks bars, figure values.
 * @cssprop --campaign-stats-color-text - Text colour.
 * @cssprop --campaign-stats-color-muted - Secondary text colour.
 * @cssprop --campaign-stats-color-surface - Background.
 * @cssprop --campaign-stats-color-surface-alt - Secondary background (hovered figures, table header).
 * @cssprop --campaign-stats-color-border - Borders.
 * @cssprop --campaign-stats-color-focus - Focus ring.
 * @cssprop --campaign-stats-color-danger - Errors.
 * @cssprop --campaign-stats-font-family - Font.
 * @cssprop --campaign-stats-font-size - Base font size.
 * @cssprop --campaign-stats-radius - Corner radius.
 * @cssprop --campaign-stats-spacing - Base spacing unit.
 * @cssprop --campaign-stats-summary-opens-color - Opens bars (default: the accent, lightened).
 */
export class CampaignStatsSummary extends CampaignStatsElement {
  static override styles = [themeStyles, layoutStyles, stateStyles, summaryStyles];

  /** The campaign whose figures are shown. */
  @property({ attribute: 'campaign-id', reflect: true }) campaignId = '';

  /** Id of the `<campaign-stats-grid>` that a figure or a link filters to its contacts. */
  @property({ attribute: 'stats-target' }) statsTarget = '';

  /** Seconds between automatic refreshes; 0 turns them off (minimum 5). */
  @property({ attribute: 'refresh-interval', type: Number }) refreshInterval = 0;

  /** Level of the sections' headings (2 to 6), to fit the host page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  /** Milliseconds a data-source call may take before it counts as failed. */
  @property({ attribute: false }) requestTimeout = 30_000;

  @state() private view: SummaryLoad | null = null;
  @state() private tableShown = false;
  @state() private announcement = '';

  private readonly loadTask = new Task(this, {
    args: () => [this.campaignId, this.source, this.requestTimeout] as const,
    task: ([campaignId, source, timeout], { signal }) => (campaignId && source ? loadSummary(source, campaignId, timeout, signal) : null),
    onComplete: (result) => {
      // The end of a campaign's load is said; a refresh's is not (every minute, it would interrupt).
      if (result?.kind === 'loaded' && this.view?.campaign?.id !== result.campaign.id) {
        this.announcement = this.localize.messages.summary.loaded(result.summary.recipients, this.localize.number(result.summary.recipients));
      }
      this.view = result;
    },
    onError: (error) => {
      const operation = error instanceof OperationError ? error.operation : 'getCampaign';
      emit(this, 'campaign-stats-error', { error: toError(failureCause(error)), operation });
    },
  });

  private readonly dataTime = new DataTimeController(this);

  private readonly activity = new UserActivityController(this);
  private readonly autoRefresh = new IntervalController(
    this,
    () => {
      if (this.view && this.loadTask.status !== TaskStatus.PENDING) void this.refresh().catch(() => undefined);
    },
    // Figures that change under a key or a click on the way to them.
    () => this.activity.busy,
  );

  /** Loads the figures again; rejects when the data source fails (the figures shown stay). */
  async refresh(): Promise<void> {
    await this.loadTask.run();
    if (this.loadTask.status === TaskStatus.ERROR) throw toError(failureCause(this.loadTask.error));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('campaignId') && changed.get('campaignId') !== undefined) {
      // Never show the previous campaign's figures.
      this.view = null;
      this.announcement = '';
    }
    if (changed.has('refreshInterval')) {
      this.autoRefresh.set(refreshSeconds(this.refreshInterval, (message) => this.warnOnce(`interval:${this.refreshInterval}`, message)));
    }
    if (this.view?.kind === 'loaded') {
      const { asOf: _asOf, ...figures } = this.view.summary;
      this.dataTime.shows(this.view.campaign.id, JSON.stringify(figures));
    }
  }

  /** Fires `campaign-stats-summary-select`, then (unless cancelled) filters the target grid. */
  private select(campaign: Campaign, filter: CampaignStatsSummaryFilter): void {
    if (!emit(this, 'campaign-stats-summary-select', { campaign, filter }, { cancelable: true })) return;
    if (!this.statsTarget) return;
    const grid = findStatsGrid<SummaryFilterTarget>(this, this.statsTarget);
    if (!grid) {
      this.warnOnce(`target:${this.statsTarget}`, `stats-target="${this.statsTarget}" names no <campaign-stats-grid> in this document.`);
      return;
    }
    if (typeof grid.applySummaryFilter !== 'function') {
      this.warnOnce('target-version', `the <campaign-stats-grid> of stats-target="${this.statsTarget}" is of a version that cannot be filtered from a summary.`);
      return;
    }
    if (grid.campaignId !== campaign.id) grid.campaignId = campaign.id;
    grid.applySummaryFilter(filter);
    this.announcement = this.localize.messages.summary.shownInGrid(filter.label, this.localize.number(filter.count));
  }

  private get level(): number {
    const level = Number(this.headingLevel);
    return Number.isInteger(level) && level >= 2 && level <= 6 ? level : 3;
  }

  private heading(text: string): TemplateResult {
    return html`<div class="heading" part="heading" role="heading" aria-level=${this.level}>${text}</div>`;
  }

  override render(): TemplateResult {
    const m = this.localize.messages;
    const label = this.view?.campaign ? m.summary.label(this.view.campaign.name) : undefined;
    // The status line is there in every state: a live region must exist before it speaks.
    return html`<section class="base" part="base" aria-label=${label ?? nothing}>
      ${this.renderBody()}
      <p class="status" part="status" role="status">${this.announcement}</p>
    </section>`;
  }

  private renderBody(): TemplateResult {
    const m = this.localize.messages;
    if (!this.campaignId) return renderState('no-campaign', html`<span>${m.summary.noCampaign}</span>`);
    if (!this.source) return renderState('error', html`<strong>${m.errorTitle}</strong><span>${m.noDataSource}</span>`, 'alert');
    const view = this.view;
    if (view?.kind === 'not-available') {
      return renderNotAvailable(view.campaign, m);
    }
    if (view?.kind === 'too-large') {
      this.warnOnce('too-large', `the data source has no getStatsSummary(): a campaign of more than ${DEFAULT_SERVER_SIDE_THRESHOLD} contacts gets no summary.`);
      return renderState('unavailable', html`<span>${m.summary.unavailable(this.localize.number(DEFAULT_SERVER_SIDE_THRESHOLD))}</span>`);
    }
    if (view?.kind === 'loaded') return this.renderLoaded(view.campaign, view.summary);
    if (this.loadTask.status === TaskStatus.ERROR) return renderErrorState(failureCause(this.loadTask.error), m, () => this.retry());
    return renderLoadingState(m.summary.loading);
  }

  private retry(): void {
    void this.refresh().catch(() => undefined);
  }

  private renderLoaded(campaign: Campaign, summary: SummaryData): TemplateResult {
    const m = this.localize.messages;
    const t = m.summary;
    const refreshing = this.loadTask.status === TaskStatus.PENDING;
    const refreshError = this.loadTask.status === TaskStatus.ERROR ? describeError(failureCause(this.loadTask.error), m) : null;
    return html`
      <div class="toolbar" part="toolbar">
        <span class="spacer"></span>
        ${renderDataTime(this.localize, summary.asOf, refreshing, () => this.retry(), this.dataTime.updated)}
      </div>
      <p class="help" part="help">
        ${m.rawFiguresHelp}${campaign.channel === 'sms' ? html` ${m.smsNoOpenHelp}` : nothing}
        ${summary.origin === 'rows' ? html`<br />${t.computed(summary.recipients, this.localize.number(summary.recipients))}` : nothing}
      </p>
      ${renderRefreshFailed(refreshError, m, () => this.retry())}
      ${summary.recipients === 0
        ? renderState('empty', html`<strong>${t.empty}</strong>`)
        : html`
            <div class="section">${this.heading(t.figuresTitle)}${this.renderFigures(campaign, summary, summaryFigures(summary, campaign.channel, m))}</div>
            ${summary.links ? html`<div class="section">${this.heading(t.linksTitle)}${this.renderLinks(campaign, summary)}</div>` : nothing}
            ${summary.activity
              ? html`<div class="section">
                  ${this.heading(t.activityTitle)}
                  ${renderActivity(this.localize, summary, campaign.channel, this.tableShown, () => (this.tableShown = !this.tableShown))}
                </div>`
              : nothing}
          `}
    `;
  }

  private renderFigures(campaign: Campaign, summary: SummaryData, figures: SummaryFigure[]): TemplateResult {
    const t = this.localize.messages.summary;
    return html`<ul class="figures" part="figures">
      ${figures.map((figure) => {
        const value = figure.count !== undefined ? this.localize.number(figure.count) : figure.rate !== undefined ? this.localize.percent(figure.rate) : '—';
        const rate =
          figure.rate !== undefined && figure.count !== undefined
            ? `${this.localize.percent(figure.rate)} ${figure.rateOf}`
            : figure.count === undefined
              ? figure.rateOf
              : undefined;
        const content = html`<span class="figure-label">${figure.label}</span>
          <span class="figure-value" part="figure-value">${value}</span>
          ${rate ? html`<span class="figure-rate" part="figure-rate">${rate}</span>` : nothing}`;
        const { filter } = figure;
        return html`<li>
          ${filter && figure.count !== undefined
            ? html`<button
                class="figure interactive"
                part="figure"
                type="button"
                aria-describedby="show-contacts"
                @click=${() => this.select(campaign, { ...filter, figure: figure.key, label: figure.label, count: figure.count!, asOf: summary.asOf })}
              >
                ${content}
              </button>`
            : html`<div class="figure" part="figure">${content}</div>`}
        </li>`;
      })}
    </ul>
    <span id="show-contacts" hidden>${t.showContacts}</span>`;
  }

  private renderLinks(campaign: Campaign, summary: SummaryData): TemplateResult {
    const t = this.localize.messages.summary;
    const links = summaryLinks(summary);
    if (links.length === 0) return html`<p class="note">${t.noLinks}</p>`;
    const clicksKnown = links.every((link) => link.clickCount !== undefined);
    const number = (value: number | undefined) => (value === undefined ? '—' : this.localize.number(value));
    const select = (link: SummaryLink) =>
      this.select(campaign, { ...linkFilter(link.linkId), figure: 'link', linkId: link.linkId, label: t.linkFilter(link.text), count: link.clickers, asOf: summary.asOf });
    const noClicks = links.every((link) => link.clickers === 0);
    return html`${noClicks ? html`<p class="note">${t.noLinks}</p>` : nothing}
      ${clicksKnown ? nothing : html`<p class="note">${t.computedLinks}</p>`}
      <div class="table-scroll">
        <table class="data-table" part="links">
          <caption class="visually-hidden">${t.linksTitle}</caption>
          <thead>
            <tr>
              <th scope="col">${t.linkColumns.link}</th>
              ${clicksKnown ? html`<th scope="col" class="number">${t.linkColumns.clicks}</th>` : nothing}
              <th scope="col" class="number">${t.linkColumns.clickers}</th>
              <th scope="col" class="number">${t.linkColumns.rate}</th>
            </tr>
          </thead>
          <tbody>
            ${links.map(
              (link) => html`<tr>
                <th scope="row">
                  <button class="link-button" part="link-button" type="button" aria-describedby="show-contacts" @click=${() => select(link)}>${link.text}</button>
                  ${link.url && link.url !== link.text ? html`<span class="link-url">${link.url}</span>` : nothing}
                </th>
                ${clicksKnown ? html`<td class="number">${number(link.clickCount)}</td>` : nothing}
                <td class="number">${number(link.clickers)}</td>
                <td class="number">${link.rate === undefined ? '—' : this.localize.percent(link.rate)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }
}
