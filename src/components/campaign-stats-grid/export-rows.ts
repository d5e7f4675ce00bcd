import type { RowSource } from '../../export/excel-export.js';
import { readPages, type FetchStatsPage } from '../../internal/contact-pages.js';
import type { StatsView } from './stats-table-controller.js';

/**
 * Rows asked per data-source call when an export reads a campaign page by page: receiving and
 * cleaning a page is one main-thread task, which stays under 50 ms at this size (10,000 did not).
 * In the bench (1,000,000 rows, a source answering after 300 ms), such a task takes at most
 * about 18 ms of the thread's CPU: some 11 to read the source's answer (its Worker's message),
 * 5 to 7 to clean it (validate.ts); handing the rows to the export worker is a task of its own
 * (excel-export.ts, at most 14 ms). Longer tasks measured there were the thread waiting for a
 * core of a loaded machine (a 203 ms task with 11 ms of CPU).
 */
export const EXPORT_PAGE_SIZE = 5_000;

/**
 * Page requests an export keeps in flight: enough that a source's latency is paid about once
 * per this many pages rather than once per page, few enough not to flood a host's API.
 */
export const EXPORT_PAGES_IN_FLIGHT = 4;

/** The most a grid's `export-pages-in-flight` may ask: more would flood a host's API for little. */
export const MAX_EXPORT_PAGES_IN_FLIGHT = 8;

/**
 * Every row of a view (sort, filters, search) read from the data source page by page, for
 * server-side mode, in order, `inFlight` pages at a time (see `readPages`).
 *
 * `totalRows` is the count the user saw; exactly that many rows are given (the writer lays
 * out its sheets from it). Figures that moved since then can add rows, which are left out, or
 * remove some: the rows then end early and the writer reports the shortfall.
 */
export function pagedRowSource(
  fetchPage: FetchStatsPage,
  view: StatsView,
  totalRows: number,
  pageSize = EXPORT_PAGE_SIZE,
  inFlight = EXPORT_PAGES_IN_FLIGHT,
): RowSource {
  return {
    totalRows,
    // Rows are plain records to the writer, which reads them by column field.
    pages: (signal) => readPages(fetchPage, view, { to: totalRows, pageSize, inFlight }, signal) as AsyncIterable<Record<string, unknown>[]>,
  };
}
