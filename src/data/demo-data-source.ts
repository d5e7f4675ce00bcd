import type {
  Campaign,
  CampaignDataSource,
  CampaignListQuery,
  Channel,
  ContactStats,
  ContactStatsPage,
  Options,
  SarbacaneAccess,
  StatsQuery,
  StatsSummary,
} from './campaign-data-source.js';
import { DataSourceError } from './data-source-error.js';
import { DAY, hashString, HOUR, MINUTE, prng } from './demo-random.js';
import type { DemoStatsTable } from './demo-stats-table.js';
import { foldText, pageWindow } from './stats-query.js';
import { abortError, delay, throwIfAborted } from '../internal/abort.js';
import { taskSlices } from '../internal/next-task.js';

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
  /** The instant campaign dates are laid out from (default: `now()` at construction, to the minute). */
  referenceTime?: Date | string;
  /** Whether the user has a Sarbacane account (default true). */
  hasSarbacaneAccount?: boolean;
}

/**
 * From this size on, a grid pages through the campaign (its default threshold): the table is
 * drawn ahead of its first sort or filter.
 */
const PAGED_FROM = 200_000;
/**
 * Statistics are read at the minute: the pages of one load, and the summary asked beside them,
 * then come from the same figures (as the data time, shown to the minute, says), and the
 * columns and sorts kept for that minute serve them.
 */
const CLOCK_STEP = MINUTE;
/**
 * Calls closer together than this read the same minute's figures, even when the clock's minute
 * turns between them: a load's pages and its summary are asked within a second or two, and a
 * minute turning in the middle split them across two times (the grid's « Cliqueurs » then
 * differed from the summary's at the same data time). Held one minute at most, so that calls
 * that never pause still move on.
 */
const SNAPSHOT_HOLD = 10_000;
/** Campaigns whose query tables are kept: two grids on two big campaigns do not redraw at every query. */
const KEPT_TABLES = 2;

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

/** About twenty campaigns of both channels in every status; finished ones from 0 to 1,000,000 contacts. */
const CAMPAIGNS: readonly CampaignSeed[] = [
  { id: 'em-jpo-decembre', channel: 'email', name: 'Journée portes ouvertes : samedi 6 décembre', status: 'finished', recipientCount: 100_000, finishedAgo: 2 * HOUR, sarbacane: true },
  { id: 'em-alternance-rentree', channel: 'email', name: "Offres d'alternance de la rentrée", status: 'finished', recipientCount: 5_000, finishedAgo: 35 * MINUTE, sarbacane: true },
  { id: 'em-newsletter-novembre', channel: 'email', name: 'Newsletter Hub3E — novembre 2026', status: 'finished', recipientCount: 25_000, finishedAgo: 3 * DAY, sarbacane: true },
  { id: 'em-relance-meef', channel: 'email', name: 'Relance candidatures Master MEEF', status: 'finished', recipientCount: 1_200, finishedAgo: 10 * DAY, sarbacane: true },
  { id: 'em-forum-lyon', channel: 'email', name: 'Forum entreprises — Campus de Lyon', status: 'finished', recipientCount: 48, finishedAgo: 20 * DAY, sarbacane: false },
  { id: 'em-jury-diplomes', channel: 'email', name: 'Invitation du jury : remise des diplômes', status: 'finished', recipientCount: 3, finishedAgo: 41 * DAY, sarbacane: true },
  { id: 'em-tuteurs-stage', channel: 'email', name: 'Rappel aux tuteurs de stage', status: 'finished', recipientCount: 0, finishedAgo: 6 * DAY, sarbacane: true },
  { id: 'em-reseau-ecoles-rentree', channel: 'email', name: 'Réseau des écoles : lettre de rentrée aux familles', status: 'finished', recipientCount: 300_000, finishedAgo: 26 * HOUR, sarbacane: true },
  { id: 'em-reseau-national-orientation', channel: 'email', name: "Réseau national des écoles : salons de l'orientation", status: 'finished', recipientCount: 1_000_000, finishedAgo: 4 * DAY, sarbacane: true },
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
  { id: 'sms-reseau-national-inscriptions', channel: 'sms', name: 'Réseau national : ouverture des inscriptions', status: 'finished', recipientCount: 1_000_000, finishedAgo: 30 * HOUR, sarbacane: true },
  { id: 'sms-accueil-alternants', channel: 'sms', name: 'Rentrée : accueil des alternants', status: 'sending', recipientCount: 640, scheduledIn: -5 * MINUTE },
  { id: 'sms-reunion-parents', channel: 'sms', name: 'Rappel réunion parents-professeurs', status: 'scheduled', recipientCount: 900, scheduledIn: 1 * DAY },
  { id: 'sms-forum', channel: 'sms', name: 'Brouillon SMS forum des métiers', status: 'draft', recipientCount: 0 },
  { id: 'sms-greve', channel: 'sms', name: 'Annulé : grève des transports', status: 'cancelled', recipientCount: 3_100, scheduledIn: -2 * DAY },
];

