import { activityBuckets, bucketIndex } from '../data/activity-buckets.js';
import type { ActivityBucket, Campaign, ContactStats } from '../data/campaign-data-source.js';
import { parseIsoDate } from './iso-date.js';
import type { SummaryData } from './summary-figures.js';

/**
 * A campaign's summary counted from all its rows, for a data source without
 * `getStatsSummary`: the figures are exact; links are known only by the ids the rows carry
 * (`clickedLinks`: clickers per link, not clicks); the activity only by each contact's last
 * activity. Links and activity are left out when no row says anything about them.
 */
export function summarizeRows(rows: readonly ContactStats[], campaign: Campaign, asOf: string): SummaryData {
  const delivery: SummaryData['delivery'] = {};
  let openers = 0;
  let clickers = 0;
  let unsubscribed = 0;
  let spamReported = 0;
  let rowsWithLinks = 0;
  const linkClickers = new Map<string, number>();
  const finished = parseIsoDate(campaign.sendFinishedAt);
  const spans = finished === undefined ? [] : activityBuckets(finished, parseIsoDate(asOf) ?? Date.now());
  const lastActivity = new Array<number>(spans.length).fill(0);
  let rowsWithActivity = 0;
  for (const row of rows) {
    delivery[row.delivery] = (delivery[row.delivery] ?? 0) + 1;
    if ('opened' in row) {
      if (row.opened) openers++;
      if (row.spamReported) spamReported++;
    }
    if (row.clickCount > 0) clickers++;
    if (row.unsubscribed) unsubscribed++;
    if (row.clickedLinks) {
      rowsWithLinks++;
      for (const id of row.clickedLinks) linkClickers.set(id, (linkClickers.get(id) ?? 0) + 1);
    }
    const at = parseIsoDate(row.lastActivityAt);
    if (at !== undefined && finished !== undefined) {
      rowsWithActivity++;
      const index = bucketIndex(finished, at, spans.length);
      if (index >= 0) lastActivity[index]!++;
    }
  }
  const summary: SummaryData = { asOf, recipients: rows.length, delivery, clickers, unsubscribed, activityMeasure: 'last-activity', origin: 'rows' };
  if (campaign.channel === 'email') {
    summary.openers = openers;
    summary.spamReported = spamReported;
  }
  if (rowsWithLinks > 0) summary.links = [...linkClickers].map(([linkId, count]) => ({ linkId, url: '', clickers: count }));
  if (rowsWithActivity > 0) {
    summary.activity = spans.map(({ start, hours }, i): ActivityBucket => ({ start: new Date(start).toISOString(), hours, clicks: lastActivity[i]! }));
  }
  return summary;
}
