import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import type { EmailContactStats } from '../../src/data/campaign-data-source.js';
import '../../src/define/campaign-stats-grid.js';
import { boundaryContrast, contrastRatio, failures, parseColor, textContrasts } from '../helpers/contrast.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS } from '../helpers/fixtures.js';
import { shadow, waitForRows } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';

const TEXT = 4.5;
const BOUNDARY = 3;

/** Every delivery of the channel, once each, and one of each flag. */
const ROWS: EmailContactStats[] = (['delivered', 'soft_bounce', 'hard_bounce', 'blocked', 'pending'] as const).map((delivery, i) => ({
  ...EMAIL_ROWS[i % EMAIL_ROWS.length]!,
  contactId: `ct-${i + 1}`,
  delivery,
  opened: i % 2 === 0,
}));

async function grid(threshold = 200_000): Promise<CampaignStatsGrid> {
  // Paged: two pages, so that the paginator has enabled and disabled buttons.
  const rows = threshold < ROWS.length ? Array.from({ length: 300 }, (_, i) => ({ ...ROWS[i % ROWS.length]!, contactId: `ct-${i + 1}` })) : ROWS;
  const ds = new TestDataSource([{ ...EMAIL_CAMPAIGN, recipientCount: rows.length }], { [EMAIL_CAMPAIGN.id]: rows });
  const element = await fixture<CampaignStatsGrid>(
    html`<campaign-stats-grid lang="fr" server-side-threshold=${threshold} .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`,
  );
  await waitForRows(element);
  return element;
}

function markers(element: HTMLElement): Element[] {
  return [...shadow(element).querySelectorAll('.delivery')];
}

describe('<campaign-stats-grid> colours', () => {
  afterEach(async () => {
    await emulateMedia({ forcedColors: 'none' });
  });

  it(`keeps every text at ${TEXT}:1 or more, the paginator's disabled buttons included, and every active control's boundary at ${BOUNDARY}:1`, async () => {
    const element = await grid(4);
    const low = failures(textContrasts(shadow(element)), TEXT);
    expect(low, low.join('\n')).to.deep.equal([]);
    const controls = [
      ...shadow(element).querySelectorAll('[part~="search"], .tabulator-header-filter input, .tabulator-header-filter select, .tabulator-page, [part~="button"]'),
    ];
    expect(controls.length).to.be.greaterThan(12);
    expect(controls.filter((control) => control.matches(':disabled')).length, 'disabled page buttons').to.be.greaterThan(0);
    // WCAG 1.4.11 leaves out inactive controls: their text is held to 4.5:1 above all the same.
    for (const control of controls.filter((c) => !c.matches(':disabled, [aria-disabled="true"]'))) {
      expect(boundaryContrast(control), `${control.localName}.${control.className} "${control.textContent?.trim()}"`).to.be.at.least(BOUNDARY);
    }
  });

  it('gives each kind of delivery a shape of its own, not only a colour', async () => {
    const element = await grid();
    const shapes = markers(element).map((marker) => {
      const before = getComputedStyle(marker, '::before');
      return `${before.clipPath}|${before.borderRadius}|${before.borderTopWidth}`;
    });
    // Delivered, to be retried, lost (hard bounce and blocked alike), pending.
    expect(new Set(shapes).size).to.equal(4);
    expect(shapes[2]).to.equal(shapes[3]);
  });

  it('in forced colours: markers in CanvasText, the focused cell ringed, the focused menu item highlighted, sort arrows visible', async () => {
    await emulateMedia({ forcedColors: 'active' });
    const element = await grid();
    const canvas = parseColor(getComputedStyle(shadow(element).querySelector('.tabulator-tableholder')!).backgroundColor);
    for (const marker of markers(element)) {
      const before = getComputedStyle(marker, '::before');
      const shown = marker.classList.contains('delivery-pending') ? before.borderTopColor : before.backgroundColor;
      expect(contrastRatio(parseColor(shown), canvas), `${marker.className} marker`).to.be.at.least(BOUNDARY);
    }
    const arrow = shadow(element).querySelector('.tabulator-col[tabulator-field="lastName"] .tabulator-arrow')!;
    expect(contrastRatio(parseColor(getComputedStyle(arrow).borderBottomColor), canvas), 'sort arrow').to.be.at.least(BOUNDARY);
    expect(getComputedStyle(arrow).borderLeftColor, 'the arrow keeps its triangle').to.equal('rgba(0, 0, 0, 0)');

    const cell = shadow(element).querySelector<HTMLElement>('.tabulator-row .tabulator-cell')!;
    cell.focus();
    await sendKeys({ press: 'ArrowRight' });
    const focused = shadow(element).activeElement!;
    expect(getComputedStyle(focused).outlineStyle).to.equal('solid');
    expect(contrastRatio(parseColor(getComputedStyle(focused).outlineColor), canvas), 'focus ring').to.be.at.least(BOUNDARY);

    await sendKeys({ press: 'Shift+F10' });
    await waitUntil(() => shadow(element).activeElement?.getAttribute('role') === 'menuitem', 'no menu');
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => shadow(element).activeElement?.textContent?.trim() === 'Excel (.xlsx)');
    const item = shadow(element).activeElement!;
    const other = [...shadow(element).querySelectorAll<HTMLElement>('[role="menuitem"]')].find((i) => i.textContent?.trim() === 'CSV (.csv)')!;
    expect(getComputedStyle(item).backgroundColor, 'the focused item stands out').not.to.equal(getComputedStyle(other).backgroundColor);
    expect(contrastRatio(parseColor(getComputedStyle(item).color), parseColor(getComputedStyle(item).backgroundColor))).to.be.at.least(TEXT);
  });
});
