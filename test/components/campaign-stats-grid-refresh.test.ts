import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { EmailContactStats } from '../../src/data/campaign-data-source.js';
import { fr } from '../../src/i18n/fr.js';
import { EMAIL_CAMPAIGN, EMAIL_LINK_ROWS, EMAIL_LINK_SUMMARY, EMAIL_ROWS } from '../helpers/fixtures.js';
import { centreOf, columnTexts, renderLoadedGrid, shadow } from '../helpers/grid.js';
import { SummaryTestDataSource, TestDataSource } from '../helpers/test-data-source.js';

/** A refresh of a campaign in memory changes the rows whose figures moved, and keeps the user's view and work. */

function contacts(count: number): EmailContactStats[] {
  return Array.from({ length: count }, (_, i) => ({
    ...EMAIL_ROWS[0]!,
    contactId: `ct-${i}`,
    lastName: `Nom ${String(i).padStart(3, '0')}`,
    email: `contact${i}@ecole.fr`,
    opened: false,
    openCount: 0,
    clickCount: i % 10,
  }));
}

function source(rows: EmailContactStats[]): TestDataSource {
  return new TestDataSource([{ ...EMAIL_CAMPAIGN, recipientCount: rows.length }], { [EMAIL_CAMPAIGN.id]: rows });
}

const rowOf = (grid: HTMLElement, lastName: string) =>
  [...shadow(grid).querySelectorAll<HTMLElement>('.tabulator-row')].find((row) => row.querySelector('[tabulator-field="lastName"]')?.textContent?.trim() === lastName);
const cellOf = (grid: HTMLElement, lastName: string, field: string) => rowOf(grid, lastName)?.querySelector<HTMLElement>(`[tabulator-field="${field}"]`);
const activeElement = (grid: HTMLElement) => shadow(grid).activeElement;

