import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse, setViewport } from '@web/test-runner-commands';
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

async function loadedGrid(lang = 'fr', height?: string): Promise<CampaignStatsGrid> {
  const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS });
  return renderLoadedGrid(ds, EMAIL_CAMPAIGN.id, { lang, height });
}

function submenu(grid: HTMLElement): HTMLElement | null {
  return shadow(grid).querySelector('[part~="submenu"]');
}

function exportButton(grid: HTMLElement): HTMLButtonElement {
  return shadow(grid).querySelector<HTMLButtonElement>('[part~="export-button"]')!;
}

/** Fails unless `element` lies wholly inside the viewport. */
function expectInsideViewport(element: Element, what: string): void {
  const rect = element.getBoundingClientRect();
  expect(rect.width, `${what}: width`).to.be.greaterThan(0);
  expect(rect.left, `${what}: left`).to.be.at.least(0);
  expect(rect.top, `${what}: top`).to.be.at.least(0);
  expect(rect.right, `${what}: right`).to.be.at.most(window.innerWidth);
  expect(rect.bottom, `${what}: bottom`).to.be.at.most(window.innerHeight);
}

const VIEWPORTS = [
  { width: 1400, height: 900 },
  { width: 390, height: 800 },
];

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

  it('opens with Shift+F10 on the focused cell, focus on its first item; arrows, Enter and Escape follow the menu pattern', async () => {
    const grid = await loadedGrid();
    const cell = shadow(grid).querySelector<HTMLElement>('.tabulator-row .tabulator-cell')!;
    cell.focus();
    expect(focused(grid) === cell, 'focus').to.equal(true);
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
    expect(shadow(grid).querySelector('[part~="submenu"]')?.outerHTML ?? null).to.equal(null);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(grid)?.textContent?.trim() === 'Excel (.xlsx)', 'Enter did not open the submenu');
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(grid) === exporter, 'focus').to.equal(true);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !menu(grid), 'Escape did not close the menu');
    expect(focused(grid) === cell, 'focus').to.equal(true);
  });

  it('Exporter ▸ CSV (.csv) from the keyboard writes the CSV of the rows shown, and says so', async () => {
    const grid = await loadedGrid();
    grid.addEventListener('campaign-stats-export', (e) => e.preventDefault(), { once: true });
    shadow(grid).querySelector<HTMLElement>('.tabulator-row .tabulator-cell')!.focus();
    await sendKeys({ press: 'Shift+F10' });
    await waitUntil(() => menu(grid));
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focused(grid)?.textContent?.trim() === 'Excel (.xlsx)');
    await sendKeys({ press: 'ArrowDown' });
    const exported = new Promise<CustomEvent>((resolve) => grid.addEventListener('campaign-stats-exported', (e) => resolve(e as CustomEvent), { once: true }));
    // The first export is cancelled by its listener: no file, the grid stays usable.
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !menu(grid), 'Enter did not close the menu');
    shadow(grid).querySelector<HTMLElement>('.tabulator-row .tabulator-cell')!.focus();
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
    shadow(grid).querySelector<HTMLElement>('.tabulator-row .tabulator-cell')!.focus();
    await sendKeys({ press: 'ContextMenu' });
    await waitUntil(() => menu(grid), 'the ContextMenu key did not open the menu');
    expect(focused(grid)?.getAttribute('role')).to.equal('menuitem');
  });

  it('closes with Tab', async () => {
    const grid = await loadedGrid();
    shadow(grid).querySelector<HTMLElement>('.tabulator-row .tabulator-cell')!.focus();
    await sendKeys({ press: 'Shift+F10' });
    await waitUntil(() => menu(grid));
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => !menu(grid), 'Tab did not close the menu');
  });
});

