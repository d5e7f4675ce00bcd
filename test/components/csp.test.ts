import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import type { MessageOverrides } from '../../src/i18n/messages.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS } from '../helpers/fixtures.js';
import { centreOf, headerTitles, shadow, waitForRows } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';
import { parseXlsx, sheetRows } from '../helpers/xlsx.js';
import '../../src/define/campaign-stats-grid.js';

/** A text that runs a script if anything writes it as HTML. */
const markup = (text: string) => `<img src=x onerror="window.__ran='${text}'">${text}`;

const HOSTILE: MessageOverrides = {
  columns: { lastName: markup('Nom'), email: markup('Adresse') } as MessageOverrides['columns'],
  pagination: {
    first: markup('Première'),
    previous: markup('Précédente'),
    next: markup('Suivante'),
    last: markup('Dernière'),
    loading: markup('Chargement'),
    error: markup('Erreur'),
  },
};

const MANY = Array.from({ length: 600 }, (_, i) => ({ ...EMAIL_ROWS[i % 4]!, contactId: `ct-${i}` }));
const PAGED = { ...EMAIL_CAMPAIGN, id: 'c-paged', recipientCount: MANY.length };

function text(root: ParentNode, selector: string): string {
  return root.querySelector(selector)?.textContent?.trim() ?? '';
}

describe('No markup from any string', () => {
  afterEach(() => delete (window as { __ran?: string }).__ran);

  it('writes the host\'s column titles, page buttons and page alerts as text', async () => {
    const ds = new TestDataSource([EMAIL_CAMPAIGN, PAGED], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS, [PAGED.id]: MANY });
    const grid = await fixture<CampaignStatsGrid>(
      html`<campaign-stats-grid lang="fr" .dataSource=${ds} .strings=${HOSTILE} server-side-threshold="100" campaign-id=${PAGED.id}></campaign-stats-grid>`,
    );
    await waitForRows(grid);
    const root = shadow(grid);
    expect(headerTitles(grid)).to.include.members([markup('Nom'), markup('Adresse')]);
    // The sort arrows are still drawn: Tabulator's markup for them is an element now.
    expect(root.querySelectorAll('.tabulator-col-sorter > .tabulator-arrow').length).to.equal(headerTitles(grid).length);
    const buttons = ['first', 'prev', 'next', 'last'].map((page) => text(root, `.tabulator-page[data-page="${page}"]`));
    expect(buttons).to.deep.equal([markup('Première'), markup('Précédente'), markup('Suivante'), markup('Dernière')]);
    // The page's loading alert, then its error alert.
    ds.hold('getContactStats');
    root.querySelector<HTMLButtonElement>('.tabulator-page[data-page="next"]')!.click();
    await waitUntil(() => text(root, '.tabulator-alert'), 'no loading alert');
    expect(text(root, '.tabulator-alert')).to.equal(markup('Chargement'));
    ds.failures.set('getContactStats', new Error('boom'));
    ds.release('getContactStats');
    await waitUntil(() => text(root, '.tabulator-alert') === markup('Erreur'), `the error alert reads ${text(root, '.tabulator-alert')}`);
    expect(root.querySelector('img')?.outerHTML ?? null, 'an img element was made').to.equal(null);
    expect((window as { __ran?: string }).__ran).to.equal(undefined);
  });
});

interface StrictPage {
  violations: string[];
  threads: string[];
  grid: CampaignStatsGrid;
  paged: CampaignStatsGrid;
  list: HTMLElement;
  summary: HTMLElement;
  nextDownload(): Promise<{ blob: Blob; fileName: string }>;
}

