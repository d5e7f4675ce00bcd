import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import { RestDataSource } from '../../src/data/rest-data-source.js';
import '../../src/define/campaign-stats-grid.js';
import { fr } from '../../src/i18n/fr.js';
import type { RecordedRequest } from '../../server/test-shared.js';
import { centreOf, shadow, waitForRows, waitForState } from '../helpers/grid.js';

/*
 * The fault matrix: <campaign-stats-grid> over RestDataSource against the real test server,
 * whose `fault/{token}/…` address answers well, then as a misbehaving server does, then well
 * again (server/demo-api-scenarios.ts). For each fault: what the user reads on a first load,
 * that the retry loads the campaign once the server is back, that a failed refresh keeps the
 * figures shown with the reason and a retry, and that nothing is left as an unhandled rejection.
 */

const CAMPAIGN = 'em-forum-lyon';
const CONTACTS = '48 contacts';

interface Fault {
  scenario: string;
  /** What the user reads after « Impossible de charger… » / « L'actualisation a échoué ; … ». */
  message: string;
  /** Whether the first load's error offers a retry (an access or not-found error will not go away by itself). */
  retry: boolean;
  /** The grid's requestTimeout, for faults that only a timeout ends. */
  requestTimeout?: number;
}

const FAULTS: Fault[] = [
  { scenario: 'status/401', message: fr.errors.access, retry: false },
  { scenario: 'status/403', message: fr.errors.access, retry: false },
  { scenario: 'status/404', message: fr.errors['not-found'], retry: false },
  { scenario: 'status/409', message: fr.errors['not-finished'], retry: true },
  { scenario: 'retry-after/1/429', message: fr.errors.server, retry: true },
  { scenario: 'status/500', message: fr.errors.server, retry: true },
  { scenario: 'html-status/502', message: fr.errors.server, retry: true },
  { scenario: 'invalid-json', message: fr.errors['invalid-response'], retry: true },
  { scenario: `content-type/${encodeURIComponent('text/html; charset=utf-8')}`, message: fr.errors['invalid-response'], retry: true },
  { scenario: 'wrong-shape', message: fr.errors['invalid-response'], retry: true },
  { scenario: 'large/20', message: fr.errors['invalid-response'], retry: true },
  { scenario: 'drip/200', message: fr.errors.timeout, retry: true, requestTimeout: 1500 },
  { scenario: 'reset-body', message: fr.errors.network, retry: true },
  { scenario: 'reset', message: fr.errors.network, retry: true },
  { scenario: 'hang', message: fr.errors.timeout, retry: true, requestTimeout: 1500 },
];

