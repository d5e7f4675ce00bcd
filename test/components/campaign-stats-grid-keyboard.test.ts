import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import type { EmailContactStats } from '../../src/data/campaign-data-source.js';
import '../../src/define/campaign-stats-grid.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS } from '../helpers/fixtures.js';
import { centreOf, columnTexts, shadow, waitForRows } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';

/** `count` contacts `ct-1` … in order: "Nom 000001" …, clicks 0–9. */
function rows(count: number): EmailContactStats[] {
  return Array.from({ length: count }, (_, i) => ({
    ...EMAIL_ROWS[0]!,
    contactId: `ct-${i + 1}`,
    lastName: `Nom ${String(i + 1).padStart(6, '0')}`,
    email: `contact${i + 1}@ecole.fr`,
    clickCount: i % 10,
  }));
}

async function grid(count: number, attributes: { threshold?: number; lang?: string } = {}): Promise<CampaignStatsGrid> {
  const ds = new TestDataSource([{ ...EMAIL_CAMPAIGN, recipientCount: count }], { [EMAIL_CAMPAIGN.id]: rows(count) });
  const element = await fixture<CampaignStatsGrid>(
    html`<campaign-stats-grid
      lang=${attributes.lang ?? 'fr'}
      height="420px"
      server-side-threshold=${attributes.threshold ?? 200_000}
      .dataSource=${ds}
      campaign-id=${EMAIL_CAMPAIGN.id}
    ></campaign-stats-grid>`,
  );
  await waitForRows(element);
  return element;
}

function focused(element: HTMLElement): HTMLElement | null {
  return shadow(element).activeElement as HTMLElement | null;
}

/** What has the focus, as a test reads it: a header's title, a filter's label, a cell's row and column. */
function where(element: HTMLElement): string {
  const target = focused(element);
  if (!target) return 'nothing in the grid';
  if (target.classList.contains('tabulator-col')) return `header ${target.getAttribute('aria-label')}`;
  if (target.matches('.tabulator-header-filter *')) return `filter ${target.getAttribute('aria-label')}`;
  if (target.classList.contains('tabulator-cell')) {
    return `cell ${target.closest('.tabulator-row')!.getAttribute('aria-rowindex')}:${target.getAttribute('aria-colindex')} ${target.textContent!.trim()}`;
  }
  return `${target.tagName.toLowerCase()}.${target.className}`;
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({ press: key });
}

/** Tabs from the export button (the last control before the table) into the table. */
async function tabIntoTable(element: CampaignStatsGrid): Promise<void> {
  shadow(element).querySelector<HTMLElement>('[part~="export-button"]')!.focus();
  await press('Tab');
}

function tabbable(element: HTMLElement): HTMLElement[] {
  const table = shadow(element).querySelector('.tabulator')!;
  return [table, ...table.querySelectorAll('*')].filter(
    (el): el is HTMLElement => el instanceof HTMLElement && el.tabIndex >= 0 && !el.closest('.tabulator-footer') && el.getClientRects().length > 0,
  );
}

