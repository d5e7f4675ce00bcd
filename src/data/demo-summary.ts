import { activityBuckets, bucketIndex } from './activity-buckets.js';
import type { ActivityBucket, StatsSummary } from './campaign-data-source.js';
import { CLICK, inSlices, KIND_BITS, LINK_SHIFT, OPEN, SPAM } from './demo-events.js';
import type { DemoCampaignShape } from './demo-stats-table.js';

/**
 * A demo campaign's summary (`DemoDataSource.getStatsSummary`), counted from its drawn
 * columns as `demoContact` reads each contact at that time: so it is the rows' own figures.
 */

/** What the count reads of a `DemoStatsTable`. */
export interface DemoDraws {
  shape: DemoCampaignShape;
  /** The channel's delivery statuses; `finalDelivery` holds indexes in it. */
  deliveries: readonly string[];
  finalDelivery: Uint8Array;
  deliveryDelay: Float64Array;
  /** Contact i's events are `eventTime`/`eventKind` from `eventStart[i]` to `eventStart[i + 1]`. */
  eventStart: Uint32Array;
  eventTime: Float64Array;
  eventKind: Uint8Array;
}

/** What a summary counts, per delivery status, bucket and link; `contacts`: openers, clickers, spam reports, unsubscribed. */
interface SummaryCounts {
  delivery: Uint32Array;
  opens: Uint32Array;
  clicks: Uint32Array;
  linkClicks: Uint32Array;
  linkClickers: Uint32Array;
  contacts: Uint32Array;
}
const OPENERS = 0;
const CLICKERS = 1;
const SPAM_REPORTS = 2;
const UNSUBSCRIBED = 3;

/** Counts the summary from the columns, as `demoContact` reads each contact, a slice at a time. */
export async function countDemoSummary(draws: DemoDraws, elapsed: number): Promise<StatsSummary> {
  const { size, finished, channel, links } = draws.shape;
  const spans = activityBuckets(finished, finished + elapsed);
  const counts: SummaryCounts = {
    delivery: new Uint32Array(draws.deliveries.length),
    opens: new Uint32Array(spans.length),
    clicks: new Uint32Array(spans.length),
    linkClicks: new Uint32Array(links.length),
    linkClickers: new Uint32Array(links.length),
    contacts: new Uint32Array(4),
  };
  await inSlices(size, (start, end) => countSlice(draws, start, end, elapsed, counts));
  const { delivery, opens, clicks, linkClicks, linkClickers, contacts } = counts;
  const summary: StatsSummary = {
    asOf: new Date(finished + elapsed).toISOString(),
    recipients: size,
    delivery: {},
    clickers: contacts[CLICKERS]!,
    unsubscribed: contacts[UNSUBSCRIBED]!,
  };
  // Statuses no contact has are left out, as a summary counted from rows leaves them.
  draws.deliveries.forEach((status, k) => {
    if (delivery[k]) summary.delivery[status as keyof StatsSummary['delivery']] = delivery[k];
  });
  const email = channel === 'email';
  if (email) {
    summary.openers = contacts[OPENERS]!;
    summary.spamReported = contacts[SPAM_REPORTS]!;
  }
  // Most clickers first; the sort is stable: equals keep the message's order.
  if (links.length > 0) {
    summary.links = links.map((link, k) => ({ ...link, clickCount: linkClicks[k]!, clickers: linkClickers[k]! })).sort((a, b) => b.clickers - a.clickers);
  }
  summary.activity = spans.map(({ start, hours }, b): ActivityBucket => {
    const bucket: ActivityBucket = { start: new Date(start).toISOString(), hours, clicks: clicks[b]! };
    if (email) bucket.opens = opens[b]!;
    return bucket;
  });
  return summary;
}

function countSlice(draws: DemoDraws, start: number, end: number, elapsed: number, counts: SummaryCounts): void {
  const { finished } = draws.shape;
  const { finalDelivery, deliveryDelay, eventStart, eventTime, eventKind } = draws;
  const { delivery, opens, clicks, linkClicks, linkClickers, contacts } = counts;
  const delivered = draws.deliveries.indexOf('delivered');
  const pending = draws.deliveries.indexOf('pending');
  const hasLinks = linkClicks.length > 0;
  for (let i = start; i < end; i++) {
    const settled = finalDelivery[i]!;
    delivery[settled === delivered && deliveryDelay[i]! > elapsed ? pending : settled]!++;
    let opened = 0;
    let clicked = 0;
    let spam = 0;
    let stop = 0;
    let mask = 0;
    for (let e = eventStart[i]!; e < eventStart[i + 1]!; e++) {
      const t = eventTime[e]!;
      if (t > elapsed) continue;
      const bucket = bucketIndex(finished, finished + t, opens.length);
      switch (eventKind[e]! & KIND_BITS) {
        case OPEN:
          opened = 1;
          if (bucket >= 0) opens[bucket]!++;
          break;
        case CLICK:
          clicked = 1;
          if (bucket >= 0) clicks[bucket]!++;
          if (hasLinks) {
            const link = eventKind[e]! >>> LINK_SHIFT;
            mask |= 1 << link;
            linkClicks[link]!++;
          }
          break;
        case SPAM:
          spam = 1;
          break;
        default:
          stop = 1;
      }
    }
    contacts[OPENERS]! += opened;
    contacts[CLICKERS]! += clicked;
    contacts[SPAM_REPORTS]! += spam;
    contacts[UNSUBSCRIBED]! += stop;
    for (let k = 0; mask >>> k !== 0; k++) linkClickers[k]! += (mask >>> k) & 1;
  }
}
