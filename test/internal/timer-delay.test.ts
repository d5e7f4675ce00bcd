import { expect, fixture, html } from '@open-wc/testing';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import { callWithTimeout, delay } from '../../src/internal/abort.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS } from '../helpers/fixtures.js';
import { waitForRows } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';

/** Waits on a real timer, however long the library's own delays are. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** 30 days and 3 billion ms: past what a 32-bit timer delay holds, where timers fire at once. */
const THIRTY_DAYS = 30 * 24 * 3600;

describe('Delays past what a browser timer holds', () => {
  it('do not fire at once: delay() and a call timeout', async () => {
    let settled = false;
    void delay(3e9).then(() => (settled = true));
    const call = callWithTimeout(() => new Promise<string>((resolve) => setTimeout(() => resolve('answer'), 200)), 3e9);
    await pause(100);
    expect(settled).to.equal(false);
    expect(await call).to.equal('answer');
  });

  it('a grid with refresh-interval of 30 days asks for its statistics once, and says what it uses', async () => {
    const source = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS });
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const grid = await fixture<CampaignStatsGrid>(
        html`<campaign-stats-grid refresh-interval=${THIRTY_DAYS} .dataSource=${source} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`,
      );
      await waitForRows(grid);
      await pause(500);
    } finally {
      console.warn = original;
    }
    expect(source.calls.filter((c) => c.method === 'getContactStats')).to.have.length(1);
    expect(warnings.some((w) => w.includes('refresh-interval is at most 2147483 s'))).to.equal(true);
  });
});
