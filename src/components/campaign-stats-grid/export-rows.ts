import type { RowSource } from '../../export/excel-export.js';
import { throwIfAborted } from '../../internal/abort.js';
import type { CleanStatsPage } from '../../data/validate.js';
import type { FetchStatsPage } from '../../internal/contact-pages.js';
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

interface Asked {
  offset: number;
  limit: number;
  page: Promise<CleanStatsPage>;
}

/**
 * Every row of a view (sort, filters, search) read from the data source page by page, for
 * server-side mode, in order. The first page tells how many rows the source gives per call (it
 * may give fewer than asked); then up to `inFlight` pages are asked ahead at their offsets
 * while the writer works, so that a 1,000,000-row export waits on the source's latency about
 * once per `inFlight` pages. A page that comes short in the middle has its missing rows asked
 * again before the next page is given. `signal` stops the reading and the requests in flight.
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
    async *pages(signal) {
      const ask = (offset: number, limit: number): Asked => {
        throwIfAborted(signal);
        const page = fetchPage({ ...view, offset, limit }, signal);
        // Handled where it is awaited; a reader that stops early leaves it unawaited.
        page.catch(() => undefined);
        return { offset, limit, page };
      };
      if (totalRows <= 0) return;
      let given = 0;
      let step = Math.min(pageSize, totalRows);
      const queue: Asked[] = [ask(0, step)];
      /** The offset the next page ahead is asked at: the source's offsets count the rows it sent, dropped ones included. */
      let ahead = step;
      let first = true;
      while (queue.length > 0) {
        const asked = queue.shift()!;
        const page = await asked.page;
        // A source may answer an aborted request all the same: its rows are not given.
        throwIfAborted(signal);
        const received = page.rows.length + page.dropped;
        if (received === 0) return;
        if (first) {
          first = false;
          // A source that gives fewer rows per call than asked: its size, from now on.
          if (received < asked.limit) {
            step = received;
            ahead = received;
          }
        } else if (received < asked.limit && asked.offset + received < totalRows) {
          // Short in the middle: the rest of that page comes next, before the pages asked ahead.
          queue.unshift(ask(asked.offset + received, asked.limit - received));
        }
        const rows = page.rows.slice(0, totalRows - given) as unknown as Record<string, unknown>[];
        given += rows.length;
        if (given >= totalRows) {
          if (rows.length > 0) yield rows;
          return;
        }
        while (queue.length < inFlight && ahead < totalRows) {
          queue.push(ask(ahead, Math.min(step, totalRows - ahead)));
          ahead += step;
        }
        // Rows are plain records to the writer, which reads them by column field.
        if (rows.length > 0) yield rows;
      }
    },
  };
}
