import type { Options, Tabulator } from 'tabulator-tables';
import type { StatsQuery } from '../../data/campaign-data-source.js';
import type { CleanStatsPage } from '../../data/validate.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import { abortError, isAbortError } from '../../internal/abort.js';
import type { FetchStatsPage } from '../../internal/contact-pages.js';
import { restoreScroll, scrollPosition } from './table-layout.js';

/** Rows a page asks of the data source in server-side mode: a screenful or two of scrolling, a small answer. */
export const SERVER_PAGE_SIZE = 250;

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

/** The parameters Tabulator gives its request function in remote mode. */
export interface RemoteParams {
  page?: number;
  size?: number;
  sort?: { field: string; dir: string }[];
  filter?: { field: string; value: unknown }[];
}

/** Where a rebuilt table starts: the page, sort and filters of the one it replaces. */
export interface RemoteState {
  page: number;
  sorters: { column: string; dir: 'asc' | 'desc' }[];
  filters: { field: string; value: unknown }[];
}

/** What the paged table's owner gives: the language, the live region, the query, and what a shown page changes. */
export interface RemotePagesHost {
  readonly localize: LocalizeController;
  announce(text: string): void;
  /** The data-source query for Tabulator's page, sorters and header filters, with the search. */
  query(params: RemoteParams): StatsQuery;
  /** A page is on screen: its data time and count are the view's. */
  showing(page: CleanStatsPage): void;
}

/**
 * Server-side mode of the stats table: Tabulator's remote pagination asks for pages through
 * `requestPage`, which asks the data source, one request at a time (a newer one aborts the
 * older), and never asks again for the page on screen. Lives as long as its `ServerPaging`:
 * a table rebuilt in the same state is served the page it had.
 */
export class RemotePages {
  readonly paging: ServerPaging;
  private readonly host: RemotePagesHost;
  /** The page on screen: asked again only by a refresh. */
  private shown: { key: string; page: CleanStatsPage };
  /** The page request in flight: a newer one, or the table's end, aborts it. */
  private pageRequest: AbortController | undefined;
  /** Counts Tabulator's page requests: only the newest one may settle. */
  private requests = 0;
  /** A page number had the focus when it was used (see `pageButtonsMade`). */
  private refocusPage = false;
  private table: Tabulator | undefined;
  private element: HTMLElement | undefined;

  constructor(paging: ServerPaging, host: RemotePagesHost) {
    this.paging = paging;
    this.host = host;
    this.shown = { key: queryKey(paging.firstPage.query), page: paging.firstPage.page };
  }

  /** Whether a page is on its way from the data source. */
  get loading(): boolean {
    return this.pageRequest !== undefined;
  }

  /** The count of rows in the view, as the page on screen says. */
  get total(): number {
    return this.shown.page.total;
  }

  /** The first row's offset of the table's page in the whole view. */
  offset(): number {
    return ((this.table?.getPage() || 1) - 1) * SERVER_PAGE_SIZE;
  }

