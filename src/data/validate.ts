import { isIsoDate, parseIsoDate } from '../internal/iso-date.js';
import { taskSlices } from '../internal/next-task.js';
import {
  CAMPAIGN_STATUSES,
  CHANNELS,
  EMAIL_DELIVERIES,
  SMS_DELIVERIES,
  type Campaign,
  type Channel,
  type ContactStats,
  type ContactStatsPage,
  type EmailContactStats,
  type ActivityBucket,
  type LinkStats,
  type SarbacaneAccess,
  type SmsContactStats,
  type StatsSummary,
} from './campaign-data-source.js';
import { DataSourceError } from './data-source-error.js';

/**
 * Whatever a data source returns is untrusted. Structural faults (a campaign without a
 * status, a page without rows) are errors that name the field; a row's odd values are
 * cleaned (wrong types coerced or emptied), so that one bad contact never hides the others.
 */

function invalid(path: string, expected: string, value: unknown): DataSourceError {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return new DataSourceError('invalid-response', `Invalid response: ${path} must be ${expected} (got ${got}).`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireRecord(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) throw invalid(path, 'an object', value);
  return value;
}

function requireString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw invalid(path, 'a non-empty string', value);
  return value;
}

function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (!allowed.includes(value as T)) throw invalid(path, `one of ${allowed.join(', ')}`, value);
  return value as T;
}

function requireCount(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalid(path, 'a whole number ≥ 0', value);
  // Past 2^53 − 1 integers are no longer exact: no count of contacts or clicks is that large.
  if (!Number.isSafeInteger(value)) throw new DataSourceError('invalid-response', `Invalid response: ${path} must be at most ${Number.MAX_SAFE_INTEGER} (got ${value}).`);
  return value;
}

function isDateString(value: unknown): value is string {
  return isIsoDate(value);
}

function optionalDate(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isDateString(value)) throw invalid(path, 'an ISO 8601 date', value);
  return value;
}

/** Control characters are never meant to be shown; they are dropped from every text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Whether `text` holds a control character: a loop over char codes, cheaper than a RegExp on short texts. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 || code === 127) {
      if (code !== 9 && code !== 10 && code !== 13) return true;
    }
  }
  return false;
}

/** A text value from untrusted data: numbers kept as text, anything else emptied. */
export function cleanText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value === '') return undefined;
  if (!hasControl(value)) return value;
  const text = value.replace(CONTROL, '');
  return text === '' ? undefined : text;
}

function cleanCount(value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
}

function cleanBoolean(value: unknown): boolean {
  return value === true || value === 'true' || value === 1;
}

/** Links a contact can be said to have clicked: more is not a message's links but noise. */
const MAX_CLICKED_LINKS = 100;

/** A row's `clickedLinks`: link ids as text, each once; absent when the source does not say. */
function cleanLinkIds(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  // A contact clicks a few links: a linear look for repeats costs less than a Set each row.
  const ids: string[] = [];
  for (const item of value) {
    const id = cleanText(item);
    if (id !== undefined && !ids.includes(id)) ids.push(id);
    if (ids.length === MAX_CLICKED_LINKS) break;
  }
  return ids;
}

export function validateCampaign(value: unknown, path = 'campaign'): Campaign {
  const record = requireRecord(value, path);
  const campaign: Campaign = {
    id: requireString(typeof record.id === 'number' ? String(record.id) : record.id, `${path}.id`),
    channel: requireOneOf(record.channel, CHANNELS, `${path}.channel`),
    name: cleanText(record.name) ?? requireString(record.name, `${path}.name`),
    status: requireOneOf(record.status, CAMPAIGN_STATUSES, `${path}.status`),
    recipientCount: requireCount(record.recipientCount, `${path}.recipientCount`),
  };
  const scheduledAt = optionalDate(record.scheduledAt, `${path}.scheduledAt`);
  const sendFinishedAt = optionalDate(record.sendFinishedAt, `${path}.sendFinishedAt`);
  const sarbacaneCampaignId = cleanText(record.sarbacaneCampaignId);
  if (scheduledAt) campaign.scheduledAt = scheduledAt;
  if (sendFinishedAt) campaign.sendFinishedAt = sendFinishedAt;
  if (sarbacaneCampaignId) campaign.sarbacaneCampaignId = sarbacaneCampaignId;
  return campaign;
}