describe('<campaign-stats-grid> menus inside the viewport', () => {
  afterEach(async () => {
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
    window.scrollTo(0, 0);
  });

  for (const viewport of VIEWPORTS) {
    it(`at ${viewport.width}×${viewport.height}, a right-click at the table's bottom right corner opens the menu and its submenu inside the viewport, the page no wider`, async () => {
      await setViewport(viewport);
      // Taller than the viewport, then scrolled so that the table's bottom edge is just above the viewport's.
      const grid = await loadedGrid('fr', '1000px');
      const holder = shadow(grid).querySelector<HTMLElement>('.tabulator-tableholder')!;
      window.scrollBy(0, holder.getBoundingClientRect().bottom - window.innerHeight + 10);
      const { scrollWidth, scrollHeight } = document.documentElement;
      const rect = holder.getBoundingClientRect();
      const point: [number, number] = [Math.round(Math.min(rect.right, window.innerWidth)) - 8, Math.round(rect.bottom) - 6];

      await sendMouse({ type: 'click', position: point, button: 'right' });
      await waitUntil(() => menu(grid), 'no menu after a right-click');
      expectInsideViewport(menu(grid)!, 'menu');
      // No room on the right nor below: it ends at the pointer, on its left and above it.
      const menuRect = menu(grid)!.getBoundingClientRect();
      expect(Math.abs(menuRect.right - point[0]), 'menu right edge at the pointer').to.be.lessThan(2);
      expect(Math.abs(menuRect.bottom - point[1]), 'menu bottom edge at the pointer').to.be.lessThan(2);

      const exporter = menu(grid)!.querySelector<HTMLElement>('[role="menuitem"]')!;
      await sendMouse({ type: 'move', position: centreOf(exporter) });
      await waitUntil(() => submenu(grid), 'the submenu did not open on hover');
      expectInsideViewport(submenu(grid)!, 'submenu');
      // Beside its parent item, on the left (there is no room on the right).
      const subRect = submenu(grid)!.getBoundingClientRect();
      const itemRect = exporter.getBoundingClientRect();
      expect(subRect.right, 'submenu left of its item').to.be.at.most(itemRect.left);
      expect(itemRect.left - subRect.right, 'gap').to.be.lessThan(8);
      expect(subRect.top).to.be.lessThan(itemRect.bottom);
      expect(subRect.bottom).to.be.greaterThan(itemRect.top);

      expect(document.documentElement.scrollWidth, 'page width').to.equal(scrollWidth);
      expect(document.documentElement.scrollHeight, 'page height').to.equal(scrollHeight);
    });

    it(`at ${viewport.width}×${viewport.height}, the toolbar button's menu opens right under the button, inside the viewport`, async () => {
      await setViewport(viewport);
      const grid = await loadedGrid('en');
      const { scrollWidth } = document.documentElement;
      const button = exportButton(grid);
      await sendMouse({ type: 'click', position: centreOf(button) });
      await waitUntil(() => menu(grid), 'the button did not open the menu');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expectInsideViewport(menu(grid)!, 'menu');
      const rect = menu(grid)!.getBoundingClientRect();
      const buttonRect = button.getBoundingClientRect();
      expect(rect.top - buttonRect.bottom, 'gap under the button').to.be.within(0, 4);
      // Its right edge on the button's ('bottom-end'), unless pushed inside the viewport.
      expect(rect.left).to.be.lessThan(buttonRect.right);
      expect(rect.right).to.be.greaterThan(buttonRect.left);
      expect(document.documentElement.scrollWidth, 'page width').to.equal(scrollWidth);
    });
  }

  it('the toolbar menu flips above the button when there is no room below', async () => {
    await setViewport({ width: 1400, height: 900 });
    const grid = await loadedGrid('fr');
    const button = exportButton(grid);
    // The button 40 px above the viewport's bottom: too little for the menu.
    document.body.style.paddingTop = `${window.innerHeight}px`;
    try {
      window.scrollTo(0, button.getBoundingClientRect().bottom + window.scrollY - window.innerHeight + 40);
      await sendMouse({ type: 'click', position: centreOf(button) });
      await waitUntil(() => menu(grid), 'the button did not open the menu');
      const rect = menu(grid)!.getBoundingClientRect();
      const buttonRect = button.getBoundingClientRect();
      expect(buttonRect.top - rect.bottom, 'gap above the button').to.be.within(0, 4);
      expectInsideViewport(menu(grid)!, 'menu');
    } finally {
      document.body.style.paddingTop = '';
    }
  });
});

