/**
 * How a campaign's activity over time is cut (DESIGN v2, `StatsSummary.activity`): one bucket
 * per hour over the first 48 hours after the send finished, then one per day, up to the time
 * the figures are from. Shared by the data sources that compute a summary and by the element
 * that computes one from rows, so that their buckets line up.
 */

const HOUR = 3_600_000;
/** Hours after the send that are counted hour by hour. */
export const HOURLY_BUCKETS = 48;
/** Days counted after the first 48 hours: a year of activity is more than any campaign has. */
export const MAX_DAILY_BUCKETS = 365;

export interface BucketSpan {
  /** ms since the epoch */
  start: number;
  hours: number;
}

/** The buckets from `sendFinishedAt` (ms) to `asOf` (ms): the last one holds `asOf`; none before the send. */
export function activityBuckets(sendFinishedAt: number, asOf: number): BucketSpan[] {
  const buckets: BucketSpan[] = [];
  if (!Number.isFinite(sendFinishedAt) || !Number.isFinite(asOf) || asOf < sendFinishedAt) return buckets;
  for (let h = 0; h < HOURLY_BUCKETS; h++) {
    const start = sendFinishedAt + h * HOUR;
    if (start > asOf) return buckets;
    buckets.push({ start, hours: 1 });
  }
  for (let d = 0; d < MAX_DAILY_BUCKETS; d++) {
    const start = sendFinishedAt + (HOURLY_BUCKETS + d * 24) * HOUR;
    if (start > asOf) break;
    buckets.push({ start, hours: 24 });
  }
  return buckets;
}

/** The index in `activityBuckets(sendFinishedAt, …)` of the bucket holding `time` (ms), or -1 outside them. */
export function bucketIndex(sendFinishedAt: number, time: number, bucketCount: number): number {
  const hours = (time - sendFinishedAt) / HOUR;
  if (!(hours >= 0)) return -1;
  const index = hours < HOURLY_BUCKETS ? Math.floor(hours) : HOURLY_BUCKETS + Math.floor((hours - HOURLY_BUCKETS) / 24);
  return index < bucketCount ? index : -1;
}
