import { expect, fixture, html } from '@open-wc/testing';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import type { EmailContactStats } from '../../src/data/campaign-data-source.js';
import '../../src/define/campaign-stats-grid.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS } from '../helpers/fixtures.js';
import { renderLoadedGrid, shadow, waitForRows } from '../helpers/grid.js';
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

  it('fills the view with rows, in order and without gaps, wherever it is scrolled', async () => {
    const count = 3000;
    const rows: EmailContactStats[] = Array.from({ length: count }, (_, i) => ({ ...EMAIL_ROWS[i % EMAIL_ROWS.length]!, contactId: `k${i}`, email: `contact${i}@ecole.fr` }));
    const ds = new TestDataSource([{ ...EMAIL_CAMPAIGN, recipientCount: count }], { [EMAIL_CAMPAIGN.id]: rows });
    const element = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
    const holder = shadow(element).querySelector<HTMLElement>('.tabulator-tableholder')!;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    // Jumps far away (whole batches drawn anew), steps of a few rows down and up (rows added one by one), the end.
    const far = (fraction: number) => Math.round(fraction * (holder.scrollHeight - holder.clientHeight));
    for (const top of [far(0.37), far(0.81), far(0.81) + 90, far(0.81) + 150, far(0.81) + 30, far(0.5), holder.scrollHeight]) {
      holder.scrollTop = top;
      await frame();
      await frame();
      const view = holder.getBoundingClientRect();
      const drawn = [...holder.querySelectorAll<HTMLElement>('.tabulator-row')].map((row) => ({
        index: Number(row.getAttribute('aria-rowindex')) - 2,
        box: row.getBoundingClientRect(),
      }));
      const where = `at scrollTop ${holder.scrollTop} (asked ${top})`;
      const height = drawn[0]!.box.height;
      drawn.forEach((row, k) => {
        expect(row.box.height, `row ${row.index} ${where}`).to.be.closeTo(height, 0.5);
        if (k > 0) {
          expect(row.index, where).to.equal(drawn[k - 1]!.index + 1);
          expect(row.box.top, `row ${row.index} ${where}`).to.be.closeTo(drawn[k - 1]!.box.bottom, 0.5);
        }
      });
      // No blank band at the top or the bottom of the view (the header row is above the holder).
      expect(drawn[0]!.box.top, `first row drawn ${where}`).to.be.at.most(view.top + 0.5);
      const bottom = drawn.at(-1)!;
      if (bottom.index < count - 1) expect(bottom.box.bottom, `last row drawn ${where}`).to.be.at.least(view.top + holder.clientHeight - 0.5);
    }
    // The last contact is reached, whole, at the bottom (Tabulator refines the table's height as
    // it draws rows: a user's next scroll, as the bench's, goes on to the real bottom).
    for (let k = 0; k < 10 && holder.scrollTop + holder.clientHeight < holder.scrollHeight - 1; k++) {
      holder.scrollTop = holder.scrollHeight;
      await frame();
      await frame();
    }
    const last = [...holder.querySelectorAll<HTMLElement>('.tabulator-row')].at(-1)!;
    expect(last.querySelector('[tabulator-field="email"]')!.textContent!.trim()).to.equal(`contact${count - 1}@ecole.fr`);
    expect(last.getBoundingClientRect().bottom).to.be.at.most(holder.getBoundingClientRect().top + holder.clientHeight + 0.5);
  });
});
