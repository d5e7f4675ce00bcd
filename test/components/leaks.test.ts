import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import '../../src/define/campaign-list.js';
import '../../src/define/campaign-stats-grid.js';
import '../../src/define/campaign-stats-summary.js';
import '../../src/define/sarbacane-link.js';
import { EMAIL_CAMPAIGN, EMAIL_LINK_ROWS, EMAIL_LINK_SUMMARY, SMS_CAMPAIGN, SMS_ROWS } from '../helpers/fixtures.js';
import { SummaryTestDataSource } from '../helpers/test-data-source.js';

/** What is alive in the page after a garbage collection (the `memory` command of web-test-runner.config.js). */
interface Memory {
  heap: number;
  nodes: number;
  listeners: number;
  documents: number;
}

const TIMES = 100;

/**
 * Timers and workers that the rounds made and that are still alive, counted by wrapping their
 * constructors while this file runs: a timeout until it fires or is cleared, an interval until it
 * is cleared, a worker until it is terminated. Only those made while `counting` (the rounds
 * themselves, not the test framework's timers).
 */
const alive = { timeouts: new Set<number>(), intervals: new Set<number>(), workers: new Set<Worker>() };
let counting = false;
const originals = { setTimeout, setInterval, clearTimeout, clearInterval, Worker };
/** The browser's own timers, for what this file does itself. */
const timers = { set: window.setTimeout.bind(window), every: window.setInterval.bind(window), clear: window.clearTimeout.bind(window) };

function countTimersAndWorkers(): void {
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = timers.set(
      (...given: unknown[]) => {
        alive.timeouts.delete(id);
        (handler as (...a: unknown[]) => void)(...given);
      },
      ms,
      ...args,
    );
    if (counting) alive.timeouts.add(id);
    return id;
  }) as typeof setTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = timers.every(handler, ms, ...args);
    if (counting) alive.intervals.add(id);
    return id;
  }) as typeof setInterval;
  // Either clears either kind of timer.
  const clear = (id?: number) => {
    if (id === undefined) return;
    alive.timeouts.delete(id);
    alive.intervals.delete(id);
    timers.clear(id);
  };
  window.clearTimeout = clear as typeof clearTimeout;
  window.clearInterval = clear as typeof clearInterval;
  window.Worker = class CountedWorker extends originals.Worker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (counting) alive.workers.add(this);
    }

    override terminate(): void {
      alive.workers.delete(this);
      super.terminate();
    }
  };
}

function restoreTimersAndWorkers(): void {
  Object.assign(window, originals);
}

interface Census extends Memory {
  timeouts: number;
  intervals: number;
  workers: number;
}

/**
 * Resolves once `check()` is true; polls with the timers this file does not count (open-wc's
 * `waitUntil` leaves its own timeout pending).
 */
function until(what: string, check: () => unknown, timeout = 5000): Promise<void> {
  const deadline = performance.now() + timeout;
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (check()) resolve();
      else if (performance.now() > deadline) reject(new Error(`Timeout: ${what}`));
      else timers.set(poll, 5);
    };
    poll();
  });
}

/** What is alive once the timeouts still pending (a debounce, a fading cue) have run. */
async function census(): Promise<Census> {
  await until(`timeouts still pending: ${alive.timeouts.size}`, () => alive.timeouts.size === 0, 8000);
  const memory = await executeServerCommand<Memory, undefined>('memory');
  return { ...memory, timeouts: alive.timeouts.size, intervals: alive.intervals.size, workers: alive.workers.size };
}

function dataSource(): SummaryTestDataSource {
  // Above the paged grid's threshold of 100: read page by page, one page of 120 rows.
  const many = Array.from({ length: 120 }, (_, i) => ({ ...EMAIL_LINK_ROWS[i % 4]!, contactId: `ct-${i}` }));
  const ds = new SummaryTestDataSource([EMAIL_CAMPAIGN, SMS_CAMPAIGN, { ...EMAIL_CAMPAIGN, id: 'c-paged', recipientCount: many.length }], {
    [EMAIL_CAMPAIGN.id]: EMAIL_LINK_ROWS,
    [SMS_CAMPAIGN.id]: SMS_ROWS,
    'c-paged': many,
  });
  // None for the paged campaign: its labels coming would build its table a second time, each round.
  ds.summaries = { [EMAIL_CAMPAIGN.id]: EMAIL_LINK_SUMMARY };
  return ds;
}

interface Scenario {
  tag: string;
  attributes: Record<string, string>;
  /** Resolves once the element shows its data. */
  loaded(element: HTMLElement): Promise<void>;
  /** Done on some of the rounds, once loaded (an export). */
  use?(element: HTMLElement): Promise<void>;
}

