import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import type { EmailContactStats } from '../../src/data/campaign-data-source.js';
import { DataSourceError } from '../../src/data/data-source-error.js';
import '../../src/define/campaign-stats-grid.js';
import { fr } from '../../src/i18n/fr.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS } from '../helpers/fixtures.js';
import { centreOf, shadow, waitForRows } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';
import { parseXlsx, utils } from '../helpers/xlsx.js';

/** Messages that say what happened and what to do: an export that fails is an alert with its cause and a retry. */

const ROWS: EmailContactStats[] = Array.from({ length: 300 }, (_, i) => ({ ...EMAIL_ROWS[0]!, contactId: `ct-${i + 1}`, email: `c${i + 1}@ecole.fr` }));

async function pagedGrid(ds: TestDataSource): Promise<CampaignStatsGrid> {
  // Server-side mode: the export reads its rows from the data source, which can fail meanwhile.
  const grid = await fixture<CampaignStatsGrid>(
    html`<campaign-stats-grid .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id} server-side-threshold="10"></campaign-stats-grid>`,
  );
  await waitForRows(grid);
  return grid;
}

describe('<campaign-stats-grid> data time', () => {
  it('says how long ago the data is from, and shows an "updated" cue after a refresh that changed figures', async () => {
    const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS });
    ds.asOf = new Date(Date.now() - 5 * 60_000).toISOString();
    const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
    await waitForRows(grid);
    const relative = shadow(grid).querySelector('[part~="as-of-relative"]')!.textContent!.trim();
    expect(relative).to.equal(new Intl.RelativeTimeFormat('fr', { numeric: 'always', style: 'short' }).format(-5, 'minute'));
    expect(shadow(grid).querySelector('[part~="updated"]')).to.equal(null);
    // The same figures again: no cue.
    await grid.refresh();
    await grid.updateComplete;
    expect(shadow(grid).querySelector('[part~="updated"]')).to.equal(null);
    // One more click on the first contact: the cue.
    ds.stats[EMAIL_CAMPAIGN.id] = EMAIL_ROWS.map((row, i) => (i === 0 ? { ...row, clickCount: row.clickCount + 1 } : row));
    await grid.refresh();
    await grid.updateComplete;
    expect(shadow(grid).querySelector('[part~="updated"]')!.textContent!.trim()).to.equal(fr.updated);
  });
});

describe('<campaign-stats-grid> cut cells', () => {
  it('shows the whole text of a cut cell as a tooltip, as text; none for a cell shown whole', async () => {
    const long = `<img src=x onerror="window.injected=1">${'a'.repeat(80)}@ecole.fr`;
    const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: [{ ...EMAIL_ROWS[0]!, email: long }, EMAIL_ROWS[3]!] });
    const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
    await waitForRows(grid);
    const cells = [...shadow(grid).querySelectorAll<HTMLElement>('.tabulator-row .tabulator-cell[tabulator-field="email"]')];
    const tooltip = () => shadow(grid).querySelector<HTMLElement>('.tabulator-tooltip');
    await sendMouse({ type: 'move', position: centreOf(cells[0]!) });
    await waitUntil(tooltip, 'no tooltip on the cut cell', { timeout: 3000 });
    expect(tooltip()!.textContent).to.equal(long);
    expect(tooltip()!.querySelector('img')).to.equal(null);
    await sendMouse({ type: 'move', position: centreOf(cells[1]!) });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(tooltip()).to.equal(null);
    await sendMouse({ type: 'move', position: [0, 0] });
  });
});

describe('<campaign-stats-grid> column widths', () => {
  for (const lang of ['fr', 'en']) {
    it(`gives dates, yes/no, delivery labels and titles their whole width (${lang})`, async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS });
      const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid lang=${lang} .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
      await waitForRows(grid);
      const cut = (element: Element) => element.scrollWidth > element.clientWidth + 1;
      for (const field of ['lastActivityAt', 'delivery', 'unsubscribed', 'spamReported']) {
        for (const cell of shadow(grid).querySelectorAll(`.tabulator-row .tabulator-cell[tabulator-field="${field}"]`)) {
          expect(cut(cell), `${field}: "${cell.textContent}" is cut`).to.equal(false);
        }
      }
    });
  }
});