describe('<campaign-stats-grid> refresh in memory', () => {
  it('updates the moved rows in place: the focused cell and the other rows keep their elements', async () => {
    const rows = contacts(300);
    const ds = source(rows);
    const grid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id, { height: '300px' });
    const focused = cellOf(grid, 'Nom 001', 'clickCount')!;
    await sendMouse({ type: 'click', position: centreOf(focused) });
    await waitUntil(() => activeElement(grid) === focused, 'the cell did not take the focus');
    const unchanged = cellOf(grid, 'Nom 002', 'email')!;

    ds.asOf = '2026-11-26T21:30:00.000Z';
    // A contact on screen (the focused one) and one far below clicked again.
    ds.stats[EMAIL_CAMPAIGN.id] = rows.map((row, i) => (i === 1 || i === 295 ? { ...row, clickCount: 42 } : { ...row }));
    await grid.refresh();
    await aTimeout(50);

    expect(cellOf(grid, 'Nom 001', 'clickCount')).to.equal(focused);
    expect(focused.textContent!.trim()).to.equal('42');
    expect(activeElement(grid)).to.equal(focused);
    expect(cellOf(grid, 'Nom 002', 'email')).to.equal(unchanged);
    // The row below is drawn with its new figures when scrolled to.
    const holder = shadow(grid).querySelector<HTMLElement>('.tabulator-tableholder')!;
    holder.scrollTop = holder.scrollHeight;
    await aTimeout(500);
    await waitUntil(() => cellOf(grid, 'Nom 295', 'clickCount') !== undefined, 'row 295 was not drawn');
    expect(cellOf(grid, 'Nom 295', 'clickCount')!.textContent!.trim()).to.equal('42');
    expect(cellOf(grid, 'Nom 296', 'clickCount')!.textContent!.trim()).to.equal('6');
  });

  it('draws a row again with its new figures when it had been drawn before and scrolled away', async () => {
    const rows = contacts(300);
    const ds = source(rows);
    const grid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id, { height: '300px' });
    const holder = shadow(grid).querySelector<HTMLElement>('.tabulator-tableholder')!;
    holder.scrollTop = holder.scrollHeight;
    await waitUntil(() => rowOf(grid, 'Nom 000') === undefined, 'the first rows are still drawn');

    ds.stats[EMAIL_CAMPAIGN.id] = rows.map((row, i) => (i === 0 ? { ...row, opened: true, openCount: 3 } : { ...row }));
    await grid.refresh();
    holder.scrollTop = 0;
    await waitUntil(() => cellOf(grid, 'Nom 000', 'openCount') !== undefined, 'row 0 was not drawn again');
    expect(cellOf(grid, 'Nom 000', 'openCount')!.textContent!.trim()).to.equal('3');
    expect(cellOf(grid, 'Nom 000', 'opened')!.textContent!.trim()).to.equal(fr.yes);
  });

  it('sorts and filters again when a moved figure is one the view depends on', async () => {
    const rows = contacts(40);
    const ds = source(rows);
    const grid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
    const title = shadow(grid).querySelector<HTMLElement>('.tabulator-col[tabulator-field="clickCount"] .tabulator-col-title')!;
    title.click();
    title.click();
    await waitUntil(() => columnTexts(grid, 'clickCount')[0] === '9', 'not sorted by clicks, most first');
    const opened = shadow(grid).querySelector<HTMLSelectElement>('.tabulator-col[tabulator-field="opened"] .header-filter')!;
    opened.value = 'true';
    opened.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => shadow(grid).querySelector('[part="row-count"]')?.textContent?.trim() === '0 sur 40 contacts', 'the opened filter did not apply');

    // Two contacts opened since, one of them clicked more than anyone.
    ds.stats[EMAIL_CAMPAIGN.id] = rows.map((row, i) =>
      i === 3 ? { ...row, opened: true, openCount: 1 } : i === 7 ? { ...row, opened: true, openCount: 2, clickCount: 50 } : { ...row },
    );
    await grid.refresh();
    await waitUntil(() => columnTexts(grid, 'lastName').length === 2, 'the newly opened contacts are not shown');
    expect(columnTexts(grid, 'lastName')).to.deep.equal(['Nom 007', 'Nom 003']);
    expect(columnTexts(grid, 'clickCount')).to.deep.equal(['50', '3']);
    expect(shadow(grid).querySelector('[part="row-count"]')!.textContent!.trim()).to.equal('2 sur 40 contacts');
  });

  it('shows other contacts in place of the old ones when the campaign has others', async () => {
    const ds = source(contacts(30));
    const grid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
    ds.stats[EMAIL_CAMPAIGN.id] = contacts(5).map((row) => ({ ...row, contactId: `new-${row.contactId}`, lastName: `Nouveau ${row.lastName}` }));
    await grid.refresh();
    await waitUntil(() => columnTexts(grid, 'lastName').length === 5, 'the new contacts are not shown');
    expect(columnTexts(grid, 'lastName')[0]).to.equal('Nouveau Nom 000');
  });

  it('keeps the links column as it was when the summary reorders its links: its filter is not made again', async () => {
    const ds = new SummaryTestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_LINK_ROWS });
    ds.summaries = { [EMAIL_CAMPAIGN.id]: EMAIL_LINK_SUMMARY };
    const grid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
    const linkFilter = () => shadow(grid).querySelector<HTMLSelectElement>('.tabulator-col[tabulator-field="clickedLinks"] select');
    await waitUntil(() => linkFilter()?.options[1]?.text === '=Prendre rendez-vous', 'the labels did not come');
    const before = linkFilter();
    // The programme link now has the most clickers: the summary lists it first.
    const links = EMAIL_LINK_SUMMARY.links!.map((link) => (link.linkId === 'l-prog' ? { ...link, clickers: 3 } : link)).reverse();
    ds.summaries = { [EMAIL_CAMPAIGN.id]: { ...EMAIL_LINK_SUMMARY, links } };
    ds.asOf = '2026-11-26T21:30:00.000Z';
    await grid.refresh();
    await waitUntil(() => ds.callsOf('getStatsSummary').length === 2, 'the summary was not asked again');
    await aTimeout(100);
    expect(linkFilter()).to.equal(before);
    expect([...linkFilter()!.options].map((o) => o.text)).to.deep.equal([fr.filterAny, '=Prendre rendez-vous', '<b>Programme</b> de la formation']);
  });

  it('waits for the user to be done before an automatic refresh: menu open, key held', async function () {
    this.timeout(40000);
    const ds = source(contacts(20));
    const grid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
    const loads = () => ds.callsOf('getContactStats').length;
    const cell = cellOf(grid, 'Nom 002', 'email')!;
    await sendMouse({ type: 'click', position: centreOf(cell) });
    await sendMouse({ type: 'click', position: centreOf(cell), button: 'right' });
    await waitUntil(() => shadow(grid).querySelector('[role="menu"]'), 'the menu did not open');
    const before = loads();
    grid.refreshInterval = 5;
    await aTimeout(6500);
    expect(loads(), 'refreshed with the menu open').to.equal(before);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => loads() === before + 1, 'no refresh once the menu was closed', { timeout: 4000 });

    // A key held down (Shift, to widen a column) holds the next refresh back until it is let go.
    grid.refreshInterval = 0;
    await grid.updateComplete;
    await sendKeys({ down: 'Shift' });
    grid.refreshInterval = 5;
    await aTimeout(6500);
    expect(loads(), 'refreshed with a key held').to.equal(before + 1);
    await sendKeys({ up: 'Shift' });
    await waitUntil(() => loads() === before + 2, 'no refresh once the key was let go', { timeout: 4000 });
    grid.refreshInterval = 0;
    await grid.updateComplete;
  });
});
