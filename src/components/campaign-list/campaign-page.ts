import type { Campaign, Channel } from '../../data/campaign-data-source.js';
import { DataSourceError } from '../../data/data-source-error.js';
import { validateCampaign } from '../../data/validate.js';

/** One page of the list, cleaned. */
export interface CampaignPage {
  /** The readable campaigns of the asked channel, in the data source's order (newest first). */
  campaigns: Campaign[];
  /** Campaigns matching the query, on every page. */
  total: number;
  /** Items the data source sent for this page, readable or not. */
  received: number;
  /** Items left out: unreadable, of another channel, or repeated. */
  skipped: number;
  /** Items past the asked limit, not read (the host's developer is told). */
  beyondLimit: number;
}

/**
 * Reads a `listCampaigns` answer, which is untrusted. An answer of the wrong shape (no
 * `campaigns` array, no usable `total`) is an error; a single unreadable campaign is left out
 * and counted, so that one bad item never hides the others. Campaigns of another channel than
 * the one asked for, and repeated ids, are left out too. A source that ignores `limit` is held
 * to it: more campaigns than asked for would each render a row and ask for its Sarbacane access.
 */
export function readCampaignPage(value: unknown, channel: Channel, offset: number, limit: number): CampaignPage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DataSourceError('invalid-response', 'Invalid response: listCampaigns must answer an object.');
  }
  const record = value as Record<string, unknown>;
  if (!Array.isArray(record.campaigns)) {
    throw new DataSourceError('invalid-response', 'Invalid response: response.campaigns must be an array.');
  }
  const total = record.total;
  // Past 2^53 − 1 a count is not exact: no list is that long, the answer is wrong.
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) {
    throw new DataSourceError('invalid-response', 'Invalid response: response.total must be a whole number ≥ 0.');
  }
  const campaigns: Campaign[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  const items = record.campaigns.slice(0, limit);
  items.forEach((raw, i) => {
    let campaign: Campaign;
    try {
      campaign = validateCampaign(raw, `response.campaigns[${i}]`);
    } catch {
      skipped++;
      return;
    }
    if (campaign.channel !== channel || seen.has(campaign.id)) {
      skipped++;
      return;
    }
    seen.add(campaign.id);
    campaigns.push(campaign);
  });
  const received = items.length;
  // A total smaller than what was received would make the pager lie.
  return { campaigns, total: Math.max(total, offset + received), received, skipped, beyondLimit: record.campaigns.length - received };
}