export function validateCampaignList(value: unknown): { campaigns: Campaign[]; total: number } {
  const record = requireRecord(value, 'response');
  if (!Array.isArray(record.campaigns)) throw invalid('response.campaigns', 'an array', record.campaigns);
  return {
    campaigns: record.campaigns.map((c, i) => validateCampaign(c, `response.campaigns[${i}]`)),
    total: requireCount(record.total, 'response.total'),
  };
}

/** One contact's figures, cleaned; `undefined` when the row is not even an object. */
export function cleanContactStats(value: unknown, channel: Channel, index: number): ContactStats | undefined {
  if (!isRecord(value)) return undefined;
  // One flat literal per row, no spread of shared fields: this runs for every contact, and such
  // a spread made it ten times slower in Node 20's V8.
  const contactId = cleanText(value.contactId) ?? `#${index + 1}`;
  const lastActivityAt = isDateString(value.lastActivityAt) ? value.lastActivityAt : undefined;
  if (channel === 'email') {
    const row: EmailContactStats = {
      contactId,
      firstName: cleanText(value.firstName),
      lastName: cleanText(value.lastName),
      email: cleanText(value.email) ?? '',
      delivery: EMAIL_DELIVERIES.includes(value.delivery as never) ? (value.delivery as EmailContactStats['delivery']) : 'pending',
      opened: cleanBoolean(value.opened),
      openCount: cleanCount(value.openCount),
      clickCount: cleanCount(value.clickCount),
      spamReported: cleanBoolean(value.spamReported),
      unsubscribed: cleanBoolean(value.unsubscribed),
      lastActivityAt,
    };
    const clickedLinks = cleanLinkIds(value.clickedLinks);
    if (clickedLinks) row.clickedLinks = clickedLinks;
    return row;
  }
  const row: SmsContactStats = {
    contactId,
    firstName: cleanText(value.firstName),
    lastName: cleanText(value.lastName),
    phone: cleanText(value.phone) ?? '',
    delivery: SMS_DELIVERIES.includes(value.delivery as never) ? (value.delivery as SmsContactStats['delivery']) : 'pending',
    clickCount: cleanCount(value.clickCount),
    unsubscribed: cleanBoolean(value.unsubscribed),
    lastActivityAt,
  };
  const clickedLinks = cleanLinkIds(value.clickedLinks);
  if (clickedLinks) row.clickedLinks = clickedLinks;
  return row;
}

export interface CleanStatsPage extends ContactStatsPage {
  /** Rows dropped because they were not objects, or could not be read. */
  dropped: number;
}

/** A page's own fields, checked: the rows are cleaned one by one after. */
function statsPageFields(value: unknown): { raw: unknown[]; total: number; asOf: string } {
  const record = requireRecord(value, 'response');
  if (!Array.isArray(record.rows)) throw invalid('response.rows', 'an array', record.rows);
  const total = requireCount(record.total, 'response.total');
  if (!isDateString(record.asOf)) throw invalid('response.asOf', 'an ISO 8601 date', record.asOf);
  return { raw: record.rows, total, asOf: record.asOf };
}

/** Row `i` of a page, cleaned; a row whose properties throw when read (a getter, a revoked Proxy) is dropped, not the page. */
function cleanRowAt(raw: unknown[], i: number, channel: Channel): ContactStats | undefined {
  try {
    return cleanContactStats(raw[i], channel, i);
  } catch {
    return undefined;
  }
}

export function validateStatsPage(value: unknown, channel: Channel): CleanStatsPage {
  const { raw, total, asOf } = statsPageFields(value);
  const rows: ContactStats[] = [];
  for (let i = 0; i < raw.length; i++) {
    const row = cleanRowAt(raw, i, channel);
    if (row) rows.push(row);
  }
  return { rows, total, asOf, dropped: raw.length - rows.length };
}

/**
 * `validateStatsPage` in tasks of a few milliseconds (see `taskSlices`): a page of 20,000 rows
 * took one task of 40–60 ms to clean, and a campaign loaded whole is several such pages.
 */
export async function validateStatsPageInSlices(value: unknown, channel: Channel): Promise<CleanStatsPage> {
  const { raw, total, asOf } = statsPageFields(value);
  const rows: ContactStats[] = [];
  const slices = taskSlices();
  for (let i = 0; i < raw.length; i++) {
    const row = cleanRowAt(raw, i, channel);
    if (row) rows.push(row);
    const pause = slices.pause();
    if (pause) await pause;
  }
  return { rows, total, asOf, dropped: raw.length - rows.length };
}

