import type { Channel, LinkStats, StatsSummary } from '../data/campaign-data-source.js';
import type { StatsFilter } from '../data/stats-query.js';
import type { SummarySheet } from '../export/export-types.js';
import type { Messages, SummaryFigureKey } from '../i18n/messages.js';

/**
 * A campaign's summary as the elements show it: the data source's `StatsSummary`, or one
 * computed from the rows, where clicks per link are unknown and the activity is each contact's
 * last activity rather than every event.
 */
export interface SummaryData extends Omit<StatsSummary, 'links'> {
  links?: (Omit<LinkStats, 'clickCount'> & { clickCount?: number })[];
  /** `events`: opens and clicks as they happened; `last-activity`: contacts counted at their last activity (in `clicks`). */
  activityMeasure: 'events' | 'last-activity';
  origin: 'data-source' | 'rows';
}

export function fromDataSource(summary: StatsSummary): SummaryData {
  return { ...summary, activityMeasure: 'events', origin: 'data-source' };
}

/** One figure of the summary: what it counts, and the grid filter that shows those contacts (none for a ratio or the whole). */
export interface SummaryFigure {
  key: SummaryFigureKey;
  label: string;
  /** Absent for a ratio (reactivity), whose figure is its rate. */
  count?: number;
  /** 0 to 1; absent when its base is 0 or unknown. */
  rate?: number;
  /** What the rate is of, in words. */
  rateOf?: string;
  filter?: StatsFilter;
}

/** One link of the message, with its rate of delivered contacts; sorted by clickers. */
export interface SummaryLink {
  linkId: string;
  /** The label, else the URL, else the id: always shown as text. */
  text: string;
  url: string;
  clickCount?: number;
  clickers: number;
  rate?: number;
}

function ratio(count: number | undefined, base: number | undefined): number | undefined {
  return count !== undefined && base ? count / base : undefined;
}

/** The figures of DESIGN v2 for the channel, in reading order. Delivery statuses the data source does not count are left out. */
export function summaryFigures(summary: SummaryData, channel: Channel, m: Messages): SummaryFigure[] {
  const t = m.summary;
  const delivered = summary.delivery.delivered ?? 0;
  const figures: SummaryFigure[] = [{ key: 'recipients', label: t.figures.recipients, count: summary.recipients }];
  const ofRecipients = (count: number) => ({ rate: ratio(count, summary.recipients), rateOf: t.rateOf.recipients });
  const ofDelivered = (count: number) => ({ rate: ratio(count, delivered), rateOf: t.rateOf.delivered });
  const deliveries = channel === 'email' ? (['delivered', 'soft_bounce', 'hard_bounce', 'blocked', 'pending'] as const) : (['delivered', 'undelivered', 'failed', 'rejected', 'pending'] as const);
  for (const status of deliveries) {
    const count = summary.delivery[status];
    // "Pending" only while messages are: a finished send rarely has any.
    if (count === undefined || (status === 'pending' && count === 0)) continue;
    figures.push({ key: status, label: t.figures[status], count, ...ofRecipients(count), filter: { field: 'delivery', op: 'eq', value: status } });
  }
  if (channel === 'email' && summary.openers !== undefined) {
    figures.push({ key: 'openers', label: t.figures.openers, count: summary.openers, ...ofDelivered(summary.openers), filter: { field: 'opened', op: 'eq', value: true } });
  }
  figures.push({ key: 'clickers', label: t.figures.clickers, count: summary.clickers, ...ofDelivered(summary.clickers), filter: { field: 'clickCount', op: 'gte', value: 1 } });
  if (channel === 'email' && summary.openers !== undefined) {
    const rate = ratio(summary.clickers, summary.openers);
    figures.push({ key: 'reactivity', label: t.figures.reactivity, rate, rateOf: t.rateOf.openers });
  }
  const unsubscribed: SummaryFigureKey = channel === 'sms' ? 'stop' : 'unsubscribed';
  figures.push({ key: unsubscribed, label: t.figures[unsubscribed], count: summary.unsubscribed, ...ofDelivered(summary.unsubscribed), filter: { field: 'unsubscribed', op: 'eq', value: true } });
  if (channel === 'email' && summary.spamReported !== undefined) {
    figures.push({ key: 'spamReported', label: t.figures.spamReported, count: summary.spamReported, ...ofDelivered(summary.spamReported), filter: { field: 'spamReported', op: 'eq', value: true } });
  }
  return figures;
}

/** The text a link is shown and exported as: its label, else its URL, else its id. */
export function linkText(link: { linkId: string; url?: string; label?: string }): string {
  return link.label || link.url || link.linkId;
}

export function summaryLinks(summary: SummaryData): SummaryLink[] {
  const delivered = summary.delivery.delivered ?? 0;
  return (summary.links ?? [])
    .map((link) => ({ linkId: link.linkId, text: linkText(link), url: link.url, clickCount: link.clickCount, clickers: link.clickers, rate: ratio(link.clickers, delivered) }))
    .sort((a, b) => b.clickers - a.clickers || (b.clickCount ?? 0) - (a.clickCount ?? 0));
}

/** The grid filter for the contacts who clicked `link`. */
export function linkFilter(linkId: string): StatsFilter {
  return { field: 'clickedLinks', op: 'eq', value: linkId };
}

/** The export's "Synthèse" sheet, in the exporting user's language. */
export function summarySheet(summary: SummaryData, channel: Channel, m: Messages): SummarySheet {
  return {
    name: m.sheetSummary,
    figureHeaders: m.summarySheet.figureHeaders,
    figures: summaryFigures(summary, channel, m).map(({ label, count, rate, rateOf }) => ({ label, count, rate, rateOf })),
    linkHeaders: m.summarySheet.linkHeaders,
    links: summaryLinks(summary).map(({ text, url, clickCount, clickers, rate }) => ({ label: text, url, clickCount, clickers, rate })),
  };
}
