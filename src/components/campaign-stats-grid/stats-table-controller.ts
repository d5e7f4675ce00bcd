import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ColumnDefinition, Filter, Options, Tabulator } from 'tabulator-tables';
import type { ContactStats, StatsQuery } from '../../data/campaign-data-source.js';
import { searchMatcher, SEARCHED_FIELDS } from '../../data/stats-query.js';
import type { CleanStatsPage } from '../../data/validate.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import { emptyHTML } from '../../internal/trusted-types.js';
import { columnDefinitions, filterText, statsFilters, type ColumnContext } from './column-definitions.js';
import { GridKeyboardController, type GridRowsView } from './grid-keyboard-controller.js';
import { RemotePages, SERVER_PAGE_SIZE, type RemotePagesHost, type RemoteParams, type RemoteState, type ServerPaging } from './remote-pages.js';
import { updateChangedRows } from './row-updates.js';
import type { StatsColumn } from './stats-columns.js';
import { measureRowHeight, restoreScroll, scrollPosition, TextMeasure, type ScrollPosition } from './table-layout.js';

let tabulatorModule: Promise<typeof import('./tabulator.js')> | undefined;

/** Starts loading Tabulator (once); the grid calls it as soon as it starts fetching. */
export function loadTabulator(): Promise<typeof import('./tabulator.js')> {
  tabulatorModule ??= import('./tabulator.js');
  return tabulatorModule;
}

/** The sort, filters and search of a query: what stays the same from page to page. */
export type StatsView = Omit<StatsQuery, 'offset' | 'limit'>;

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
interface TableState extends RemoteState {
  scroll: ScrollPosition | undefined;
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
  private lastScroll: ScrollPosition | undefined;
  private element: HTMLElement | undefined;
  private settings: TableSettings | undefined;
  private columns: readonly StatsColumn[] = [];
  private search = '';
  /** The search the table's rows are filtered by now (client-side mode). */
  private filteredBy = '';
  private builtLang = '';
  private referenceTime = Date.now();
  /** Server-side mode's pages; undefined in client-side mode. */
  private remote: RemotePages | undefined;
  private readonly remoteHost: RemotePagesHost;
  private readonly textMeasure = new TextMeasure();
  /** Rows shown after filters and search (server-side mode: the data source's count); null while no table is built. */
  shownCount: number | null = null;

  private readonly columnContext: ColumnContext;
  private readonly keyboard: GridKeyboardController;
  /** The table's `tableBuilt` has come (see `built`). */
  private ready = false;
  /** The search changed while the table was being built (server-side mode): its first page may not have it. */
  private searchWhileBuilding = false;
  /** The table's rows in the whole view, for the keyboard's positions. */
  private readonly rowsView: GridRowsView;

