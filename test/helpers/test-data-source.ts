import type {
  Campaign,
  CampaignDataSource,
  CampaignListQuery,
  ContactStats,
  ContactStatsPage,
  Options,
  SarbacaneAccess,
  StatsQuery,
  StatsSummary,
} from '../../src/data/campaign-data-source.js';
import { DataSourceError } from '../../src/data/data-source-error.js';
import { applyStatsQuery, foldText } from '../../src/data/stats-query.js';
import { abortError } from '../../src/internal/abort.js';

export interface Call {
  method: keyof CampaignDataSource;
  args: unknown[];
  signal: AbortSignal | undefined;
}

/**
 * A data source over fixed data that records every call and can hold an answer until the
 * test releases it, so that tests drive timing without sleeps.
 */
export class TestDataSource implements CampaignDataSource {
  readonly calls: Call[] = [];
  campaigns: Campaign[];
  stats: Record<string, unknown[]>;
  asOf = '2026-11-26T20:30:00.000Z';
  access: SarbacaneAccess = { hasAccount: true, reportUrl: 'https://app.sarbacane.com/r/1' };
  /** When set, the next calls of that method wait until `release(method)`. */
  private readonly held = new Map<string, { promise: Promise<void>; release: () => void }>();
  /** When set, calls of that method reject with it. */
  failures = new Map<keyof CampaignDataSource, unknown>();

  constructor(campaigns: Campaign[], stats: Record<string, unknown[]> = {}) {
    this.campaigns = campaigns;
    this.stats = stats;
  }

  hold(method: keyof CampaignDataSource): void {
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.held.set(method, { promise, release });
  }

  release(method: keyof CampaignDataSource): void {
    this.held.get(method)?.release();
    this.held.delete(method);
  }

  callsOf(method: keyof CampaignDataSource): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  protected async enter(method: keyof CampaignDataSource, args: unknown[], signal?: AbortSignal): Promise<void> {
    this.calls.push({ method, args, signal });
    const held = this.held.get(method);
    if (held) {
      await Promise.race([
        held.promise,
        new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(abortError()), { once: true })),
      ]);
    }
    if (this.failures.has(method)) throw this.failures.get(method);
  }

  async listCampaigns(q: CampaignListQuery, o: Options = {}): Promise<{ campaigns: Campaign[]; total: number }> {
    await this.enter('listCampaigns', [q], o.signal);
    const needle = foldText(q.search ?? '').trim();
    const list = this.campaigns.filter((c) => (!q.channel || c.channel === q.channel) && (!needle || foldText(c.name).includes(needle)));
    const offset = q.offset ?? 0;
    return { campaigns: list.slice(offset, offset + (q.limit ?? list.length)), total: list.length };
  }

  async getCampaign(campaignId: string, o: Options = {}): Promise<Campaign> {
    await this.enter('getCampaign', [campaignId], o.signal);
    const campaign = this.campaigns.find((c) => c.id === campaignId);
    if (!campaign) throw new DataSourceError('not-found', `No campaign ${campaignId}`, { status: 404 });
    return campaign;
  }

  async getContactStats(campaignId: string, q: StatsQuery, o: Options = {}): Promise<ContactStatsPage> {
    await this.enter('getContactStats', [campaignId, q], o.signal);
    const rows = (this.stats[campaignId] ?? []) as ContactStats[];
    return { ...applyStatsQuery(rows, q), asOf: this.asOf };
  }

  async getSarbacaneAccess(campaign: Campaign, o: Options = {}): Promise<SarbacaneAccess> {
    await this.enter('getSarbacaneAccess', [campaign], o.signal);
    return this.access;
  }
}

/** A `TestDataSource` whose data source has the optional `getStatsSummary` (v2), answering `summaries`. */
export class SummaryTestDataSource extends TestDataSource {
  summaries: Record<string, unknown> = {};

  async getStatsSummary(campaignId: string, o: Options = {}): Promise<StatsSummary> {
    await this.enter('getStatsSummary', [campaignId], o.signal);
    if (!(campaignId in this.summaries)) throw new DataSourceError('not-found', `No summary for ${campaignId}`, { status: 404 });
    return this.summaries[campaignId] as StatsSummary;
  }
}
