import type {
  Campaign,
  CampaignDataSource,
  CampaignListQuery,
  Channel,
  ContactStats,
  ContactStatsPage,
  EmailContactStats,
  EmailDelivery,
  Options,
  SarbacaneAccess,
  SmsContactStats,
  SmsDelivery,
  StatsQuery,
} from './campaign-data-source.js';
import { DataSourceError } from './data-source-error.js';
import { applyStatsQuery, foldText } from './stats-query.js';
import { delay, throwIfAborted } from '../internal/abort.js';
import { FIRST_NAMES, LAST_NAMES, EMAIL_DOMAINS } from './demo-names.js';

export type DemoOperation = keyof CampaignDataSource;

export interface DemoDataSourceOptions {
  /** Milliseconds each call waits before answering (default 0). */
  latency?: number;
  /** Share of calls, 0 to 1, that fail with a simulated server error (default 0). */
  failureRate?: number;
  /** Operations that always fail with a simulated server error. */
  failOperations?: DemoOperation[];
  /** Operations whose promise never settles, to show what a hung back end looks like. */
  hangOperations?: DemoOperation[];
  /** The clock the statistics evolve with (default: the real clock). */
  now?: () => Date;
  /** The instant campaign dates are laid out from (default: `now()` at construction). */
  referenceTime?: Date | string;
  /** Whether the user has a Sarbacane account (default true). */
  hasSarbacaneAccount?: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface CampaignSeed {
  id: string;
  channel: Channel;
  name: string;
  status: Campaign['status'];
  recipientCount: number;
  /** Milliseconds before the reference time when the send finished (or is scheduled, negative = future). */
  finishedAgo?: number;
  scheduledIn?: number;
  sarbacane?: boolean;
}

/** About twenty campaigns of both channels in every status; finished ones from 0 to 100,000 contacts. */
const CAMPAIGNS: readonly CampaignSeed[] = [
  { id: 'em-jpo-decembre', channel: 'email', name: 'Journée portes ouvertes : samedi 6 décembre', status: 'finished', recipientCount: 100_000, finishedAgo: 2 * HOUR, sarbacane: true },
  { id: 'em-alternance-rentree', channel: 'email', name: "Offres d'alternance de la rentrée", status: 'finished', recipientCount: 5_000, finishedAgo: 35 * MINUTE, sarbacane: true },
  { id: 'em-newsletter-novembre', channel: 'email', name: 'Newsletter Hub3E — novembre 2026', status: 'finished', recipientCount: 25_000, finishedAgo: 3 * DAY, sarbacane: true },
  { id: 'em-relance-meef', channel: 'email', name: 'Relance candidatures Master MEEF', status: 'finished', recipientCount: 1_200, finishedAgo: 10 * DAY, sarbacane: true },
  { id: 'em-forum-lyon', channel: 'email', name: 'Forum entreprises — Campus de Lyon', status: 'finished', recipientCount: 48, finishedAgo: 20 * DAY, sarbacane: false },
  { id: 'em-jury-diplomes', channel: 'email', name: 'Invitation du jury : remise des diplômes', status: 'finished', recipientCount: 3, finishedAgo: 41 * DAY, sarbacane: true },
  { id: 'em-tuteurs-stage', channel: 'email', name: 'Rappel aux tuteurs de stage', status: 'finished', recipientCount: 0, finishedAgo: 6 * DAY, sarbacane: true },
  { id: 'em-taxe-apprentissage', channel: 'email', name: "Taxe d'apprentissage 2027 : soutenez l'école", status: 'sending', recipientCount: 8_400, scheduledIn: -20 * MINUTE },
  { id: 'em-ateliers-cv', channel: 'email', name: 'Inscriptions aux ateliers CV et LinkedIn', status: 'scheduled', recipientCount: 2_300, scheduledIn: 2 * DAY },
  { id: 'em-voeux', channel: 'email', name: "Brouillon : vœux de fin d'année", status: 'draft', recipientCount: 0 },
  { id: 'em-studyrama', channel: 'email', name: 'Salon Studyrama (annulé)', status: 'cancelled', recipientCount: 15_000, scheduledIn: -4 * DAY },
  { id: 'sms-resultats-admission', channel: 'sms', name: "Résultats d'admission en ligne", status: 'finished', recipientCount: 12_000, finishedAgo: 50 * MINUTE, sarbacane: true },
  { id: 'sms-relance-dossier', channel: 'sms', name: 'Relance : dossier de candidature incomplet', status: 'finished', recipientCount: 100_000, finishedAgo: 5 * HOUR, sarbacane: true },
  { id: 'sms-jpo-rappel', channel: 'sms', name: 'Rappel JPO samedi 10 h', status: 'finished', recipientCount: 2_400, finishedAgo: 1 * DAY, sarbacane: true },
  { id: 'sms-entretien', channel: 'sms', name: "Entretien d'admission : confirmez votre créneau", status: 'finished', recipientCount: 150, finishedAgo: 5 * DAY, sarbacane: false },
  { id: 'sms-stage-urgent', channel: 'sms', name: 'Offre de stage urgente en cybersécurité', status: 'finished', recipientCount: 8, finishedAgo: 14 * DAY, sarbacane: true },
  { id: 'sms-convocation-vide', channel: 'sms', name: 'Convocation au jury (liste vide)', status: 'finished', recipientCount: 0, finishedAgo: 9 * DAY, sarbacane: true },
  { id: 'sms-accueil-alternants', channel: 'sms', name: 'Rentrée : accueil des alternants', status: 'sending', recipientCount: 640, scheduledIn: -5 * MINUTE },
  { id: 'sms-reunion-parents', channel: 'sms', name: 'Rappel réunion parents-professeurs', status: 'scheduled', recipientCount: 900, scheduledIn: 1 * DAY },
  { id: 'sms-forum', channel: 'sms', name: 'Brouillon SMS forum des métiers', status: 'draft', recipientCount: 0 },
  { id: 'sms-greve', channel: 'sms', name: 'Annulé : grève des transports', status: 'cancelled', recipientCount: 3_100, scheduledIn: -2 * DAY },
];

/** 32-bit string hash (FNV-1a), the seed of every campaign's contacts. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, fast, deterministic PRNG. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An exponentially distributed delay with the given mean, in milliseconds. */
function expDelay(random: () => number, mean: number): number {
  return -Math.log(1 - random()) * mean;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted<T extends string>(random: () => number, weights: readonly (readonly [T, number])[]): T {
  let roll = random();
  for (const [value, weight] of weights) {
    if ((roll -= weight) < 0) return value;
  }
  return weights[0]![0];
}

function emailSlug(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Event times, in ms after the send, that have happened once `elapsed` ms have passed. */
function countUpTo(times: number[], elapsed: number): { count: number; last: number | undefined } {
  let count = 0;
  let last: number | undefined;
  for (const t of times) {
    if (t <= elapsed) {
      count++;
      last = last === undefined ? t : Math.max(last, t);
    }
  }
  return { count, last };
}

/**
 * In-memory, deterministic demo data: realistic French contacts of schools and companies,
 * with opens, clicks and STOPs that keep arriving after the send (so a refresh shows change).
 * Each contact is computed from its campaign and index, so any row can be made on demand.
 */
export class DemoDataSource implements CampaignDataSource {
  readonly options: Readonly<DemoDataSourceOptions>;
  private readonly reference: number;
  private readonly failureRandom: () => number;
  private cache: { key: string; rows: ContactStats[] } | undefined;

  constructor(options: DemoDataSourceOptions = {}) {
    this.options = { ...options };
    const now = options.now ?? (() => new Date());
    this.reference = options.referenceTime !== undefined ? new Date(options.referenceTime).getTime() : now().getTime();
    this.failureRandom = prng(hashString('failures'));
  }

  private now(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }

  private campaignOf(seed: CampaignSeed): Campaign {
    const campaign: Campaign = {
      id: seed.id,
      channel: seed.channel,
      name: seed.name,
      status: seed.status,
      recipientCount: seed.recipientCount,
    };
    if (seed.finishedAgo !== undefined) {
      const finished = this.reference - seed.finishedAgo;
      const duration = Math.min(45 * MINUTE, 2 * MINUTE + seed.recipientCount * 20);
      campaign.scheduledAt = new Date(finished - duration).toISOString();
      campaign.sendFinishedAt = new Date(finished).toISOString();
    } else if (seed.scheduledIn !== undefined) {
      campaign.scheduledAt = new Date(this.reference + seed.scheduledIn).toISOString();
    }
    if (seed.sarbacane) campaign.sarbacaneCampaignId = `sb-${hashString(seed.id).toString(36)}`;
    return campaign;
  }

  /** Waits the configured latency and applies the configured failures. */
  private async enter(operation: DemoOperation, signal?: AbortSignal): Promise<void> {
    throwIfAborted(signal);
    if (this.options.hangOperations?.includes(operation)) {
      await new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
    }
    if (this.options.latency) await delay(this.options.latency, signal);
    const failureRate = this.options.failureRate ?? 0;
    if (this.options.failOperations?.includes(operation) || (failureRate > 0 && this.failureRandom() < failureRate)) {
      throw new DataSourceError('server', `Simulated failure of ${operation}.`, { status: 503 });
    }
  }

  async listCampaigns(q: CampaignListQuery, o: Options = {}): Promise<{ campaigns: Campaign[]; total: number }> {
    await this.enter('listCampaigns', o.signal);
    const needle = foldText(q.search ?? '').trim();
    const matching = CAMPAIGNS.map((seed) => this.campaignOf(seed))
      .filter((c) => (!q.channel || c.channel === q.channel) && (!needle || foldText(c.name).includes(needle)))
      .sort((a, b) => newestFirst(a) - newestFirst(b));
    const offset = Math.max(0, q.offset ?? 0);
    const limit = Math.max(0, q.limit ?? matching.length);
    return { campaigns: matching.slice(offset, offset + limit), total: matching.length };
  }

  async getCampaign(campaignId: string, o: Options = {}): Promise<Campaign> {
    await this.enter('getCampaign', o.signal);
    const seed = CAMPAIGNS.find((c) => c.id === campaignId);
    if (!seed) throw new DataSourceError('not-found', `No campaign "${campaignId}".`, { status: 404 });
    return this.campaignOf(seed);
  }

  async getContactStats(campaignId: string, q: StatsQuery, o: Options = {}): Promise<ContactStatsPage> {
    await this.enter('getContactStats', o.signal);
    const seed = CAMPAIGNS.find((c) => c.id === campaignId);
    if (!seed) throw new DataSourceError('not-found', `No campaign "${campaignId}".`, { status: 404 });
    const campaign = this.campaignOf(seed);
    if (campaign.status !== 'finished') {
      throw new DataSourceError('not-finished', `The send of "${campaignId}" is not finished: no statistics yet.`, { status: 409 });
    }
    const asOf = new Date(Math.floor(this.now() / 1000) * 1000);
    const rows = this.rowsAt(campaign, asOf.getTime());
    throwIfAborted(o.signal);
    return { ...applyStatsQuery(rows, q), asOf: asOf.toISOString() };
  }

  async getSarbacaneAccess(campaign: Campaign, o: Options = {}): Promise<SarbacaneAccess> {
    await this.enter('getSarbacaneAccess', o.signal);
    const hasAccount = this.options.hasSarbacaneAccount ?? true;
    if (!hasAccount || !campaign.sarbacaneCampaignId) return { hasAccount };
    return {
      hasAccount,
      reportUrl: `https://app.sarbacane.com/campaigns/${encodeURIComponent(campaign.sarbacaneCampaignId)}/report`,
    };
  }

  /** Every contact of `campaign` as of `asOf` (the last answer is kept, so paging is cheap). */
  private rowsAt(campaign: Campaign, asOf: number): ContactStats[] {
    const key = `${campaign.id}@${asOf}`;
    if (this.cache?.key === key) return this.cache.rows;
    const finished = new Date(campaign.sendFinishedAt!).getTime();
    const elapsed = asOf - finished;
    const base = hashString(campaign.id);
    const rows: ContactStats[] = new Array(campaign.recipientCount);
    for (let i = 0; i < campaign.recipientCount; i++) {
      rows[i] = demoContact(campaign.channel, base, i, finished, elapsed);
    }
    this.cache = { key, rows };
    return rows;
  }
}

function newestFirst(c: Campaign): number {
  return -new Date(c.sendFinishedAt ?? c.scheduledAt ?? '9999-12-31').getTime() || 0;
}

/** Contact `index` of a campaign, with the events that have happened `elapsed` ms after the send. */
export function demoContact(channel: Channel, campaignHash: number, index: number, finished: number, elapsed: number): ContactStats {
  const random = prng(campaignHash ^ Math.imul(index + 1, 0x9e3779b1));
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const contactId = `${channel === 'email' ? 'ct' : 'sm'}-${(campaignHash % 9000) + 1000}-${index + 1}`;
  const identity: { contactId: string; firstName?: string; lastName?: string } = { contactId };
  if (random() > 0.05) identity.firstName = first;
  if (random() > 0.02) identity.lastName = last;
  const deliveryDelay = expDelay(random, 90_000);
  const at = (offset: number) => new Date(finished + offset).toISOString();

  if (channel === 'email') {
    const finalDelivery = weighted<EmailDelivery>(random, [
      ['delivered', 0.93],
      ['soft_bounce', 0.03],
      ['hard_bounce', 0.025],
      ['blocked', 0.01],
      ['pending', 0.005],
    ]);
    const delivery: EmailDelivery = finalDelivery === 'delivered' && deliveryDelay > elapsed ? 'pending' : finalDelivery;
    const opens: number[] = [];
    const clicks: number[] = [];
    let spamAt: number | undefined;
    let unsubscribedAt: number | undefined;
    if (finalDelivery === 'delivered' && random() < 0.46) {
      const firstOpen = deliveryDelay + expDelay(random, 3 * HOUR);
      opens.push(firstOpen);
      const extra = Math.floor(random() * random() * 5);
      for (let k = 0; k < extra; k++) opens.push(firstOpen + expDelay(random, 20 * HOUR));
      if (random() < 0.34) {
        const count = 1 + Math.floor(random() * random() * 4);
        for (let k = 0; k < count; k++) clicks.push(firstOpen + expDelay(random, 40 * MINUTE));
      }
      if (random() < 0.004) spamAt = firstOpen + expDelay(random, 10 * MINUTE);
      if (random() < 0.015) unsubscribedAt = firstOpen + expDelay(random, 15 * MINUTE);
    }
    const opened = countUpTo(opens, elapsed);
    const clicked = countUpTo(clicks, elapsed);
    const lastActivity = Math.max(opened.last ?? -1, clicked.last ?? -1);
    const domain = pick(random, EMAIL_DOMAINS);
    const homonym = index % 7 === 3 ? String(index % 100) : '';
    const row: EmailContactStats = {
      ...identity,
      email: `${emailSlug(first).replace(/-/g, '')}.${emailSlug(last)}${homonym}@${domain}`,
      delivery,
      opened: opened.count > 0,
      openCount: opened.count,
      clickCount: clicked.count,
      spamReported: spamAt !== undefined && spamAt <= elapsed,
      unsubscribed: unsubscribedAt !== undefined && unsubscribedAt <= elapsed,
    };
    if (lastActivity >= 0) row.lastActivityAt = at(lastActivity);
    return row;
  }

  const finalDelivery = weighted<SmsDelivery>(random, [
    ['delivered', 0.94],
    ['undelivered', 0.03],
    ['failed', 0.015],
    ['rejected', 0.005],
    ['pending', 0.01],
  ]);
  const delivery: SmsDelivery = finalDelivery === 'delivered' && deliveryDelay > elapsed ? 'pending' : finalDelivery;
  const clicks: number[] = [];
  let stopAt: number | undefined;
  if (finalDelivery === 'delivered') {
    if (random() < 0.2) {
      const count = 1 + Math.floor(random() * random() * 3);
      for (let k = 0; k < count; k++) clicks.push(deliveryDelay + expDelay(random, 45 * MINUTE));
    }
    if (random() < 0.025) stopAt = deliveryDelay + expDelay(random, 2 * HOUR);
  }
  const clicked = countUpTo(clicks, elapsed);
  const stopped = stopAt !== undefined && stopAt <= elapsed;
  const lastActivity = Math.max(clicked.last ?? -1, stopped ? stopAt! : -1);
  const digits = String(10_000_000 + Math.floor(random() * 89_999_999)).slice(0, 8);
  const row: SmsContactStats = {
    ...identity,
    phone: `+33${random() < 0.8 ? '6' : '7'}${digits}`,
    delivery,
    clickCount: clicked.count,
    unsubscribed: stopped,
  };
  if (lastActivity >= 0) row.lastActivityAt = at(lastActivity);
  return row;
}
