import { expect } from '@open-wc/testing';
import { DataSourceError } from '../../src/data/data-source-error.js';
import { RestDataSource } from '../../src/data/rest-data-source.js';
import { rejection } from '../helpers/rejection.js';

/*
 * A benchmark print, not a timed test: what a large answer costs the page, which is why
 * RestDataSource reads 16 MiB at most (maxResponseBytes). For each size, the time from the call
 * to its end (the test server's time to build the body included) and the longest the page's main
 * thread was held meanwhile (reading, parsing and cleaning a statistics page of the demo's rows).
 */

/** The call's time, and the longest the main thread was held meanwhile (gaps between 5 ms ticks). */
async function measure(run: () => Promise<unknown>): Promise<{ ms: number; longestTask: number; outcome: string }> {
  let longestTask = 0;
  let last = performance.now();
  const ticks = setInterval(() => {
    const now = performance.now();
    longestTask = Math.max(longestTask, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  let outcome: string;
  try {
    const page = (await run()) as { rows: unknown[] };
    outcome = `${page.rows.length} rows`;
  } catch (error) {
    outcome = error instanceof DataSourceError ? `${error.kind}` : String(error);
  }
  const ms = performance.now() - start;
  // The task that settled the call counts too.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(ticks);
  return { ms, longestTask, outcome };
}

describe('RestDataSource and large answers (benchmark print)', () => {
  it('prints what reading 1 to 50 MB costs, and refuses 50 MB at once', async function () {
    this.timeout(120_000);
    const lines: string[] = [];
    const page = (ds: RestDataSource) => ds.getContactStats('em-forum-lyon', { offset: 0, limit: 50 });
    // Refused first: the garbage of the larger reads is not collected during it.
    const refused = await measure(() => page(new RestDataSource({ baseUrl: '/api-test/large-chunked/50' })));
    lines.push(` 50 MB, 16 MiB limit: ${refused.ms.toFixed(0).padStart(5)} ms, main thread held ${refused.longestTask.toFixed(0).padStart(4)} ms (${refused.outcome})`);
    expect(refused.outcome).to.equal('invalid-response');
    for (const mb of [1, 5, 16, 50]) {
      const read = await measure(() => page(new RestDataSource({ baseUrl: `/api-test/large-chunked/${mb}`, maxResponseBytes: Infinity })));
      lines.push(`${String(mb).padStart(3)} MB, no limit:      ${read.ms.toFixed(0).padStart(5)} ms, main thread held ${read.longestTask.toFixed(0).padStart(4)} ms (${read.outcome})`);
      expect(read.outcome).to.match(/rows$/);
    }
    console.log(`RestDataSource, a statistics page of the demo's rows (Chromium, this machine):\n${lines.join('\n')}`);
    const error = await rejection(page(new RestDataSource({ baseUrl: '/api-test/large/50' })));
    expect((error as DataSourceError).kind).to.equal('invalid-response');
  });
});
