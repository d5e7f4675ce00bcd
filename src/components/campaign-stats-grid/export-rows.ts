import type { RowSource } from '../../export/excel-export.js';
import { throwIfAborted } from '../../internal/abort.js';
import type { FetchStatsPage, StatsView } from './stats-table-controller.js';

/** Rows asked per data-source call when an export reads a campaign page by page. */
export const EXPORT_PAGE_SIZE = 10_000;

/**
 * Every row of a view (sort, filters, search) read from the data source page by page, for
 * server-side mode: one page is held at a time, and `signal` stops the reading.
 *
 * `totalRows` is the count the user saw; exactly that many rows are given (the writer lays
 * out its sheets from it). Figures that moved since then can add rows, which are left out, or
 * remove some: the rows then end early and the writer reports the shortfall.
 */
export function pagedRowSource(fetchPage: FetchStatsPage, view: StatsView, totalRows: number, pageSize = EXPORT_PAGE_SIZE): RowSource {
  return {
    totalRows,
    async *pages(signal) {
      let offset = 0;
      let given = 0;
      while (given < totalRows) {
        throwIfAborted(signal);
        const page = await fetchPage({ ...view, offset, limit: Math.min(pageSize, totalRows - given) }, signal);
        // Offsets count the rows the source sent, dropped ones included; an empty page ends it.
        const received = page.rows.length + page.dropped;
        if (received === 0) return;
        offset += received;
        // Rows are plain records to the writer, which reads them by column field.
        const rows = page.rows.slice(0, totalRows - given) as unknown as Record<string, unknown>[];
        given += rows.length;
        if (rows.length > 0) yield rows;
      }
    },
  };
}
