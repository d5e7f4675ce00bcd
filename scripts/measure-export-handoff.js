// Measures what an export costs the main thread: the rows handed to the export worker, as
// `buildExportFile` does it for the grid, in headless Chromium. Not a test and not the bench
// (scripts/bench.js measures the grid end to end); a tool to compare two versions of
// src/export/ on the same rows. Bundles the sources with esbuild (there for
// @web/dev-server-esbuild), imports bench/rows.js for its rows.
//
//   node scripts/measure-export-handoff.js [--root DIR] [--sizes 100000,1000000] [--format xlsx|csv]
//        [--source memory|paged] [--latency MS] [--page-size N] [--runs N] [--trace FILE] [--profile FILE]
//
//   --root DIR      the source tree to measure (default: this one), with its node_modules, e.g. an older commit:
//                   git archive <commit> src bench tsconfig.json | tar -x -C /tmp/old && ln -s "$PWD/node_modules" /tmp/old/
//   --source        memory: the rows in the page, read as the grid's in-memory mode does (rowsFromArray);
//                   paged: read page by page as server-side mode does (pagedRowSource over
//                   statsPageFetcher), from a data-source Worker that answers after --latency ms
//   --trace FILE    writes the Chromium trace of the last export (with the timeline's detail), for DevTools
//   --profile FILE  also writes a CPU profile of the main thread during the last export (.cpuprofile,
//                   for DevTools), and prints the functions that took most of its time
//
// Per export: its total time; the renderer main thread's tasks during it, from a Chromium trace
// (summed, and the longest: wall time, and the thread's CPU time, which the other processes of
// a shared machine inflate less); the long tasks the page saw (≥ 50 ms); the time spent in
// Worker.postMessage (with --source paged, the data-source Worker's requests too). The rows are bench/rows.js's, cleaned as the data source's pages are
// (validate.ts), so they have the shape of the grid's rows.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? fallback : args[i + 1];
};
const root = resolve(option('root', '.'));
const sizes = option('sizes', '100000').split(',').map((s) => Number(s.replace(/_/g, '')));
const format = option('format', 'xlsx');
const sourceKind = option('source', 'memory');
const latency = Number(option('latency', '0'));
const pageSize = Number(option('page-size', '5000'));
const runs = Number(option('runs', '1'));
const profile = option('profile', '');
const traceFile = option('trace', '');

