import { fixture, html, waitUntil } from '@open-wc/testing';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS } from '../helpers/fixtures.js';
import { shadow } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';

/**
 * A grid in server-side mode over an email campaign of `size` contacts: an export reads the
 * campaign page by page through the data source, which the test can hold to see the export
 * under way.
 */
export async function pagedGrid(size = 30_000): Promise<{ grid: CampaignStatsGrid; ds: TestDataSource }> {
  const ds = new TestDataSource([EMAIL_CAMPAIGN], {
    [EMAIL_CAMPAIGN.id]: Array.from({ length: size }, (_, i) => ({ ...EMAIL_ROWS[0]!, contactId: `c${i}`, email: `contact${i}@ecole.fr` })),
  });
  const grid = await fixture<CampaignStatsGrid>(
    html`<campaign-stats-grid server-side-threshold="100" .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`,
  );
  await waitUntil(() => shadow(grid).querySelectorAll('.tabulator-row').length > 0, 'no rows');
  return { grid, ds };
}