describe(`Under default-src 'self'; style-src 'self'; require-trusted-types-for 'script'`, () => {
  let frame: HTMLIFrameElement;
  let page: StrictPage;

  before(async () => {
    frame = document.createElement('iframe');
    // Over the whole viewport, so that what the mouse aims at is in view once scrolled into it.
    frame.style.cssText = 'position: fixed; inset: 0; width: 100vw; height: 100vh; border: 0; background: white';
    document.body.append(frame);
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/test/csp/strict-page.html';
    await loaded;
    await waitUntil(() => (frame.contentWindow as unknown as { strictPage?: StrictPage }).strictPage, 'the strict page did not start', { timeout: 10000 });
    page = (frame.contentWindow as unknown as { strictPage: StrictPage }).strictPage;
  });

  after(async () => {
    await resetMouse();
    frame.remove();
  });

  /** Waits for `count` of the frame's animation frames (its observers report in them). */
  async function frames(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await new Promise((resolve) => frame.contentWindow!.requestAnimationFrame(resolve));
  }

  function violations(): string[] {
    return page.violations;
  }

  /** A point of the frame's element in this page's viewport, for sendMouse: scrolled into view first. */
  function at(element: Element): [number, number] {
    element.scrollIntoView({ block: 'center', inline: 'center' });
    const [x, y] = centreOf(element);
    const frameRect = frame.getBoundingClientRect();
    return [Math.round(frameRect.left + x), Math.round(frameRect.top + y)];
  }

  it('renders the four elements, with the host\'s texts as text and no policy violation', async () => {
    await waitForRows(page.grid);
    await waitForRows(page.paged);
    await waitUntil(() => shadow(page.list).querySelector('sarbacane-link'), 'the list shows no campaign', { timeout: 5000 });
    await waitUntil(() => shadow(page.summary).querySelector('[part~="figure-button"], [part~="link-button"]'), 'the summary shows no figure', { timeout: 5000 });
    expect(headerTitles(page.grid)).to.include(markup('Nom'));
    expect(shadow(page.grid).querySelectorAll('.tabulator-col-sorter > .tabulator-arrow').length).to.be.greaterThan(0);
    expect(text(shadow(page.paged), '.tabulator-page[data-page="next"]')).to.equal(markup('Suivante'));
    expect(violations()).to.deep.equal([]);
  });

  it('sorts, filters and shows tooltips with the mouse and the keyboard, with no policy violation', async () => {
    const root = shadow(page.grid);
    // A table built out of view draws all its rows anew (new cells) when it first comes into
    // view (Tabulator's visibility observer): that comes first, not under the pointer's cell.
    page.grid.scrollIntoView({ block: 'center' });
    await frames(2);
    await sendMouse({ type: 'click', position: at(root.querySelector('.tabulator-col[tabulator-field="openCount"] .tabulator-col-title')!) });
    await waitUntil(() => root.querySelector('.tabulator-col[tabulator-field="openCount"]')!.getAttribute('aria-sort') === 'ascending', 'no sort');
    // The tooltip of a cut cell (the clicked links, in their narrow column), on hover: written
    // as text, placed through the CSSOM; Escape hides it.
    const cut = [...root.querySelectorAll<HTMLElement>('.tabulator-row .tabulator-cell')].find((cell) => cell.scrollWidth > cell.clientWidth);
    expect(cut !== undefined, 'no cut cell to hover').to.equal(true);
    await sendMouse({ type: 'move', position: at(cut!) });
    await waitUntil(() => root.querySelector('.cell-tooltip:not([hidden])')?.textContent === cut!.textContent!.trim(), 'no tooltip on the cut cell', { timeout: 3000 });
    await sendKeys({ press: 'Escape' });
    expect(root.querySelector('.cell-tooltip') === null, 'Escape left the tooltip').to.equal(true);
    await sendMouse({ type: 'click', position: at(root.querySelector<HTMLInputElement>('.tabulator-col[tabulator-field="email"] input')!) });
    await sendKeys({ type: 'gmail' });
    await waitUntil(() => root.querySelectorAll('.tabulator-row').length === 1, 'the filter did not apply');
    await sendKeys({ press: 'Escape' });
    await sendMouse({ type: 'click', position: at(root.querySelector<HTMLInputElement>('.tabulator-col[tabulator-field="email"] input')!) });
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Backspace' });
    await waitUntil(() => root.querySelectorAll('.tabulator-row').length === 4, 'the filter was not cleared');
    expect(violations()).to.deep.equal([]);
  });

  it('opens the menu by a right-click and exports the .xlsx chosen in it, which reads back', async () => {
    const grid = page.grid;
    const root = shadow(grid);
    await sendMouse({ type: 'click', position: at(root.querySelector('.tabulator-row .tabulator-cell[tabulator-field="email"]')!), button: 'right' });
    await waitUntil(() => root.querySelector('[role="menu"][part~="menu"]'), 'no menu after a right-click');
    await sendMouse({ type: 'move', position: at(root.querySelector('[role="menu"] [role="menuitem"]')!) });
    await waitUntil(() => root.querySelector('[part~="submenu"] [role="menuitem"]'), 'no submenu');
    const download = page.nextDownload();
    await sendMouse({ type: 'click', position: at(root.querySelector('[part~="submenu"] [role="menuitem"]')!) });
    const { blob, fileName } = await download;
    expect(fileName).to.equal(`${EMAIL_CAMPAIGN.name}_statistiques_2026-11-26.xlsx`);
    // Copied into this realm: reading the frame's Blob from here crashes Chromium's renderer.
    const { workbook } = await parseXlsx(new Blob([new Uint8Array(await blob.arrayBuffer())]));
    const rows = sheetRows(workbook.Sheets[workbook.SheetNames[0]!]);
    expect(rows[0]!.map((cell) => cell?.v)).to.include(markup('Nom'));
    expect(rows.slice(1).map((row) => row.map((cell) => cell?.v)).flat()).to.include.members(EMAIL_ROWS.map((row) => row.email));
    expect(violations()).to.deep.equal([]);
  });

  it('starts its export worker through the policy: the export ran off the main thread', () => {
    expect(page.threads).to.deep.equal(['worker']);
  });

  it('goes to the next page in server-side mode, with no policy violation', async () => {
    const root = shadow(page.paged);
    await sendMouse({ type: 'click', position: at(root.querySelector('.tabulator-page[data-page="next"]')!) });
    await waitUntil(() => text(root, '.tabulator-page-counter').startsWith('Page 2'), text(root, '.tabulator-page-counter'));
    expect(violations()).to.deep.equal([]);
  });
});
