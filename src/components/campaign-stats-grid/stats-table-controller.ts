import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ColumnDefinition, Filter, Options, Tabulator } from 'tabulator-tables';
import type { ContactStats, StatsQuery } from '../../data/campaign-data-source.js';
import { searchMatcher, SEARCHED_FIELDS } from '../../data/stats-query.js';
import type { CleanStatsPage } from '../../data/validate.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import { abortError, isAbortError } from '../../internal/abort.js';
import type { FetchStatsPage } from '../../internal/contact-pages.js';
import { emptyHTML } from '../../internal/trusted-types.js';
import { columnDefinitions, filterText, statsFilters, type ColumnContext } from './column-definitions.js';
import { GridKeyboardController, type GridRowsView } from './grid-keyboard-controller.js';
import { updateChangedRows } from './row-updates.js';
import type { StatsColumn } from './stats-columns.js';

let tabulatorModule: Promise<typeof import('./tabulator.js')> | undefined;

/** Starts loading Tabulator (once); the grid calls it as soon as it starts fetching. */
export function loadTabulator(): Promise<typeof import('./tabulator.js')> {
  tabulatorModule ??= import('./tabulator.js');
  return tabulatorModule;
}


/** Rows a page asks of the data source in server-side mode: a screenful or two of scrolling, a small answer. */
export const SERVER_PAGE_SIZE = 250;


/** The sort, filters and search of a query: what stays the same from page to page. */
export type StatsView = Omit<StatsQuery, 'offset' | 'limit'>;

/** Server-side mode: the table shows one page at a time, asked of the data source. */
export interface ServerPaging {
  fetchPage: FetchStatsPage;
  /** A page already fetched (the load's first page), served to the table's first request for it. */
  firstPage: { query: StatsQuery; page: CleanStatsPage };
  /** Each answer the table shows (page changes, refreshes): for the row count and the data time. */
  onPage(page: CleanStatsPage, query: StatsQuery): void;
  /** A page could not be fetched; the table keeps the rows it had. */
  onPageError(error: unknown): void;
}

interface TableSettings {
  columns: readonly StatsColumn[];
  height: string;
  /** The time the figures are from: activity periods count back from it. */
  asOf: string;
  /** Element inside the shadow root where the cut cells' tooltips go (page CSS does not reach the body). */
  popupContainer: HTMLElement;
}

/** Client-side mode: every row, sorted and filtered in the browser; or server-side mode. */
export type StatsTableConfig = TableSettings & ({ rows: ContactStats[] } | { paging: ServerPaging });

/** What a rebuilt table starts from, to look as the one it replaces. */
interface TableState {
  page: number;
  sorters: { column: string; dir: 'asc' | 'desc' }[];
  filters: { field: string; value: unknown }[];
  scroll: { top: number; left: number } | undefined;
}

/** The parameters Tabulator gives its request function in remote mode. */
interface RemoteParams {
  page?: number;
  size?: number;
  sort?: { field: string; dir: string }[];
  filter?: { field: string; value: unknown }[];
}

/**
 * Owns the Tabulator instance of a `<campaign-stats-grid>`: column definitions (formatters,
 * header filters, sorters) from the column model, data updates that keep the user's view,
 * the global search, and the rows the user sees, for the export.
 *
 * In server-side mode the table holds one page: Tabulator's remote pagination asks for pages
 * through `requestPage`, which turns the page, the sorters, the header filters and the search
 * into a `StatsQuery` for the data source.
 */
