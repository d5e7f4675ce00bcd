import { expect } from '@open-wc/testing';
import { EXPORT_PAGES_IN_FLIGHT } from '../../src/components/campaign-stats-grid/export-rows.js';
import type { ContactStatsPage, Options, StatsQuery } from '../../src/data/campaign-data-source.js';
import { warningsOf } from '../helpers/console.js';
import type { TestDataSource } from '../helpers/test-data-source.js';
import { pagedGrid } from './paged-grid.js';

/** `export-pages-in-flight`: how many pages a server-side export asks the data source for at a time. */

/** Counts the export's `getContactStats` calls in flight at once (each answered after 20 ms, as a remote API). */
function countInFlight(ds: TestDataSource): { most(): number; calls(): number } {
  let now = 0;
  let most = 0;
  let calls = 0;
  const original = ds.getContactStats.bind(ds);
  ds.getContactStats = async (campaignId: string, query: StatsQuery, options?: Options): Promise<ContactStatsPage> => {
    calls++;
    most = Math.max(most, ++now);
    try {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return await original(campaignId, query, options);
    } finally {
      now--;
    }
  };
  return { most: () => most, calls: () => calls };
}

describe('export-pages-in-flight', () => {
  for (const pages of [1, 3]) {
    it(`asks ${pages} page(s) at a time, and every row is written once`, async () => {
      const { grid, ds } = await pagedGrid(30_000);
      grid.setAttribute('export-pages-in-flight', String(pages));
      const count = countInFlight(ds);
      const result = await grid.exportCsv({ download: false });
      expect(result.rowCount).to.equal(30_000);
      // 30,000 rows in pages of 5,000.
      expect(count.calls()).to.equal(6);
      expect(count.most()).to.equal(pages);
    });
  }

  it(`warns about a value out of 1–8 and uses ${EXPORT_PAGES_IN_FLIGHT}`, async () => {
    const { grid, ds } = await pagedGrid(30_000);
    grid.setAttribute('export-pages-in-flight', '50');
    const count = countInFlight(ds);
    const warnings = await warningsOf(() => grid.exportCsv({ download: false }));
    expect(warnings.filter((w) => w.includes('export-pages-in-flight'))).to.deep.equal([
      `<campaign-stats-grid>: export-pages-in-flight must be a whole number from 1 to 8; ${EXPORT_PAGES_IN_FLIGHT} is used.`,
    ]);
    expect(count.most()).to.equal(EXPORT_PAGES_IN_FLIGHT);
  });
});
