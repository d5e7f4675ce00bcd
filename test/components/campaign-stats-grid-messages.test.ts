import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import { HOVER_DELAY, HOVER_GRACE } from '../../src/components/campaign-stats-grid/cell-hover-tooltip.js';
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
    expect(shadow(grid).querySelector('[part~="updated"]')?.outerHTML ?? null).to.equal(null);
    // The same figures again: no cue.
    await grid.refresh();
    await grid.updateComplete;
    expect(shadow(grid).querySelector('[part~="updated"]')?.outerHTML ?? null).to.equal(null);
    // One more click on the first contact: the cue.
    ds.stats[EMAIL_CAMPAIGN.id] = EMAIL_ROWS.map((row, i) => (i === 0 ? { ...row, clickCount: row.clickCount + 1 } : row));
    await grid.refresh();
    await grid.updateComplete;
    expect(shadow(grid).querySelector('[part~="updated"]')!.textContent!.trim()).to.equal(fr.updated);
  });
});

describe('<campaign-stats-grid> cut cells', () => {
  // Assertions here take texts and booleans, never elements: web-test-runner 0.20 cannot send
  // a failure whose actual value is a DOM node (structuredClone refuses it) and the whole run
  // then hangs until its timeout instead of reporting the failure.
  const LONG = `<img src=x onerror="window.injected=1">${'a'.repeat(80)}@ecole.fr`;
  /** Short enough to be shown whole at the e-mail column's narrowest. */
  const SHORT = 'zoe@free.fr';
  // The cell shown whole above the cut ones: a tooltip covers the rows under its cell.
  const CUT_ROWS: EmailContactStats[] = [
    { ...EMAIL_ROWS[3]!, email: SHORT },
    { ...EMAIL_ROWS[0]!, email: LONG },
    { ...EMAIL_ROWS[1]!, email: `${'b'.repeat(60)}@ecole.fr` },
  ];
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function cutGrid(rows: EmailContactStats[] = CUT_ROWS): Promise<{ grid: CampaignStatsGrid; cells: HTMLElement[] }> {
    const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: rows });
    const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
    await waitForRows(grid);
    return { grid, cells: emailCells(grid) };
  }

  function emailCells(grid: CampaignStatsGrid): HTMLElement[] {
    return [...shadow(grid).querySelectorAll<HTMLElement>('.tabulator-row .tabulator-cell[tabulator-field="email"]')];
  }

  /** The text of the tooltip shown, or null when none shows. */
  function tooltipText(grid: CampaignStatsGrid): string | null {
    return shadow(grid).querySelector<HTMLElement>('.cell-tooltip:not([hidden])')?.textContent ?? null;
  }

  async function hover(grid: CampaignStatsGrid, cell: HTMLElement): Promise<void> {
    await sendMouse({ type: 'move', position: centreOf(cell) });
    await waitUntil(() => tooltipText(grid) !== null, 'no tooltip on the cut cell', { timeout: 3000 });
  }

  afterEach(async () => {
    await resetMouse();
  });

  it('shows the whole text of a cut cell as a tooltip after a pause, as text; none for a cell shown whole', async () => {
    const { grid, cells } = await cutGrid();
    const [whole, cut] = [cells[0]!, cells[1]!];
    expect(whole.scrollWidth <= whole.clientWidth, `"${SHORT}" is cut`).to.equal(true);
    await sendMouse({ type: 'move', position: centreOf(cut) });
    const start = performance.now();
    await waitUntil(() => tooltipText(grid) !== null, 'no tooltip on the cut cell', { timeout: 3000 });
    expect(performance.now() - start, 'shown before the pause').to.be.at.least(HOVER_DELAY - 50);
    expect(tooltipText(grid)).to.equal(LONG);
    const tooltip = shadow(grid).querySelector<HTMLElement>('.cell-tooltip')!;
    expect(tooltip.querySelector('img') === null, 'the text was written as HTML').to.equal(true);
    expect(tooltip.getAttribute('aria-hidden')).to.equal('true');
    expect((window as { injected?: number }).injected).to.equal(undefined);
    const [t, c] = [tooltip.getBoundingClientRect(), cut.getBoundingClientRect()];
    expect(t.top, 'under the cell').to.be.at.least(c.bottom - 1);
    expect(t.right).to.be.at.most(window.innerWidth);
    // The cell shown whole: the tooltip goes, none comes.
    await sendMouse({ type: 'move', position: centreOf(whole) });
    await sleep(HOVER_DELAY + HOVER_GRACE + 300);
    expect(tooltipText(grid)).to.equal(null);
    expect(shadow(grid).querySelectorAll('.cell-tooltip').length).to.equal(0);
  });

  it('hides the tooltip with Escape, the pointer still on the cell; it comes again on another cut cell', async () => {
    const { grid, cells } = await cutGrid();
    await hover(grid, cells[1]!);
    await sendKeys({ press: 'Escape' });
    expect(tooltipText(grid)).to.equal(null);
    // The pointer has not moved: it stays hidden.
    await sleep(HOVER_DELAY + 200);
    expect(tooltipText(grid)).to.equal(null);
    await hover(grid, cells[2]!);
    expect(tooltipText(grid)).to.equal(cells[2]!.textContent!.trim());
  });

  it('keeps the tooltip while the pointer is on it, and hides it once the pointer leaves both', async () => {
    const { grid, cells } = await cutGrid();
    await hover(grid, cells[1]!);
    const tooltip = shadow(grid).querySelector<HTMLElement>('.cell-tooltip')!;
    await sendMouse({ type: 'move', position: centreOf(tooltip) });
    await sleep(HOVER_GRACE + 300);
    expect(tooltipText(grid), 'the tooltip went under the pointer').to.equal(LONG);
    // Back onto its cell, then out of the table.
    await sendMouse({ type: 'move', position: centreOf(cells[1]!) });
    await sleep(HOVER_GRACE + 100);
    expect(tooltipText(grid)).to.equal(LONG);
    await sendMouse({ type: 'move', position: [0, 0] });
    await waitUntil(() => tooltipText(grid) === null, 'the tooltip stayed after the pointer left', { timeout: 2000 });
  });

  it('hides the tooltip when the table body scrolls', async () => {
    const rows = Array.from({ length: 60 }, (_, i): EmailContactStats => ({ ...EMAIL_ROWS[0]!, contactId: `ct-${i}`, email: `${'c'.repeat(50)}${i}@ecole.fr` }));
    const { grid, cells } = await cutGrid(rows);
    await hover(grid, cells[1]!);
    const holder = shadow(grid).querySelector<HTMLElement>('.tabulator-tableholder')!;
    holder.scrollTop += 60;
    await waitUntil(() => tooltipText(grid) === null, 'the tooltip stayed while the body scrolled', { timeout: 2000 });
  });

  it('leaves no tooltip behind when the table is rebuilt or removed', async () => {
    const other = { ...EMAIL_CAMPAIGN, id: 'c-other' };
    const ds = new TestDataSource([EMAIL_CAMPAIGN, other], { [EMAIL_CAMPAIGN.id]: CUT_ROWS, [other.id]: CUT_ROWS.slice(1) });
    const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
    await waitForRows(grid);
    await hover(grid, emailCells(grid)[1]!);
    // Another campaign: a new table, under a pointer that has not moved.
    grid.campaignId = other.id;
    await waitUntil(() => emailCells(grid).length === 2, 'the other campaign was not shown', { timeout: 5000 });
    expect(tooltipText(grid) === LONG, 'the previous table\'s tooltip stayed').to.equal(false);
    await sleep(HOVER_DELAY + 200);
    // At most the tooltip of the cell now under the pointer.
    const tooltips = shadow(grid).querySelectorAll('.cell-tooltip');
    expect(tooltips.length).to.be.at.most(1);
    if (tooltips.length) expect(emailCells(grid).map((cell) => cell.textContent!.trim())).to.include(tooltips[0]!.textContent);
    // Removed while its tooltip shows or is about to.
    await hover(grid, emailCells(grid)[0]!);
    const parent = grid.parentElement!;
    grid.remove();
    // Its table ends a microtask later (a grid moved elsewhere at once keeps it).
    await sleep(0);
    expect(shadow(grid).querySelectorAll('.cell-tooltip').length, 'a tooltip stayed in a removed grid').to.equal(0);
    parent.append(grid);
    await waitForRows(grid);
    await sleep(HOVER_DELAY + 200);
    expect(shadow(grid).querySelectorAll('.cell-tooltip').length <= 1).to.equal(true);
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