describe('<campaign-stats-grid> exported view', () => {
  it('the Campagne sheet says which search and filters produced the rows, and the campaign’s total', async () => {
    const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS });
    const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
    await waitForRows(grid);
    const delivery = shadow(grid).querySelector<HTMLSelectElement>('.tabulator-col[tabulator-field="delivery"] select')!;
    delivery.focus();
    // Enter starts editing the filter (the grid's keyboard model); its arrows then choose.
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    shadow(grid).querySelector<HTMLInputElement>('[part~="search"]')!.focus();
    await sendKeys({ type: 'zoé' });
    await waitUntil(() => shadow(grid).querySelector('[part~="row-count"]')!.textContent!.includes('1 sur 4'), 'not filtered', { timeout: 3000 });
    const { workbook } = await parseXlsx((await grid.exportExcel({ download: false })).blob);
    const lines = utils.sheet_to_json<string[]>(workbook.Sheets[fr.sheetCampaign]!, { header: 1, defval: '' }).map((row) => row.map(String));
    const valueOf = (label: string) => lines.find((row) => row[0] === label)?.[1];
    expect(valueOf(fr.campaignSheet.total)).to.equal(String(EMAIL_ROWS.length));
    expect(valueOf(fr.campaignSheet.search)).to.equal('zoé');
    expect(lines.flat().join(' | ')).to.contain(fr.columns.delivery);
    expect(lines.flat().join(' | ')).to.contain(fr.delivery.delivered);
  });
});

describe('<campaign-stats-grid> export messages', () => {
  it('an export that fails is an alert with the cause in the user’s words and a retry that works', async () => {
    const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: ROWS });
    const grid = await pagedGrid(ds);
    ds.failures.set('getContactStats', new DataSourceError('server', 'Simulated failure', { status: 503 }));
    await grid.exportExcel({ download: false }).catch(() => undefined);
    await grid.updateComplete;
    const alert = shadow(grid).querySelector<HTMLElement>('[part~="export-error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain(fr.exportFailedBecause(fr.errors.server));
    // The polite status line does not say it as if it were a success.
    expect(shadow(grid).querySelector('[part~="status"]')!.textContent!.trim()).to.equal('');

    ds.failures.delete('getContactStats');
    const exported = new Promise<CustomEvent>((resolve) => grid.addEventListener('campaign-stats-exported', (e) => resolve(e as CustomEvent), { once: true }));
    const retry = alert.querySelector<HTMLButtonElement>('[part~="retry-export-button"]')!;
    retry.scrollIntoView({ block: 'center' });
    await sendMouse({ type: 'click', position: centreOf(retry) });
    const { detail } = await exported;
    expect(detail.format).to.equal('xlsx');
    expect(detail.rowCount).to.equal(ROWS.length);
    await waitUntil(() => !shadow(grid).querySelector('[part~="export-error"]'), 'the alert stayed after a successful retry');
    // The retry button, then the cancel button, went away: the focus is on the export button, not lost to the page.
    await waitUntil(() => shadow(grid).activeElement?.matches('[part~="export-button"]'), 'the focus fell out of the grid');
  });

  it('a cancelled export is said as a warning, not as a success', async () => {
    const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: ROWS });
    const grid = await pagedGrid(ds);
    ds.hold('getContactStats');
    const running = grid.exportExcel({ download: false }).catch((error: unknown) => error);
    await waitUntil(() => shadow(grid).querySelector('[part~="cancel-export-button"]'), 'no cancel button');
    shadow(grid).querySelector<HTMLButtonElement>('[part~="cancel-export-button"]')!.click();
    expect(((await running) as DOMException).name).to.equal('AbortError');
    await grid.updateComplete;
    const status = shadow(grid).querySelector<HTMLElement>('[part~="status"]')!;
    expect(status.textContent!.trim()).to.equal(fr.exportCancelled);
    expect(status.classList.contains('warning')).to.equal(true);
    ds.release('getContactStats');
  });
});