export class StatsTableController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly localize: LocalizeController;
  private table: Tabulator | undefined;
  /** Where the rows were scrolled to, read while connected (a disconnected scroller reads 0). */
  private lastScroll: { top: number; left: number } | undefined;
  private element: HTMLElement | undefined;
  private settings: TableSettings | undefined;
  private columns: readonly StatsColumn[] = [];
  private search = '';
  /** The search the table's rows are filtered by now (client-side mode). */
  private filteredBy = '';
  private builtLang = '';
  private referenceTime = Date.now();
  private paging: ServerPaging | undefined;
  /** The page on screen (server-side mode): asked again only by a refresh. */
  private shown: { key: string; page: CleanStatsPage } | undefined;
  /** The page request in flight: a newer one, or the table's end, aborts it. */
  private pageRequest: AbortController | undefined;
  /** Counts Tabulator's page requests: only the newest one may settle. */
  private requests = 0;
  /** A page number had the focus when it was used (see `pageButtonsMade`). */
  private refocusPage = false;
  /** Rows shown after filters and search (server-side mode: the data source's count); null while no table is built. */
  shownCount: number | null = null;

  private readonly columnContext: ColumnContext;
  private readonly keyboard: GridKeyboardController;
  /** The table's `tableBuilt` has come (see `built`). */
  private ready = false;
  private readonly announce: (text: string) => void;
  /** The table's rows in the whole view, for the keyboard's positions. */
  private readonly rowsView: GridRowsView;

  /** `announce` says what the user did not see happen at the focus (a column's new width). */
  constructor(host: ReactiveControllerHost & HTMLElement, localize: LocalizeController, announce: (text: string) => void) {
    this.host = host;
    this.localize = localize;
    this.announce = announce;
    this.columnContext = { localize, referenceTime: () => this.referenceTime, measure: (text, bold) => this.measure(text, bold) };
    this.keyboard = new GridKeyboardController({
      announce,
      widthText: (column, em) => localize.messages.columnWidth(column, localize.number(em)),
    });
    this.rowsView = {
      offset: () => (this.paging && this.table ? ((this.table.getPage() || 1) - 1) * SERVER_PAGE_SIZE : 0),
      total: () => (this.paging ? (this.shown?.page.total ?? 0) : (this.table?.getDataCount('active') ?? 0)),
      pageSize: () => (this.paging ? SERVER_PAGE_SIZE : undefined),
      showRow: async (index) => {
        await this.table?.setPage(Math.floor(index / SERVER_PAGE_SIZE) + 1);
      },
    };
    host.addController(this);
  }

  hostDisconnected(): void {
    // A grid moved to another parent (`other.append(grid)`) is connected again before this
    // runs: it keeps its table as it was (rows, page, sort, filters, scroll).
    queueMicrotask(() => {
      if (!this.host.isConnected) this.destroy();
    });
  }

  hostConnected(): void {
    // Back in a document, a scroll container starts at the top again; Tabulator's rows are laid out for where it was.
    if (this.table && this.lastScroll) this.restoreScroll(this.lastScroll);
  }

  /** Whether the table is built: Tabulator's API (sorters, filters, columns) is there only after its `tableBuilt`. */
  get built(): boolean {
    return this.table !== undefined && this.ready;
  }

  private canvas: CanvasRenderingContext2D | null | undefined;
  /** The table's font as the canvas reads it, without its weight: looked up once per set of column definitions. */
  private measuredFont: string | undefined;

  /** `text`'s width in the table's font (bold: a header's), for columns sized from their content. */
  private measure(text: string, bold: boolean): number {
    if (!this.element) return 0;
    this.canvas ??= document.createElement('canvas').getContext('2d');
    if (!this.canvas) return 0;
    if (!this.measuredFont) {
      const style = getComputedStyle(this.element);
      this.measuredFont = `${style.fontSize} ${style.fontFamily}`;
    }
    this.canvas.font = `${bold ? 600 : 400} ${this.measuredFont}`;
    return this.canvas.measureText(text).width;
  }

  /** Tabulator's column definitions, measured in the table's font of now (a theme or the language may have changed it). */
  private definitions(): ColumnDefinition[] {
    this.measuredFont = undefined;
    return columnDefinitions(this.columns, this.columnContext);
  }

  /** Whether a page is on its way from the data source (server-side mode): `shownCount` is the previous page's. */
  get loading(): boolean {
    return this.pageRequest !== undefined;
  }

  /** Whether the table built reads its rows page by page (server-side mode). */
  get paged(): boolean {
    return this.table !== undefined && this.paging !== undefined;
  }

  /** Builds the table in `element`; resolves once Tabulator has rendered it. */
  async build(element: HTMLElement, config: StatsTableConfig, state?: TableState): Promise<void> {
    const { Tabulator, TEXT_ONLY } = await loadTabulator();
    // The campaign may have changed while Tabulator loaded: nothing to build then.
    if (!element.isConnected) return;
    this.teardown();
    this.element = element;
    this.settings = config;
    this.columns = config.columns;
    this.referenceTime = new Date(config.asOf).getTime();
    this.builtLang = this.localize.locale;
    const options: Options & { [TEXT_ONLY]: boolean } = {
      index: 'contactId',
      columns: this.definitions(),
      height: config.height,
      layout: 'fitColumns',
      renderVertical: 'virtual',
      placeholder: '',
      rowFormatter: this.keyboard.rowFormatter,
      headerFilterLiveFilterDelay: 250,
      columnDefaults: { headerSortTristate: true, resizable: true, headerWordWrap: true },
      // No text as HTML, no string into an innerHTML sink (refused under Trusted Types): see tabulator.ts.
      [TEXT_ONLY]: true,
      headerSortElement: emptyHTML() as string,
    };
    if ('paging' in config) {
      this.paging = config.paging;
      this.shown ??= { key: queryKey(config.paging.firstPage.query), page: config.paging.firstPage.page };
      Object.assign(options, this.remoteOptions(state));
    } else {
      this.paging = undefined;
      options.data = config.rows;
    }
    // A known row height: Tabulator then lays rows out without reading each cell's height, a
    // forced layout per row drawn that costs more inside a shadow root. And two rows drawn
    // beyond each edge of the view rather than a whole view's height: a sort, a filter or a
    // jump of the scrollbar draws about 21 rows instead of 30 at 480 px.
    const rowHeight = measureRowHeight(element);
    if (rowHeight) {
      options.rowHeight = rowHeight;
      options.renderVerticalBuffer = 2 * rowHeight;
    }
    const table = new Tabulator(element, options);
    this.table = table;
    this.ready = false;
    await new Promise<void>((resolve) => table.on('tableBuilt', () => resolve()));
    if (this.table !== table) return;
    this.ready = true;
    this.labelPaginator();
    this.keyboard.attach(table, element, this.rowsView, config.popupContainer);
    this.lastScroll = undefined;
    element.querySelector('.tabulator-tableholder')?.addEventListener('scroll', (event) => {
      const holder = event.currentTarget as HTMLElement;
      if (holder.isConnected) this.lastScroll = { top: holder.scrollTop, left: holder.scrollLeft };
    });
    table.on('renderComplete', () => {
      this.realignHeaders();
      this.keyboard.refresh();
    });
    this.realignHeaders();
    if (state?.scroll) this.restoreScroll(state.scroll);
    if (this.paging) {
      this.shownCount = this.shown?.page.total ?? null;
      // A header clicked at the table's edge scrolls itself into view; Tabulator aligns it
      // back with the rows when it sorts them itself, not when a new page replaces them.
      table.on('renderComplete', () => {
        const header = element.querySelector<HTMLElement>('.tabulator-header-contents');
        const holder = element.querySelector<HTMLElement>('.tabulator-tableholder');
        if (header && holder && header.scrollLeft !== holder.scrollLeft) header.scrollLeft = holder.scrollLeft;
      });
    } else {
      table.on('dataFiltered', (_filters: unknown, rows: unknown[]) => {
        this.shownCount = rows.length;
        this.host.requestUpdate();
      });

      this.applySearch();
      this.shownCount = table.getDataCount('active');
    }
    this.host.requestUpdate();
  }

  /**
   * New figures for the same contacts: sort, filters, search, scroll position and focus stay.
   * Only the rows whose figures moved are changed, in slices (see `updateChangedRows`); the
   * rows are sorted and filtered again when a moved figure is one the view depends on. Other
   * contacts replace the table's rows.
   */
  async replaceRows(rows: ContactStats[], asOf: string): Promise<void> {
    const table = this.table;
    if (!table) return;
    const movedTime = new Date(asOf).getTime() !== this.referenceTime;
    this.referenceTime = new Date(asOf).getTime();
    const changes = await updateChangedRows(table, rows, () => this.table === table);
    if (changes === 'superseded') return;
    if (changes === 'other-contacts') {
      const scroll = this.scrollPosition();
      await table.replaceData(rows);
      if (scroll) this.restoreScroll(scroll);
    } else if (this.viewDependsOn(changes.fields, movedTime)) {
      table.refreshFilter();
    }
    if (this.table !== table) return;
    this.shownCount = table.getDataCount('active');
    this.keyboard.refresh();
    this.host.requestUpdate();
  }

  /** Whether the rows shown (their order, which pass) can change with these fields' values, or with the data time. */
  private viewDependsOn(fields: ReadonlySet<string>, movedTime: boolean): boolean {
    const table = this.table!;
    if (table.getSorters().some((sorter) => fields.has(sorter.field))) return true;
    // A period filter ("last 24 h") counts back from the data time.
    if (table.getHeaderFilters().some((filter) => fields.has(filter.field) || (movedTime && this.columns.find((c) => c.field === filter.field)?.filter === 'since'))) return true;
    return this.filteredBy !== '' && SEARCHED_FIELDS.some((field) => fields.has(field));
  }

  /**
   * Server-side mode: asks the data source again for the page on screen (same page, sort,
   * filters and search) and shows it in place, scroll position kept. Rejects with an
   * `AbortError` when a page on its way (fresher anyway) or the table's end overtakes it.
   */
  async refreshPage(): Promise<CleanStatsPage> {
    const table = this.table;
    const paging = this.paging;
    if (!table || !paging) throw new DOMException('No table reads its rows page by page.', 'InvalidStateError');
    // Aborting a page on its way would leave Tabulator's loading message up: the refresh gives way.
    if (this.pageRequest) throw abortError();
    const size = SERVER_PAGE_SIZE;
    const query = this.query({ page: table.getPage() || 1, size, sort: table.getSorters(), filter: table.getHeaderFilters() });
    const page = await this.fetch(paging, query);
    if (this.table !== table) throw abortError();
    const pages = pageCount(page.total, size);
    // Fewer pages than before: Tabulator goes to the new last page and asks for it itself.
    if ((table.getPage() || 1) > pages) {
      table.setMaxPage(pages);
      return page;
    }
    table.setMaxPage(pages);
    const scroll = this.scrollPosition();
    await table.replaceData(page.rows);
    if (scroll) {
      // With pagination, Tabulator renders a replaced page from its top yet keeps the old
      // scroll offset in mind, so scrolling back would not render: it is told where it is, then
      // where it goes back to (as its own resetScroll does, a scroll event it handles at once).
      const holder = this.element?.querySelector<HTMLElement>('.tabulator-tableholder');
      holder?.dispatchEvent(new Event('scroll'));
      this.restoreScroll(scroll);
      holder?.dispatchEvent(new Event('scroll'));
    }
    this.show(query, page);
    return page;
  }

  /** Re-labels headers and cells when the language changes, keeping sort and filters. */
  relocalize(): void {
    if (!this.built || this.builtLang === this.localize.locale) return;
    this.builtLang = this.localize.locale;
    this.redefineColumns();
  }

  /**
   * New columns for the same table (a link clicked for the first time adds a choice to the
   * links filter), keeping sort and filters; nothing happens when they are the same.
   */
  setColumns(columns: readonly StatsColumn[]): void {
    if (!this.built || JSON.stringify(columns) === JSON.stringify(this.columns)) return;
    this.columns = columns;
    if (this.settings) this.settings = { ...this.settings, columns };
    this.redefineColumns();
  }

  private redefineColumns(): void {
    if (!this.table) return;
    if (this.paging) {
      // Restoring sort and filters one by one would ask the data source for pages on the
      // way; a table rebuilt in the same state asks for the page on screen, which it has.
      void this.rebuild();
      return;
    }
    const sorters = this.table.getSorters().map((s) => ({ column: s.field, dir: s.dir }));
    const filters = this.table.getHeaderFilters();
    this.table.setColumns(this.definitions());
    for (const filter of filters) this.table.setHeaderFilterValue(filter.field, filter.value as string);
    if (sorters.length) this.table.setSort(sorters);
    this.realignHeaders();
    // New header elements: marked again, and the focus they held given back.
    this.keyboard.refresh();
    this.keyboard.restoreFocus();
  }

  setHeight(height: string): void {
    this.table?.setHeight(height);
  }

  /** Names the table for screen readers. */
  setLabel(label: string): void {
    this.keyboard.setLabel(label);
  }

  setSearch(search: string): void {
    if (this.paging) {
      if (search.trim() === this.search.trim()) {
        this.search = search;
        return;
      }
      this.search = search;
      // A new search asks the data source for its first page.
      if (this.table) void this.table.setData().catch(() => undefined);
      return;
    }
    this.search = search;
    this.applySearch();
  }

  /**
   * Shows only the rows of one header filter (`null`: every row): the search and the other
   * header filters are cleared, so that the count is the filter's own. Returns false when no
   * column has that field.
   */
  showOnly(filter: { field: string; value: string } | null): boolean {
    const table = this.table;
    if (!table) return false;
    if (filter && !this.columns.some((column) => column.field === filter.field)) return false;
    // Set before the filters change: in server-side mode, their request carries no search.
    this.search = '';
    table.clearHeaderFilter();
    if (filter) table.setHeaderFilterValue(filter.field, filter.value);
    if (!this.paging) this.applySearch();
    return true;
  }

  /** Clears one column's header filter. */
  clearFilter(field: string): void {
    if (this.table && this.columns.some((column) => column.field === field)) this.table.setHeaderFilterValue(field, '');
  }

  /** The value of a column's header filter ('' when none). */
  headerFilterValue(field: string): string {
    if (!this.table || !this.columns.some((column) => column.field === field)) return '';
    return String(this.table.getHeaderFilterValue(field) ?? '');
  }

  /** Filters the rows by the search, when it changed: each change filters and renders every row again. */
  private applySearch(): void {
    if (!this.table) return;
    const needle = this.search.trim();
    if (needle === this.filteredBy) return;
    this.filteredBy = needle;
    if (needle) this.table.setFilter(searchMatcher(needle) as unknown as Filter['field']);
    else this.table.clearFilter(false);
  }

  /** The rows the user sees, in order: filters, search and sort applied. */
  activeRows(): Record<string, unknown>[] {
    return (this.table?.getData('active') ?? []) as Record<string, unknown>[];
  }

  /** The sort, header filters and search the table shows now, as the data source reads them. */
  currentView(): StatsView {
    if (!this.table) return {};
    const { offset: _offset, limit: _limit, ...view } = this.query({ sort: this.table.getSorters(), filter: this.table.getHeaderFilters() });
    return view;
  }

  /** The header filters set, as the user reads them (column title, value), for the export. */
  shownFilters(): { column: string; value: string }[] {
    if (!this.table) return [];
    const m = this.localize.messages;
    return this.table.getHeaderFilters().flatMap(({ field, value }) => {
      const column = this.columns.find((c) => c.field === field);
      const text = column ? filterText(column, value, m) : '';
      return column && text && String(value ?? '').trim() !== '' ? [{ column: column.title(m), value: text }] : [];
    });
  }

  /** The search the rows are filtered by now ('' when none). */
  get searchText(): string {
    return this.search.trim();
  }

  /** The columns shown, in their current order. */
  visibleColumns(): StatsColumn[] {
    if (!this.table) return [];
    const byField = new Map(this.columns.map((c) => [c.field, c]));
    return this.table
      .getColumns()
      .filter((c) => c.isVisible())
      .map((c) => byField.get(c.getField()))
      .filter((c): c is StatsColumn => c !== undefined);
  }

  destroy(): void {
    this.teardown();
    this.element = undefined;
    this.settings = undefined;
    this.paging = undefined;
    this.shown = undefined;
    this.search = '';
    this.shownCount = null;
  }

  /** Ends the Tabulator instance and its page request; what it showed is kept for a rebuild. */
  private teardown(): void {
    this.keyboard.detach();
    this.pageRequest?.abort();
    this.pageRequest = undefined;
    this.table?.destroy();
    this.table = undefined;
    this.filteredBy = '';
  }

  private async rebuild(): Promise<void> {
    const { table, element, settings, paging } = this;
    if (!table || !element || !settings || !paging) return;
    const state: TableState = {
      page: table.getPage() || 1,
      sorters: table.getSorters().map((s) => ({ column: s.field, dir: s.dir })),
      filters: table.getHeaderFilters().map(({ field, value }) => ({ field, value })),
      scroll: this.scrollPosition(),
    };
    await this.build(element, { ...settings, paging }, state);
  }

  /** Tabulator's remote pagination, sort and filters, in the user's language. */
  private remoteOptions(state: TableState | undefined): Options {
    const m = this.localize.messages.pagination;
    const lang = this.localize.lang;
    const options: Options = {
      pagination: true,
      paginationMode: 'remote',
      paginationSize: SERVER_PAGE_SIZE,
      paginationButtonCount: 5,
      paginationInitialPage: state?.page ?? 1,
      paginationCounter: (_size, from, page, total, pages) => this.pageCounter(from, page, total, pages),
      sortMode: 'remote',
      filterMode: 'remote',
      // Tabulator calls its request function only when it has a URL; this one is never fetched.
      ajaxURL: 'campaign-data-source',
      ajaxRequestFunc: (_url, _config, params: RemoteParams) => this.requestPage(params),
      // Elements: Tabulator writes a string alert as HTML.
      dataLoaderLoading: (() => alertText(m.loading)) as unknown as HTMLElement,
      dataLoaderError: (() => alertText(m.error)) as unknown as string,
      // The button labels are written as text (tabulator.ts), the titles as attributes.
      locale: lang,
      langs: {
        [lang]: {
          pagination: {
            first: m.first,
            first_title: m.firstTitle,
            prev: m.previous,
            prev_title: m.previousTitle,
            next: m.next,
            next_title: m.nextTitle,
            last: m.last,
            last_title: m.lastTitle,
            page_title: m.page,
          },
        },
      },
    };
    if (state?.sorters.length) options.initialSort = state.sorters;
    if (state?.filters.length) options.initialHeaderFilter = state.filters as Options['initialHeaderFilter'];
    return options;
  }

  /** Tabulator's request function: one page of the data source, as Tabulator expects it. */
  private async requestPage(params: RemoteParams): Promise<{ data: ContactStats[]; last_page: number; last_row: number }> {
    const paging = this.paging!;
    const request = ++this.requests;
    const query = this.query(params);
    const key = queryKey(query);
    let page: CleanStatsPage | undefined;
    try {
      // The page on screen (or the one the load fetched) is not asked again: a rebuilt table
      // asks for it, and so does a filter set back as it was. It is awaited all the same, so
      // that a request made in the same turn (two filters changed at once) supersedes it.
      const known = this.shown?.key === key ? this.shown.page : undefined;
      if (known) this.pageRequest?.abort();
      else this.announce(this.localize.messages.pagination.loading);
      page = await (known ? Promise.resolve(known) : this.fetch(paging, query));
    } catch (error) {
      if (!isAbortError(error)) {
        paging.onPageError(error);
        throw error;
      }
    }
    // Superseded (or the table ended): never settle. Rejecting would flash Tabulator's error;
    // resolving would let a stale answer set the page count.
    if (request !== this.requests || !page) return new Promise(() => undefined);
    this.show(query, page);
    return { data: page.rows, last_page: pageCount(page.total, query.limit), last_row: page.total };
  }

  /** Asks `paging` for `query`, aborting the request in flight: only the newest answer counts. */
  private async fetch(paging: ServerPaging, query: StatsQuery): Promise<CleanStatsPage> {
    this.pageRequest?.abort();
    const request = new AbortController();
    this.pageRequest = request;
    try {
      const page = await paging.fetchPage(query, request.signal);
      if (request.signal.aborted) throw abortError();
      return page;
    } finally {
      if (this.pageRequest === request) this.pageRequest = undefined;
    }
  }

  private show(query: StatsQuery, page: CleanStatsPage): void {
    this.shown = { key: queryKey(query), page };
    this.referenceTime = new Date(page.asOf).getTime();
    this.shownCount = page.total;
    this.paging?.onPage(page, query);
    this.host.requestUpdate();
  }

  /** The data-source query for Tabulator's page, sorters and header filters, and the search. */
  private query(params: RemoteParams): StatsQuery {
    const size = params.size ?? SERVER_PAGE_SIZE;
    const query: StatsQuery = { offset: ((params.page ?? 1) - 1) * size, limit: size };
    const sort = (params.sort ?? []).map(({ field, dir }) => ({ field, dir: dir === 'desc' ? ('desc' as const) : ('asc' as const) }));
    if (sort.length) query.sort = sort;
    const filters = (params.filter ?? []).flatMap(({ field, value }) => statsFilters(this.columns.find((c) => c.field === field), value, this.referenceTime));
    if (filters.length) query.filters = filters;
    const search = this.search.trim();
    if (search) query.search = search;
    return query;
  }

  /** "Page 3 sur 4 000 · contacts 501 à 750". Tabulator asks for it right after making the page buttons. */
  private pageCounter(from: number, page: number, total: number, pages: number): HTMLElement {
    this.pageButtonsMade();
    const counter = document.createElement('span');
    if (total > 0) {
      const n = (value: number) => this.localize.number(value);
      const to = Math.min(total, from + SERVER_PAGE_SIZE - 1);
      counter.textContent = this.localize.messages.pagination.counter(n(page), n(pages), n(from), n(to));
    }
    return counter;
  }

  /** Names Tabulator's paginator as a navigation landmark, and has page changes announced. */
  private labelPaginator(): void {
    const paginator = this.element?.querySelector('.tabulator-paginator');
    if (!paginator) return;
    paginator.setAttribute('role', 'navigation');
    paginator.setAttribute('aria-label', this.localize.messages.pagination.label);
    this.element?.querySelector('.tabulator-page-counter')?.setAttribute('aria-live', 'polite');
    // Seen before the button's own handler, which changes the page (and the buttons) at once.
    paginator.addEventListener(
      'click',
      (event) => {
        const button = (event.target as Element).closest('.tabulator-page');
        this.refocusPage = button !== null && button === (paginator.getRootNode() as ShadowRoot | Document).activeElement;
      },
      { capture: true },
    );
  }

  /**
   * Tabulator makes new page-number buttons for each page, and disables First/Previous or
   * Next/Last at the ends: the current page's button is marked for assistive tech, and takes
   * the focus when the button used to get there lost it (else a keyboard user's focus would
   * fall out of the table).
   */
  private pageButtonsMade(): void {
    const current = this.element?.querySelector<HTMLElement>('.tabulator-pages .tabulator-page.active');
    current?.setAttribute('aria-current', 'page');
    if (!this.refocusPage || !current) return;
    // A removed button leaves no active element; a disabled one loses the focus a moment later.
    const active = (current.getRootNode() as ShadowRoot | Document).activeElement as HTMLButtonElement | null;
    if (!active || active.disabled) {
      current.focus();
      this.refocusPage = false;
    } else if (!active.closest('.tabulator-paginator')) {
      this.refocusPage = false;
    }
  }

  /**
   * Tabulator sets the header's height when it lays the columns out, not when `fitColumns`
   * narrows them again as the body's scrollbar comes: a title that wraps to one more line
   * would be cut, with its filter. Laid out again then.
   */
  private realignHeaders(): void {
    const headers = this.element?.querySelectorAll<HTMLElement>('.tabulator-headers > .tabulator-col') ?? [];
    if ([...headers].some((header) => header.scrollHeight > header.clientHeight + 1)) this.table?.redraw();
  }

  private scrollPosition(): { top: number; left: number } | undefined {
    const holder = this.element?.querySelector<HTMLElement>('.tabulator-tableholder');
    return holder ? { top: holder.scrollTop, left: holder.scrollLeft } : undefined;
  }

  private restoreScroll(scroll: { top: number; left: number }): void {
    const holder = this.element?.querySelector<HTMLElement>('.tabulator-tableholder');
    if (!holder) return;
    holder.scrollTop = scroll.top;
    holder.scrollLeft = scroll.left;
  }

}

