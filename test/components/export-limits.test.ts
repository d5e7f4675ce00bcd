import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import type { StatsQuery } from '../../src/data/campaign-data-source.js';
import '../../src/define/campaign-stats-grid.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import { ExportTooLargeError, MAX_EXPORT_ROWS } from '../../src/internal/contact-pages.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS } from '../helpers/fixtures.js';
import { shadow, waitForRows } from '../helpers/grid.js';
import { rejection } from '../helpers/rejection.js';
import { TestDataSource } from '../helpers/test-data-source.js';

/** A campaign whose source says it has `total` contacts and answers any page with rows. */
function hugeCampaign(total: number): TestDataSource {
  const ds = new TestDataSource([{ ...EMAIL_CAMPAIGN, recipientCount: 600 }]);
  ds.getContactStats = async (id: string, q: StatsQuery) => {
    ds.calls.push({ method: 'getContactStats', args: [id, q], signal: undefined });
    const rows = Array.from({ length: Math.min(q.limit ?? 250, 250) }, (_, i) => ({ ...EMAIL_ROWS[0]!, contactId: `ct-${(q.offset ?? 0) + i}` }));
    return { rows, total, asOf: ds.asOf };
  };
  return ds;
}

const text = (grid: HTMLElement, selector: string) => shadow(grid).querySelector(selector)?.textContent?.trim() ?? '';

describe('an export of more rows than a file holds', () => {
  for (const [lang, m] of [['fr', fr], ['en', en]] as const) {
    it(`is refused at once, without asking for any row, and says why (${lang})`, async () => {
      const ds = hugeCampaign(1e12);
      const grid = await fixture<CampaignStatsGrid>(
        html`<campaign-stats-grid lang=${lang} server-side-threshold="50" .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`,
      );
      await waitForRows(grid);
      const asked = ds.callsOf('getContactStats').length;
      const error = await rejection(grid.exportCsv({ download: false }));
      expect(error).to.be.instanceOf(ExportTooLargeError);
      await waitUntil(() => text(grid, '[part~="export-error"]') !== '', 'no export error shown');
      expect(text(grid, '[part~="export-error"] span')).to.equal(m.exportFailedBecause(m.exportTooLarge));
      // Refused at once: no row asked for, no progress; and no retry, which could not help.
      expect(ds.callsOf('getContactStats')).to.have.length(asked);
      expect(shadow(grid).querySelector('[part~="export-progress"]')?.outerHTML ?? null).to.be.null;
      expect(shadow(grid).querySelector('[part~="retry-export-button"]')?.outerHTML ?? null).to.be.null;
    });
  }

  it('writes the limit in the message as each language writes the number', () => {
    expect(fr.exportTooLarge).to.contain(new Intl.NumberFormat('fr').format(MAX_EXPORT_ROWS));
    expect(en.exportTooLarge).to.contain(new Intl.NumberFormat('en').format(MAX_EXPORT_ROWS));
  });
});