export function validateSarbacaneAccess(value: unknown): SarbacaneAccess {
  const record = requireRecord(value, 'response');
  if (typeof record.hasAccount !== 'boolean') throw invalid('response.hasAccount', 'a boolean', record.hasAccount);
  const access: SarbacaneAccess = { hasAccount: record.hasAccount };
  if (record.reportUrl !== undefined && record.reportUrl !== null) {
    if (typeof record.reportUrl !== 'string') throw invalid('response.reportUrl', 'a string', record.reportUrl);
    access.reportUrl = record.reportUrl;
  }
  return access;
}

/** Links and activity buckets a summary may hold: beyond, the answer is not a message's figures. */
export const MAX_SUMMARY_LINKS = 1000;
export const MAX_ACTIVITY_BUCKETS = 2000;

function optionalCount(value: unknown, path: string): number | undefined {
  return value === undefined || value === null ? undefined : requireCount(value, path);
}

function optionalArray(value: unknown, path: string, max: number): unknown[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid(path, 'an array', value);
  if (value.length > max) throw invalid(path, `an array of at most ${max} items`, value);
  return value;
}

function validateLink(value: unknown, path: string): LinkStats {
  const record = requireRecord(value, path);
  const link: LinkStats = {
    linkId: requireString(typeof record.linkId === 'number' ? String(record.linkId) : record.linkId, `${path}.linkId`),
    url: cleanText(record.url) ?? '',
    clickCount: requireCount(record.clickCount, `${path}.clickCount`),
    clickers: requireCount(record.clickers, `${path}.clickers`),
  };
  const label = cleanText(record.label);
  if (label) link.label = label;
  return link;
}

function validateBucket(value: unknown, path: string, channel: Channel): ActivityBucket {
  const record = requireRecord(value, path);
  if (!isDateString(record.start)) throw invalid(`${path}.start`, 'an ISO 8601 date', record.start);
  const hours = record.hours;
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0 || hours > 24 * 366) {
    throw invalid(`${path}.hours`, 'a number of hours > 0', hours);
  }
  const bucket: ActivityBucket = { start: record.start, hours, clicks: requireCount(record.clicks, `${path}.clicks`) };
  const opens = channel === 'email' ? optionalCount(record.opens, `${path}.opens`) : undefined;
  if (opens !== undefined) bucket.opens = opens;
  return bucket;
}

/**
 * A data source's `getStatsSummary` answer. A figure of the wrong type is an error naming it
 * (a figure silently made 0 would be a false figure); email-only figures of an SMS campaign are
 * left out; delivery statuses the channel does not have are ignored.
 */
export function validateStatsSummary(value: unknown, channel: Channel): StatsSummary {
  const record = requireRecord(value, 'response');
  if (!isDateString(record.asOf)) throw invalid('response.asOf', 'an ISO 8601 date', record.asOf);
  const deliveryRecord = requireRecord(record.delivery, 'response.delivery');
  const delivery: StatsSummary['delivery'] = {};
  for (const status of channel === 'email' ? EMAIL_DELIVERIES : SMS_DELIVERIES) {
    const count = optionalCount(deliveryRecord[status], `response.delivery.${status}`);
    if (count !== undefined) delivery[status] = count;
  }
  const summary: StatsSummary = {
    asOf: record.asOf,
    recipients: requireCount(record.recipients, 'response.recipients'),
    delivery,
    clickers: requireCount(record.clickers, 'response.clickers'),
    unsubscribed: requireCount(record.unsubscribed, 'response.unsubscribed'),
  };
  if (channel === 'email') {
    const openers = optionalCount(record.openers, 'response.openers');
    const spamReported = optionalCount(record.spamReported, 'response.spamReported');
    if (openers !== undefined) summary.openers = openers;
    if (spamReported !== undefined) summary.spamReported = spamReported;
  }
  const links = optionalArray(record.links, 'response.links', MAX_SUMMARY_LINKS);
  if (links) {
    const seen = new Set<string>();
    summary.links = links.map((link, i) => validateLink(link, `response.links[${i}]`)).filter((link) => !seen.has(link.linkId) && seen.add(link.linkId));
  }
  const activity = optionalArray(record.activity, 'response.activity', MAX_ACTIVITY_BUCKETS);
  if (activity) {
    summary.activity = activity
      .map((bucket, i) => validateBucket(bucket, `response.activity[${i}]`, channel))
      .sort((a, b) => parseIsoDate(a.start)! - parseIsoDate(b.start)!);
  }
  return summary;
}
