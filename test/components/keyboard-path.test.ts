import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import type { CampaignStatsExportedDetail } from '../../src/components/campaign-stats-grid/campaign-stats-grid.events.js';
import type { EmailContactStats } from '../../src/data/campaign-data-source.js';
import '../../src/define/campaign-list.js';
import '../../src/define/campaign-stats-grid.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS } from '../helpers/fixtures.js';
import { columnTexts, shadow } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';

/** The element that has the focus, through the shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function describeFocus(): string {
  const active = deepActive();
  if (!active) return 'nothing';
  const label = active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 40);
  return `${active.tagName.toLowerCase()}${active.getAttribute('role') ? `[${active.getAttribute('role')}]` : ''} "${label}"`;
}

describe('the whole task from the keyboard alone', () => {
  it('list → Statistiques par contact → grid → sort → filter → Shift+F10 → Exporter → Excel, the focus never on <body>', async function () {
    this.timeout(20_000);
    const rows: EmailContactStats[] = Array.from({ length: 12 }, (_, i) => ({
      ...EMAIL_ROWS[i % EMAIL_ROWS.length]!,
      contactId: `ct-${i + 1}`,
      email: `${i % 3 === 0 ? 'martin' : 'leroy'}.${i + 1}@ecole.fr`,
    }));
    const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: rows });
    const page = await fixture<HTMLElement>(html`<main>
      <campaign-list lang="fr" channel="email" stats-target="grid" .dataSource=${ds}></campaign-list>
      <campaign-stats-grid id="grid" lang="fr" .dataSource=${ds}></campaign-stats-grid>
    </main>`);
    const grid = page.querySelector<CampaignStatsGrid>('campaign-stats-grid')!;
    const steps: string[] = [];
    const press = async (key: string, step = key) => {
      await sendKeys({ press: key });
      expect(document.activeElement, `after ${step}: the focus fell to the page`).not.to.equal(document.body);
      steps.push(`${step} → ${describeFocus()}`);
    };
    const tabUntil = async (test: (el: Element | null) => boolean, what: string) => {
      for (let i = 0; i < 30 && !test(deepActive()); i++) await press('Tab');
      expect(test(deepActive()), `Tab never reached ${what}:\n${steps.join('\n')}`).to.equal(true);
    };

    // 1. From the top of the page to the campaign's "Statistiques par contact".
    const list = page.querySelector('campaign-list')!;
    await waitUntil(() => list.shadowRoot!.querySelector('[part~="stats-button"]'), 'the list shows no campaign');
    await tabUntil((el) => el?.matches('[part~="stats-button"]') ?? false, '« Statistiques par contact »');
    await press('Enter', 'Enter on « Statistiques par contact »');
    await waitUntil(() => shadow(grid).querySelector('.tabulator-row'), 'the grid did not load the campaign');

    // 2. Into the grid: its first header.
    await tabUntil((el) => el?.classList.contains('tabulator-col') ?? false, 'the grid');
    expect(deepActive()!.getAttribute('aria-label')).to.equal('Nom');

    // 3. Sort on the e-mail address.
    await press('ArrowRight');
    await press('ArrowRight');
    const emailHeader = deepActive()!;
    expect(emailHeader.getAttribute('aria-label')).to.equal('E-mail');
    await press('Enter', 'Enter on the header E-mail');
    expect(emailHeader.getAttribute('aria-sort')).to.equal('ascending');

    // 4. Filter it: its filter, typed into, then left with Escape.
    await press('ArrowDown');
    expect(deepActive()!.getAttribute('aria-label')).to.equal('Filtrer la colonne E-mail');
    await sendKeys({ type: 'martin' });
    await waitUntil(() => columnTexts(grid, 'email').length === 4, 'the filter did not apply');
    expect(columnTexts(grid, 'email')).to.deep.equal(['martin.1@ecole.fr', 'martin.4@ecole.fr', 'martin.7@ecole.fr', 'martin.10@ecole.fr']);
    await press('Escape');

    // 5. A cell, its context menu, Exporter ▸ Excel.
    await press('ArrowDown');
    const cell = deepActive()!;
    expect(cell.classList.contains('tabulator-cell')).to.equal(true);
    expect(cell.textContent!.trim()).to.equal('martin.1@ecole.fr');
    await press('Shift+F10');
    await waitUntil(() => deepActive()?.getAttribute('role') === 'menuitem', 'Shift+F10 did not open the menu');
    await press('ArrowRight', 'ArrowRight into Exporter ▸');
    await waitUntil(() => deepActive()?.textContent?.trim() === 'Excel (.xlsx)', 'the submenu did not open');
    const exported = new Promise<CampaignStatsExportedDetail>((resolve) =>
      grid.addEventListener('campaign-stats-exported', (e) => resolve(e.detail), { once: true }),
    );
    await press('Enter', 'Enter on Excel (.xlsx)');
    const detail = await exported;
    expect(detail.format).to.equal('xlsx');
    expect(detail.rowCount, 'the rows of the filtered view').to.equal(4);
    expect(detail.byteLength).to.be.greaterThan(1000);
    // The file was saved and said; the focus is back on the cell the menu was opened on.
    await waitUntil(() => shadow(grid).querySelector('[part~="status"]')!.textContent!.includes(detail.fileName), 'the status does not name the file');
    expect(deepActive(), steps.join('\n')).to.equal(cell);
  });
});