function alertText(text: string): HTMLElement {
  const element = document.createElement('span');
  element.textContent = text;
  return element;
}

/**
 * The height of one row in the table's styles and font, from a probe row of Tabulator's classes
 * holding each kind of cell (cells never wrap, so every row is that tall); undefined when it
 * cannot be measured.
 */
function measureRowHeight(element: HTMLElement): number | undefined {
  const probe = document.createElement('div');
  probe.className = 'tabulator-row';
  probe.setAttribute('aria-hidden', 'true');
  // A text cell, and the badges (delivery and yes/no), whose inline boxes can stand taller than text.
  for (const badge of ['', 'delivery delivery-delivered', 'flag flag-yes']) {
    const cell = document.createElement('div');
    cell.className = 'tabulator-cell';
    const content = badge ? document.createElement('span') : cell;
    if (badge) {
      content.className = badge;
      cell.append(content);
    }
    content.textContent = 'Ég';
    probe.append(cell);
  }
  // In the table's own font and styles (Tabulator adds the class to the element anyway).
  element.classList.add('tabulator');
  element.append(probe);
  const height = probe.getBoundingClientRect().height;
  probe.remove();
  return height > 0 ? Math.ceil(height) : undefined;
}

function queryKey(query: StatsQuery): string {
  return JSON.stringify(query);
}

function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