const PAGE = `
import { validateStatsPage } from ${JSON.stringify(`${root}/src/data/validate.ts`)};
import { buildExportFile, rowsFromArray } from ${JSON.stringify(`${root}/src/export/excel-export.ts`)};
import { pagedRowSource } from ${JSON.stringify(`${root}/src/components/campaign-stats-grid/export-rows.ts`)};
import { statsPageFetcher } from ${JSON.stringify(`${root}/src/internal/contact-pages.ts`)};
import { workbookTexts } from ${JSON.stringify(`${root}/src/components/campaign-stats-grid/stats-columns.ts`)};
import { fr } from ${JSON.stringify(`${root}/src/i18n/fr.ts`)};
import { AS_OF, benchCampaign, benchRow, COLUMNS, DELIVERY_LABELS } from ${JSON.stringify(`${root}/bench/rows.js`)};

const longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask' });
let postMs = 0;
let posts = 0;
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (...a) {
  const t = performance.now();
  try { return post.apply(this, a); } finally { postMs += performance.now() - t; posts++; }
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let rows = [];
let dataWorker;

window.prepare = (size, sourceKind) => {
  rows = [];
  if (sourceKind === 'memory') {
    // As the grid holds them: cleaned from a data source's answers, which arrive parsed or cloned (flat strings).
    for (let start = 0; start < size; start += 10_000) {
      const page = [];
      for (let i = start; i < Math.min(size, start + 10_000); i++) page.push(benchRow(i));
      const answer = validateStatsPage({ rows: structuredClone(page), total: size, asOf: AS_OF }, 'email');
      for (const row of answer.rows) rows.push(row);
    }
  } else {
    dataWorker ??= new Worker('./data-worker.js', { type: 'module' });
  }
  return rows.length;
};

function pagedSource(size, latency, pageSize) {
  let id = 0;
  const pending = new Map();
  dataWorker.onmessage = ({ data }) => { pending.get(data.id)(data.page); pending.delete(data.id); };
  const source = {
    async getContactStats(campaignId, query, { signal }) {
      if (latency) await sleep(latency);
      signal?.throwIfAborted();
      return new Promise((resolve) => { pending.set(++id, resolve); dataWorker.postMessage({ id, size, offset: query.offset, limit: query.limit }); });
    },
  };
  const campaign = benchCampaign(size);
  return pagedRowSource(statsPageFetcher(source, campaign, 60_000), {}, size, pageSize);
}

window.exportOnce = async (size, format, sourceKind, latency, pageSize) => {
  const meta = {
    columns: COLUMNS.map((c) => (c.kind === 'label' ? { ...c, labels: DELIVERY_LABELS } : { ...c })),
    campaign: benchCampaign(size), asOf: AS_OF, locale: 'fr', texts: workbookTexts(fr, 'email'),
  };
  const source = sourceKind === 'memory' ? rowsFromArray(rows) : pagedSource(size, latency, pageSize);
  longTasks.length = 0; postMs = 0; posts = 0;
  performance.mark('export-start');
  const t0 = performance.now();
  const file = await buildExportFile(format, meta, source);
  const t1 = performance.now();
  performance.mark('export-end');
  await sleep(200);
  const within = longTasks.filter(([s, d]) => s < t1 && s + d > t0);
  return {
    ms: t1 - t0, bytes: file.blob.size, thread: file.thread,
    longTasks: within.length, longTaskMs: within.reduce((s, [, d]) => s + d, 0), longest: Math.max(0, ...within.map(([, d]) => d)),
    postMs, posts,
  };
};
window.ready = true;
`;

const DATA_WORKER = `
import { AS_OF, benchRow } from ${JSON.stringify(`${root}/bench/rows.js`)};
onmessage = ({ data: { id, size, offset, limit } }) => {
  const rows = [];
  for (let i = offset; i < Math.min(size, offset + limit); i++) rows.push(benchRow(i));
  postMessage({ id, page: { rows, total: size, asOf: AS_OF } });
};
`;

/** sheetjs-style and its JSZip test for Node's globals, undeclared in strict mode (as rollup.config.js does). */
const nodeGlobals = {
  name: 'node-globals',
  setup(b) {
    b.onLoad({ filter: /node_modules\/(sheetjs-style|crc-32)\/.*\.js$/ }, (a) => ({ contents: `var Buffer, process, global;\n${readFileSync(a.path, 'utf8')}`, loader: 'js' }));
  },
};

