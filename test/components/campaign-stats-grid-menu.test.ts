import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS } from '../helpers/fixtures.js';
import { centreOf, renderLoadedGrid, shadow } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';

function menu(grid: HTMLElement): HTMLElement | null {
  return shadow(grid).querySelector('[role="menu"][part~="menu"]');
}

function focused(grid: HTMLElement): Element | null {
  return shadow(grid).activeElement;
}

async function loadedGrid(lang = 'fr'): Promise<CampaignStatsGrid> {
  const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS });
  return renderLoadedGrid(ds, EMAIL_CAMPAIGN.id, { lang });
}

describe('<campaign-stats-grid> context menu', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('opens on a real right-click on a row, inside the shadow root, styled', async () => {
    const grid = await loadedGrid();
    const cell = shadow(grid).querySelector('.tabulator-row .tabulator-cell[tabulator-field="email"]')!;
    const [x, y] = centreOf(cell);
    await sendMouse({ type: 'click', position: [x, y], button: 'right' });
    await waitUntil(() => menu(grid), 'no menu after a right-click on a row');
    const element = menu(grid)!;
    expect(element.getRootNode()).to.equal(grid.shadowRoot);
    // Styled by the shadow root's stylesheet: positioned, bordered, on a surface, with a shadow.
    const style = getComputedStyle(element);
    expect(style.position).to.equal('absolute');
    expect(style.backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(style.borderTopStyle).to.equal('solid');
    expect(style.boxShadow).to.not.equal('none');
    // Opened where the pointer is.
    const rect = element.getBoundingClientRect();
    expect(Math.abs(rect.left - x)).to.be.lessThan(6);
    expect(Math.abs(rect.top - y)).to.be.lessThan(6);
    const item = element.querySelector<HTMLElement>('[role="menuitem"]')!;
    expect(item.textContent).to.contain('Exporter');
    expect(item.getAttribute('aria-haspopup')).to.equal('menu');
    expect(focused(grid) === item, 'focus').to.equal(true);
  });

  it('opens on a right-click on the header too', async () => {
    const grid = await loadedGrid();
    const title = shadow(grid).querySelector('.tabulator-col[tabulator-field="openCount"] .tabulator-col-title')!;
    await sendMouse({ type: 'click', position: centreOf(title), button: 'right' });
    await waitUntil(() => menu(grid), 'no menu after a right-click on the header');
  });

  it('leads to Exporter ▸ Excel (.xlsx) by the mouse, and closes on a click outside', async () => {
    const grid = await loadedGrid();
    const cell = shadow(grid).querySelector('.tabulator-row .tabulator-cell')!;
    await sendMouse({ type: 'click', position: centreOf(cell), button: 'right' });
    await waitUntil(() => menu(grid));
    const exporter = menu(grid)!.querySelector<HTMLElement>('[role="menuitem"]')!;
    await sendMouse({ type: 'move', position: centreOf(exporter) });
    await waitUntil(() => shadow(grid).querySelector('[part~="submenu"]'), 'the submenu did not open on hover');
    const excel = shadow(grid).querySelector<HTMLElement>('[part~="submenu"] [role="menuitem"]')!;
    expect(excel.textContent!.trim()).to.equal('Excel (.xlsx)');
    expect(getComputedStyle(shadow(grid).querySelector('[part~="submenu"]')!).position).to.equal('absolute');
    await sendMouse({ type: 'click', position: [5, 5] });
    await waitUntil(() => !menu(grid), 'the menu did not close on a click outside');
  });

  it('opens with Shift+F10 on the focused table, focus on its first item; arrows, Enter and Escape follow the menu pattern', async () => {
    const grid = await loadedGrid();
    const holder = shadow(grid).querySelector<HTMLElement>('.tabulator-tableholder')!;
    holder.focus();
    expect(focused(grid) === holder, 'focus').to.equal(true);
    await sendKeys({ press: 'Shift+F10' });
    await waitUntil(() => menu(grid), 'Shift+F10 did not open the menu');
    const exporter = menu(grid)!.querySelector<HTMLElement>('[role="menuitem"][data-level="0"]')!;
    expect(focused(grid) === exporter, 'focus').to.equal(true);
    expect(exporter.getAttribute('aria-expanded')).to.equal('false');

    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focused(grid)?.textContent?.trim() === 'Excel (.xlsx)', 'ArrowRight did not enter the submenu');
    expect(exporter.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(grid)?.textContent?.trim()).to.equal('CSV (.csv)');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(grid)?.textContent?.trim()).to.equal('Excel (.xlsx)');

    await sendKeys({ press: 'Escape' });
    expect(focused(grid) === exporter, 'focus').to.equal(true);
    expect(shadow(grid).querySelector('[part~="submenu"]')).to.equal(null);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(grid)?.textContent?.trim() === 'Excel (.xlsx)', 'Enter did not open the submenu');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(grid) === exporter, 'focus').to.equal(true);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !menu(grid), 'Escape did not close the menu');
    expect(focused(grid) === holder, 'focus').to.equal(true);
  });

  it('Exporter ▸ CSV (.csv) from the keyboard writes the CSV of the rows shown, and says so', async () => {
    const grid = await loadedGrid();
    grid.addEventListener('campaign-stats-export', (e) => e.preventDefault(), { once: true });
    shadow(grid).querySelector<HTMLElement>('.tabulator-tableholder')!.focus();
    await sendKeys({ press: 'Shift+F10' });
    await waitUntil(() => menu(grid));
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focused(grid)?.textContent?.trim() === 'Excel (.xlsx)');
    await sendKeys({ press: 'ArrowDown' });
    const exported = new Promise<CustomEvent>((resolve) => grid.addEventListener('campaign-stats-exported', (e) => resolve(e as CustomEvent), { once: true }));
    // The first export is cancelled by its listener: no file, the grid stays usable.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !menu(grid), 'Enter did not close the menu');
    shadow(grid).querySelector<HTMLElement>('.tabulator-tableholder')!.focus();
    await sendKeys({ press: 'Shift+F10' });
    await waitUntil(() => menu(grid));
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focused(grid)?.textContent?.trim() === 'Excel (.xlsx)');
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    const { detail } = await exported;
    expect(detail.format).to.equal('csv');
    expect(detail.fileName).to.match(/^Journée portes ouvertes_statistiques_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(detail.rowCount).to.equal(EMAIL_ROWS.length);
    await waitUntil(() => shadow(grid).querySelector('[part~="status"]')!.textContent!.includes(detail.fileName), 'the status does not name the file');
  });

  it('opens with the ContextMenu key', async () => {
    const grid = await loadedGrid();
    shadow(grid).querySelector<HTMLElement>('.tabulator-tableholder')!.focus();
    await sendKeys({ press: 'ContextMenu' });
    await waitUntil(() => menu(grid), 'the ContextMenu key did not open the menu');
    expect(focused(grid)?.getAttribute('role')).to.equal('menuitem');
  });

  it('opens from the toolbar button, under it, and gives focus back to it', async () => {
    const grid = await loadedGrid('en');
    const button = shadow(grid).querySelector<HTMLButtonElement>('[part~="export-button"]')!;
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => menu(grid), 'the button did not open the menu');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(menu(grid)!.getBoundingClientRect().top).to.be.greaterThan(button.getBoundingClientRect().bottom - 1);
    expect(focused(grid)?.textContent).to.contain('Export');
    expect(menu(grid)!.getAttribute('aria-label')).to.equal('Table actions');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !menu(grid));
    expect(focused(grid) === button, 'focus').to.equal(true);
  });

  it('closes with Tab', async () => {
    const grid = await loadedGrid();
    shadow(grid).querySelector<HTMLElement>('.tabulator-tableholder')!.focus();
    await sendKeys({ press: 'Shift+F10' });
    await waitUntil(() => menu(grid));
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => !menu(grid), 'Tab did not close the menu');
  });
});