const shadowOf = (element: HTMLElement) => element.shadowRoot!;

const SCENARIOS: Scenario[] = [
  {
    tag: 'campaign-stats-grid',
    attributes: { 'campaign-id': EMAIL_CAMPAIGN.id },
    loaded: (grid) => until('no rows', () => shadowOf(grid).querySelector('.tabulator-row')),
    use: async (grid) => {
      await (grid as CampaignStatsGrid).exportCsv({ download: false });
    },
  },
  {
    tag: 'campaign-stats-grid',
    attributes: { 'campaign-id': 'c-paged', 'server-side-threshold': '100', 'refresh-interval': '60' },
    loaded: (grid) => until('no rows', () => shadowOf(grid).querySelector('.tabulator-row')),
    use: async (grid) => {
      await (grid as CampaignStatsGrid).exportExcel({ download: false });
    },
  },
  {
    tag: 'campaign-stats-summary',
    attributes: { 'campaign-id': EMAIL_CAMPAIGN.id, 'refresh-interval': '60' },
    loaded: (summary) => until('no figures', () => shadowOf(summary).querySelector('[part~="figures"]')),
  },
  {
    tag: 'campaign-list',
    attributes: { channel: 'email' },
    loaded: (list) =>
      until('no enabled Sarbacane link', () =>
        [...shadowOf(list).querySelectorAll('sarbacane-link')].some((link) => link.shadowRoot?.querySelector('a[href]')),
      ),
  },
  {
    tag: 'sarbacane-link',
    attributes: { 'campaign-id': EMAIL_CAMPAIGN.id },
    loaded: (link) => until('no enabled link', () => shadowOf(link).querySelector('a[href]')),
  },
];

describe(`Mounted, loaded and removed ${TIMES} times, an element leaves nothing behind`, () => {
  before(async () => {
    countTimersAndWorkers();
    // The command's own first use (its channel to the server) is no part of what is measured.
    await census();
  });
  after(restoreTimersAndWorkers);

  for (const scenario of SCENARIOS) {
    const name = `<${scenario.tag}> ${Object.entries(scenario.attributes)
      .map(([key, value]) => `${key}="${value}"`)
      .join(' ')}`;

    it(`${name}: heap, DOM nodes, listeners, timers and workers back to where they were`, async function () {
      this.timeout(120_000);
      const ds = dataSource();
      const round = async (i: number) => {
        counting = true;
        try {
          const element = document.createElement(scenario.tag) as HTMLElement & { dataSource: unknown };
          for (const [key, value] of Object.entries(scenario.attributes)) element.setAttribute(key, value);
          element.dataSource = ds;
          document.body.append(element);
          await scenario.loaded(element);
          if (scenario.use && i % 25 === 0) await scenario.use(element);
          element.remove();
          // The test's own record of the calls (and their signals) is no part of what is measured.
          ds.calls.length = 0;
        } finally {
          counting = false;
        }
      };
      // Warm-up, each round with its use: modules, Tabulator, templates, Intl formatters and
      // other caches made once per page.
      for (let i = 0; i < 3; i++) await round(0);
      const before = await census();
      const started = performance.now();
      for (let i = 0; i < TIMES / 2; i++) await round(i);
      // The engine goes on optimising the code of the first rounds (its code and feedback are
      // heap too): the heap is compared over the last half, the rest over all the rounds.
      const halfway = await census();
      for (let i = TIMES / 2; i < TIMES; i++) await round(i);
      const elapsed = performance.now() - started;
      const after = await census();
      const grown = {
        heap: after.heap - halfway.heap,
        nodes: after.nodes - before.nodes,
        listeners: after.listeners - before.listeners,
        documents: after.documents - before.documents,
      };
      console.log(`${name}: ${TIMES} rounds in ${Math.round(elapsed)} ms; grown by ${JSON.stringify(grown)} (${JSON.stringify(before)} before)`);
      expect({ timeouts: after.timeouts, intervals: after.intervals, workers: after.workers }, 'timers and workers').to.deep.equal({
        timeouts: before.timeouts,
        intervals: before.intervals,
        workers: before.workers,
      });
      expect(grown.nodes, 'DOM nodes').to.be.at.most(0);
      expect(grown.listeners, 'event listeners').to.be.at.most(0);
      expect(grown.documents, 'documents').to.be.at.most(0);
      // An element left alive keeps its shadow tree, controllers and data: tens of KB a round
      // (a grid's, hundreds); under 2 KB a round is the engine's own.
      expect(grown.heap, 'JS heap over the last half, bytes').to.be.below((TIMES / 2) * 2048);
    });
  }
});
