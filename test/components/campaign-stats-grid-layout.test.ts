import { expect, fixture, html } from '@open-wc/testing';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import '../../src/define/campaign-stats-grid.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS } from '../helpers/fixtures.js';
import { shadow, waitForRows } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';

async function grid(): Promise<CampaignStatsGrid> {
  const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS });
  const element = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid lang="fr" .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
  await waitForRows(element);
  return element;
}

describe('<campaign-stats-grid> rows of a known height', () => {
  afterEach(() => {
    document.documentElement.style.fontSize = '';
  });

  for (const rootSize of ['', '20px']) {
    it(`gives every row the height of its content, none cut (root font size ${rootSize || 'default'})`, async () => {
      document.documentElement.style.fontSize = rootSize;
      const element = await grid();
      const rows = [...shadow(element).querySelectorAll<HTMLElement>('.tabulator-row')];
      expect(rows.length).to.equal(EMAIL_ROWS.length);
      for (const row of rows) {
        for (const cell of row.querySelectorAll<HTMLElement>('.tabulator-cell')) {
          const content = cell.firstElementChild ?? cell;
          const padding = parseFloat(getComputedStyle(cell).paddingTop) + parseFloat(getComputedStyle(cell).paddingBottom);
          // The cell holds its line whole: no text cut at the top or the bottom.
          expect(cell.getBoundingClientRect().height + 0.5, cell.textContent!).to.be.at.least(content.getBoundingClientRect().height + (content === cell ? 0 : padding) - 0.5);
          expect(cell.scrollHeight, cell.textContent!).to.be.at.most(cell.clientHeight + 1);
        }
      }
      // One height for all, the one Tabulator was told.
      expect(new Set(rows.map((row) => Math.round(row.getBoundingClientRect().height))).size).to.equal(1);
    });
  }
});
