import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import type { EmailContactStats } from '../../src/data/campaign-data-source.js';
import '../../src/define/campaign-stats-grid.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS } from '../helpers/fixtures.js';
import { shadow, waitForRows } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';

function rows(count: number): EmailContactStats[] {
  return Array.from({ length: count }, (_, i) => ({ ...EMAIL_ROWS[0]!, contactId: `ct-${i + 1}`, lastName: i < 3 ? `Zoé ${i}` : `Nom ${i}` }));
}

function source(count: number): TestDataSource {
  return new TestDataSource([{ ...EMAIL_CAMPAIGN, recipientCount: count }], { [EMAIL_CAMPAIGN.id]: rows(count) });
}

/**
 * The grid's live region, and what it says. Besides it, only a state panel (loading, not
 * available…) and the paginator's counter are live: never the row count, which would be
 * said at each change.
 */
function liveRegion(grid: HTMLElement): HTMLElement {
  const regions = shadow(grid).querySelectorAll<HTMLElement>('[role="status"], [aria-live]:not([aria-live="off"])');
  const status = shadow(grid).querySelector<HTMLElement>('[part~="status"]')!;
  expect([...regions].filter((region) => !region.closest('.tabulator-footer') && !region.matches('[part~="state"]'))).to.deep.equal([status]);
  return status;
}

const said = (grid: HTMLElement) => liveRegion(grid).textContent!.replace(/\s+/g, ' ').trim();

describe('<campaign-stats-grid> announcements', () => {
  it('has one polite live region from the start, which says when the rows are loaded', async () => {
    const ds = source(30);
    ds.hold('getContactStats');
    const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid lang="fr" .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
    await waitUntil(() => shadow(grid).querySelector('[part~="state-loading"]'), 'no loading state');
    const region = liveRegion(grid);
    expect(region.getAttribute('role')).to.equal('status');
    expect(said(grid), 'nothing said while loading').to.equal('');
    ds.release('getContactStats');
    await waitForRows(grid);
    await waitUntil(() => said(grid) === '30 contacts', `said: "${said(grid)}"`);
    expect(liveRegion(grid), 'the same live region, kept from the loading state').to.equal(region);
  });

  it('says the count once the search or a filter stops changing it, not at each key', async () => {
    const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid lang="fr" .dataSource=${source(30)} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
    await waitForRows(grid);
    await waitUntil(() => said(grid) === '30 contacts');
    const texts: string[] = [];
    const observer = new MutationObserver(() => texts.push(said(grid)));
    observer.observe(liveRegion(grid), { childList: true, subtree: true, characterData: true });
    shadow(grid).querySelector<HTMLInputElement>('[part~="search"]')!.focus();
    await sendKeys({ type: 'zoé' });
    await waitUntil(() => said(grid) === '3 sur 30 contacts', `said: "${said(grid)}"`, { timeout: 4000 });
    await aTimeout(1200);
    observer.disconnect();
    expect(texts.filter((text) => text !== ''), 'one announcement for the whole search').to.deep.equal(['3 sur 30 contacts']);
  });

  it('says a page loading politely in server-side mode: no alert', async () => {
    const grid = await fixture<CampaignStatsGrid>(
      html`<campaign-stats-grid lang="fr" server-side-threshold="10" .dataSource=${source(600)} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`,
    );
    await waitForRows(grid);
    const alerts: string[] = [];
    const observer = new MutationObserver(() => {
      for (const alert of shadow(grid).querySelectorAll('[role="alert"]')) alerts.push(alert.textContent!);
    });
    observer.observe(shadow(grid), { childList: true, subtree: true, attributes: true });
    const said: string[] = [];
    const region = liveRegion(grid);
    const listen = new MutationObserver(() => said.push(region.textContent!.trim()));
    listen.observe(region, { childList: true, subtree: true, characterData: true });
    shadow(grid).querySelector<HTMLElement>('.tabulator-page[data-page="next"]')!.click();
    await waitUntil(() => shadow(grid).querySelector('.tabulator-page-counter')!.textContent!.includes('Page 2'), 'page 2 not shown');
    observer.disconnect();
    listen.disconnect();
    expect(alerts, 'alerts while a page loads').to.deep.equal([]);
    expect(said).to.include('Chargement de la page…');
  });
});
