import type { ArgTypes } from '@storybook/web-components-vite';
import type { Campaign, CampaignDataSource, CampaignListQuery, Options, SarbacaneAccess, StatsSummary } from '../../src/data/campaign-data-source.js';
import { DataSourceError } from '../../src/data/data-source-error.js';
import { DemoDataSource, type DemoOperation } from '../../src/data/demo-data-source.js';

/**
 * What the stories of `<sarbacane-link>`, `<campaign-list>` and the composed page share: a
 * `DemoDataSource` built from the controls (one per story render, passed as `.dataSource`),
 * the same fixed clock as the grid's stories, and two small wrappers for states the demo data
 * cannot show by itself (a report address of the host's choosing, a source with no campaign).
 */

/** Every element's `lang` control: empty, it inherits the language of the toolbar (an ancestor `[lang]`). */
export const LANG_ARG_TYPE = {
  description: "Attribut `lang` de l'élément ; vide = langue de la barre d'outils (ancêtre `[lang]`).",
  control: { type: 'inline-radio' as const, labels: { '': 'hérité', fr: 'fr', en: 'en' } },
  options: ['', 'fr', 'en'],
  table: { category: 'attributes' },
};

/** Where the demo campaigns are laid out from, and the fixed time their figures are read at. */
export const REFERENCE_TIME = '2026-11-25T20:30:00.000Z';
export const FIXED_NOW = '2026-11-26T20:30:00.000Z';

export const OPERATIONS: readonly DemoOperation[] = ['getCampaign', 'getContactStats', 'getStatsSummary', 'listCampaigns', 'getSarbacaneAccess'];

/** The controls of the demo data source (and the `requestTimeout` property every element has). */
export interface DemoSourceArgs {
  /** DemoDataSource: milliseconds each call waits. */
  latency: number;
  /** DemoDataSource: share of calls (0 to 1) that fail. */
  failureRate: number;
  /** DemoDataSource: operations that always fail. */
  failOperations: DemoOperation[];
  /** DemoDataSource: operations that never answer. */
  hangOperations: DemoOperation[];
  /** DemoDataSource: whether the user has a Sarbacane account. */
  hasSarbacaneAccount: boolean;
  /** `requestTimeout` property, in ms (0 = never time out). */
  requestTimeout: number;
  /** Fixed demo clock (stable screenshots) or the real one (figures evolve). */
  fixedClock: boolean;
}

export const demoSourceArgs: DemoSourceArgs = {
  latency: 300,
  failureRate: 0,
  failOperations: [],
  hangOperations: [],
  hasSarbacaneAccount: true,
  requestTimeout: 30_000,
  fixedClock: true,
};

/** The argTypes of `DemoSourceArgs`; a new object (and new option arrays) on each call. */
export function demoSourceArgTypes(): Partial<ArgTypes<DemoSourceArgs>> {
  return {
    latency: {
      description: 'DemoDataSource : latence de chaque appel, en ms.',
      control: { type: 'range', min: 0, max: 5000, step: 50 },
      table: { category: 'demo data source' },
    },
    failureRate: {
      description: 'DemoDataSource : part des appels qui échouent (0 à 1).',
      control: { type: 'range', min: 0, max: 1, step: 0.05 },
      table: { category: 'demo data source' },
    },
    failOperations: {
      description: 'DemoDataSource : opérations qui échouent toujours (erreur serveur 503).',
      control: 'inline-check',
      options: [...OPERATIONS], // a copy each: a shared array reaches the Controls panel empty
      table: { category: 'demo data source' },
    },
    hangOperations: {
      description: 'DemoDataSource : opérations qui ne répondent jamais.',
      control: 'inline-check',
      options: [...OPERATIONS],
      table: { category: 'demo data source' },
    },
    hasSarbacaneAccount: {
      description: "DemoDataSource : l'utilisateur a un compte Sarbacane (`getSarbacaneAccess` → `hasAccount`).",
      control: 'boolean',
      table: { category: 'demo data source' },
    },
    requestTimeout: {
      description: "Propriété `requestTimeout` : délai (ms) avant qu'un appel compte comme échoué ; 0 = jamais.",
      control: { type: 'number', min: 0, step: 1000 },
      table: { category: 'properties', defaultValue: { summary: '30000' } },
    },
    fixedClock: {
      description: 'Horloge de démo figée (captures stables) ; décoché : horloge réelle, les dates suivent le jour.',
      control: 'boolean',
      table: { category: 'demo data source' },
    },
  };
}

export function demoDataSourceFor(args: DemoSourceArgs): DemoDataSource {
  return new DemoDataSource({
    latency: Math.max(0, Number(args.latency) || 0),
    failureRate: Math.min(1, Math.max(0, Number(args.failureRate) || 0)),
    failOperations: args.failOperations ?? [],
    hangOperations: args.hangOperations ?? [],
    hasSarbacaneAccount: args.hasSarbacaneAccount ?? true,
    ...(args.fixedClock ? { referenceTime: REFERENCE_TIME, now: () => new Date(FIXED_NOW) } : {}),
  });
}

/**
 * A data source that answers like `inner`, with two changes a host's back end could make:
 * `reportUrl` replaces the address `getSarbacaneAccess` gives (to show how an unsafe address is
 * refused), and `noCampaigns` makes `listCampaigns` answer an empty list (after the inner call,
 * so latency and injected failures still apply).
 */
