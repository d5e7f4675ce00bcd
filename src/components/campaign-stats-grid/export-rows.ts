import type { RowSource } from '../../export/excel-export.js';
import { throwIfAborted } from '../../internal/abort.js';
import type { FetchStatsPage } from '../../internal/contact-pages.js';
import type { StatsView } from './stats-table-controller.js';

/**
 * Rows asked per data-source call when an export reads a campaign page by page: receiving and
 * cleaning a page is one main-thread task, which stays under 50 ms at this size (10,000 did not).
 */
export const EXPORT_PAGE_SIZE = 5_000;

/**
 * Every row of a view (sort, filters, search) read from the data source page by page, for
 * server-side mode. The next page is asked for while the writer works on the current one, so
 * at most two pages are held at a time; `signal` stops the reading and the request in flight.
 *
 * `totalRows` is the count the user saw; exactly that many rows are given (the writer lays
 * out its sheets from it). Figures that moved since then can add rows, which are left out, or
 * remove some: the rows then end early and the writer reports the shortfall.
 */
export function pagedRowSource(fetchPage: FetchStatsPage, view: StatsView, totalRows: number, pageSize = EXPORT_PAGE_SIZE): RowSource {
  return {
    totalRows,
    async *pages(signal) {
      const ask = (offset: number, given: number) => {
        throwIfAborted(signal);
        const page = fetchPage({ ...view, offset, limit: Math.min(pageSize, totalRows - given) }, signal);
        // Handled where it is awaited; a reader that stops early leaves it unawaited.
        page.catch(() => undefined);
        return page;
      };
      let offset = 0;
      let given = 0;
      let next = totalRows > 0 ? ask(0, 0) : undefined;
      while (next) {
        const page = await next;
        next = undefined;
        // Offsets count the rows the source sent, dropped ones included; an empty page ends it.
        const received = page.rows.length + page.dropped;
        if (received === 0) return;
        offset += received;
        // Rows are plain records to the writer, which reads them by column field.
        const rows = page.rows.slice(0, totalRows - given) as unknown as Record<string, unknown>[];
        given += rows.length;
        if (given < totalRows) next = ask(offset, given);
        if (rows.length > 0) yield rows;
      }
    },
  };
}
