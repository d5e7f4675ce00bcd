import { isSendFinished, type Campaign, type CampaignDataSource } from '../../data/campaign-data-source.js';
import { validateStatsSummary } from '../../data/validate.js';
import { abortError, callWithTimeout } from '../../internal/abort.js';
import { loadCampaign, OperationError } from '../../internal/campaign-load.js';
import { DEFAULT_SERVER_SIDE_THRESHOLD, readWholeCampaign, statsPageFetcher } from '../../internal/contact-pages.js';
import { summarizeRows } from '../../internal/summarize-rows.js';
import { fromDataSource, type SummaryData } from '../../internal/summary-figures.js';

/** What a `<campaign-stats-summary>` load ends in. */
export type SummaryLoad =
  | { kind: 'not-available'; campaign: Campaign }
  | { kind: 'loaded'; campaign: Campaign; summary: SummaryData }
  /** No `getStatsSummary`, and too many contacts to count them in the browser. */
  | { kind: 'too-large'; campaign: Campaign; total: number; asOf: string };

/** Rows asked for first when the summary is counted in the browser: one answer tells the size. */
const FIRST_PAGE = 1000;

/**
 * The campaign, then (only once its send is finished) its summary: from the data source's
 * `getStatsSummary` where it has one, else counted from every row when the campaign has at
 * most `threshold` contacts. Rejects with an `OperationError` naming the failed call.
 */
export async function loadSummary(source: CampaignDataSource, campaignId: string, timeout: number, signal: AbortSignal, threshold = DEFAULT_SERVER_SIDE_THRESHOLD): Promise<SummaryLoad> {
  const campaign = await loadCampaign(source, campaignId, timeout, signal);
  // The send-finished rule: no statistics are asked for before the send is finished.
  if (!isSendFinished(campaign)) return { kind: 'not-available', campaign };
  if (typeof source.getStatsSummary === 'function') {
    try {
      const answer = await callWithTimeout((s) => source.getStatsSummary!(campaign.id, { signal: s }), timeout, signal);
      if (signal.aborted) throw abortError();
      return { kind: 'loaded', campaign, summary: fromDataSource(validateStatsSummary(answer, campaign.channel)) };
    } catch (error) {
      throw new OperationError('getStatsSummary', error);
    }
  }
  try {
    const fetchPage = statsPageFetcher(source, campaign, timeout);
    const first = await fetchPage({ offset: 0, limit: FIRST_PAGE }, signal);
    if (first.total > threshold) return { kind: 'too-large', campaign, total: first.total, asOf: first.asOf };
    const { rows, asOf } = await readWholeCampaign(fetchPage, first, signal);
    return { kind: 'loaded', campaign, summary: summarizeRows(rows, campaign, asOf) };
  } catch (error) {
    throw new OperationError('getContactStats', error);
  }
}