  /** `announce` says what the user did not see happen at the focus (a column's new width, a page loading). */
  constructor(host: ReactiveControllerHost & HTMLElement, localize: LocalizeController, announce: (text: string) => void) {
    this.host = host;
    this.localize = localize;
    this.columnContext = { localize, referenceTime: () => this.referenceTime, measure: (text, bold) => this.textMeasure.width(text, bold) };
    this.keyboard = new GridKeyboardController({
      announce,
      widthText: (column, em) => localize.messages.columnWidth(column, localize.number(em)),
    });
    this.rowsView = {
      offset: () => this.remote?.offset() ?? 0,
      total: () => (this.remote ? this.remote.total : (this.table?.getDataCount('active') ?? 0)),
      pageSize: () => (this.remote ? SERVER_PAGE_SIZE : undefined),
      showRow: async (index) => {
        await this.table?.setPage(Math.floor(index / SERVER_PAGE_SIZE) + 1);
      },
    };
    this.remoteHost = {
      localize,
      announce,
      query: (params) => this.query(params),
      showing: (page) => {
        this.referenceTime = new Date(page.asOf).getTime();
        this.shownCount = page.total;
        this.host.requestUpdate();
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
    if (this.table && this.lastScroll) restoreScroll(this.element, this.lastScroll);
  }

  /** Whether the table is built: Tabulator's API (sorters, filters, columns) is there only after its `tableBuilt`. */
  get built(): boolean {
    return this.table !== undefined && this.ready;
  }

  /** Tabulator's column definitions, measured in the table's font of now (a theme or the language may have changed it). */
  private definitions(): ColumnDefinition[] {
    this.textMeasure.reset(this.element);
    return columnDefinitions(this.columns, this.columnContext);
  }

  /** Whether a page is on its way from the data source (server-side mode): `shownCount` is the previous page's. */
  get loading(): boolean {
    return this.remote?.loading ?? false;
  }

  /** Whether the table built reads its rows page by page (server-side mode). */
  get paged(): boolean {
    return this.table !== undefined && this.remote !== undefined;
  }

  /** Builds the table in `element`; resolves once Tabulator has rendered it. */
  async build(element: HTMLElement, config: StatsTableConfig, state?: TableState): Promise<void> {
    const { Tabulator, TEXT_ONLY, KNOWN_ROW_HEIGHT } = await loadTabulator();
    // The campaign may have changed while Tabulator loaded: nothing to build then.
    if (!element.isConnected) return;
    this.teardown();
    this.element = element;
    this.settings = config;
    this.columns = config.columns;
    this.referenceTime = new Date(config.asOf).getTime();
    this.builtLang = this.localize.locale;
    const options: Options & { [TEXT_ONLY]: boolean; [KNOWN_ROW_HEIGHT]?: boolean } = {
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
      // A table rebuilt on the same pages is served the page it had.
      if (this.remote?.paging !== config.paging) this.remote = new RemotePages(config.paging, this.remoteHost);
      Object.assign(options, this.remote.options(element, state));
    } else {
      this.remote = undefined;
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
      options[KNOWN_ROW_HEIGHT] = true;
    }
    const table = new Tabulator(element, options);
    this.table = table;
    this.ready = false;
    this.searchWhileBuilding = false;
    await new Promise<void>((resolve) => table.on('tableBuilt', () => resolve()));
    if (this.table !== table) return;
    this.ready = true;
    this.remote?.attach(table);
    if (this.remote && this.searchWhileBuilding) void table.setData().catch(() => undefined);
    this.searchWhileBuilding = false;
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
    if (state?.scroll) restoreScroll(element, state.scroll);
    if (this.remote) {
      this.shownCount = this.remote.total;
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
      const scroll = scrollPosition(this.element);
      await table.replaceData(rows);
      if (scroll) restoreScroll(this.element, scroll);
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
   * Server-side mode: the page on screen asked again and shown in place (see `RemotePages.refresh`).
   * Rejects with an `AbortError` when a page on its way or the table's end overtakes it.
   */
  refreshPage(): Promise<CleanStatsPage> {
    if (!this.table || !this.remote) return Promise.reject(new DOMException('No table reads its rows page by page.', 'InvalidStateError'));
    return this.remote.refresh();
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
    if (this.remote) {
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
    if (this.remote) {
      if (search.trim() === this.search.trim()) {
        this.search = search;
        return;
      }
      this.search = search;
      // A new search asks the data source for its first page; a table not built yet (Tabulator
      // creates it a task after its constructor, and setData before that throws) asks once built.
      if (this.table && this.ready) void this.table.setData().catch(() => undefined);
      else this.searchWhileBuilding = this.table !== undefined;
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
    if (!this.remote) this.applySearch();
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
    // A table being built is filtered once built (see `build`).
    const table = this.table;
    if (!table || !this.ready) return;
    const needle = this.search.trim();
    if (needle === this.filteredBy) return;
    this.filteredBy = needle;
    if (needle) table.setFilter(searchMatcher(needle) as unknown as Filter['field']);
    else table.clearFilter(false);
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
    this.remote = undefined;
    this.search = '';
    this.shownCount = null;
  }

  /** Ends the Tabulator instance and its page request; what it showed is kept for a rebuild. */
  private teardown(): void {
    this.keyboard.detach();
    this.remote?.detach();
    this.table?.destroy();
    this.table = undefined;
    this.filteredBy = '';
  }

  private async rebuild(): Promise<void> {
    const { table, element, settings, remote } = this;
    if (!table || !element || !settings || !remote) return;
    const state: TableState = {
      page: table.getPage() || 1,
      sorters: table.getSorters().map((s) => ({ column: s.field, dir: s.dir })),
      filters: table.getHeaderFilters().map(({ field, value }) => ({ field, value })),
      scroll: scrollPosition(element),
    };
    await this.build(element, { ...settings, paging: remote.paging }, state);
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

  /**
   * Tabulator sets the header's height when it lays the columns out, not when `fitColumns`
   * narrows them again as the body's scrollbar comes: a title that wraps to one more line
   * would be cut, with its filter. Laid out again then.
   */
  private realignHeaders(): void {
    const headers = this.element?.querySelectorAll<HTMLElement>('.tabulator-headers > .tabulator-col') ?? [];
    if ([...headers].some((header) => header.scrollHeight > header.clientHeight + 1)) this.table?.redraw();
  }
}