describe('<campaign-stats-grid> keyboard (APG grid pattern)', () => {
  it('is one tab stop: Tab enters on the first header and leaves the table at once', async () => {
    const element = await grid(30);
    const after = document.createElement('button');
    after.textContent = 'Après la grille';
    element.after(after);
    expect(tabbable(element), 'elements of the table in the tab order').to.have.length(1);
    await tabIntoTable(element);
    expect(where(element)).to.equal('header Nom');
    await press('Tab');
    expect(document.activeElement, `the focus is on ${where(element)}`).to.equal(after);
    await press('Shift+Tab');
    expect(where(element), 'Shift+Tab comes back to the position left').to.equal('header Nom');
  });

  it('moves with the arrows, Home and End over headers, filters and cells, aria indexes telling where', async () => {
    const element = await grid(30);
    const table = shadow(element).querySelector('[role="grid"]')!;
    expect(table.getAttribute('aria-rowcount')).to.equal('31');
    expect(table.getAttribute('aria-colcount')).to.equal(String(shadow(element).querySelectorAll('.tabulator-col').length));
    await tabIntoTable(element);
    await press('ArrowRight');
    expect(where(element)).to.equal('header Prénom');
    await press('ArrowDown');
    expect(where(element)).to.equal('filter Filtrer la colonne Prénom');
    await press('ArrowDown');
    expect(where(element)).to.equal('cell 2:2 Élodie');
    await press('ArrowLeft', 'ArrowDown', 'ArrowDown');
    expect(where(element)).to.equal('cell 4:1 Nom 000003');
    await press('End');
    expect(focused(element)!.getAttribute('aria-colindex')).to.equal(table.getAttribute('aria-colcount'));
    await press('Home');
    expect(where(element)).to.equal('cell 4:1 Nom 000003');
    await press('ArrowUp', 'ArrowUp', 'ArrowUp');
    expect(where(element)).to.equal('filter Filtrer la colonne Nom');
    await press('ArrowUp', 'ArrowUp');
    expect(where(element)).to.equal('header Nom');
    // Only one element of the table is ever in the tab order: the focused one.
    expect(tabbable(element)).to.deep.equal([focused(element)]);
  });

  it('reaches the last of 100,000 rows in memory with Ctrl+End and comes back with Ctrl+Home, PageDown moving a screenful', async function () {
    this.timeout(30_000);
    const element = await grid(100_000);
    expect(shadow(element).querySelector('[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('100001');
    await tabIntoTable(element);
    await press('Control+End');
    await waitUntil(() => where(element).startsWith('cell 100001:'), `Ctrl+End went to ${where(element)}`);
    await press('Home');
    expect(where(element)).to.equal('cell 100001:1 Nom 100000');
    await press('Control+Home');
    await waitUntil(() => where(element) === 'cell 2:1 Nom 000001', `Ctrl+Home went to ${where(element)}`);
    await press('PageDown');
    const row = Number(focused(element)!.closest('.tabulator-row')!.getAttribute('aria-rowindex'));
    expect(row, 'PageDown: a screenful of rows further').to.be.within(6, 20);
    expect(where(element)).to.equal(`cell ${row}:1 Nom ${String(row - 1).padStart(6, '0')}`);
    const cell = focused(element)!.getBoundingClientRect();
    const body = shadow(element).querySelector('.tabulator-tableholder')!.getBoundingClientRect();
    expect(cell.top >= body.top && cell.bottom <= body.bottom, 'the focused cell is scrolled into view').to.equal(true);
  });

  it('sorts with Enter and Space on a header, aria-sort following', async () => {
    const element = await grid(30);
    await tabIntoTable(element);
    await press('ArrowRight', 'ArrowRight');
    const header = focused(element)!;
    expect(header.getAttribute('aria-label')).to.equal('E-mail');
    await press('Enter');
    expect(header.getAttribute('aria-sort')).to.equal('ascending');
    expect(columnTexts(element, 'email').slice(0, 2)).to.deep.equal(['contact1@ecole.fr', 'contact2@ecole.fr']);
    await press(' ');
    expect(header.getAttribute('aria-sort')).to.equal('descending');
    expect(columnTexts(element, 'email').slice(0, 2)).to.deep.equal(['contact30@ecole.fr', 'contact29@ecole.fr']);
    expect(focused(element)).to.equal(header);
  });

  it('edits a filter from Enter or typing, Escape ending the editing but keeping the filter', async () => {
    const element = await grid(30);
    await tabIntoTable(element);
    await press('ArrowDown');
    expect(where(element)).to.equal('filter Filtrer la colonne Nom');
    await sendKeys({ type: '00002' });
    // Nom 000002 and Nom 000020 … Nom 000029.
    await waitUntil(() => columnTexts(element, 'lastName').length === 11, 'typing in the filter did not filter');
    // Editing: the arrows move the caret, not the focus.
    await press('ArrowLeft', 'ArrowRight');
    expect(where(element)).to.equal('filter Filtrer la colonne Nom');
    await press('Escape');
    const input = focused(element) as HTMLInputElement;
    expect(input.value, 'Escape keeps the filter').to.equal('00002');
    await press('ArrowRight');
    expect(where(element)).to.equal('filter Filtrer la colonne Prénom');
    await press('ArrowLeft', 'ArrowDown');
    expect(where(element)).to.equal('cell 2:1 Nom 000002');
    expect(shadow(element).querySelector('[role="grid"]')!.getAttribute('aria-rowcount')).to.equal('12');
  });

  it('names a header by its title alone, and a filter by its own label', async () => {
    const element = await grid(3);
    const header = shadow(element).querySelector('.tabulator-col[tabulator-field="delivery"]')!;
    expect(header.getAttribute('aria-label')).to.equal('Délivrabilité');
    expect(header.querySelector('select')!.getAttribute('aria-label')).to.equal('Filtrer la colonne Délivrabilité');
    // The table's body is not a focus stop of its own.
    expect(shadow(element).querySelector<HTMLElement>('.tabulator-tableholder')!.tabIndex).to.equal(-1);
  });

  it('widens and narrows the focused column with Shift+→ and Shift+←, and says its width', async () => {
    const element = await grid(3);
    await tabIntoTable(element);
    const header = focused(element)!;
    const before = header.getBoundingClientRect().width;
    await press('Shift+ArrowRight');
    await waitUntil(() => header.getBoundingClientRect().width > before + 20, 'Shift+→ did not widen the column');
    const status = shadow(element).querySelector('[part~="status"]')!;
    await waitUntil(() => /Colonne Nom\s: largeur \d+\sem/.test(status.textContent!), `said: ${status.textContent}`);
    const widened = header.getBoundingClientRect().width;
    await press('Shift+ArrowLeft');
    await waitUntil(() => header.getBoundingClientRect().width < widened - 20, 'Shift+← did not narrow it');
  });

  it('shows the whole text of a focused cell cut by its column, and hides it on leaving', async () => {
    const ds = new TestDataSource([{ ...EMAIL_CAMPAIGN, recipientCount: 1 }], {
      [EMAIL_CAMPAIGN.id]: [{ ...EMAIL_ROWS[0]!, email: `${'très.long.'.repeat(12)}@ecole.fr` }],
    });
    const element = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid lang="fr" .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
    await waitForRows(element);
    await tabIntoTable(element);
    await press('ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight');
    const cell = focused(element)!;
    expect(cell.getAttribute('tabulator-field')).to.equal('email');
    expect(cell.scrollWidth).to.be.greaterThan(cell.clientWidth);
    await waitUntil(() => shadow(element).querySelector('.cell-tooltip:not([hidden])'), 'no tooltip for the cut cell');
    const tooltip = shadow(element).querySelector<HTMLElement>('.cell-tooltip')!;
    expect(tooltip.textContent).to.equal(cell.textContent!.trim());
    const [t, c] = [tooltip.getBoundingClientRect(), cell.getBoundingClientRect()];
    expect(t.top, 'under the cell').to.be.at.least(c.bottom - 1);
    expect(t.right).to.be.at.most(window.innerWidth);
    await press('ArrowLeft');
    // A boolean: web-test-runner 0.20 cannot report a failure whose actual value is an element (the run hangs).
    expect(shadow(element).querySelector('.cell-tooltip') === null, 'the tooltip stayed').to.equal(true);
  });

  it('shares one tooltip with the pointer: a hovered cut cell takes it, the focused cell gets it back when the pointer leaves', async () => {
    const [a, b] = [`${'premier.'.repeat(12)}@ecole.fr`, `${'second.'.repeat(12)}@ecole.fr`];
    const ds = new TestDataSource([{ ...EMAIL_CAMPAIGN, recipientCount: 2 }], {
      [EMAIL_CAMPAIGN.id]: [
        { ...EMAIL_ROWS[0]!, email: a },
        { ...EMAIL_ROWS[1]!, email: b },
      ],
    });
    const element = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid lang="fr" .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
    await waitForRows(element);
    const shown = () => [...shadow(element).querySelectorAll('.cell-tooltip:not([hidden])')].map((tooltip) => tooltip.textContent);
    try {
      await tabIntoTable(element);
      // The second row's address: its tooltip covers the rows under it, not the first row.
      await press('ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight');
      await waitUntil(() => shown()[0] === b, `the focused cell's tooltip shows ${shown().join()}`);
      const first = shadow(element).querySelector<HTMLElement>('.tabulator-row .tabulator-cell[tabulator-field="email"]')!;
      await sendMouse({ type: 'move', position: centreOf(first) });
      await waitUntil(() => shown()[0] === a, `the hovered cell's tooltip shows ${shown().join()}`, { timeout: 3000 });
      expect(shadow(element).querySelectorAll('.cell-tooltip').length, 'two tooltips').to.equal(1);
      // The focus moving to a cell shown whole leaves the pointer's tooltip.
      await press('ArrowLeft');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(shown()).to.deep.equal([a]);
      await press('ArrowRight');
      await waitUntil(() => shown()[0] === b, `the focused cell's tooltip shows ${shown().join()}`);
      // The pointer on the first row again, then away: the focused cell's tooltip comes back.
      await sendMouse({ type: 'move', position: [0, 0] });
      await sendMouse({ type: 'move', position: centreOf(first) });
      await waitUntil(() => shown()[0] === a, `the hovered cell's tooltip shows ${shown().join()}`, { timeout: 3000 });
      await sendMouse({ type: 'move', position: [0, 0] });
      await waitUntil(() => shown()[0] === b, `the focused cell's tooltip is not back: ${shown().join()}`, { timeout: 3000 });
      // Escape, in the grid, hides it.
      await press('Escape');
      expect(shown()).to.deep.equal([]);
    } finally {
      await resetMouse();
    }
  });

  it('opens the menu on the focused cell with Shift+F10, Escape giving the focus back to the cell', async () => {
    const element = await grid(30);
    await tabIntoTable(element);
    await press('ArrowDown', 'ArrowDown', 'ArrowDown');
    const cell = focused(element)!;
    await press('Shift+F10');
    await waitUntil(() => focused(element)?.getAttribute('role') === 'menuitem', 'Shift+F10 did not open the menu');
    const menu = shadow(element).querySelector('[role="menu"]')!.getBoundingClientRect();
    const rect = cell.getBoundingClientRect();
    expect(menu.left >= rect.left && menu.top >= rect.top && menu.top <= rect.bottom, 'the menu opens on the cell').to.equal(true);
    await press('Escape');
    expect(focused(element)).to.equal(cell);
  });

  it('keeps the focused position when a refresh re-renders the rows', async () => {
    const element = await grid(30);
    await tabIntoTable(element);
    await press('ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight');
    expect(where(element)).to.equal('cell 3:2 Élodie');
    await element.refresh();
    await waitUntil(() => where(element) === 'cell 3:2 Élodie', `after the refresh: ${where(element)}`);
  });

  it('stays where the user scrolled away from the focused cell; the next arrow goes on from the cell', async () => {
    const element = await grid(300);
    await tabIntoTable(element);
    await press('ArrowDown', 'ArrowDown', 'ArrowDown');
    expect(where(element)).to.equal('cell 3:1 Nom 000002');
    const holder = shadow(element).querySelector<HTMLElement>('.tabulator-tableholder')!;
    // As a wheel or the scrollbar does: the focused row is no longer drawn.
    holder.scrollTop = holder.scrollHeight;
    await waitUntil(() => !columnTexts(element, 'lastName').includes('Nom 000002'), 'the focused row is still drawn');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(holder.scrollTop, 'the view jumped back to the focused cell').to.be.greaterThan(holder.scrollHeight / 2);
    await press('ArrowDown');
    await waitUntil(() => where(element) === 'cell 4:1 Nom 000003', `ArrowDown: ${where(element)}`);
  });

  describe('server-side mode', () => {
    it('crosses pages with PageDown and reaches the last contact with Ctrl+End, the row index of the whole campaign', async function () {
      this.timeout(20_000);
      const element = await grid(600, { threshold: 50 });
      const table = shadow(element).querySelector('[role="grid"]')!;
      expect(table.getAttribute('aria-rowcount')).to.equal('601');
      await tabIntoTable(element);
      await press('Control+End');
      await waitUntil(() => where(element) === 'cell 601:' + table.getAttribute('aria-colcount') + ' ' + focused(element)?.textContent?.trim(), `Ctrl+End: ${where(element)}`, { timeout: 5000 });
      await press('Home');
      expect(where(element)).to.equal('cell 601:1 Nom 000600');
      await press('Control+Home');
      await waitUntil(() => where(element) === 'cell 2:1 Nom 000001', `Ctrl+Home: ${where(element)}`, { timeout: 5000 });
      const rowIndex = () => Number(focused(element)?.closest('.tabulator-row')?.getAttribute('aria-rowindex'));
      for (let i = 0; i < 40 && !(rowIndex() > 251); i++) {
        await press('PageDown');
        await waitUntil(() => rowIndex() > 0, `PageDown: ${where(element)}`, { timeout: 5000 });
      }
      const index = rowIndex();
      expect(index, 'PageDown went on to page 2').to.be.within(252, 280);
      expect(where(element)).to.equal(`cell ${index}:1 Nom ${String(index - 1).padStart(6, '0')}`);
    });
  });
});

describe('<campaign-stats-grid> accessibility (axe)', () => {
  for (const lang of ['fr', 'en']) {
    it(`has no violation with its table in memory, a cell focused (${lang})`, async () => {
      const element = await grid(30, { lang });
      await tabIntoTable(element);
      await press('ArrowDown', 'ArrowDown');
      await expect(element).to.be.accessible();
    });

    it(`has no violation in server-side mode (${lang})`, async () => {
      const element = await grid(600, { threshold: 50, lang });
      await expect(element).to.be.accessible();
    });
  }
});