  /** Tabulator's remote pagination, sort and filters, in the user's language, from `state`, for a table in `element`. */
  options(element: HTMLElement, state: RemoteState | undefined): Options {
    // Tabulator makes the page buttons (see `pageButtonsMade`) before it has built the table.
    this.element = element;
    const m = this.host.localize.messages.pagination;
    const lang = this.host.localize.lang;
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

  /** The built table: its paginator is named and announced, its header kept aligned with the rows. */
  attach(table: Tabulator): void {
    const element = this.element;
    if (!element) return;
    this.table = table;
    this.labelPaginator();
    // A header clicked at the table's edge scrolls itself into view; Tabulator aligns it
    // back with the rows when it sorts them itself, not when a new page replaces them.
    table.on('renderComplete', () => {
      const header = element.querySelector<HTMLElement>('.tabulator-header-contents');
      const holder = element.querySelector<HTMLElement>('.tabulator-tableholder');
      if (header && holder && header.scrollLeft !== holder.scrollLeft) header.scrollLeft = holder.scrollLeft;
    });
  }

  /** The table ends: its page request with it; the page on screen is kept for a rebuild. */
  detach(): void {
    this.pageRequest?.abort();
    this.pageRequest = undefined;
    this.table = undefined;
    this.element = undefined;
  }

  /**
   * Asks the data source again for the page on screen (same page, sort, filters and search) and
   * shows it in place, scroll position kept. Rejects with an `AbortError` when a page on its way
   * (fresher anyway) or the table's end overtakes it.
   */
  async refresh(): Promise<CleanStatsPage> {
    const table = this.table;
    if (!table) throw new DOMException('No table reads its rows page by page.', 'InvalidStateError');
    // Aborting a page on its way would leave Tabulator's loading message up: the refresh gives way.
    if (this.pageRequest) throw abortError();
    const size = SERVER_PAGE_SIZE;
    const query = this.host.query({ page: table.getPage() || 1, size, sort: table.getSorters(), filter: table.getHeaderFilters() });
    const page = await this.fetch(query);
    if (this.table !== table) throw abortError();
    const pages = pageCount(page.total, size);
    table.setMaxPage(pages);
    // Fewer pages than before: Tabulator goes to the new last page and asks for it itself.
    if ((table.getPage() || 1) > pages) return page;
    const scroll = scrollPosition(this.element);
    await table.replaceData(page.rows);
    if (scroll) restoreScroll(this.element, scroll, true);
    this.show(query, page);
    return page;
  }

  /** Tabulator's request function: one page of the data source, as Tabulator expects it. */
  private async requestPage(params: RemoteParams): Promise<{ data: CleanStatsPage['rows']; last_page: number; last_row: number }> {
    const request = ++this.requests;
    const query = this.host.query(params);
    const key = queryKey(query);
    let page: CleanStatsPage | undefined;
    try {
      // The page on screen (or the one the load fetched) is not asked again: a rebuilt table
      // asks for it, and so does a filter set back as it was. It is awaited all the same, so
      // that a request made in the same turn (two filters changed at once) supersedes it.
      const known = this.shown.key === key ? this.shown.page : undefined;
      if (known) this.pageRequest?.abort();
      else this.host.announce(this.host.localize.messages.pagination.loading);
      page = await (known ? Promise.resolve(known) : this.fetch(query));
    } catch (error) {
      if (!isAbortError(error)) {
        this.paging.onPageError(error);
        throw error;
      }
    }
    // Superseded (or the table ended): never settle. Rejecting would flash Tabulator's error;
    // resolving would let a stale answer set the page count.
    if (request !== this.requests || !page) return new Promise(() => undefined);
    this.show(query, page);
    return { data: page.rows, last_page: pageCount(page.total, query.limit), last_row: page.total };
  }

  /** Asks the data source for `query`, aborting the request in flight: only the newest answer counts. */
  private async fetch(query: StatsQuery): Promise<CleanStatsPage> {
    this.pageRequest?.abort();
    const request = new AbortController();
    this.pageRequest = request;
    try {
      const page = await this.paging.fetchPage(query, request.signal);
      if (request.signal.aborted) throw abortError();
      return page;
    } finally {
      if (this.pageRequest === request) this.pageRequest = undefined;
    }
  }

  private show(query: StatsQuery, page: CleanStatsPage): void {
    this.shown = { key: queryKey(query), page };
    this.host.showing(page);
    this.paging.onPage(page, query);
  }

  /** "Page 3 sur 4 000 · contacts 501 à 750". Tabulator asks for it right after making the page buttons. */
  private pageCounter(from: number, page: number, total: number, pages: number): HTMLElement {
    this.pageButtonsMade();
    const counter = document.createElement('span');
    if (total > 0) {
      const { localize } = this.host;
      const n = (value: number) => localize.number(value);
      const to = Math.min(total, from + SERVER_PAGE_SIZE - 1);
      counter.textContent = localize.messages.pagination.counter(n(page), n(pages), n(from), n(to));
    }
    return counter;
  }

  /** Names Tabulator's paginator as a navigation landmark, and has page changes announced. */
  private labelPaginator(): void {
    const paginator = this.element?.querySelector('.tabulator-paginator');
    if (!paginator) return;
    paginator.setAttribute('role', 'navigation');
    paginator.setAttribute('aria-label', this.host.localize.messages.pagination.label);
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
}

function alertText(text: string): HTMLElement {
  const element = document.createElement('span');
  element.textContent = text;
  return element;
}

function queryKey(query: StatsQuery): string {
  return JSON.stringify(query);
}

function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}
