import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import {
  isSendFinished,
  type Campaign,
  type CampaignDataSource,
  type ContactStats,
} from '../../data/campaign-data-source.js';
import type { CleanStatsPage } from '../../data/validate.js';
import { rowsFromArray, type ExportFormat, type RowSource } from '../../export/excel-export.js';
import { exportFileName } from '../../export/file-name.js';
import { abortError, isAbortError } from '../../internal/abort.js';
import { CampaignStatsElement } from '../../internal/campaign-stats-element.js';
import { emit } from '../../internal/emit.js';
import { describeError, toError } from '../../internal/error-message.js';
import { IntervalController } from '../../internal/interval-controller.js';
import { nextTask } from '../../internal/next-task.js';
import { UserActivityController } from '../../internal/user-activity.js';
import { themeStyles } from '../../internal/theme.styles.js';
import { layoutStyles } from '../../internal/layout.styles.js';
import { stateStyles } from '../../internal/state.styles.js';
import { gridStyles, tabulatorStyles } from './campaign-stats-grid.styles.js';
import type { CampaignStatsOperation } from './campaign-stats-grid.events.js';
import type { CampaignStatsSummaryFilter } from '../campaign-stats-summary/campaign-stats-summary.events.js';
import { summarySheet, type SummaryData } from '../../internal/summary-figures.js';
import { fetchGridSummary, knownLinks } from './grid-summary.js';
import { RowCountAnnouncer } from './row-count-announcer.js';
import { SummaryFilterController } from './summary-filter-controller.js';
import { ExportController, type ExportResult } from './export-controller.js';
import { ExportMenuController } from './export-menu-controller.js';
import { DEFAULT_SERVER_SIDE_THRESHOLD, readWholeCampaign, statsPageFetcher, type FetchStatsPage } from '../../internal/contact-pages.js';
import { loadCampaign, OperationError, failureCause } from '../../internal/campaign-load.js';
import { refreshSeconds } from '../../internal/refresh-interval.js';
import { DataTimeController, renderDataTime } from '../../internal/data-time.js';
import { renderErrorState, renderLoadingState, renderNotAvailable, renderRefreshFailed, renderState } from '../../internal/state-views.js';
import { EXPORT_PAGE_SIZE, EXPORT_PAGES_IN_FLIGHT, MAX_EXPORT_PAGES_IN_FLIGHT, pagedRowSource } from './export-rows.js';
import { exportColumn, statsColumns, workbookTexts, type KnownLink } from './stats-columns.js';
import { SERVER_PAGE_SIZE, type ServerPaging } from './remote-pages.js';
import { loadTabulator, StatsTableController } from './stats-table-controller.js';

export type * from './campaign-stats-grid.events.js';
export type { ExportResult } from './export-controller.js';

/** Client-side mode: every row in memory. */
interface Loaded {
  kind: 'loaded';
  campaign: Campaign;
  rows: ContactStats[];
  total: number;
  asOf: string;
  /**
   * The data source's summary (v2), when it has one: links' labels, the "Synthèse" sheet. Asked
   * alongside the rows, it never holds the table back: the labels come when it does.
   */
  summary: Promise<SummaryData | undefined>;
  /** The links of the message, for the "Liens cliqués" column; none when the data says nothing of links. */
  links?: KnownLink[];
  /** A refresh's: the links the load before it knew, whose order and labels it keeps (see `knownLinks`). */
  previousLinks?: KnownLink[];
  /** What the figures count, as a key: a refresh that changes it shows the "updated" cue. */
  figures: string;
}

/** Server-side mode: the table asks the data source for one page at a time. */
interface Paged {
  kind: 'paged';
  campaign: Campaign;
  fetchPage: FetchStatsPage;
  /** The load's first page, which told the size; the table shows it first. */
  firstPage: ServerPaging['firstPage'];
  /** Every contact of the campaign (the data source's count without filters or search). */
  total: number;
  asOf: string;
  summary: Promise<SummaryData | undefined>;
  links?: KnownLink[];
  previousLinks?: KnownLink[];
  figures: string;
}

type LoadResult = { kind: 'not-available'; campaign: Campaign } | Loaded | Paged;

/** @deprecated The result of `exportExcel()`: use `ExportResult`. */
export type ExcelExportResult = ExportResult;

const DEFAULT_HEIGHT = '480px';

