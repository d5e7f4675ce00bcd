import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import { SERVER_PAGE_SIZE } from '../../src/components/campaign-stats-grid/remote-pages.js';
import type { EmailContactStats, StatsQuery } from '../../src/data/campaign-data-source.js';
import { abortError } from '../../src/internal/abort.js';
import '../../src/define/campaign-stats-grid.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS, SMS_CAMPAIGN, SMS_ROWS } from '../helpers/fixtures.js';
import { columnTexts, shadow, waitForRows } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';
import { parseXlsx, sheetRows } from '../helpers/xlsx.js';

const CONTACTS = 600;

function manyRows(): EmailContactStats[] {
  return Array.from({ length: CONTACTS }, (_, i) => ({
    ...EMAIL_ROWS[0]!,
    contactId: `ct-${i + 1}`,
    lastName: `Nom ${String(i + 1).padStart(3, '0')}`,
    email: `contact${i + 1}@ecole.fr`,
  }));
}

function dataSource(): TestDataSource {
  return new TestDataSource([{ ...EMAIL_CAMPAIGN, recipientCount: CONTACTS }, SMS_CAMPAIGN], {
    [EMAIL_CAMPAIGN.id]: manyRows(),
    [SMS_CAMPAIGN.id]: SMS_ROWS,
  });
}

/** A grid in server-side mode (threshold 50) on the 600 contacts. */
async function pagedGrid(ds: TestDataSource): Promise<CampaignStatsGrid> {
  const grid = await fixture<CampaignStatsGrid>(
    html`<campaign-stats-grid lang="fr" height="300px" server-side-threshold="50" .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`,
  );
  await waitForRows(grid);
  return grid;
}