/**
 * In-memory, deterministic demo data: realistic French contacts of schools and companies,
 * with opens, clicks and STOPs that keep arriving after the send (so a refresh shows change).
 * Each contact is computed from its campaign and index, so any row can be made on demand.
 */
export class DemoDataSource implements CampaignDataSource {
  readonly options: Readonly<DemoDataSourceOptions>;
  private readonly reference: number;
  private readonly failureRandom: () => number;
  private readonly tables = new Map<string, Promise<DemoStatsTable>>();
  /** The minute the last call read, and when it came (see `SNAPSHOT_HOLD`). */
  private snapshot: { asOf: number; at: number } | undefined;

  constructor(options: DemoDataSourceOptions = {}) {
    this.options = { ...options };
    const now = options.now ?? (() => new Date());
    // At the minute, as the figures are read: two demo sources made in the same minute (a grid's
    // and a summary's, or two modules' on one page) lay their campaigns out alike, so agree.
    this.reference = options.referenceTime !== undefined ? new Date(options.referenceTime).getTime() : Math.floor(now().getTime() / CLOCK_STEP) * CLOCK_STEP;
    this.failureRandom = prng(hashString('failures'));
  }

  private now(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }

  /** The time a call's statistics are read at: the clock's minute, or the one calls just before it read. */
  private readTime(): number {
    const now = this.now();
    const minute = Math.floor(now / CLOCK_STEP) * CLOCK_STEP;
    const held = this.snapshot;
    const asOf = held && now - held.at >= 0 && now - held.at < SNAPSHOT_HOLD && minute - held.asOf <= CLOCK_STEP ? held.asOf : minute;
    this.snapshot = { asOf, at: now };
    return asOf;
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

  /** A finished campaign and the time its statistics are read at, or the error a call for statistics answers (404, 409). */
  private statistics(campaignId: string): { campaign: Campaign; asOf: number; finished: number; hash: number } {
    const seed = CAMPAIGNS.find((c) => c.id === campaignId);
    if (!seed) throw new DataSourceError('not-found', `No campaign "${campaignId}".`, { status: 404 });
    const campaign = this.campaignOf(seed);
    if (campaign.status !== 'finished') {
      throw new DataSourceError('not-finished', `The send of "${campaignId}" is not finished: no statistics yet.`, { status: 409 });
    }
    const asOf = this.readTime();
    return { campaign, asOf, finished: new Date(campaign.sendFinishedAt!).getTime(), hash: hashString(campaign.id) };
  }

  async getContactStats(campaignId: string, q: StatsQuery, o: Options = {}): Promise<ContactStatsPage> {
    await this.enter('getContactStats', o.signal);
    const { campaign, asOf, finished, hash } = this.statistics(campaignId);
    let page: { indexes: number[]; total: number };
    if (q.sort?.length || q.filters?.length || foldText(q.search ?? '').trim()) {
      page = (await this.statsTable(campaign, hash, finished)).query(q, asOf - finished);
    } else {
      // A plain page needs no table: contact i is made from i. For a campaign a grid pages
      // through, the table is drawn meanwhile (in slices), so that its first sort is quick.
      if (campaign.recipientCount >= PAGED_FROM) void this.statsTable(campaign, hash, finished).catch(() => undefined);
      const { offset, limit } = pageWindow(q);
      const end = Math.min(campaign.recipientCount, offset + limit);
      page = { indexes: Array.from({ length: Math.max(0, end - offset) }, (_, k) => offset + k), total: campaign.recipientCount };
    }
    const { demoContact, demoLinks, newDraw } = await loadContacts();
    throwIfAborted(o.signal);
    const draw = newDraw();
    const links = demoLinks(campaign.id);
    // In slices: a page of 20,000 contacts took one task of 80–100 ms to make.
    const rows: ContactStats[] = [];
    const slices = taskSlices();
    for (const i of page.indexes) {
      rows.push(demoContact(campaign.channel, hash, i, finished, asOf - finished, links, draw));
      const pause = slices.pause();
      if (pause) await pause;
    }
    throwIfAborted(o.signal);
    return { rows, total: page.total, asOf: new Date(asOf).toISOString() };
  }

  /** The figures of the very rows `getContactStats` answers at the same time, counted over the whole campaign. */
  async getStatsSummary(campaignId: string, o: Options = {}): Promise<StatsSummary> {
    await this.enter('getStatsSummary', o.signal);
    const { campaign, asOf, finished, hash } = this.statistics(campaignId);
    const table = await untilAborted(this.statsTable(campaign, hash, finished), o.signal);
    // A copy: the kept summary is shared by every caller.
    return structuredClone(await untilAborted(table.summary(asOf - finished), o.signal));
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

  /** The query table of `campaign`, kept for the last two campaigns queried (a million contacts take about 40 MB with their figures and sorts). */
  private statsTable(campaign: Campaign, hash: number, finished: number): Promise<DemoStatsTable> {
    let table = this.tables.get(campaign.id);
    if (!table) {
      const building = Promise.all([import('./demo-stats-table.js'), loadContacts()]).then(([{ DemoStatsTable }, { demoLinks }]) =>
        DemoStatsTable.build({ channel: campaign.channel, hash, size: campaign.recipientCount, finished, links: demoLinks(campaign.id) }),
      );
      // A failed load (a chunk that could not be fetched) is tried again by the next query.
      building.catch(() => {
        if (this.tables.get(campaign.id) === building) this.tables.delete(campaign.id);
      });
      table = building;
    }
    // Most recently used last: the oldest goes first when room is needed.
    this.tables.delete(campaign.id);
    this.tables.set(campaign.id, table);
    if (this.tables.size > KEPT_TABLES) this.tables.delete(this.tables.keys().next().value!);
    return table;
  }
}

let contacts: Promise<typeof import('./demo-contacts.js') & typeof import('./demo-links.js')> | undefined;

/** The contacts' generator and the messages' links, loaded on the first statistics call (the list and the link never need them). */
function loadContacts(): Promise<typeof import('./demo-contacts.js') & typeof import('./demo-links.js')> {
  contacts ??= Promise.all([import('./demo-contacts.js'), import('./demo-links.js')]).then(([people, links]) => ({ ...people, ...links }));
  // A chunk that could not be fetched is asked again by the next call.
  contacts.catch(() => (contacts = undefined));
  return contacts;
}

/**
 * `promise`, or an AbortError as soon as `signal` aborts: the work (a table, a summary) goes on
 * for the next caller, who will find it done.
 */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  throwIfAborted(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function newestFirst(c: Campaign): number {
  return -new Date(c.sendFinishedAt ?? c.scheduledAt ?? '9999-12-31').getTime() || 0;
}