/** What the rows count, as a key (one pass, no allocation per row): equal keys, the same figures. */
function figuresKey(rows: readonly ContactStats[]): string {
  let delivered = 0;
  let opens = 0;
  let clicks = 0;
  let flags = 0;
  for (const row of rows) {
    if (row.delivery === 'delivered') delivered++;
    if ('openCount' in row) opens += row.openCount + (row.spamReported ? 1 : 0);
    clicks += row.clickCount;
    if (row.unsubscribed) flags++;
  }
  return `${rows.length}:${delivered}:${opens}:${clicks}:${flags}`;
}

/**
 * The per-contact statistics of a campaign whose send is finished, in a sortable, filterable
 * table that exports to Excel or CSV from its context menu (right-click ▸ Exporter ▸ Excel /
 * CSV). A `<campaign-stats-summary>` whose `stats-target` it is filters it to a figure's contacts.
 *
 * @tag campaign-stats-grid
 * @summary Per-contact statistics of a finished campaign, with right-click Excel and CSV export.
 *
 * @fires campaign-stats-load - Statistics were loaded or refreshed. Detail: `{campaign, total, asOf}`.
 * @fires campaign-stats-error - A data-source call or an export failed. Detail: `{error, operation}` (`getStatsSummary`: the links' labels and the Synthèse sheet are missing, the table is shown).
 * @fires campaign-stats-export - Cancelable; before an export is written. Detail: `{campaign, fileName, rowCount, format}` (`format`: `xlsx` or `csv`).
 * @fires campaign-stats-exported - An export was written. Detail: `{campaign, fileName, rowCount, format, byteLength, thread}` (`thread`: `worker`, or `main` where no worker could start).
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The bar with search, row count, data time, refresh and export.
 * @csspart search - The global search box.
 * @csspart row-count - The number of contacts shown.
 * @csspart as-of - The time the data is from.
 * @csspart button - Every toolbar button.
 * @csspart refresh-button - The refresh button.
 * @csspart export-button - The button that opens the export menu.
 * @csspart help - The help text under the toolbar.
 * @csspart summary-filter - The banner of a filter that came from `<campaign-stats-summary>`.
 * @csspart clear-summary-filter-button - The banner's button that clears that filter.
 * @csspart table-area - The positioned area around the table, its states and menu.
 * @csspart grid - The element Tabulator renders the table into.
 * @csspart state - Every state panel (no campaign, loading, not yet available, empty, error).
 * @csspart state-loading - The loading state.
 * @csspart state-not-available - The "not yet available" state.
 * @csspart state-empty - The empty-campaign state.
 * @csspart state-error - The error state.
 * @csspart retry-button - The retry button of the error state.
 * @csspart menu - The context menu, its submenu, and the toolbar's export menu.
 * @csspart submenu - The Exporter submenu.
 * @csspart menu-item - A context-menu item.
 * @csspart status - Export progress and results, and a cleared summary filter, announced politely.
 * @csspart export-progress - The bar, count, estimate and cancel button of a running export.
 * @csspart progress-bar - The export's progress bar.
 * @csspart cancel-export-button - The button that cancels a running export.
 *
 * @cssprop --campaign-stats-color-primary - Accent: header of the Excel file aside, buttons and menu highlight (default #1f4e79).
 * @cssprop --campaign-stats-color-primary-contrast - Text on the accent colour.
 * @cssprop --campaign-stats-color-text - Text colour.
 * @cssprop --campaign-stats-color-muted - Secondary text colour.
 * @cssprop --campaign-stats-color-surface - Background.
 * @cssprop --campaign-stats-color-surface-alt - Secondary background (header, hovered buttons).
 * @cssprop --campaign-stats-color-border - Borders.
 * @cssprop --campaign-stats-color-focus - Focus ring.
 * @cssprop --campaign-stats-color-success - "Delivered" marker.
 * @cssprop --campaign-stats-color-warning - Soft failures and warnings.
 * @cssprop --campaign-stats-color-danger - Hard failures and errors.
 * @cssprop --campaign-stats-font-family - Font.
 * @cssprop --campaign-stats-font-size - Base font size.
 * @cssprop --campaign-stats-radius - Corner radius.
 * @cssprop --campaign-stats-spacing - Base spacing unit.
 * @cssprop --campaign-stats-grid-header-background - Background of the table header.
 * @cssprop --campaign-stats-grid-row-hover-background - Background of a hovered row.
 * @cssprop --campaign-stats-grid-row-alt-background - Background of every other row.
 */
