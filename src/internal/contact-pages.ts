import type { Campaign, CampaignDataSource, ContactStats, StatsQuery } from '../data/campaign-data-source.js';
import { validateStatsPage, type CleanStatsPage } from '../data/validate.js';
import { abortError, callWithTimeout } from './abort.js';

/** One page of statistics from the data source, cleaned; rejects on failure or abort. */
export type FetchStatsPage = (query: StatsQuery, signal: AbortSignal) => Promise<CleanStatsPage>;

/** Above this many contacts a campaign is not loaded whole (the grid's `server-side-threshold` default). */
export const DEFAULT_SERVER_SIDE_THRESHOLD = 200_000;

/**
 * Rows asked per `getContactStats` call when a campaign is loaded whole: reading and cleaning
 * a page is one main-thread task (~150 ms at 50,000 rows in the bench, ~70 ms at this size).
 */
const WHOLE_PAGE_SIZE = 20_000;

/** `getContactStats` of `campaign`, with the timeout, answers validated for its channel. */
export function statsPageFetcher(source: CampaignDataSource, campaign: Campaign, timeout: number): FetchStatsPage {
  return async (query, signal) =>
    validateStatsPage(
      await callWithTimeout((s) => source.getContactStats(campaign.id, query, { signal: s }), timeout, signal),
      campaign.channel,
    );
}

/** Every row of a campaign, from its first page on (which told its size). */
export async function readWholeCampaign(fetchPage: FetchStatsPage, first: CleanStatsPage, signal: AbortSignal): Promise<ContactStats[]> {
  const rows: ContactStats[] = [];
  let page = first;
  let offset = 0;
  for (;;) {
    // Not push(...rows): a source that ignores `limit` could send more rows than a call takes arguments.
    for (const row of page.rows) rows.push(row);
    // Offsets count the rows the source sent, dropped ones included; an empty page ends it.
    const received = page.rows.length + page.dropped;
    offset += received;
    if (received === 0 || offset >= page.total) break;
    page = await fetchPage({ offset, limit: WHOLE_PAGE_SIZE }, signal);
  }
  if (signal.aborted) throw abortError();
  return rows;
}