/** The test server's `fault/{token}` address, and how to make it misbehave or recover. */
function faultyServer() {
  const token = crypto.randomUUID();
  const set = async (count: number | '*', scenario = '') => {
    const response = await fetch(`/api-test/set-fault/${token}/${count}/${scenario}`);
    expect(response.ok, await response.clone().text()).to.equal(true);
  };
  return {
    ds: new RestDataSource({ baseUrl: `/api-test/fault/${token}` }),
    fail: (scenario: string, count: number | '*' = '*') => set(count, scenario),
    recover: () => set(0),
    async requests(): Promise<RecordedRequest[]> {
      return (await (await fetch(`/api-test/requests/${token}`)).json()) as RecordedRequest[];
    },
  };
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The banner of a failed refresh (the export's error banner has its own part). */
const refreshBanner = (grid: CampaignStatsGrid) => shadow(grid).querySelector('p.banner.error');

async function click(element: Element): Promise<void> {
  const [x, y] = centreOf(element);
  await sendMouse({ type: 'click', position: [x, y] });
}

describe('fault matrix: <campaign-stats-grid> over RestDataSource and a misbehaving server', function () {
  this.timeout(30_000);
  let rejections: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);

  beforeEach(() => {
    rejections = [];
    addEventListener('unhandledrejection', onRejection);
  });
  afterEach(async () => {
    // A rejection is reported after the task that left it unhandled.
    await new Promise((resolve) => setTimeout(resolve, 100));
    removeEventListener('unhandledrejection', onRejection);
    await resetMouse();
    expect(rejections.map(String), 'unhandled rejections').to.deep.equal([]);
  });

  for (const fault of FAULTS) {
    it(`${decodeURIComponent(fault.scenario)}: says why, retries, keeps the figures on a failed refresh`, async () => {
      const server = faultyServer();
      await server.fail(fault.scenario);
      const grid = await fixture<CampaignStatsGrid>(
        html`<campaign-stats-grid lang="fr" height="300px" .requestTimeout=${fault.requestTimeout ?? 30_000} .dataSource=${server.ds} campaign-id=${CAMPAIGN}></campaign-stats-grid>`,
      );

      // 1. A first load: the error, in the user's words, with a retry where one can help.
      const state = await waitForState(grid, 'error');
      expect(text(state)).to.contain(fr.errorTitle).and.contain(fault.message.replace(/\s+/g, ' '));
      const retry = state.querySelector('[part~="retry-button"]');
      expect(retry !== null, 'a retry button').to.equal(fault.retry);

      // 2. The server recovers: the retry (or a refresh, where none is offered) loads the campaign.
      await server.recover();
      if (retry) await click(retry);
      else void grid.refresh().catch(() => undefined);
      await waitForRows(grid);
      await waitUntil(() => text(shadow(grid).querySelector('[part="row-count"]')) === CONTACTS, 'the count is not shown');

      // 3. A refresh that fails: the figures shown stay, the banner says why and offers a retry.
      const asOf = text(shadow(grid).querySelector('[part~="as-of"]'));
      const rows = shadow(grid).querySelectorAll('.tabulator-row').length;
      await server.fail(fault.scenario);
      await click(shadow(grid).querySelector('[part~="refresh-button"]')!);
      await waitUntil(() => refreshBanner(grid), 'no banner after a failed refresh', { timeout: 10_000 });
      expect(text(refreshBanner(grid))).to.contain(fr.refreshFailed.replace(/\s+/g, ' ')).and.contain(fault.message.replace(/\s+/g, ' '));
      expect(shadow(grid).querySelectorAll('.tabulator-row').length, 'rows still shown').to.equal(rows);
      expect(text(shadow(grid).querySelector('[part="row-count"]'))).to.equal(CONTACTS);
      expect(text(shadow(grid).querySelector('[part~="as-of"]'))).to.equal(asOf);
      expect(shadow(grid).querySelector('[part~="state-error"]')?.outerHTML ?? null, 'no error state over the figures').to.be.null;

      // 4. The server recovers again: the banner's retry refreshes, and the banner goes.
      await server.recover();
      const before = (await server.requests()).length;
      const reloaded = oneEvent(grid, 'campaign-stats-load');
      await click(refreshBanner(grid)!.querySelector('[part~="retry-button"]')!);
      await reloaded;
      await grid.updateComplete;
      expect(refreshBanner(grid), 'the banner stays after a successful retry').to.be.null;
      expect((await server.requests()).length, 'the retry asked the server').to.be.greaterThan(before);
      expect(shadow(grid).querySelectorAll('.tabulator-row').length).to.equal(rows);
    });
  }

  it('429 with Retry-After: the grid loads once the server said it could, without the user doing anything', async () => {
    const server = faultyServer();
    await server.fail('retry-after/1/429', 1);
    const grid = await fixture<CampaignStatsGrid>(
      html`<campaign-stats-grid lang="fr" height="300px" .dataSource=${server.ds} campaign-id=${CAMPAIGN}></campaign-stats-grid>`,
    );
    await waitForRows(grid);
    const [refused, next] = await server.requests();
    expect(next!.at - refused!.at, 'ms before asking again').to.be.at.least(950);
    expect(shadow(grid).querySelector('[part~="state-error"]')?.outerHTML ?? null).to.be.null;
  });

  it("429 with Retry-After: the user's retry waits for it before asking the server again", async () => {
    const server = faultyServer();
    await server.fail('retry-after/1/429');
    const grid = await fixture<CampaignStatsGrid>(
      html`<campaign-stats-grid lang="fr" height="300px" .dataSource=${server.ds} campaign-id=${CAMPAIGN}></campaign-stats-grid>`,
    );
    const state = await waitForState(grid, 'error');
    await server.recover();
    await click(state.querySelector('[part~="retry-button"]')!);
    await waitForRows(grid);
    const times = (await server.requests()).map((request) => request.at);
    // 3 requests refused a second apart, then the retry's, a second after the last refusal.
    expect(times.length).to.be.at.least(4);
    for (let i = 1; i < 4; i++) expect(times[i]! - times[i - 1]!, `request ${i + 1}`).to.be.at.least(950);
  });
});