export class CampaignStatsGrid extends CampaignStatsElement {
  static override styles = [themeStyles, layoutStyles, stateStyles, tabulatorStyles, gridStyles];

  /** The campaign whose statistics are shown. */
  @property({ attribute: 'campaign-id', reflect: true }) campaignId = '';

  /** Seconds between automatic refreshes; 0 turns them off (minimum 5). */
  @property({ attribute: 'refresh-interval', type: Number }) refreshInterval = 0;

  /** Height of the table, a CSS length. */
  @property() height = DEFAULT_HEIGHT;

  /**
   * Above this many contacts (default 200,000) the grid reads the campaign page by page: it
   * stops loading every row to sort and filter them in the browser, and asks the data source
   * for one page at a time (250 rows) with the table's sort, header filters and search, so
   * that memory stays bounded whatever the campaign's size. The total of the first page the
   * data source answers decides. The table then has a paginator; the export reads every page.
   */
  @property({ attribute: 'server-side-threshold', type: Number }) serverSideThreshold = DEFAULT_SERVER_SIDE_THRESHOLD;

  /**
   * Server-side mode: how many pages (of 5,000 rows) an export asks the data source for at a
   * time, from 1 to 8 (default 4): the source's latency is then paid about once per that many
   * pages. 1 for an API that must not get concurrent requests.
   */
  @property({ attribute: 'export-pages-in-flight', type: Number }) exportPagesInFlight = EXPORT_PAGES_IN_FLIGHT;

  /**
   * URL of the export worker file (`dist/export/export-worker.js` of the package), for hosts
   * whose bundler does not emit it and who serve it themselves; else the page-wide
   * `setExportWorkerUrl()`, else the file beside the library's module.
   */
  @property({ attribute: 'export-worker-url' }) exportWorkerUrl?: string;

  /** Milliseconds a data-source call may take before it counts as failed. */
  @property({ attribute: false }) requestTimeout = 30_000;

  @state() private view: LoadResult | null = null;
  @state() private search = '';
  /** Server-side mode: a page refresh under way, and the last page request that failed. */
  @state() private pageRefreshing = false;
  @state() private pageError: unknown = undefined;

  /** What the table was built from: the rows (client-side mode) or the first page (server-side mode). */
  private appliedData: ContactStats[] | Paged['firstPage'] | null = null;
  private tableWork: Promise<void> = Promise.resolve();

