// npm run bench:summary — measures <campaign-stats-summary> in headless Chromium over the built
// self-contained module (dist/standalone/campaign-stats-elements.js, `npm run build` first), on
// the in-memory DemoDataSource (no latency, fixed clock), and prints:
//   1. the time from `campaign-id` to the figures on screen, for demo campaigns of every size,
//      first (nothing kept) and again (a refresh), from getStatsSummary and counted from the rows;
//   2. for one campaign, each figure next to the row count the grid shows once that figure is
//      activated (in memory, and in server-side mode).
//
//   node scripts/bench-summary.js [--campaign em-relance-meef] [--runs 3]
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { closeServers, serve } from './consumers/static-server.js';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = [
  ['em-relance-meef', 1_200],
  ['em-alternance-rentree', 5_000],
  ['em-jpo-decembre', 100_000],
  ['em-reseau-ecoles-rentree', 300_000],
  ['em-reseau-national-orientation', 1_000_000],
  ['sms-reseau-national-inscriptions', 1_000_000],
];

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const runs = Number(option('runs', 3));
  const campaign = option('campaign', 'em-relance-meef');
  const server = await serve(ROOT.replace(/\/$/, ''));
  const url = `http://127.0.0.1:${server.port}`;
  const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (error) => console.error('[pageerror]', error.message));
    page.on('console', (message) => message.type() === 'error' && console.error('[console]', message.text()));
    await page.goto(`${url}/scripts/bench-summary.html`);
    await page.waitForFunction(() => window.benchReady === true);

    console.log('\n<campaign-stats-summary>: campaign-id → figures on screen (ms, median of %d)\n', runs);
    console.log('campaign                              contacts    getStatsSummary: first  again   counted from rows: first  again');
    for (const [id, size] of SIZES) {
      const cells = [];
      for (const withSummary of [true, false]) {
        const first = [];
        const again = [];
        for (let run = 0; run < runs; run++) {
          const times = await page.evaluate(({ id, withSummary }) => window.timeSummary(id, withSummary), { id, withSummary });
          if (times.error) throw new Error(`${id}: ${times.error}`);
          first.push(times.first);
          again.push(times.again);
        }
        const shown = first.some((t) => t < 0) ? 'not available' : `${median(first).toFixed(0)}`.padStart(6) + `${median(again).toFixed(0)}`.padStart(7);
        cells.push(shown);
      }
      console.log(`${id.padEnd(38)}${String(size).padStart(9)}    ${cells[0].padStart(20)}   ${cells[1].padStart(24)}`);
    }

    for (const threshold of [200_000, 1]) {
      const rows = await page.evaluate(({ campaign, threshold }) => window.figuresAgainstGrid(campaign, threshold), { campaign, threshold });
      console.log(`\n${campaign}: each figure, and the grid's row count once it is activated (${threshold === 1 ? 'server-side mode' : 'in memory'})\n`);
      for (const row of rows) console.log(`  ${row.label.padEnd(36)}${row.value.padStart(10)}   grid: ${row.grid}${row.match ? '' : '   ← differs'}`);
    }
  } finally {
    await browser.close();
    await server.close();
    closeServers();
  }
}

await main();
