import type { Campaign, CampaignDataSource, ContactStats, StatsQuery } from '../data/campaign-data-source.js';
import { validateStatsPageInSlices, type CleanStatsPage } from '../data/validate.js';
import { MAX_DATA_ROWS_PER_SHEET } from '../export/cell-values.js';
import { abortError, callWithTimeout } from './abort.js';

/** One page of statistics from the data source, cleaned; rejects on failure or abort. */
export type FetchStatsPage = (query: StatsQuery, signal: AbortSignal) => Promise<CleanStatsPage>;

/** Above this many contacts a campaign is not loaded whole (the grid's `server-side-threshold` default). */
export const DEFAULT_SERVER_SIDE_THRESHOLD = 200_000;

/**
 * Rows asked per `getContactStats` call when a campaign is loaded whole: few round trips, and
 * pages still small enough to read (a REST source's JSON is parsed in one task) and clean in slices.
 */
const WHOLE_PAGE_SIZE = 20_000;

/**
 * The most rows an export writes: ten full sheets of an .xlsx (10 × 1,048,575 = 10,485,750),
 * the CSV alike. At the bench's pace (1,000,000 rows in 12 s, a 24 MB file) that is about two
 * minutes and 250 MB; a total beyond is refused before any request (a source's total of 10¹²
 * once left the export at "0 / 1 000 000 000 000 lignes").
 */
export const MAX_EXPORT_ROWS = 10 * MAX_DATA_ROWS_PER_SHEET;

/** An export of more rows than `MAX_EXPORT_ROWS`, or of a count that is not a whole number of rows. */
export class ExportTooLargeError extends RangeError {
  override name = 'ExportTooLargeError';
}

/** Refuses, before any row is asked for, an export whose count no file holds. */
export function checkExportTotal(totalRows: number): void {
  if (!Number.isSafeInteger(totalRows) || totalRows < 0) throw new ExportTooLargeError(`An export of ${totalRows} rows: not a whole number of rows.`);
  if (totalRows > MAX_EXPORT_ROWS) throw new ExportTooLargeError(`An export of ${totalRows} rows: at most ${MAX_EXPORT_ROWS} are written.`);
}

/**
 * `getContactStats` of `campaign`, with the timeout, answers validated for its channel (in
 * slices: a campaign loaded whole is cleaned without a long task). An
 * answer with more rows than `limit` asked is cut to it (the rest would each be a row to
 * render and clean), with one console warning per fetcher.
 */
export function statsPageFetcher(source: CampaignDataSource, campaign: Campaign, timeout: number): FetchStatsPage {
  let warned = false;
  return async (query, signal) => {
    const answer = await callWithTimeout((s) => source.getContactStats(campaign.id, query, { signal: s }), timeout, signal);
    const rows = (answer as { rows?: unknown } | null)?.rows;
    const limit = query.limit;
    if (limit === undefined || !Array.isArray(rows) || rows.length <= limit) return validateStatsPageInSlices(answer, campaign.channel);
    if (!warned) {
      warned = true;
      console.warn(`campaign statistics: getContactStats answered ${rows.length} rows for a limit of ${limit}; the rows beyond the limit are left out.`);
    }
    return validateStatsPageInSlices({ ...answer, rows: rows.slice(0, limit) }, campaign.channel);
  };
}

/**
 * Every row of a campaign, from its first page on, which told its size: no page is asked for
 * past that size, whatever the later pages say their total is (a total that grows with every
 * page would otherwise never end the load).
 */
export async function readWholeCampaign(fetchPage: FetchStatsPage, first: CleanStatsPage, signal: AbortSignal): Promise<ContactStats[]> {
  const rows: ContactStats[] = [];
  const total = first.total;
  let page = first;
  let offset = 0;
  for (;;) {
    // Not push(...rows): a page may hold more rows than a call takes arguments.
    for (const row of page.rows) rows.push(row);
    // Offsets count the rows the source sent, dropped ones included; an empty page ends it.
    const received = page.rows.length + page.dropped;
    offset += received;
    if (received === 0 || offset >= total) break;
    page = await fetchPage({ offset, limit: Math.min(WHOLE_PAGE_SIZE, total - offset) }, signal);
  }
  if (signal.aborted) throw abortError();
  return rows;
}