  private readonly table = new StatsTableController(this, this.localize, (text) => this.exports.say(text));
  private readonly dataTime = new DataTimeController(this);
  private readonly rowCount = new RowCountAnnouncer(this, (text) => this.exports.say(text));
  private readonly exports = new ExportController(this, this.localize, {
    retry: (format) => {
      void this.exportFile(format, {}).catch(() => undefined);
      // The retry button goes with the failure: the focus goes to the new export's cancel button.
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="cancel-export-button"]')?.focus());
    },
    focusFallback: () => this.renderRoot.querySelector<HTMLElement>('[part~="export-button"]'),
  });

  private readonly summaryFilter = new SummaryFilterController(this, this.table, {
    localize: this.localize,
    settledCount: () => (this.table.loading ? null : this.table.shownCount),
    shownCampaignId: () => (this.view?.kind === 'loaded' || this.view?.kind === 'paged' ? this.view.campaign.id : undefined),
    onApplied: () => (this.search = ''),
    onCleared: () => {
      this.exports.announce(this.localize.messages.summaryFilterCleared);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.search')?.focus());
    },
    warn: (message) => this.warnOnce(`summary-filter:${message}`, message),
  });
  private readonly menu = new ExportMenuController(this, {
    messages: () => this.localize.messages,
    container: () => this.renderRoot.querySelector<HTMLElement>('.table-area'),
    onExport: (format) => void this.exportFile(format, {}).catch(() => undefined),
    canExport: () => !this.exports.running && this.table.built,
  });
  private readonly activity = new UserActivityController(this);
  private readonly autoRefresh = new IntervalController(
    this,
    () => {
      if (this.view && this.loadTask.status !== TaskStatus.PENDING && !this.pageRefreshing) void this.refresh().catch(() => undefined);
    },
    // Not in the middle of the user's work: rows that move under the pointer, a menu whose
    // target changes, an export of figures of two times.
    () => this.activity.busy || this.menu.isOpen || this.exports.running,
  );

  private readonly loadTask = new Task(this, {
    args: () => [this.campaignId, this.source, this.requestTimeout, this.effectiveThreshold] as const,
    task: ([campaignId, source, timeout, threshold], { signal }) => this.load(campaignId, source, timeout, threshold, signal),
    onComplete: (result) => this.loaded(result),
    onError: (error) => this.failed(error),
  });

  /**
   * Loads the figures again (same campaign), keeping the user's sort, filters, search and
   * scroll position; in server-side mode, asks again for the page on screen only. Rejects
   * when the data source fails; the grid then keeps the previous figures.
   */
  async refresh(): Promise<void> {
    if (this.view?.kind === 'paged' && this.table.paged) return this.refreshPage(this.view);
    await this.loadTask.run();
    if (this.loadTask.status === TaskStatus.ERROR) {
      const error = this.loadTask.error;
      throw toError(failureCause(error));
    }
  }

  /**
   * Shows only the contacts of a `<campaign-stats-summary>` figure or link (`null`: clears
   * it): the search and the other header filters are cleared, and a banner says where the
   * filter came from. A filter for the campaign being loaded is set once its table is built.
   * The summary calls it on its `stats-target`; a host may call it too.
   */
  applySummaryFilter(filter: CampaignStatsSummaryFilter | null): void {
    this.summaryFilter.set(filter, this.campaignId);
  }

  /**
   * Writes the rows the user sees (filters, search and sort applied; visible columns in order)
   * to an .xlsx file, with its "Campagne" sheet and, when the data source gives the figures,
   * its "Synthèse" sheet. With `download` (the default) the file is saved as the menu does.
   * Rejects with an `AbortError` when a `campaign-stats-export` listener cancels it.
   */
  exportExcel(options: { download?: boolean } = {}): Promise<ExportResult> {
    return this.exportFile('xlsx', options);
  }

  /**
   * The same rows and columns as `exportExcel()`, as a CSV file: UTF-8 with a BOM, `;` between
   * fields in French (what French Excel reads) and `,` in English, formula-like texts made inert.
   */
  exportCsv(options: { download?: boolean } = {}): Promise<ExportResult> {
    return this.exportFile('csv', options);
  }

  private exportFile(format: ExportFormat, options: { download?: boolean }): Promise<ExportResult> {
    const view = this.view;
    if ((view?.kind !== 'loaded' && view?.kind !== 'paged') || !this.table.built) {
      return Promise.reject(new DOMException('There are no loaded statistics to export.', 'InvalidStateError'));
    }
    const m = this.localize.messages;
    const { campaign, asOf } = view;
    const columns = this.table.visibleColumns().map((column) => exportColumn(column, m));
    // What produced the rows, for the "Campagne" sheet: read now, as the export starts.
    const search = this.table.searchText;
    const exportedView = { ...(search && { search }), filters: this.table.shownFilters(), campaignTotal: view.total };
    return this.exports.run({
      format,
      campaign,
      fileName: exportFileName(campaign.name, new Date(asOf), m.fileNameWord, format),
      rows: this.exportRows(view),
      download: options.download ?? true,
      workerUrl: this.exportWorkerUrl || undefined,
      meta: async () => ({
        columns,
        campaign,
        asOf,
        locale: this.localize.locale,
        texts: workbookTexts(m, campaign.channel),
        view: exportedView,
        // Only the .xlsx has a "Synthèse" sheet: a CSV does not wait for the summary.
        summary: format === 'xlsx' ? await view.summary.then((summary) => summary && summarySheet(summary, campaign.channel, m)) : undefined,
      }),
    });
  }

  /** The rows an export writes: the table's view, read through the data source in server-side mode. */
  private exportRows(view: Loaded | Paged): RowSource {
    if (view.kind === 'paged') return pagedRowSource(view.fetchPage, this.table.currentView(), this.table.shownCount ?? view.total, EXPORT_PAGE_SIZE, this.effectivePagesInFlight);
    return rowsFromArray(this.table.activeRows());
  }

  private async load(
    campaignId: string,
    source: CampaignDataSource | undefined,
    timeout: number,
    threshold: number,
    signal: AbortSignal,
  ): Promise<LoadResult | null> {
    if (!campaignId || !source) return null;
    // Fetched alongside the data, so that the table can be built as soon as the rows arrive.
    void loadTabulator().catch(() => undefined);
    this.localize.prepareFormatters();
    const campaign = await loadCampaign(source, campaignId, timeout, signal);
    // The send-finished rule: no statistics are asked for before the send is finished.
    if (!isSendFinished(campaign)) return { kind: 'not-available', campaign };
    const fetchPage = statsPageFetcher(source, campaign, timeout);
    // Alongside the rows; its failure leaves the table without link labels, not without rows.
    const summary = fetchGridSummary(source, campaign, timeout, signal).catch((error: unknown) => {
      if (!signal.aborted) this.failed(error);
      return undefined;
    });
    const shown = this.view;
    const previousLinks = (shown?.kind === 'loaded' || shown?.kind === 'paged') && shown.campaign.id === campaign.id ? shown.links : undefined;
    try {
      // The first page tells the campaign's size, hence the mode; server-side mode shows it first.
      const firstQuery = { offset: 0, limit: SERVER_PAGE_SIZE };
      const page = await fetchPage(firstQuery, signal);
      if (page.total > threshold) {
        if (signal.aborted) throw abortError();
        const links = knownLinks(undefined, page.rows, previousLinks);
        // Page by page, the rows' figures are not all known: the data time and count stand for them.
        const figures = `${page.total}@${page.asOf}`;
        return { kind: 'paged', campaign, fetchPage, firstPage: { query: firstQuery, page }, total: page.total, asOf: page.asOf, summary, links, previousLinks, figures };
      }
      const { rows, asOf } = await readWholeCampaign(fetchPage, page, signal);
      // Counting the links and the figures of every row is a task of its own, not the last page's.
      await nextTask();
      if (signal.aborted) throw abortError();
      const links = knownLinks(undefined, rows, previousLinks);
      return { kind: 'loaded', campaign, rows, total: rows.length, asOf, summary, links, previousLinks, figures: figuresKey(rows) };
    } catch (error) {
      throw new OperationError('getContactStats', error);
    }
  }

  /** Server-side mode: the page on screen asked again; the data time and count follow the answer. */
  private async refreshPage(view: Paged): Promise<void> {
    this.pageRefreshing = true;
    try {
      const page = await this.table.refreshPage();
      const current = this.view?.kind === 'paged' ? this.view : view;
      emit(this, 'campaign-stats-load', { campaign: view.campaign, total: current.total, asOf: page.asOf });
    } catch (error) {
      // A page change or another campaign overtook the refresh: nothing failed.
      if (isAbortError(error)) return;
      this.pageFailed(error);
      throw error;
    } finally {
      this.pageRefreshing = false;
    }
  }

  private pageFailed(error: unknown): void {
    this.pageError = error;
    emit(this, 'campaign-stats-error', { error: toError(error), operation: 'getContactStats' });
  }

  /** How the table of a paged view reaches the data source and reports what it shows. */
  private paging(view: Paged): ServerPaging {
    return {
      fetchPage: view.fetchPage,
      firstPage: view.firstPage,
      onPage: (page: CleanStatsPage, query) => {
        const current = this.view;
        if (current?.kind !== 'paged' || current.firstPage !== view.firstPage) return;
        this.pageError = undefined;
        // Without filters or search, the page's count is the campaign's.
        const whole = !query.filters && !query.search;
        const total = whole ? page.total : current.total;
        this.view = { ...current, asOf: page.asOf, total, figures: `${total}@${page.asOf}` };
      },
      onPageError: (error) => this.pageFailed(error),
    };
  }

  private loaded(result: LoadResult | null): void {
    this.view = result;
    this.pageError = undefined;
    if (result?.kind === 'loaded' || result?.kind === 'paged') {
      emit(this, 'campaign-stats-load', { campaign: result.campaign, total: result.total, asOf: result.asOf });
      void result.summary.then((summary) => this.summaryArrived(result, summary));
    }
  }

  /** The summary of a load: the links' labels and filter choices, if that load is still the one shown. */
  private summaryArrived(result: Loaded | Paged, summary: SummaryData | undefined): void {
    const current = this.view;
    if (!summary || (current?.kind !== 'loaded' && current?.kind !== 'paged') || current.summary !== result.summary) return;
    const links = knownLinks(summary, current.kind === 'loaded' ? current.rows : current.firstPage.page.rows, current.previousLinks);
    this.view = { ...current, links };
    if (this.table.built) this.table.setColumns(statsColumns(current.campaign.channel, links));
  }

  private failed(error: unknown): void {
    const operation: CampaignStatsOperation = error instanceof OperationError ? (error.operation as CampaignStatsOperation) : 'getCampaign';
    emit(this, 'campaign-stats-error', { error: toError(failureCause(error)), operation });
  }

  private get effectiveThreshold(): number {
    const threshold = Number(this.serverSideThreshold);
    if (Number.isFinite(threshold) && threshold >= 0) return threshold;
    this.warnOnce(
      `threshold:${this.serverSideThreshold}`,
      `server-side-threshold must be a number of contacts ≥ 0; ${DEFAULT_SERVER_SIDE_THRESHOLD} is used.`,
    );
    return DEFAULT_SERVER_SIDE_THRESHOLD;
  }

  private get effectivePagesInFlight(): number {
    const pages = Number(this.exportPagesInFlight);
    if (Number.isInteger(pages) && pages >= 1 && pages <= MAX_EXPORT_PAGES_IN_FLIGHT) return pages;
    this.warnOnce(
      `pages-in-flight:${this.exportPagesInFlight}`,
      `export-pages-in-flight must be a whole number from 1 to ${MAX_EXPORT_PAGES_IN_FLIGHT}; ${EXPORT_PAGES_IN_FLIGHT} is used.`,
    );
    return EXPORT_PAGES_IN_FLIGHT;
  }

  private get effectiveHeight(): string {
    if (typeof CSS !== 'undefined' && CSS.supports('height', this.height)) return this.height;
    this.warnOnce(`height:${this.height}`, `height="${this.height}" is not a CSS length; ${DEFAULT_HEIGHT} is used.`);
    return DEFAULT_HEIGHT;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('campaignId') && changed.get('campaignId') !== undefined) {
      // Never show the previous campaign's rows, not even for one frame.
      this.view = null;
      this.appliedData = null;
      this.pageError = undefined;
      this.search = '';
      this.exports.reset();
      this.menu.close(false);
      this.table.destroy();
    }
    if (changed.has('refreshInterval')) {
      this.autoRefresh.set(refreshSeconds(this.refreshInterval, (message) => this.warnOnce(`interval:${this.refreshInterval}`, message)));
    }
    const view = this.view;
    if (view?.kind === 'loaded' || view?.kind === 'paged') this.dataTime.shows(view.campaign.id, view.figures);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.table.relocalize();
    const shown = this.view;
    if ((shown?.kind === 'loaded' || shown?.kind === 'paged') && (shown.total === 0 || (this.table.built && !this.table.loading))) {
      const count = shown.total === 0 ? 0 : this.table.shownCount;
      this.rowCount.shows(shown.campaign.id, count, () => this.countText(shown, count ?? shown.total));
    }
    if (changed.has('height') && this.table.built) this.table.setHeight(this.effectiveHeight);
    const view = this.view;
    const data = view?.kind === 'loaded' ? (view.rows.length > 0 ? view.rows : null) : view?.kind === 'paged' ? view.firstPage : null;
    if (view && view.kind !== 'not-available' && data && data !== this.appliedData) {
      this.appliedData = data;
      this.tableWork = this.tableWork.then(() => this.showTable(view)).catch((error: unknown) => this.failed(error));
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back after its table was ended (removed, then appended in a later task): the rows it
    // has are shown again, without asking the data source.
    if (this.appliedData && !this.table.built) {
      this.appliedData = null;
      this.requestUpdate();
    }
  }

  private async showTable(view: Loaded | Paged): Promise<void> {
    if (this.view?.campaign.id !== view.campaign.id) return;
    // New figures for the rows in memory keep the table; a new mode or new pages need a new one.
    if (view.kind === 'loaded' && this.table.built && !this.table.paged) {
      this.table.setColumns(statsColumns(view.campaign.channel, view.links));
      return this.table.replaceRows(view.rows, view.asOf);
    }
    await this.updateComplete;
    const element = this.renderRoot.querySelector<HTMLElement>('.grid');
    const popupContainer = this.renderRoot.querySelector<HTMLElement>('.table-area');
    if (!element || !popupContainer) return;
    this.table.destroy();
    const settings = { columns: statsColumns(view.campaign.channel, view.links), height: this.effectiveHeight, asOf: view.asOf, popupContainer };
    await this.table.build(element, view.kind === 'loaded' ? { ...settings, rows: view.rows } : { ...settings, paging: this.paging(view) });
    this.table.setSearch(this.search);
    this.table.setLabel(this.localize.messages.gridLabel(view.campaign.name));
    // The summary's labels may have come while the table was being built.
    const current = this.view;
    if (current?.kind === view.kind && current.links !== view.links) this.table.setColumns(statsColumns(view.campaign.channel, current.links));
    this.summaryFilter.apply();
  }

  private onSearchInput(event: Event): void {
    this.search = (event.target as HTMLInputElement).value;
    this.table.setSearch(this.search);
  }

  private retry(): void {
    void this.refresh().catch(() => undefined);
  }

  override render(): TemplateResult {
    // The status line is there in every state: a live region must exist before it speaks.
    return html`<div class="base" part="base">${this.renderBody()}${this.exports.renderStatus()}</div>`;
  }

  private renderBody(): TemplateResult {
    const m = this.localize.messages;
    if (!this.campaignId) return renderState('no-campaign', html`<span>${m.noCampaign}</span>`);
    if (!this.source) return renderState('error', html`<strong>${m.errorTitle}</strong><span>${m.noDataSource}</span>`, 'alert');
    const view = this.view;
    const status = this.loadTask.status;
    if (view?.kind === 'not-available') {
      return renderNotAvailable(view.campaign, m);
    }
    if (view?.kind === 'loaded' || view?.kind === 'paged') return this.renderLoaded(view);
    if (status === TaskStatus.ERROR) return renderErrorState(failureCause(this.loadTask.error), m, () => this.retry());
    return renderLoadingState(m.loading);
  }

  /** "5 000 contacts", or "12 sur 5 000 contacts" when filters or the search hide some. */
  private countText(view: Loaded | Paged, shown: number): string {
    const m = this.localize.messages;
    const total = this.localize.number(view.total);
    return shown === view.total ? m.rowCount(view.total, total) : m.filteredRowCount(this.localize.number(shown), total, view.total);
  }

  private renderLoaded(view: Loaded | Paged): TemplateResult {
    const m = this.localize.messages;
    const refreshing = this.loadTask.status === TaskStatus.PENDING || this.pageRefreshing;
    const shown = this.table.shownCount ?? view.total;
    const count = this.countText(view, shown);
    const isEmpty = view.total === 0;
    const exportBlocked = isEmpty || this.exports.running || !this.table.built;
    const refreshError =
      this.pageError !== undefined
        ? describeError(this.pageError, m)
        : this.loadTask.status === TaskStatus.ERROR
          ? describeError(failureCause(this.loadTask.error), m)
          : null;
    return html`
      <div class="toolbar" part="toolbar">
        <input
          class="search"
          part="search"
          type="search"
          .value=${this.search}
          placeholder=${m.searchPlaceholder}
          aria-label=${m.searchLabel}
          ?disabled=${isEmpty}
          @input=${this.onSearchInput}
        />
        <span class="count" part="row-count">${count}</span>
        <span class="spacer"></span>
        ${renderDataTime(this.localize, view.asOf, refreshing, () => this.retry(), this.dataTime.updated)}
        <button
          class="button primary"
          part="button export-button"
          type="button"
          aria-haspopup="menu"
          aria-expanded=${this.menu.openedFromButton ? 'true' : 'false'}
          aria-disabled=${exportBlocked ? 'true' : 'false'}
          @click=${(e: Event) => {
            // Still focusable while unavailable (a running export, no rows): the focus a menu gives back stays on it.
            if (!exportBlocked) this.menu.toggleUnder(e.currentTarget as HTMLElement);
          }}
        >
          ${m.exportButton} <span aria-hidden="true">▾</span>
        </button>
      </div>
      <p class="help" part="help">${m.rawFiguresHelp}${view.campaign.channel === 'sms' ? html` ${m.smsNoOpenHelp}` : nothing}</p>
      ${renderRefreshFailed(refreshError, m, () => this.retry())}
      ${this.summaryFilter.render()}
      <div class="table-area" part="table-area">
        ${isEmpty
          ? renderState('empty', html`<strong>${m.empty}</strong>`)
          : html`<div class="grid" part="grid" @contextmenu=${this.menu.onContextMenu} @keydown=${this.menu.onTableKeydown}></div>
              ${this.table.built && shown === 0 ? html`<div class="state overlay" part="state state-no-match">${m.noMatch}</div>` : nothing}`}
        ${this.menu.render()}
      </div>
      ${this.exports.renderProgress()}
    `;
  }
}