function text(grid: HTMLElement, selector: string): string {
  return shadow(grid).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function pageButton(grid: HTMLElement, page: string): HTMLButtonElement {
  return shadow(grid).querySelector<HTMLButtonElement>(`.tabulator-paginator [data-page="${page}"]`)!;
}

function queries(ds: TestDataSource): StatsQuery[] {
  return ds.callsOf('getContactStats').map((call) => call.args[1] as StatsQuery);
}

function errors(grid: HTMLElement): CustomEvent[] {
  const seen: CustomEvent[] = [];
  grid.addEventListener('campaign-stats-error', (event) => seen.push(event as CustomEvent));
  return seen;
}

describe('<campaign-stats-grid> faults and races', () => {
  describe('an AbortError from the source itself', () => {
    it('while a page is wanted (server-side mode) is an error with retry, not a page loading for ever', async () => {
      const ds = dataSource();
      const grid = await pagedGrid(ds);
      // The source rejects with an AbortError that nobody asked for (its own fetch aborted).
      ds.failures.set('getContactStats', abortError());
      const failed = oneEvent(grid, 'campaign-stats-error');
      pageButton(grid, 'next').click();
      const { detail } = await failed;
      expect(detail.operation).to.equal('getContactStats');
      await waitUntil(() => text(grid, '.banner').includes("L'actualisation a échoué"), 'no error banner');
      expect(text(grid, '.banner')).to.contain('Le serveur est injoignable');
      expect(columnTexts(grid, 'lastName')[0]).to.equal('Nom 001');
      ds.failures.clear();
      shadow(grid).querySelector<HTMLButtonElement>('.banner [part~="retry-button"]')!.click();
      await waitUntil(() => columnTexts(grid, 'lastName')[0] === 'Nom 251', 'the retry did not show page 2');
      await waitUntil(() => !shadow(grid).querySelector('.banner'), 'the banner stayed');
      expect(text(grid, '.tabulator-alert')).to.not.equal('Chargement de la page…');
    });

    it('while a refresh is wanted is an error with retry, the rows kept', async () => {
      const ds = dataSource();
      const grid = await pagedGrid(ds);
      ds.failures.set('getContactStats', abortError());
      let rejected: unknown;
      await grid.refresh().catch((error: unknown) => (rejected = error));
      expect((rejected as Error | undefined)?.name, 'refresh() rejects, and not as an abort').to.not.be.oneOf([undefined, 'AbortError']);
      await waitUntil(() => text(grid, '.banner').includes("L'actualisation a échoué"), 'no error banner');
      expect(columnTexts(grid, 'lastName')[0]).to.equal('Nom 001');
    });

    it('while the campaign loads is the error state with retry', async () => {
      const ds = dataSource();
      ds.failures.set('getContactStats', abortError());
      const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid lang="fr" .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
      await waitUntil(() => shadow(grid).querySelector('[part~="state-error"] [part~="retry-button"]'), 'no error state with retry');
      ds.failures.clear();
      shadow(grid).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitForRows(grid);
    });

    it("the grid's own aborts (a newer page request) stay silent", async () => {
      const ds = dataSource();
      const grid = await pagedGrid(ds);
      const seen = errors(grid);
      ds.hold('getContactStats');
      pageButton(grid, 'next').click();
      await waitUntil(() => queries(ds).length === 2, 'page 2 not asked');
      pageButton(grid, 'last').click();
      await waitUntil(() => queries(ds).length === 3, 'page 3 not asked');
      ds.release('getContactStats');
      await waitUntil(() => text(grid, '.tabulator-page-counter') === 'Page 3 sur 3 · contacts 501 à 600', text(grid, '.tabulator-page-counter'));
      await aTimeout(50);
      expect(seen).to.have.length(0);
      expect(shadow(grid).querySelector('.banner')?.outerHTML ?? null).to.equal(null);
    });
  });

  describe('status messages belong to their campaign', () => {
    it('a campaign switch during an export says nothing of that export under the new campaign', async () => {
      const ds = dataSource();
      const grid = await pagedGrid(ds);
      ds.hold('getContactStats');
      const exported = grid.exportExcel({ download: false }).catch((error: unknown) => error);
      await waitUntil(() => shadow(grid).querySelector('[part~="export-progress"]'), 'no export progress');
      grid.campaignId = SMS_CAMPAIGN.id;
      await grid.updateComplete;
      ds.release('getContactStats');
      expect(((await exported) as Error).name).to.equal('AbortError');
      await grid.updateComplete;
      expect(text(grid, '[part~="status"]')).to.not.contain('Export');
      await waitForRows(grid);
      await aTimeout(50);
      // The new campaign's count may be said there; nothing of the old export is.
      expect(text(grid, '[part~="status"]')).to.not.contain('Export');
      expect(shadow(grid).querySelector('[part~="export-error"], [part~="export-progress"]')?.outerHTML ?? null).to.equal(null);
    });

    it('a failed export of the previous campaign leaves no alert nor retry under the new one', async () => {
      const ds = dataSource();
      const grid = await pagedGrid(ds);
      ds.hold('getContactStats');
      const exported = grid.exportExcel({ download: false }).catch((error: unknown) => error);
      await waitUntil(() => shadow(grid).querySelector('[part~="export-progress"]'), 'no export progress');
      ds.failures.set('getContactStats', new Error('down'));
      grid.campaignId = SMS_CAMPAIGN.id;
      await grid.updateComplete;
      ds.release('getContactStats');
      await exported;
      ds.failures.clear();
      await grid.requestUpdate();
      await waitUntil(() => shadow(grid).querySelector('[part~="retry-button"]') || shadow(grid).querySelector('.tabulator-row'), 'nothing shown');
      await aTimeout(50);
      expect(shadow(grid).querySelector('[part~="export-error"]')?.outerHTML ?? null).to.equal(null);
      expect(text(grid, '[part~="status"]')).to.not.contain('Export');
    });
  });

  describe('a grid moved to another parent', () => {
    it('keeps its rows, its sort and its view, and exports them (client-side mode)', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS });
      const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid lang="fr" .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
      await waitForRows(grid);
      shadow(grid).querySelector<HTMLElement>('.tabulator-col[tabulator-field="openCount"] .tabulator-col-title')!.click();
      await waitUntil(() => columnTexts(grid, 'openCount').join() === '0,1,3,5', columnTexts(grid, 'openCount').join());
      const other = document.createElement('section');
      document.body.append(other);
      try {
        other.append(grid);
        await grid.updateComplete;
        await aTimeout(50);
        expect(columnTexts(grid, 'openCount').join()).to.equal('0,1,3,5');
        const { blob, rowCount } = await grid.exportExcel({ download: false });
        expect(rowCount).to.equal(4);
        const { workbook } = await parseXlsx(blob);
        expect(sheetRows(workbook.Sheets[workbook.SheetNames[0]!])).to.have.length(5);
        expect(ds.callsOf('getContactStats')).to.have.length(1);
      } finally {
        other.remove();
      }
    });

    it('keeps its page in server-side mode, without asking the source again', async () => {
      const ds = dataSource();
      const grid = await pagedGrid(ds);
      pageButton(grid, 'next').click();
      await waitUntil(() => columnTexts(grid, 'lastName')[0] === 'Nom 251', 'not on page 2');
      const asked = queries(ds).length;
      const holder = shadow(grid).querySelector<HTMLElement>('.tabulator-tableholder')!;
      holder.scrollTop = 600;
      await waitUntil(() => columnTexts(grid, 'lastName')[0] !== 'Nom 251', 'did not scroll');
      await aTimeout(50);
      const visible = columnTexts(grid, 'lastName');
      const other = document.createElement('section');
      document.body.append(other);
      try {
        other.append(grid);
        await grid.updateComplete;
        await aTimeout(50);
        expect(text(grid, '.tabulator-page-counter')).to.equal('Page 2 sur 3 · contacts 251 à 500');
        expect(columnTexts(grid, 'lastName')).to.deep.equal(visible);
        expect(holder.scrollTop, 'scrolled where it was').to.equal(600);
        expect(queries(ds).length).to.equal(asked);
        const { rowCount } = await grid.exportExcel({ download: false });
        expect(rowCount).to.equal(CONTACTS);
      } finally {
        other.remove();
      }
    });

    it('goes on with an export running while it is moved', async () => {
      const ds = dataSource();
      const grid = await pagedGrid(ds);
      ds.hold('getContactStats');
      const exported = grid.exportExcel({ download: false });
      await waitUntil(() => shadow(grid).querySelector('[part~="export-progress"]'), 'no export progress');
      const other = document.createElement('section');
      document.body.append(other);
      try {
        other.append(grid);
        await aTimeout(20);
        ds.release('getContactStats');
        expect((await exported).rowCount).to.equal(CONTACTS);
      } finally {
        other.remove();
      }
    });

    it('shows its rows again when put back later (removed, then appended in another task)', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS });
      const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid lang="fr" .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
      await waitForRows(grid);
      const parent = grid.parentElement!;
      grid.remove();
      await aTimeout(20);
      parent.append(grid);
      await waitForRows(grid);
      expect(columnTexts(grid, 'email')).to.have.length(4);
      const { rowCount } = await grid.exportExcel({ download: false });
      expect(rowCount).to.equal(4);
    });
  });

  describe('refresh-interval and page changes', () => {
    /** The grid's interval ticks, fired by the test: setInterval wrapped while the grid sets its interval. */
    async function withTicks(grid: CampaignStatsGrid, seconds: number): Promise<() => void> {
      const original = window.setInterval;
      let tick: (() => void) | undefined;
      window.setInterval = ((handler: () => void, ms?: number) => {
        if (ms === seconds * 1000) tick = handler;
        return original(handler, ms);
      }) as typeof setInterval;
      try {
        grid.refreshInterval = seconds;
        await grid.updateComplete;
      } finally {
        window.setInterval = original;
      }
      expect(tick, 'no interval was set').to.not.equal(undefined);
      return tick!;
    }

    /** Every first row the table showed, in order, from the first time it showed `from` on. */
    function firstRowsShown(grid: CampaignStatsGrid, from: string): string[] {
      const shown: string[] = [];
      const record = () => {
        const first = columnTexts(grid, 'lastName')[0];
        if (first && (shown.length > 0 || first === from) && shown.at(-1) !== first) shown.push(first);
      };
      new MutationObserver(record).observe(shadow(grid), { subtree: true, childList: true, characterData: true });
      return shown;
    }

    it('a tick while a page is on its way gives way to it: the page asked for is the one shown', async () => {
      const ds = dataSource();
      const grid = await pagedGrid(ds);
      const tick = await withTicks(grid, 3600);
      const shown = firstRowsShown(grid, 'Nom 251');
      ds.hold('getContactStats');
      pageButton(grid, 'next').click();
      await waitUntil(() => queries(ds).length === 2, 'page 2 not asked');
      tick();
      await aTimeout(20);
      ds.release('getContactStats');
      await waitUntil(() => columnTexts(grid, 'lastName')[0] === 'Nom 251', 'not on page 2');
      await aTimeout(100);
      expect(shown).to.deep.equal(['Nom 251']);
      expect(text(grid, '.tabulator-page-counter')).to.equal('Page 2 sur 3 · contacts 251 à 500');
    });

    it('a page change while a tick refreshes the page on screen wins: the refreshed page is never shown after it', async () => {
      const ds = dataSource();
      const grid = await pagedGrid(ds);
      const tick = await withTicks(grid, 3600);
      const shown = firstRowsShown(grid, 'Nom 251');
      ds.hold('getContactStats');
      tick();
      await waitUntil(() => queries(ds).length === 2, 'the tick did not refresh');
      pageButton(grid, 'next').click();
      await waitUntil(() => queries(ds).length === 3, 'page 2 not asked');
      ds.release('getContactStats');
      await waitUntil(() => columnTexts(grid, 'lastName')[0] === 'Nom 251', 'not on page 2');
      await aTimeout(100);
      expect(shown).to.deep.equal(['Nom 251']);
      expect(queries(ds).slice(1)).to.deep.equal([
        { offset: 0, limit: SERVER_PAGE_SIZE },
        { offset: 250, limit: SERVER_PAGE_SIZE },
      ]);
    });

    it('a source that answers an aborted refresh all the same does not bring its page back', async () => {
      const ds = dataSource();
      const grid = await pagedGrid(ds);
      const tick = await withTicks(grid, 3600);
      // Answers after 100 ms whatever the signal says.
      const answer = ds.getContactStats.bind(ds);
      ds.getContactStats = async (id, q) => {
        await aTimeout(q.offset === 0 ? 150 : 20);
        return answer(id, q);
      };
      const shown = firstRowsShown(grid, 'Nom 251');
      tick();
      await aTimeout(10);
      pageButton(grid, 'next').click();
      await waitUntil(() => columnTexts(grid, 'lastName')[0] === 'Nom 251', 'not on page 2');
      await aTimeout(300);
      expect(shown).to.deep.equal(['Nom 251']);
      expect(text(grid, '.tabulator-page-counter')).to.equal('Page 2 sur 3 · contacts 251 à 500');
    });
  });
});
