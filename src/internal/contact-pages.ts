import type { Campaign, CampaignDataSource, ContactStats, StatsQuery } from '../data/campaign-data-source.js';
import { validateStatsPageInSlices, type CleanStatsPage } from '../data/validate.js';
import { MAX_DATA_ROWS_PER_SHEET } from '../export/cell-values.js';
import { abortError, callWithTimeout, throwIfAborted } from './abort.js';

/** One page of statistics from the data source, cleaned; rejects on failure or abort. */
export type FetchStatsPage = (query: StatsQuery, signal: AbortSignal) => Promise<CleanStatsPage>;

/** Above this many contacts a campaign is not loaded whole (the grid's `server-side-threshold` default). */
export const DEFAULT_SERVER_SIDE_THRESHOLD = 200_000;

/**
 * Rows asked per `getContactStats` call when a campaign is loaded whole, and the calls kept in
 * flight, as an export asks them (export-rows.ts): a page is read in one task (a REST source's
 * JSON parsed, a Worker's message cloned: 30–60 ms at 10,000 rows in the bench, 45 ms and more
 * at 20,000), then cleaned in slices; four at a time, 100,000 contacts take five round trips,
 * as 20,000-row pages one after another did.
 */
const WHOLE_PAGE_SIZE = 5_000;
const WHOLE_PAGES_IN_FLIGHT = 4;

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

/** How `readPages` asks: at most `pageSize` rows per call, `inFlight` calls at a time. */
export interface PageReading {
  /** The offset reading starts at (rows before it are known already). */
  from?: number;
  /** The offset it ends at: the count the reader was told; no row past it is asked for or given. */
  to: number;
  pageSize: number;
  inFlight: number;
}

interface Asked {
  offset: number;
  limit: number;
  page: Promise<CleanStatsPage>;
}

/**
 * The rows of a view (sort, filters, search) from offset `from` to `to`, read from the data
 * source page by page, in order. The first page tells how many rows the source gives per call
 * (it may give fewer than asked); then up to `inFlight` pages are asked ahead at their offsets
 * while the reader works, so that the source's latency is paid about once per `inFlight` pages.
 * A page that comes short in the middle has its missing rows asked again before the next page
 * is given; an empty page ends the reading (rows the source no longer has). `signal` stops the
 * reading and the requests in flight.
 */
export async function* readPages(fetchPage: FetchStatsPage, view: Omit<StatsQuery, 'offset' | 'limit'>, reading: PageReading, signal: AbortSignal): AsyncGenerator<ContactStats[]> {
  const { from = 0, to, pageSize, inFlight } = reading;
  const ask = (offset: number, limit: number): Asked => {
    throwIfAborted(signal);
    const page = fetchPage({ ...view, offset, limit }, signal);
    // Handled where it is awaited; a reader that stops early leaves it unawaited.
    page.catch(() => undefined);
    return { offset, limit, page };
  };
  const wanted = to - from;
  if (wanted <= 0) return;
  let given = 0;
  let step = Math.min(pageSize, wanted);
  const queue: Asked[] = [ask(from, step)];
  /** The offset the next page ahead is asked at: the source's offsets count the rows it sent, dropped ones included. */
  let ahead = from + step;
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
        ahead = asked.offset + received;
      }
    } else if (received < asked.limit && asked.offset + received < to) {
      // Short in the middle: the rest of that page comes next, before the pages asked ahead.
      queue.unshift(ask(asked.offset + received, asked.limit - received));
    }
    const rows = page.rows.length > wanted - given ? page.rows.slice(0, wanted - given) : page.rows;
    given += rows.length;
    if (given >= wanted) {
      if (rows.length > 0) yield rows;
      return;
    }
    while (queue.length < inFlight && ahead < to) {
      queue.push(ask(ahead, Math.min(step, to - ahead)));
      ahead += step;
    }
    if (rows.length > 0) yield rows;
  }
}

/**
 * Every row of a campaign, from its first page on, which told its size: no page is asked for
 * past that size, whatever the later pages say their total is (a total that grows with every
 * page would otherwise never end the load). The rest is read `WHOLE_PAGES_IN_FLIGHT` pages at a
 * time, as an export reads. `asOf` is the newest page's: figures keep moving while the pages are
 * read (a page read a minute later counts the clicks of that minute), and the rows are no older
 * than that time says of the newest of them.
 */
export async function readWholeCampaign(fetchPage: FetchStatsPage, first: CleanStatsPage, signal: AbortSignal): Promise<{ rows: ContactStats[]; asOf: string }> {
  // Not push(...rows): a page may hold more rows than a call takes arguments.
  const rows: ContactStats[] = [];
  for (const row of first.rows) rows.push(row);
  let asOf = first.asOf;
  const fetchNoting: FetchStatsPage = async (query, pageSignal) => {
    const page = await fetchPage(query, pageSignal);
    if (Date.parse(page.asOf) > Date.parse(asOf)) asOf = page.asOf;
    return page;
  };
  // Offsets count the rows the source sent, dropped ones included; an empty page ends it.
  const from = first.rows.length + first.dropped;
  if (from > 0) {
    const reading = { from, to: first.total, pageSize: WHOLE_PAGE_SIZE, inFlight: WHOLE_PAGES_IN_FLIGHT };
    for await (const page of readPages(fetchNoting, {}, reading, signal)) for (const row of page) rows.push(row);
  }
  if (signal.aborted) throw abortError();
  return { rows, asOf };
}