describe('<campaign-stats-grid> toolbar export menu', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('holds the formats directly, Excel first and focused; Enter on it starts an Excel export', async () => {
    const grid = await loadedGrid('en');
    const button = exportButton(grid);
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => menu(grid), 'the button did not open the menu');
    expect(menu(grid)!.getAttribute('aria-label')).to.equal('Export');
    const items = [...menu(grid)!.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    expect(items.map((item) => item.textContent!.trim())).to.deep.equal(['Excel (.xlsx)', 'CSV (.csv)']);
    expect(items.some((item) => item.hasAttribute('aria-haspopup')), 'a one-level menu').to.equal(false);
    expect(submenu(grid)).to.equal(null);
    await waitUntil(() => focused(grid) === items[0], 'focus is not on Excel');

    const started = new Promise<CustomEvent>((resolve) =>
      grid.addEventListener(
        'campaign-stats-export',
        (e) => {
          // Cancelled: no file is written.
          e.preventDefault();
          resolve(e as CustomEvent);
        },
        { once: true },
      ),
    );
    await sendKeys({ press: 'Enter' });
    const { detail } = await started;
    expect(detail.format).to.equal('xlsx');
    await waitUntil(() => !menu(grid), 'Enter did not close the menu');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('follows the menu pattern: arrows, Home/End, Escape gives focus back to the button, Tab closes, the button toggles', async () => {
    const grid = await loadedGrid('fr');
    const button = exportButton(grid);
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(grid)?.textContent?.trim() === 'Excel (.xlsx)', 'focus is not on Excel');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(grid)?.textContent?.trim()).to.equal('CSV (.csv)');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(grid)?.textContent?.trim()).to.equal('Excel (.xlsx)');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(grid)?.textContent?.trim()).to.equal('CSV (.csv)');
    await sendKeys({ press: 'Home' });
    expect(focused(grid)?.textContent?.trim()).to.equal('Excel (.xlsx)');
    await sendKeys({ press: 'End' });
    expect(focused(grid)?.textContent?.trim()).to.equal('CSV (.csv)');
    // No submenu here: → and ← leave the menu as it is.
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(grid)?.textContent?.trim()).to.equal('CSV (.csv)');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !menu(grid), 'Escape did not close the menu');
    expect(focused(grid) === button, 'focus back on the button').to.equal(true);

    await sendKeys({ press: ' ' });
    await waitUntil(() => menu(grid), 'Space did not open the menu');
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => !menu(grid), 'Tab did not close the menu');

    await sendMouse({ type: 'click', position: centreOf(button) });
    await waitUntil(() => menu(grid), 'a click did not open the menu');
    await sendMouse({ type: 'click', position: centreOf(button) });
    await waitUntil(() => !menu(grid), 'a second click on the button did not close the menu');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('a right-click while it is open opens the context menu in its place', async () => {
    const grid = await loadedGrid('fr');
    await sendMouse({ type: 'click', position: centreOf(exportButton(grid)) });
    await waitUntil(() => menu(grid));
    const cell = shadow(grid).querySelector('.tabulator-row .tabulator-cell')!;
    await sendMouse({ type: 'click', position: centreOf(cell), button: 'right' });
    await waitUntil(() => menu(grid)?.querySelector('[aria-haspopup="menu"]'), 'the context menu did not replace it');
    expect(exportButton(grid).getAttribute('aria-expanded')).to.equal('false');
  });
});