export class StoryDataSource implements CampaignDataSource {
  constructor(
    private readonly inner: CampaignDataSource,
    private readonly change: { reportUrl?: string; noCampaigns?: boolean },
  ) {}

  async listCampaigns(q: CampaignListQuery, o?: Options): Promise<{ campaigns: Campaign[]; total: number }> {
    const answer = await this.inner.listCampaigns(q, o);
    return this.change.noCampaigns ? { campaigns: [], total: 0 } : answer;
  }

  getCampaign(campaignId: string, o?: Options): ReturnType<CampaignDataSource['getCampaign']> {
    return this.inner.getCampaign(campaignId, o);
  }

  getContactStats(...params: Parameters<CampaignDataSource['getContactStats']>): ReturnType<CampaignDataSource['getContactStats']> {
    return this.inner.getContactStats(...params);
  }

  async getSarbacaneAccess(campaign: Campaign, o?: Options): Promise<SarbacaneAccess> {
    const access = await this.inner.getSarbacaneAccess(campaign, o);
    const reportUrl = this.change.reportUrl?.trim();
    return reportUrl ? { hasAccount: access.hasAccount, reportUrl } : access;
  }
}

/** The demo data source for `args`, wrapped when a story changes what it answers. */
export function dataSourceFor(args: DemoSourceArgs, change: { reportUrl?: string; noCampaigns?: boolean } = {}): CampaignDataSource {
  const demo = demoDataSourceFor(args);
  return change.reportUrl?.trim() || change.noCampaigns ? new StoryDataSource(demo, change) : demo;
}

/** What `LaterDataSource` changes, from a given call on. */
export interface LaterChange {
  /** The operations it changes (each counts its own calls). */
  operations: DemoOperation[];
  /** Calls of each operation answered as `inner` answers before the change applies (default 0; `Infinity`: until `changeNow()`). */
  after?: number;
  /** From then on, the call fails with a simulated server error (503), after `inner` answered. */
  fail?: boolean;
  /** From then on, the call answers this many milliseconds later than `inner` (abortable). */
  delay?: number;
}

/**
 * A data source that answers like `inner` for the first calls, then changes: for states that
 * need a good load first, which the DemoDataSource's options (every call alike) cannot show —
 * a refresh that fails (`after: Infinity, fail: true`, then `changeNow()`), a page of
 * server-side mode that fails (`after: 1`: the load's first page only), an export that fails
 * or is slow while it reads its pages. The inner call is
 * made anyway, so that the demo's latency still applies; `getStatsSummary` is passed on when
 * `inner` has it (the grid's link labels and Synthèse sheet).
 */
export class LaterDataSource implements CampaignDataSource {
  private readonly calls = new Map<DemoOperation, number>();
  private changed = false;
  readonly getStatsSummary?: (campaignId: string, o?: Options) => Promise<StatsSummary>;

  constructor(
    private readonly inner: CampaignDataSource,
    private readonly change: LaterChange,
  ) {
    const summary = inner.getStatsSummary?.bind(inner);
    if (summary) this.getStatsSummary = (campaignId, o) => this.pass('getStatsSummary', () => summary(campaignId, o), o);
  }

  /** Applies the change to every later call, whatever the count (a play function's "now the server fails"). */
  changeNow(): void {
    this.changed = true;
  }

  private async pass<T>(operation: DemoOperation, call: () => Promise<T>, o?: Options): Promise<T> {
    if (!this.change.operations.includes(operation)) return call();
    const count = (this.calls.get(operation) ?? 0) + 1;
    this.calls.set(operation, count);
    if (!this.changed && count <= (this.change.after ?? 0)) return call();
    const answer = await call();
    if (this.change.delay) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, this.change.delay);
        o?.signal?.addEventListener('abort', () => (clearTimeout(timer), reject(o.signal!.reason)), { once: true });
      });
    }
    if (this.change.fail) throw new DataSourceError('server', `Simulated failure of ${operation} (call ${count}).`, { status: 503 });
    return answer;
  }

  listCampaigns(q: CampaignListQuery, o?: Options): ReturnType<CampaignDataSource['listCampaigns']> {
    return this.pass('listCampaigns', () => this.inner.listCampaigns(q, o), o);
  }

  getCampaign(campaignId: string, o?: Options): ReturnType<CampaignDataSource['getCampaign']> {
    return this.pass('getCampaign', () => this.inner.getCampaign(campaignId, o), o);
  }

  getContactStats(...params: Parameters<CampaignDataSource['getContactStats']>): ReturnType<CampaignDataSource['getContactStats']> {
    return this.pass('getContactStats', () => this.inner.getContactStats(...params), params[2]);
  }

  getSarbacaneAccess(campaign: Campaign, o?: Options): Promise<SarbacaneAccess> {
    return this.pass('getSarbacaneAccess', () => this.inner.getSarbacaneAccess(campaign, o), o);
  }
}

/** A unique suffix for ids: a docs page renders several stories (and may render one twice) on one page. */
let sequence = 0;
export function uniqueId(prefix: string, storyId: string): string {
  sequence += 1;
  return `${prefix}-${storyId}-${sequence}`;
}