const out = mkdtempSync(join(tmpdir(), 'export-handoff-'));
writeFileSync(join(out, 'page-entry.js'), PAGE);
writeFileSync(join(out, 'data-worker-entry.js'), DATA_WORKER);
writeFileSync(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="./page-entry.out.js"></script>');
await build({
  entryPoints: [
    { in: join(out, 'page-entry.js'), out: 'page-entry.out' },
    { in: join(out, 'data-worker-entry.js'), out: 'data-worker' },
    { in: `${root}/src/export/export-worker.ts`, out: 'export-worker' },
  ],
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  outdir: out,
  nodePaths: [join(root, 'node_modules')],
  tsconfig: join(root, 'tsconfig.json'),
  plugins: [nodeGlobals],
  logLevel: 'error',
});

const server = createServer((request, response) => {
  const path = join(out, new URL(request.url, 'http://x').pathname);
  try {
    const body = readFileSync(path);
    response.writeHead(200, { 'content-type': path.endsWith('.html') ? 'text/html' : 'text/javascript' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/index.html`;

const browser = await chromium.launch({ executablePath: findBrowser(), args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
const page = await browser.newPage();
page.on('pageerror', (error) => console.error('page error:', error));
page.on('console', (message) => message.type() === 'error' && console.error('page console:', message.text()));
await page.goto(url);
await page.waitForFunction(() => window.ready === true);

/**
 * Tasks of the renderer main thread that marked `export-start`, between the two marks: its
 * outermost trace events, whatever their name (a `scheduler.yield()` continuation is not a
 * `ThreadControllerImpl::RunTask`).
 */
function mainThreadTasks(trace) {
  const events = JSON.parse(trace.toString('utf8')).traceEvents;
  const start = events.find((e) => e.name === 'export-start');
  const end = events.find((e) => e.name === 'export-end');
  const tasks = events
    .filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X' && e.ts + e.dur > start.ts && e.ts < end.ts)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let total = 0;
  let cpu = 0;
  let longest = { dur: 0, tdur: 0 };
  let reach = 0;
  let count = 0;
  for (const task of tasks) {
    if (task.ts < reach) continue; // within the previous one
    reach = task.ts + task.dur;
    count++;
    total += task.dur;
    cpu += task.tdur ?? 0;
    if (task.dur > longest.dur) longest = task;
  }
  return { taskMs: total / 1000, cpuMs: cpu / 1000, longestTaskMs: longest.dur / 1000, longestCpuMs: (longest.tdur ?? 0) / 1000, tasks: count };
}

/** The functions of a CPU profile by self time, the 25 first. */
function printHotFunctions(cpu) {
  const self = new Map();
  const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
  const counts = new Map();
  for (const id of cpu.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const total = cpu.samples.length;
  for (const [id, count] of counts) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + count);
  }
  const ms = (count) => (((cpu.endTime - cpu.startTime) / 1000) * count) / total;
  console.log('main thread, self time by function:');
  for (const [key, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms(count).toFixed(0).padStart(6)} ms  ${key}`);
}

const categories = ['toplevel', 'blink.user_timing', 'devtools.timeline'];
console.log(`root ${root}, ${format}, ${sourceKind}${sourceKind === 'paged' ? ` (latency ${latency} ms, ${pageSize} rows a page)` : ''}`);
for (const size of sizes) {
  await page.evaluate(([n, s]) => window.prepare(n, s), [size, sourceKind]);
  for (let run = 1; run <= runs; run++) {
    await page.evaluate(() => (gc(), gc()));
    const last = size === sizes.at(-1) && run === runs;
    const profiled = profile && last;
    const cdp = profiled ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const traced = traceFile && last;
    await browser.startTracing(page, { categories: traced ? [...categories, 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.gc'] : categories });
    const result = await page.evaluate((a) => window.exportOnce(...a), [size, format, sourceKind, latency, pageSize]);
    const trace = await browser.stopTracing();
    if (traced) writeFileSync(traceFile, trace);
    if (cdp) {
      const { profile: cpu } = await cdp.send('Profiler.stop');
      writeFileSync(profile, JSON.stringify(cpu));
      printHotFunctions(cpu);
    }
    const main = mainThreadTasks(trace);
    const f = (ms) => `${Math.round(ms)} ms`;
    console.log(
      `${size} rows, run ${run}: export ${f(result.ms)} (${result.thread}, ${result.bytes} bytes); main thread: tasks ${f(main.taskMs)} (CPU ${f(main.cpuMs)}, ${main.tasks} tasks), longest ${f(main.longestTaskMs)} (CPU ${f(main.longestCpuMs)}); ` +
        `long tasks ${result.longTasks} (${f(result.longTaskMs)}, longest ${f(result.longest)}); postMessage ${f(result.postMs)} (${result.posts} calls)`,
    );
  }
}
await browser.close();
server.close();
rmSync(out, { recursive: true, force: true });
