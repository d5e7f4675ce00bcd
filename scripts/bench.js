// npm run bench — measures <campaign-stats-grid> in headless Chromium over the built
// self-contained module (dist/standalone/campaign-stats-elements.js), against the export baseline
// (TabulatorFull's own download('xlsx') with SheetJS) and, side by side, bare Tabulator 6.5 and
// AG Grid Community 36.2, all on the same generated rows; prints tables of medians (ours; the side
// by side per size with ours ÷ each; the export engines, .xlsx against CSV) and the targets.
// See BENCHMARKS.md for what each figure means and exactly how it is timed and checked.
//
//   npm run bench                         10k, 100k, 300k in memory + 1M server-side, 3 runs each;
//                                         side by side at 10k and 100k, refresh at 100k (12–15 min)
//   npm run bench -- --quick              1 run, 10k and 100k only (a few minutes)
//   npm run bench -- --runs 5 --sizes 100000,1000000 --no-baseline
//   npm run bench -- --source-latency 300 --write
//                                         what the lead's measured run needs for every target
//   npm run bench -- --write [--section latest] [--label "After: streaming export"]
//                                         also writes the results into BENCHMARKS.md
//   --build / --no-build                  always / never run `npm run build` first (default: when
//                                         dist is missing or older than src/, rollup.config.js, package.json)
//   --systems LIST                        which of ours,tabulator,aggrid to measure (default all three;
//                                         each run measures them one after the other, in that order)
//   --no-grids                            ours only (= --systems ours): no bare Tabulator, no AG Grid
//   --grid-sizes LIST                     the in-memory sizes the side-by-side systems run at
//                                         (default 10000,100000; only those also in --sizes)
//   --refresh-sizes LIST                  the in-memory sizes ours is refreshed at after its other
//                                         steps (default 100000; "none" for no refresh)
//   --json FILE                           every run's raw figures, as JSON
//   --verbose                             per-run figures as they come
//   --from-json FILE                      no measuring: prints (and with --write, writes) a saved --json run
//   --no-trace                            no Chromium trace during exports (peak heap from sampling only)
//   --breakdown                           each timed step traced: a table of where the main thread's time
//                                         goes (script, style, layout and the layouts scripts forced,
//                                         paint, GC, idle) per step and system; tracing slows every
//                                         step, so its times are read from a run without it
//   --no-baseline                         no export baseline (TabulatorFull's download('xlsx'))
//   --no-engines                          no "export engines" table (.xlsx and CSV built from generated rows)
//   --source-latency MS                   the grid's data source answers each getContactStats after MS
//                                         (a remote API); the export line then also gives its pages and
//                                         the source's own serving time (its calls one after another),
//                                         and the million's export target is judged on it
//   --only-engines                        that table only: no grid, no baseline
//
// Sizes of 1,000,000 and more run in the grid's server-side mode (when the grid has a
// `serverSideThreshold` property; otherwise "n/a"); smaller ones in memory. For every size, the
// "export engines" table also times buildExportFile() for the .xlsx and for the CSV, on the same
// rows (generated page by page in the page, no grid), each file checked like the grid's.
// Every figure is checked in the page before it counts (rows in order after a sort, only the
// filtered rows, only matching rows and the source's count after the search, the last row
// reached by the scroll, the new figures after the refresh): a failed check is an error for that
// system and size, never a number.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { benchRow, COLUMNS, DELIVERY_LABELS } from '../bench/rows.js';
import { BREAKDOWN_CATEGORIES, breakdown } from '../bench/trace-breakdown.js';
import { checkXlsx, crossCheckWithSheetJS, sampleIndices } from '../bench/xlsx-check.js';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = join(ROOT, 'dist/standalone/campaign-stats-elements.js');
const SERVER_SIDE_FROM = 1_000_000;
/** Files up to this size are also read back by sheetjs-style's XLSX.read (slow on big files). */
const SHEETJS_CROSS_CHECK_MAX_ROWS = 10_000;
/** The baseline is not run above this: TabulatorFull's in-memory download needs ~100 s and ~3 GB at 1M rows. */
const BASELINE_MAX_ROWS = 300_000;
/** The systems of the side-by-side figures, in the order each run measures them. */
const SYSTEMS = ['ours', 'tabulator', 'aggrid'];
const SYSTEM_NAMES = { ours: 'Ours', tabulator: 'Tabulator 6.5', aggrid: 'AG Grid 36.2' };
function packageVersion(name) {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '(not installed)';
  }
}

// ---------- options ----------

function parseArgs(argv) {
  const options = {
    sourceLatency: 0,
    runs: 3,
    sizes: [10_000, 100_000, 300_000, 1_000_000],
    systems: [...SYSTEMS],
    gridSizes: [10_000, 100_000],
    refreshSizes: [100_000],
    baseline: true,
    engines: true,
    onlyEngines: false,
    write: false,
    section: 'latest',
    label: '',
    build: 'auto',
    json: '',
    verbose: false,
    quick: false,
    trace: true,
    breakdown: false,
    fromJson: '',
  };
  const sizeList = (text) => (text.trim() === '' || text === 'none' ? [] : text.split(',').map((s) => Number(s.replace(/[_\s]/g, ''))));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--runs') options.runs = Math.max(1, Number.parseInt(value(), 10) || 1);
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--sizes') options.sizes = sizeList(value());
    else if (arg === '--systems') options.systems = value().split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    else if (arg === '--no-grids') options.systems = ['ours'];
    else if (arg === '--grid-sizes') options.gridSizes = sizeList(value());
    else if (arg === '--refresh-sizes') options.refreshSizes = sizeList(value());
    else if (arg === '--no-baseline') options.baseline = false;
    else if (arg === '--no-engines') options.engines = false;
    else if (arg === '--only-engines') options.onlyEngines = true;
    else if (arg === '--write') options.write = true;
    else if (arg === '--section') options.section = value().replace(/[^\w-]/g, '');
    else if (arg === '--label') options.label = value();
    else if (arg === '--build') options.build = 'always';
    else if (arg === '--no-build') options.build = 'never';
    else if (arg === '--json') options.json = value();
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--no-trace') options.trace = false;
    else if (arg === '--breakdown') options.breakdown = true;
    else if (arg === '--source-latency') options.sourceLatency = Math.max(0, Number(value()) || 0);
    else if (arg === '--from-json') options.fromJson = value();
    else if (arg === '--help' || arg === '-h') {
      const source = readFileSync(fileURLToPath(import.meta.url), 'utf8');
      console.log(source.slice(0, source.indexOf('\nimport ')).split('\n').map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else throw new Error(`Unknown option ${arg} (see --help)`);
  }
  if (options.quick) {
    options.runs = argv.includes('--runs') ? options.runs : 1;
    if (!argv.includes('--sizes')) options.sizes = [10_000, 100_000];
  }
  for (const [flag, list] of [['--sizes', options.sizes], ['--grid-sizes', options.gridSizes], ['--refresh-sizes', options.refreshSizes]]) {
    if (list.some((s) => !Number.isInteger(s) || s < 1)) throw new Error(`${flag} takes positive integers, e.g. 10000,100000`);
  }
  const unknown = options.systems.filter((s) => !SYSTEMS.includes(s));
  if (unknown.length || !options.systems.length) throw new Error(`--systems takes a list of ${SYSTEMS.join(', ')} (got ${options.systems.join(',') || 'nothing'})`);
  if (options.onlyEngines && !options.engines) throw new Error('--only-engines and --no-engines leave nothing to measure');
  return options;
}

// ---------- build ----------

function newestSourceTime() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of ['src', 'rollup.config.js', 'package.json', 'scripts/inline-css.js']) if (existsSync(join(ROOT, path))) visit(join(ROOT, path));
  return newest;
}

function ensureBuild(policy) {
  const stale = !existsSync(ENTRY) || statSync(ENTRY).mtimeMs < newestSourceTime();
  if (policy === 'never') {
    if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run npm run build (or drop --no-build).`);
    if (stale) console.log('Note: dist is older than src (--no-build: measuring it anyway).');
    return 'skipped (--no-build)';
  }
  if (policy === 'auto' && !stale) return 'up to date, not rebuilt';
  console.log(policy === 'always' ? 'Building (--build)…' : 'dist is missing or older than src: npm run build…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed.');
  return 'rebuilt';
}

// ---------- server ----------

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json' };

/** Serves the repository on 127.0.0.1 (random port); POST /__upload/<token> keeps a file for the checks. */
async function startServer() {
  const uploads = new Map();
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname.startsWith('/__upload/')) {
      const chunks = [];
      req.on('data', (chunk) => chunks.push(chunk));
      req.on('end', () => {
        uploads.set(url.pathname.slice('/__upload/'.length), Buffer.concat(chunks));
        res.writeHead(204).end();
      });
      return;
    }
    const path = normalize(join(ROOT, decodeURIComponent(url.pathname)));
    if (!path.startsWith(ROOT) || path.split(sep).includes('.git') || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(path).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    take(token) {
      const file = uploads.get(token);
      uploads.delete(token);
      if (!file) throw new Error('the page uploaded no file');
      return file;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// ---------- heap from GC trace events ----------

const TRACE_CATEGORIES = ['devtools.timeline', 'v8'];

/**
 * Peak JS heap from the V8 GC events of a trace: the heap size before each GC, per thread.
 * `main` is the page's main thread (the thread of the page's console.timeStamp 'bench-export'),
 * `workers` sums the peaks of its other threads with GCs (Workers), the bench's data-source
 * Worker (console.timeStamp 'bench-data-worker') left out.
 */
function gcPeaks(traceBuffer) {
  const events = JSON.parse(traceBuffer.toString('utf8'));
  const list = Array.isArray(events) ? events : events.traceEvents;
  const mark = list.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench-export');
  if (!mark) return { main: 0, workers: 0 };
  const dataThreads = new Set(list.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'bench-data-worker').map((e) => e.tid));
  const perThread = new Map();
  for (const e of list) {
    if (e.pid !== mark.pid || (e.name !== 'MajorGC' && e.name !== 'MinorGC') || !e.args?.usedHeapSizeBefore) continue;
    perThread.set(e.tid, Math.max(perThread.get(e.tid) ?? 0, e.args.usedHeapSizeBefore));
  }
  let workers = 0;
  for (const [tid, peak] of perThread) if (tid !== mark.tid && !dataThreads.has(tid)) workers += peak;
  return { main: perThread.get(mark.tid) ?? 0, workers };
}

// ---------- runs ----------

async function newPage(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()} ${message.location()?.url ?? ''}`);
  });
  await page.goto(`${base}/bench/index.html`);
  await page.waitForFunction(() => window.bench?.ready === true);
  return { page, problems, close: () => context.close() };
}

let tracing = true;
let breakingDown = false;

/**
 * One timed step of the page (`window.bench.<name>(arg)`); with --breakdown, traced, its result
 * then also has `breakdown`: the main thread's time during the step's `span`, by kind of work.
 */
async function step(browser, page, name, arg) {
  if (!breakingDown) return page.evaluate(([n, a]) => window.bench[n](a), [name, arg]);
  await browser.startTracing(page, { categories: BREAKDOWN_CATEGORIES });
  let result;
  let trace;
  try {
    const clock = await page.evaluate(() => window.bench.clock());
    result = await page.evaluate(([n, a]) => window.bench[n](a), [name, arg]);
    trace = await browser.stopTracing();
    return { ...result, breakdown: result?.span ? breakdown(trace, clock, result.span) : undefined };
  } finally {
    if (!trace) await browser.stopTracing().catch(() => undefined);
  }
}

const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(' / ');

async function tracedExport(browser, page, call) {
  let traced = tracing;
  if (traced) {
    try {
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      // Marks the bench's data-source Worker thread in the trace, to leave its GCs out.
      await page.evaluate(() => window.bench.markDataWorker());
    } catch {
      traced = false;
    }
  }
  let result;
  let peaks = { main: 0, workers: 0 };
  try {
    result = await page.evaluate(call);
  } finally {
    if (traced) peaks = gcPeaks(await browser.stopTracing());
  }
  return { ...result, gcMain: peaks.main, gcWorkers: peaks.workers };
}

async function verifyUpload(page, server, kind, size) {
  const token = randomBytes(8).toString('hex');
  await page.evaluate((t) => window.bench.upload(t), token);
  const file = server.take(token);
  const checked = checkXlsx(file, { kind, size });
  if (size <= SHEETJS_CROSS_CHECK_MAX_ROWS) crossCheckWithSheetJS(file, { kind, size });
  return checked;
}

async function runOurs(browser, server, { size, serverSide, latency, withRefresh }) {
  const { page, problems, close } = await newPage(browser, server.base);
  try {
    const setup = await page.evaluate((o) => window.bench.setupGrid(o), { size, serverSide, latency });
    if (setup.unavailable) return { unavailable: setup.unavailable };
    const load = await step(browser, page, 'load', { serverSide });
    if (load.total !== size) throw new Error(`campaign-stats-load says ${load.total} contacts, expected ${size}`);
    if (serverSide && !load.serverSideUsed) throw new Error(`the grid fetched all ${size} rows before painting: not in server-side mode`);
    if (!serverSide && load.serverSideUsed) throw new Error(`the grid painted after ${load.fetchedBeforePaint} of ${size} rows: not in memory`);
    const scroll = await step(browser, page, 'scroll');
    const exported = await tracedExport(browser, page, () => {
      console.timeStamp('bench-export');
      return window.bench.exportOurs();
    });
    if (exported.rowCount !== size) throw new Error(`exportExcel says ${exported.rowCount} rows, expected ${size}`);
    const checked = await verifyUpload(page, server, 'ours', size);
    const sort = await step(browser, page, 'sort');
    const filter = await step(browser, page, 'filter');
    // In memory, the side-by-side figures the other systems have too, then the refresh.
    let numberSort;
    let search;
    let refresh;
    if (!serverSide) {
      await page.evaluate(() => window.bench.clearFilter());
      numberSort = await step(browser, page, 'numberSort');
      search = await step(browser, page, 'search');
      await page.evaluate(() => window.bench.clearSearch());
      if (withRefresh) refresh = await step(browser, page, 'refresh');
    }
    if (problems.length) throw new Error(problems.join('\n'));
    return {
      firstPaint: load.firstPaint,
      sort: sort.ms,
      filter: filter.ms,
      numberSort: numberSort?.ms,
      search: search?.ms,
      ...scrollFigures(scroll),
      rowsInDom: load.rowsInDom,
      rowHeight: load.rowHeight,
      refreshMs: refresh?.ms,
      refreshShown: refresh?.shownMs,
      refreshLongest: refresh?.longest,
      refreshLoafMax: refresh?.loafMax,
      refreshChanged: refresh?.changedRows,
      scrollLongest: scroll.longest,
      lastPage: scroll.lastPage,
      // The table's last row (in the campaign's order, before any sort) is the campaign's last contact.
      lastRowReached: scroll.lastEmail === benchRow(size - 1).email,
      exportMs: exported.ms,
      exportLongest: exported.longest,
      exportPages: exported.pages,
      sourceServing: exported.serving,
      heapPeak: Math.max(exported.peakSampled, exported.gcMain),
      heapBefore: exported.heapBefore,
      workerHeap: exported.gcWorkers,
      bytes: exported.bytes,
      checked,
      breakdown: breakdowns({ firstPaint: load, scroll, sort, filter, numberSort, search, refresh }),
      details: {
        heap: { before: exported.heapBefore, sampled: exported.peakSampled, gcMain: exported.gcMain, gcWorkers: exported.gcWorkers },
        load,
        scroll: { ms: scroll.ms, atBottom: scroll.atBottom, scrollHeight: scroll.scrollHeight, lastPage: scroll.lastPage, lastEmail: scroll.lastEmail },
        sortFirst: sort.firstNames,
        filterCount: filter.rowCountText,
        numberSortFirst: numberSort?.first,
        searchCount: search?.count,
        refresh,
        version: setup.version,
      },
    };
  } finally {
    await close();
  }
}

async function runBaseline(browser, server, { size }) {
  const { page, problems, close } = await newPage(browser, server.base);
  try {
    const setup = await page.evaluate((o) => window.bench.setupBaseline(o), { size });
    if (setup.rows !== size) throw new Error(`baseline table has ${setup.rows} rows`);
    const exported = await tracedExport(browser, page, () => {
      console.timeStamp('bench-export');
      return window.bench.exportBaseline();
    });
    const checked = await verifyUpload(page, server, 'baseline', size);
    if (problems.length) throw new Error(problems.join('\n'));
    return { exportMs: exported.ms, exportLongest: exported.longest, heapPeak: Math.max(exported.peakSampled, exported.gcMain), bytes: exported.bytes, checked, xlsxVersion: setup.xlsxVersion };
  } finally {
    await close();
  }
}

/** The traced steps' breakdowns (--breakdown), by figure; undefined without it. */
function breakdowns(steps) {
  const entries = Object.entries(steps).filter(([, result]) => result?.breakdown);
  return entries.length ? Object.fromEntries(entries.map(([figure, result]) => [figure, result.breakdown])) : undefined;
}

/** The scroll's figures, the same for every system. */
function scrollFigures(scroll) {
  return { loafP95: scroll.loafP95, loafMax: scroll.loafMax, loafCount: scroll.loafCount, scrollFrames: scroll.frames };
}

/**
 * Bare Tabulator or AG Grid (`kind`) on the same rows, in a fresh page: first paint, scroll,
 * text sort, header filter, number sort, global search, each checked in the page.
 */
async function runSide(browser, server, { kind, size }) {
  const { page, problems, close } = await newPage(browser, server.base);
  try {
    const setup = await page.evaluate((o) => window.bench.setupSide(o), { kind, size });
    if (setup.rows !== size) throw new Error(`${kind}: ${setup.rows} rows fetched, expected ${size}`);
    const paint = await step(browser, page, 'paintSide');
    const scroll = await step(browser, page, 'scroll');
    // The table's last row (in the campaign's order, before any sort) is the campaign's last contact.
    if (scroll.lastEmail !== benchRow(size - 1).email) throw new Error(`${kind}: scrolled to the bottom, the last row is ${scroll.lastEmail}, not the campaign's last contact`);
    const sort = await step(browser, page, 'sort');
    const filter = await step(browser, page, 'filter');
    await page.evaluate(() => window.bench.clearFilter());
    const numberSort = await step(browser, page, 'numberSort');
    const search = await step(browser, page, 'search');
    await page.evaluate(() => window.bench.clearSearch());
    if (problems.length) throw new Error(problems.join('\n'));
    return {
      firstPaint: paint.firstPaint,
      sort: sort.ms,
      filter: filter.ms,
      numberSort: numberSort.ms,
      search: search.ms,
      scrollLongest: scroll.longest,
      ...scrollFigures(scroll),
      rowsInDom: paint.rowsInDom,
      rowHeight: paint.rowHeight,
      breakdown: breakdowns({ firstPaint: paint, scroll, sort, filter, numberSort, search }),
      details: { scroll: { ms: scroll.ms, atBottom: scroll.atBottom, scrollHeight: scroll.scrollHeight, lastEmail: scroll.lastEmail }, sortFirst: sort.firstNames, filterCount: filter.count, numberSortFirst: numberSort.first, searchCount: search.count },
    };
  } finally {
    await close();
  }
}

// ---------- formatting ----------

const median = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
const fmtInt = (n) => n.toLocaleString('en-US');
const ms = (v) => (v === undefined ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);
const task = (v) => (v === undefined ? '—' : v < 50 ? '< 50 ms' : ms(v));
const mb = (v) => (v === undefined || v === 0 ? '—' : `${Math.round(v / 1e6)} MB`);
const fileMb = (v) => (v === undefined ? '—' : `${(v / 1e6).toFixed(1)} MB`);

const HEADERS = ['Rows', 'Mode', 'Data → first paint', 'Sort', 'Filter', 'Scroll: longest task', 'Export', 'Export: longest task', 'Peak JS heap (page)', 'Export Worker heap', 'File', 'Baseline export', 'Baseline file', 'Ours ÷ baseline'];

function tableRows(results) {
  return results.map((r) => {
    const head = [fmtInt(r.size), r.serverSide ? 'server-side' : 'in memory'];
    if (r.unavailable) return [...head, `n/a (${r.unavailable})`, ...Array(HEADERS.length - 3).fill('')];
    if (r.oursNote) return [...head, r.oursNote, ...Array(HEADERS.length - 3).fill('')];
    if (r.error) return [...head, `FAILED: ${r.error.split('\n')[0]}`, ...Array(HEADERS.length - 3).fill('')];
    const m = (key) => median(r.runs.map((x) => x[key]));
    const b = (key) => median(r.baseline.map((x) => x[key]));
    const ours = m('exportMs');
    const base = b('exportMs');
    const baseCell = r.baselineNote ? r.baselineNote : ms(base);
    return [
      ...head,
      ms(m('firstPaint')),
      ms(m('sort')),
      ms(m('filter')),
      task(m('scrollLongest')) +
        (m('lastPage') !== undefined ? `; last page painted in ${ms(m('lastPage'))}` : '') +
        (r.runs.every((x) => x.lastRowReached !== false) ? '' : ' (LAST ROW NOT REACHED)'),
      ms(ours),
      task(m('exportLongest')),
      mb(m('heapPeak')),
      mb(m('workerHeap')),
      fileMb(m('bytes')),
      baseCell,
      r.baselineNote ? '—' : fileMb(b('bytes')),
      base && ours ? (ours / base).toFixed(2) : '—',
    ];
  });
}

/** One run of a system's side-by-side figures, for the console. */
function sideLine(x) {
  const frames = x.loafCount === undefined ? 'no LoAF in this browser' : `LoAF p95 ${task(x.loafP95)}, max ${task(x.loafMax)}, ${x.loafCount} of ${x.scrollFrames} frames ≥ 50 ms`;
  return `paint ${ms(x.firstPaint)}, text sort ${ms(x.sort)}, number sort ${ms(x.numberSort)}, filter ${ms(x.filter)}, search ${ms(x.search)}, scroll: ${frames}, longest task ${task(x.scrollLongest)}; ${x.rowsInDom} rows in the DOM, ${x.rowHeight?.toFixed(1)} px high`;
}

const SIDE_HEADERS = ['Figure', SYSTEM_NAMES.ours, SYSTEM_NAMES.tabulator, SYSTEM_NAMES.aggrid, 'Ours ÷ Tabulator', 'Ours ÷ AG Grid'];

/**
 * The side-by-side figures of one size: a row per figure, a column per system (medians of its
 * runs), then ours ÷ each. Times are ratioed always; tasks and frames (shown "< 50 ms" below
 * 50 ms, where none was reported) only when both reached 50 ms.
 */
const SIDE_FIGURES = [
  ['First paint', 'firstPaint', 'time'],
  ['Text sort (click on "Nom")', 'sort', 'time'],
  ['Number sort (click on "Clics")', 'numberSort', 'time'],
  ['Header filter (delivery = soft_bounce)', 'filter', 'time'],
  [`Global search ("martin")`, 'search', 'time'],
  ['Scroll: LoAF p95 (over the frames)', 'loafP95', 'task'],
  ['Scroll: LoAF max', 'loafMax', 'task'],
  ['Scroll: frames ≥ 50 ms (LoAF count / frames)', 'loafCount', 'count'],
  ['Scroll: longest task', 'scrollLongest', 'task'],
  ['Rows in the DOM at first paint (row height)', 'rowsInDom', 'rows'],
  ['Refresh: `await grid.refresh()`', 'refreshMs', 'time'],
  ['Refresh: new figures painted', 'refreshShown', 'time'],
  ['Refresh: longest task', 'refreshLongest', 'task'],
  ['Refresh: LoAF max', 'refreshLoafMax', 'task'],
];

/** Each system's runs for a result, or why there are none: { runs } | { note }. */
function sideSystems(r) {
  const systems = {};
  for (const kind of SYSTEMS) {
    if (kind === 'ours') {
      if (r.oursNote) systems.ours = { note: r.oursNote };
      else if (r.error) systems.ours = { note: 'FAILED', error: r.error };
      else systems.ours = { runs: r.runs };
    } else {
      const side = r.side?.[kind];
      if (!side) systems[kind] = { note: 'not run' };
      else if (side.error) systems[kind] = { note: 'FAILED', error: side.error };
      else systems[kind] = { runs: side.runs };
    }
  }
  return systems;
}

function sideTableRows(r) {
  const systems = sideSystems(r);
  const oursReached = (systems.ours.runs ?? []).every((x) => x.lastRowReached !== false);
  const value = (kind, key) => (systems[kind].runs ? median(systems[kind].runs.map((x) => x[key])) : undefined);
  const rows = [];
  for (const [label, key, type] of SIDE_FIGURES) {
    if (key.startsWith('refresh') && value('ours', key) === undefined) continue;
    const cells = SYSTEMS.map((kind) => {
      const sys = systems[kind];
      if (sys.note) return key.startsWith('refresh') && kind !== 'ours' ? '—' : sys.note;
      if (kind === 'ours' && !oursReached && /^(loaf|scroll)/.test(key)) return 'LAST ROW NOT REACHED';
      const v = value(kind, key);
      if (v === undefined) return '—';
      if (type === 'time') return ms(v);
      if (type === 'task') return task(v);
      if (type === 'count') return `${Math.round(v)} / ${Math.round(value(kind, 'scrollFrames'))}`;
      return `${Math.round(v)} (${value(kind, 'rowHeight')?.toFixed(0)} px)`;
    });
    const ratio = (kind) => {
      if (systems.ours.note || systems[kind].note || (!oursReached && /^(loaf|scroll)/.test(key))) return '—';
      const [a, b] = [value('ours', key), value(kind, key)];
      if (a === undefined || b === undefined) return '—';
      if (type === 'time') return b > 0 ? (a / b).toFixed(2) : '—';
      if (type === 'task') return a >= 50 && b >= 50 ? (a / b).toFixed(2) : '—';
      return '—';
    };
    rows.push([label, ...cells, ratio('tabulator'), ratio('aggrid')]);
  }
  return rows;
}

const BREAKDOWN_FIGURES = [
  ['First paint', 'firstPaint'],
  ['Text sort', 'sort'],
  ['Number sort', 'numberSort'],
  ['Header filter', 'filter'],
  ['Global search', 'search'],
  ['Scroll (40 jumps)', 'scroll'],
  ['Refresh', 'refresh'],
];
const BREAKDOWN_HEADERS = ['Step', 'System', 'Traced time', 'Script', 'Style', 'Layout', 'Forced by scripts (passes)', 'Paint', 'GC', 'Other', 'Idle', 'Forced by (passes, first run)'];

/**
 * Where each system's main-thread time goes during each traced step of one size (--breakdown):
 * a row per step and system, medians of the runs for each kind of work.
 */
function breakdownRows(r) {
  const systems = sideSystems(r);
  const rows = [];
  for (const [label, figure] of BREAKDOWN_FIGURES) {
    for (const kind of SYSTEMS) {
      const runs = (systems[kind].runs ?? []).map((x) => x.breakdown?.[figure]).filter(Boolean);
      if (!runs.length) continue;
      const value = (key) => median(runs.map((b) => b[key]));
      rows.push([
        label,
        SYSTEM_NAMES[kind],
        ms(value('wall')),
        ...['script', 'style', 'layout'].map((key) => ms(value(key))),
        `${ms(value('forced'))} (${Math.round(value('forcedLayouts'))})`,
        ...['paint', 'gc', 'other', 'idle'].map((key) => ms(value(key))),
        (runs[0].forcedBy ?? []).slice(0, 3).map(([name, count]) => `${name} ${count}`).join(', ') || '—',
      ]);
    }
  }
  return rows;
}

/** The results with a side-by-side table: in memory, at a --grid-sizes size or refreshed. */
const sideResults = (results, gridSizes = [10_000, 100_000]) =>
  results.filter((r) => !r.serverSide && !r.unavailable && (gridSizes.includes(r.size) || Object.keys(r.side ?? {}).length || r.runs.some((x) => x.refreshMs !== undefined)));

function sideErrors(r) {
  return Object.entries(sideSystems(r))
    .filter(([, sys]) => sys.error)
    .map(([kind, sys]) => `${SYSTEM_NAMES[kind]} FAILED: ${sys.error.split('\n')[0]}`);
}

/** `leftColumns`: how many first columns are labels (left-aligned); the others are figures. */
function markdownTable(rows, headers = HEADERS, leftColumns = 2) {
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map((_, i) => (i < leftColumns ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function consoleTable(rows, headers = HEADERS, leftColumns = 2) {
  const all = [headers, ...rows];
  const widths = headers.map((_, c) => Math.max(...all.map((r) => String(r[c] ?? '').length)));
  const line = (r) => r.map((cell, c) => (c < leftColumns ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function machine(browser, executable) {
  const cpus = os.cpus();
  let osName = `${os.type()} ${os.release()}`;
  try {
    const pretty = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) osName = `${pretty} (kernel ${os.release()})`;
  } catch {
    /* not Linux */
  }
  let source = 'unknown';
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    source = `commit ${commit}${dirty ? ' + uncommitted changes in src/' : ''}`;
  } catch {
    source = process.env.BENCH_SOURCE ?? 'not a git checkout';
  }
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: osName,
    chromium: `${browser.version()} (${executable}, headless)`,
    node: process.version,
    'compared with': `tabulator-tables ${packageVersion('tabulator-tables')} (TabulatorFull, dist/js/tabulator.min.js), ag-grid-community ${packageVersion('ag-grid-community')} (dist/ag-grid-community.min.js, themeQuartz)`,
    'load average': `${loadAtStart} at start, ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} at end (1 / 5 / 15 min; other work on the machine slows every figure)`,
    date: new Date().toISOString(),
    library: `${pkg.name} ${pkg.version}, ${source}`,
  };
}

// ---------- export engines: .xlsx and CSV on the same rows ----------

/**
 * Runs in the page (serialized by Playwright): buildExportFile() of the per-module build
 * (dist/export/excel-export.js, with its worker beside it) for `window.benchEngineJob`, on rows
 * generated page by page by bench/rows.js, so that both formats read exactly the same rows.
 */
async function engineExport() {
  const { size, format } = window.benchEngineJob;
  const [{ buildExportFile }, { AS_OF, benchCampaign, benchRow, COLUMNS, DELIVERY_LABELS }] = await Promise.all([
    import('/dist/export/excel-export.js'),
    import('/bench/rows.js'),
  ]);
  const meta = {
    columns: COLUMNS.map((column) => (column.kind === 'label' ? { ...column, labels: DELIVERY_LABELS } : column)),
    campaign: benchCampaign(size),
    asOf: AS_OF,
    locale: 'fr',
    texts: {
      yes: 'Oui',
      no: 'Non',
      sheetStats: 'Statistiques',
      sheetCampaign: 'Campagne',
      channel: 'E-mail',
      campaignSheet: { name: 'Campagne', channel: 'Canal', sendFinishedAt: "Fin de l'envoi", asOf: 'Données au', rowCount: 'Contacts exportés' },
    },
  };
  const PAGE_ROWS = 5000;
  const source = {
    totalRows: size,
    async *pages() {
      for (let start = 0; start < size; start += PAGE_ROWS) {
        const rows = [];
        for (let i = start; i < Math.min(size, start + PAGE_ROWS); i++) rows.push(benchRow(i));
        yield rows;
      }
    },
  };
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  console.timeStamp('bench-export');
  const t0 = performance.now();
  const file = await buildExportFile(format, meta, source);
  const t1 = performance.now();
  // Long tasks are reported after they end: let the last one arrive.
  await new Promise((resolve) => setTimeout(resolve, 100));
  longest = Math.max(longest, ...observer.takeRecords().map((entry) => entry.duration));
  observer.disconnect();
  window.benchEngineBlob = file.blob;
  return { ms: t1 - t0, longest, bytes: file.blob.size, thread: file.thread };
}

const pad2 = (n) => String(n).padStart(2, '0');

/** A bench value as the CSV must write it (csv-engine.ts): no bench value needs quoting or starts like a formula. */
function csvExpected(column, value) {
  if (value === undefined || value === null || value === '') return '';
  if (column.kind === 'label') return DELIVERY_LABELS[value] ?? value;
  if (column.kind === 'boolean') return value ? 'Oui' : 'Non';
  if (column.kind === 'number') return String(value);
  if (column.kind === 'date') {
    const d = new Date(value);
    return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
  }
  return value;
}

/** Checks a CSV export of the bench rows: BOM, header, CRLF lines, row count, sampled rows field by field. */
function checkCsv(buf, size) {
  if (buf[0] !== 0xef || buf[1] !== 0xbb || buf[2] !== 0xbf) throw new Error('the CSV has no UTF-8 BOM');
  const lines = buf.toString('utf8', 3).split('\r\n');
  if (lines.pop() !== '') throw new Error('the CSV does not end with CRLF');
  if (lines.length - 1 !== size) throw new Error(`${lines.length - 1} CSV rows, expected ${size}`);
  const header = COLUMNS.map((column) => column.title).join(';');
  if (lines[0] !== header) throw new Error(`CSV header ${JSON.stringify(lines[0])}, expected ${JSON.stringify(header)}`);
  const samples = sampleIndices(size);
  for (const i of samples) {
    const fields = lines[i + 1].split(';');
    const row = benchRow(i);
    COLUMNS.forEach((column, c) => {
      const expected = csvExpected(column, row[column.field]);
      if (fields[c] !== expected) throw new Error(`CSV row ${i + 1}, column "${column.title}": ${JSON.stringify(fields[c])}, expected ${JSON.stringify(expected)}`);
    });
  }
  return { rows: size, sampledRows: samples.length };
}

async function runEngine(browser, server, { size, format }) {
  const { page, problems, close } = await newPage(browser, server.base);
  try {
    await page.evaluate((job) => (window.benchEngineJob = job), { size, format });
    const exported = await tracedExport(browser, page, engineExport);
    if (exported.thread !== 'worker') throw new Error(`the ${format} export ran on the ${exported.thread} thread, not in its worker`);
    const token = randomBytes(8).toString('hex');
    await page.evaluate(async (t) => {
      const response = await fetch(`/__upload/${t}`, { method: 'POST', body: window.benchEngineBlob });
      window.benchEngineBlob = null;
      if (!response.ok) throw new Error(`upload failed: ${response.status}`);
    }, token);
    const file = server.take(token);
    const checked = format === 'csv' ? checkCsv(file, size) : checkXlsx(file, { kind: 'ours', size });
    if (problems.length) throw new Error(problems.join('\n'));
    return { exportMs: exported.ms, exportLongest: exported.longest, workerHeap: exported.gcWorkers, bytes: exported.bytes, checked };
  } finally {
    await close();
  }
}

/** `runs` times each format, alternately, for `size` rows; a failure ends the size, as in the grid's runs. */
async function measureEngines(browser, server, size, runs) {
  const engine = { size, xlsx: [], csv: [] };
  try {
    for (let run = 1; run <= runs; run++) {
      for (const format of ['xlsx', 'csv']) {
        const result = await runEngine(browser, server, { size, format });
        engine[format].push(result);
        console.log(
          `${fmtInt(size).padStart(9)} rows · run ${run}/${runs} · engine ${format}: ${ms(result.exportMs)} (task ${task(result.exportLongest)}, worker heap ${mb(result.workerHeap)}, ${fileMb(result.bytes)}, checked ${result.checked.rows} rows)`,
        );
      }
    }
  } catch (error) {
    engine.error = error.message;
    console.error(`${fmtInt(size)} rows, export engines FAILED: ${error.stack ?? error}`);
  }
  return engine;
}

const ENGINE_HEADERS = ['Rows', '.xlsx', '.xlsx: longest task', '.xlsx Worker heap', '.xlsx file', 'CSV', 'CSV: longest task', 'CSV Worker heap', 'CSV file', 'CSV ÷ .xlsx'];

function engineTableRows(engines) {
  return engines.map((e) => {
    if (e.error) return [fmtInt(e.size), `FAILED: ${e.error.split('\n')[0]}`, ...Array(ENGINE_HEADERS.length - 2).fill('')];
    const m = (format, key) => median(e[format].map((x) => x[key]));
    const ratio = m('xlsx', 'exportMs') && m('csv', 'exportMs') ? (m('csv', 'exportMs') / m('xlsx', 'exportMs')).toFixed(2) : '—';
    const cells = (format) => [ms(m(format, 'exportMs')), task(m(format, 'exportLongest')), mb(m(format, 'workerHeap')), fileMb(m(format, 'bytes'))];
    return [fmtInt(e.size), ...cells('xlsx'), ...cells('csv'), ratio];
  });
}

// ---------- BENCHMARKS.md ----------

const INTRO = `# Benchmarks

Measured by \`npm run bench\` (scripts/bench.js, bench/): headless Chromium (playwright-core, the
browser the tests use; a 1280 × 800 viewport) over the built self-contained module
\`dist/standalone/campaign-stats-elements.js\`, through the public API only, and, side by side on
the same rows, bare Tabulator and AG Grid Community. Re-run with \`npm run bench -- --write\`
(updates the "latest" section; \`--section NAME --label TEXT\` for another); the million's export
target needs \`--source-latency 300\`. \`npm run bench -- --help\` lists the options: \`--quick\`
(1 run, 10,000 and 100,000 rows: a few minutes), \`--runs N\`, \`--sizes LIST\`, \`--systems
ours,tabulator,aggrid\` or \`--no-grids\` (ours only), \`--grid-sizes LIST\` (where the side-by-side
systems run; default 10,000 and 100,000), \`--refresh-sizes LIST\` (default 100,000; \`none\`),
\`--source-latency MS\`, \`--no-baseline\`, \`--no-engines\`, \`--breakdown\`, \`--json FILE\` and
\`--from-json FILE\`.
The default run (10,000, 100,000, 300,000 and 1,000,000 rows, 3 runs each) takes about 12 to 15
minutes on the 2-core machine, up to about 20 with \`--source-latency 300\` or a busy machine.

**Data.** An email campaign of N contacts generated deterministically from the row index
(bench/rows.js: French names with accents, some first/last names missing, emails, delivery,
opens, clicks, spam, unsubscribe, last activity). A module Worker (bench/data-worker.js) plays the
back end behind the \`CampaignDataSource\` interface and answers \`getContactStats\` pages with
filters, search and sort, so its memory and CPU are not the page's. The grid shows and exports
its 10 email columns. Every system reads the same rows from that Worker: ours through its data
source, bare Tabulator and AG Grid (and the export baseline) all of them, fetched before anything
of theirs is timed.

**Figures** (each the median of the runs; milliseconds from \`performance.now()\` in the page):
- *Data → first paint*: from the data source's answer the rows came from (in memory: the last
  page of the load) to those rows in the table's DOM and the next frame painted.
- *Sort*: click on the "Nom" header → rows in ascending name order in the DOM, painted.
- *Filter*: the "Délivrabilité" header filter set to "Rebond temporaire" → only those rows, painted.
- *Scroll: longest task*: the longest main-thread task (PerformanceObserver \`longtask\`, which
  reports tasks of 50 ms and more) while the table is scrolled top to bottom in 40 jumps;
  a paged (server-side) table then goes to its last page ("last page painted in": click to rows painted).
  The table's last row must then be the campaign's last contact, else "LAST ROW NOT REACHED".
- *Export*: \`grid.exportExcel({download: false})\`, call to resolved promise. *Export: longest
  task*: the longest main-thread task meanwhile; "< 50 ms" means none reached 50 ms.
- *Peak JS heap (page)*: the page's main-thread V8 heap during the export: the larger of
  \`performance.memory\` sampled every 20 ms and the heap size before each GC in a Chromium
  trace (GCs happen inside long tasks, where sampling cannot run). It includes the grid's rows.
- *Export Worker heap*: the same for any Worker the export starts (sum of their peaks).
- *File*: the .xlsx size. Every file, ours and the baseline's, is read back before its time
  counts (bench/xlsx-check.js): sheets, row count, header, and 100 sampled rows cell by cell with
  types; files of ≤ 10,000 rows are also read by sheetjs-style's \`XLSX.read\` and compared.
- *Export engines* (a table of its own): \`buildExportFile('xlsx' | 'csv', …)\` of the per-module
  build, in a fresh page, on the bench rows generated there page by page (no grid, no data
  Worker), call to resolved promise; each file is read back like the grid's (the CSV: BOM, CRLF,
  header, row count, 100 sampled rows field by field). *CSV ÷ .xlsx*: the CSV's time over the .xlsx's.
- *Baseline*: TabulatorFull 6.5.3 (\`tabulator.min.js\`) with sheetjs-style's \`dist/xlsx.full.min.js\`
  as \`window.XLSX\`, \`table.download('xlsx')\` on the same rows and columns (raw values), timed
  from the call to the file's Blob. Not run for 1,000,000 rows (in-memory only; ≈ 100 s and
  ≈ 3 GB there). *Ours ÷ baseline*: our export time divided by the baseline's (below 1 = faster).

**Side by side** (a table per size: 10,000 and 100,000 rows in memory by default). Each run
measures ours, then the export baseline, then bare Tabulator, then AG Grid, each in a fresh page,
one after the other, so that a busy stretch of the machine falls on all of them; the table gives
each system's median over the runs and *ours ÷ Tabulator*, *ours ÷ AG Grid* (ratios of the
medians, below 1 = ours faster; for tasks and frames only when both reached 50 ms). Every page
takes the same steps in the same order: first paint, scroll, text sort, header filter (then
cleared, not timed), number sort, search (then cleared, not timed); ours also exports between its
scroll and its sort (the figures above) and is refreshed last. Before each timed step (all but our
first paint), two forced garbage collections, so that no step pays for the one before. Every table
is 480 px high.
- *Bare Tabulator*: TabulatorFull 6.5.3 (\`dist/js/tabulator.min.js\` and its default CSS) in the
  page's light DOM: \`layout: 'fitColumns'\`, \`renderVertical: 'virtual'\`, the 10 columns of
  bench/rows.js, each with an \`input\` header filter; sorters \`string\` (empty names at the bottom,
  \`alignEmptyValues\`), \`number\`, \`boolean\`; the other columns' cells as ours shows them (delivery
  label, Oui/Non, French number and date) through formatters returning strings.
- *AG Grid*: AG Grid Community 36.2.0 (\`dist/ag-grid-community.min.js\`, the UMD global \`agGrid\`,
  \`AllCommunityModule\` registered), \`createGrid\` in the light DOM, the Quartz theme (its default),
  its default row virtualisation, columns \`flex: 1\`, floating filters (text filters, number filters
  on the numbers), the same shown values through \`valueFormatter\`s, \`cellDataType: false\`,
  \`animateRows: false\` (else rows glide for 0.4 s after a sort and the final rows would come later
  than they are found in the DOM). Text columns sort with \`localeCompare\` and empty names last: the
  comparison of its own \`accentedSort\`, plus ours' empty-last (its default compares code points:
  "Élodie" after "Zoé").
- *First paint*: ours as above (from the data's answer); the others from \`new Tabulator(…)\` /
  \`createGrid(…)\`, the rows already in the page, to every rendered row showing its e-mail and the
  next frame painted.
- *Text sort*: a click on the "Nom" header → its \`aria-sort\` ascending, the names in the DOM in
  French order with empty ones last, other rows than before, the next frame painted.
- *Number sort*: a click on the "Clics" header (\`clickCount\`) → its \`aria-sort\` ascending, the
  clicks in the DOM ascending, other rows than before, painted.
- *Header filter*: delivery = soft_bounce: ours through its select (a \`change\` event); Tabulator
  \`setHeaderFilterValue('delivery', 'soft_bounce')\` (filter \`=\`); AG Grid
  \`setColumnFilterModel('delivery', {filterType: 'text', type: 'equals', filter: 'soft_bounce'})\`
  then \`onFilterChanged()\` → every delivery cell in the DOM "Rebond temporaire", still in name
  order, painted. Then the count shown (ours: its row count; Tabulator \`getDataCount('active')\`;
  AG Grid \`getDisplayedRowCount()\`) must be the data source's count.
- *Global search*: "martin": ours typed into its search box (an \`input\` event on \`.search\`);
  Tabulator \`setFilter(fn)\` with the library's accent- and case-insensitive "contains" over last
  name, first name and e-mail; AG Grid \`quickFilterText\` (case-insensitive over every column, no
  accent folding: the same rows for "martin") → every row in the DOM matches, painted; then the
  count must be the source's.
- *Scroll: LoAF*: the same 40 jumps as above (two frames each, then jumps to the bottom while the
  virtual height grows), with Long Animation Frames recorded (PerformanceObserver
  \`long-animation-frame\`, buffered: false). *LoAF p95*: the 95th percentile (nearest rank) over
  all the frames the jumps waited for, the frames the observer did not report (under 50 ms)
  counting as under 50 ms: "< 50 ms" means at least 95 % of the frames took less. *LoAF max*: the
  longest; *frames ≥ 50 ms*: the count of LoAFs over the frames waited for. The last row in the
  DOM must then be the campaign's last contact, else an error (ours: LAST ROW NOT REACHED).
- *Rows in the DOM*: the rows rendered at first paint and their height. The systems do not draw
  as many rows (AG Grid: 42 px Quartz rows and a buffer of 10 rows; Tabulator's default CSS: 24 px),
  so a jump renders more or less DOM: that is each one's default, left as it is.
- *Refresh* (ours; 100,000 rows, sorted by name, at the top): the data Worker's \`advance\` moves the
  figures one hour on, deterministically: 3 % of the rows drawn at random, plus every row of the
  first last name in name order (the rows on screen), pending ones delivered, delivered ones opened
  once more and clicked once more (the first last name's rows always, the others one time in three),
  and \`asOf\` one hour later. Then \`await grid.refresh()\`: *refresh* is the call to its resolved
  promise, *new figures painted* the call to the first last name's rows in the DOM showing their new
  clicks and the next frame painted; the longest main-thread task and the longest animation frame
  meanwhile. Checked: the load event's \`asOf\` is the new one, every row in the DOM shows the
  source's current figures (names, delivery, opens, clicks), still in name order.

**Where the time goes** (\`--breakdown\`): each timed step (first paint, sorts, filter, search,
scroll, refresh) of every system is run inside a Chromium trace (categories toplevel,
devtools.timeline, v8; bench/trace-breakdown.js), and its page main thread's time between the
step's two \`performance.now()\` times is split by the innermost trace event running at each
instant: *script* (function calls, timers, events, microtasks, compiling), *style* (style
recalculation), *layout*, *forced by scripts* (the style and layout passes that ran inside a script,
because it read a size or a position: their time and count, and the functions that read it, by
the top of the stack the trace recorded; names of our minified bundle are short), *paint* (pre-paint, paint, layers,
commit), *GC*, *other* (task overhead and unclassified events) and *idle*. Tracing slows every
step, more so the systems with more events, so the times of a \`--breakdown\` run are not compared
with a plain run's; the split within each step is what it shows.

**What is not the same between the systems** (read the ratios with it in mind):
- Our first paint starts at the data's answer and includes the grid's own work on the rows it
  receives; it cannot have a forced GC before it. The others start at their constructor with the
  rows already in memory, after a forced GC.
- Ours is the whole component: its toolbar, row count, keyboard support, tooltips, badges built as
  DOM nodes, the Tabulator core with its modules inside a shadow root. Bare Tabulator and AG Grid
  have string cells and nothing around the table.
- AG Grid's search looks in every column and folds no accents; its delivery filter is a text
  "equals" on the raw value; its rows are taller, so fewer are rendered.
- Ours exported its file in the same page before its sort (the forced GC before each step takes
  that garbage away).
- Only ours is refreshed: the others have no data source to ask again.

**Targets** are judged on the medians: issue 4's (the export, first paint, sort, filter of ours) and
issue 12's: at 100,000 rows in memory, ours' first paint, text sort, number sort, header filter
and search ≤ 1.0× bare Tabulator's and ≤ 0.8× AG Grid's (ratios of medians; the search against
AG Grid's \`quickFilterText\`); scroll LoAF p95 ≤ AG Grid's at 10,000 and at 100,000 (both under
50 ms counts as met); the refresh at 100,000 with no main-thread task over 50 ms; the 1,000,000-row
server-side export, with the source answering each page after 300 ms (\`--source-latency 300\`),
≤ 1.5× the source's own serving time (its calls one after another; the median of the runs'
ratios) with no main-thread task over 50 ms.

Absolute times depend on how busy the machine is (each section's "load average" row says it, at
the start and at the end of the run); the ratios between systems, measured in the same run, are
the steadier comparison.
`;

function writeBenchmarks(options, summary) {
  const path = join(ROOT, 'BENCHMARKS.md');
  let text = existsSync(path) ? readFileSync(path, 'utf8') : INTRO;
  const start = `<!-- bench:section:${options.section} -->`;
  const end = `<!-- /bench:section:${options.section} -->`;
  const block = `${start}\n${summary}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  text = from >= 0 && to > from ? text.slice(0, from) + block + text.slice(to + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, text);
  console.log(`Wrote section "${options.section}" of BENCHMARKS.md.`);
}

// ---------- main ----------

/** The issue's targets, judged on the medians (MB = 10^6 bytes; heap = page + export Workers). */
function targets(results) {
  const find = (size, serverSide) => results.find((r) => r.size === size && r.serverSide === serverSide && !r.error && !r.unavailable && r.runs.length);
  const m = (r, key) => (r ? median(r.runs.map((x) => x[key])) : undefined);
  const b = (r, key) => (r ? median(r.baseline.map((x) => x[key])) : undefined);
  const r100 = find(100_000, false);
  const r300 = find(300_000, false);
  const r1m = find(1_000_000, true);
  const lines = [];
  const check = (label, measured, ok) => lines.push(`- ${ok === undefined ? '[not measured]' : ok ? '[met]' : '[NOT MET]'} ${label}${measured ? `: ${measured}` : ''}`);
  const heap100 = r100 ? m(r100, 'heapPeak') + (m(r100, 'workerHeap') ?? 0) : undefined;
  const ratio = r100 && b(r100, 'exportMs') ? m(r100, 'exportMs') / b(r100, 'exportMs') : undefined;
  check('Export 100,000 in ≤ 3 s', r100 && ms(m(r100, 'exportMs')), r100 && m(r100, 'exportMs') <= 3000);
  check('Export 100,000 at least 4× faster than the baseline (ours ÷ baseline ≤ 0.25)', ratio && ratio.toFixed(2), ratio === undefined ? undefined : ratio <= 0.25);
  check('Export 100,000: no main-thread task over 50 ms', r100 && task(m(r100, 'exportLongest')), r100 && m(r100, 'exportLongest') <= 50);
  check('Export 100,000: peak heap ≤ 150 MB (page + export Workers)', heap100 && mb(heap100), heap100 === undefined ? undefined : heap100 <= 150e6);
  check('Export 300,000 in ≤ 8 s', r300 && ms(m(r300, 'exportMs')), r300 && m(r300, 'exportMs') <= 8000);
  check('Export 1,000,000 in server-side mode completes (file checked)', r1m && `${ms(m(r1m, 'exportMs'))}, page heap ${mb(m(r1m, 'heapPeak'))}`, r1m ? true : undefined);
  check('Grid 100,000 in memory painted ≤ 400 ms after the data arrives', r100 && ms(m(r100, 'firstPaint')), r100 && m(r100, 'firstPaint') <= 400);
  check('Sort 100,000 ≤ 300 ms', r100 && ms(m(r100, 'sort')), r100 && m(r100, 'sort') <= 300);
  check('Filter 100,000 ≤ 300 ms', r100 && ms(m(r100, 'filter')), r100 && m(r100, 'filter') <= 300);
  lines.push('- Not measured here: progress moving and cancel during the 1,000,000 export (tests cover them).');
  return lines.join('\n');
}

/**
 * Issue 12's targets, on the medians of the same run: ours against bare Tabulator and AG Grid
 * (ratios of medians), the refresh, and the million's server-side export against its source.
 */
function targetsSideBySide(results) {
  const find = (size, serverSide) => results.find((r) => r.size === size && r.serverSide === serverSide && !r.unavailable);
  const lines = [];
  // A system whose check failed gives no figure: the target says which failed, not "not measured".
  let failures = [];
  const check = (label, measured, ok) => {
    const status = failures.length ? `[FAILED: ${[...new Set(failures)].join(', ')}]` : ok === undefined ? '[not measured]' : ok ? '[met]' : '[NOT MET]';
    lines.push(`- ${status} ${label}${measured && !failures.length ? `: ${measured}` : ''}`);
    failures = [];
  };
  const r100 = find(100_000, false);
  const runsOf = (r, kind) => {
    const sys = r ? sideSystems(r)[kind] : undefined;
    if (sys?.error) failures.push(SYSTEM_NAMES[kind]);
    return sys?.runs;
  };
  const med = (r, kind, key) => {
    const runs = runsOf(r, kind);
    return runs ? median(runs.map((x) => x[key])) : undefined;
  };
  const limits = { tabulator: 1.0, aggrid: 0.8 };
  for (const [label, key] of [['First paint', 'firstPaint'], ['Text sort', 'sort'], ['Number sort', 'numberSort'], ['Header filter', 'filter'], ['Global search', 'search']]) {
    for (const kind of ['tabulator', 'aggrid']) {
      const [a, b] = [med(r100, 'ours', key), med(r100, kind, key)];
      const ratio = a !== undefined && b ? a / b : undefined;
      check(
        `${label} 100,000 ≤ ${limits[kind].toFixed(1)}× ${kind === 'tabulator' ? 'bare Tabulator' : 'AG Grid'}${key === 'search' && kind === 'aggrid' ? ' (its quickFilterText)' : ''}`,
        ratio === undefined ? undefined : `${ratio.toFixed(2)} (${ms(a)} ÷ ${ms(b)})`,
        ratio === undefined ? undefined : ratio <= limits[kind],
      );
    }
  }
  for (const size of [10_000, 100_000]) {
    const r = find(size, false);
    const reached = (runsOf(r, 'ours') ?? []).every((x) => x.lastRowReached !== false);
    const [a, b] = [med(r, 'ours', 'loafP95'), med(r, 'aggrid', 'loafP95')];
    const measured = a !== undefined && b !== undefined && reached;
    check(`Scroll ${fmtInt(size)}: LoAF p95 ≤ AG Grid's`, measured ? `${task(a)} vs ${task(b)}` : undefined, measured ? a <= b || (a < 50 && b < 50) : undefined);
  }
  const refresh = med(r100, 'ours', 'refreshLongest');
  check(
    'Refresh 100,000 (sorted by name): no main-thread task over 50 ms',
    refresh === undefined ? undefined : `${task(refresh)} (refresh ${ms(med(r100, 'ours', 'refreshMs'))}, LoAF max ${task(med(r100, 'ours', 'refreshLoafMax'))})`,
    refresh === undefined ? undefined : refresh <= 50,
  );
  const r1m = find(1_000_000, true);
  const runs1m = runsOf(r1m, 'ours')?.filter((x) => x.sourceServing > 0);
  if (!runs1m?.length || !(r1m.sourceLatency > 0)) {
    check('Export 1,000,000 in server-side mode, source answering after 300 ms (--source-latency 300): ≤ 1.5× the source\'s serving time, no main-thread task over 50 ms');
  } else {
    const ratio = median(runs1m.map((x) => x.exportMs / x.sourceServing));
    const longest = median(runs1m.map((x) => x.exportLongest));
    const what = `Export 1,000,000 in server-side mode, source answering after ${r1m.sourceLatency} ms${r1m.sourceLatency === 300 ? '' : ' (the target says 300 ms)'}`;
    check(`${what}: ≤ 1.5× the source's serving time`, `${ratio.toFixed(2)} (${ms(median(runs1m.map((x) => x.exportMs)))} ÷ ${ms(median(runs1m.map((x) => x.sourceServing)))})`, ratio <= 1.5);
    check(`${what}: no main-thread task over 50 ms`, task(longest), longest <= 50);
  }
  return lines.join('\n');
}

/** Prints the table and the targets; writes --json and, with --write, BENCHMARKS.md. */
function report({ options, machine: info, results, engines = [], minutes = '?', command = [] }) {
  const rows = tableRows(results);
  const targetLines = targets(results);
  const engineRows = engineTableRows(engines);
  const sides = sideResults(results, options.gridSizes).map((r) => ({
    title: `Side by side, ${fmtInt(r.size)} rows in memory (the same rows; medians of each system's runs)`,
    rows: sideTableRows(r),
    errors: sideErrors(r),
  }));
  const sideTargetLines = results.length ? targetsSideBySide(results) : '';
  const breakdownTables = results
    .map((r) => ({ title: `Main thread during each step, ${fmtInt(r.size)} rows (${r.serverSide ? 'server-side' : 'in memory'}; Chromium trace, medians of the runs; traced runs are slower)`, rows: breakdownRows(r) }))
    .filter((table) => table.rows.length);
  console.log(`\nMedians of ${options.runs} run(s) (${minutes} min):`);
  if (rows.length) console.log(`\n${consoleTable(rows)}`);
  for (const side of sides) console.log(`\n${side.title}:\n\n${consoleTable(side.rows, SIDE_HEADERS, 1)}${side.errors.map((e) => `\n${e}`).join('')}`);
  for (const table of breakdownTables) console.log(`\n${table.title}:\n\n${consoleTable(table.rows, BREAKDOWN_HEADERS, 2)}`);
  if (engineRows.length) console.log(`\nExport engines, buildExportFile() on the same generated rows:\n\n${consoleTable(engineRows, ENGINE_HEADERS, 1)}`);
  if (rows.length) console.log(`\nTargets (issue 4):\n${targetLines}`);
  if (rows.length) console.log(`\nTargets (issue 12: side by side, refresh, the million's export):\n${sideTargetLines}`);
  console.log(`\n${Object.entries(info).map(([k, v]) => `${k}: ${v}`).join('\n')}`);
  if (options.json) writeFileSync(options.json, JSON.stringify({ options, machine: info, results, engines, minutes, command }, null, 2));
  if (options.write) {
    const label = options.label || (options.section === 'latest' ? 'Latest run' : options.section);
    const summary = [
      `## ${label}`,
      '',
      `Medians of ${options.runs} run(s); \`npm run bench${command.length ? ` -- ${command.join(' ')}` : ''}\` took ${minutes} min.`,
      '',
      ...(rows.length ? [markdownTable(rows), ''] : []),
      ...sides.flatMap((side) => [`${side.title}:`, '', markdownTable(side.rows, SIDE_HEADERS, 1), '', ...side.errors.map((e) => `- ${e}`), ...(side.errors.length ? [''] : [])]),
      ...breakdownTables.flatMap((table) => [`${table.title}:`, '', markdownTable(table.rows, BREAKDOWN_HEADERS, 2), '']),
      ...(engineRows.length ? ['Export engines, `buildExportFile()` on the same generated rows (no grid):', '', markdownTable(engineRows, ENGINE_HEADERS, 1), ''] : []),
      ...(rows.length ? ['Targets of issue 4 on these medians:', '', targetLines, ''] : []),
      ...(rows.length ? ['Targets of issue 12 on these medians (side by side, refresh, the million\'s export):', '', sideTargetLines, ''] : []),
      '| Machine | |',
      '| --- | --- |',
      ...Object.entries(info).map(([k, v]) => `| ${k} | ${v} |`),
    ].join('\n');
    writeBenchmarks(options, summary);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  tracing = options.trace;
  breakingDown = options.breakdown;
  if (options.fromJson) {
    // Re-renders a saved run (--json) without measuring: the table, targets and BENCHMARKS.md.
    const saved = JSON.parse(readFileSync(options.fromJson, 'utf8'));
    report({ ...saved, options: { ...saved.options, write: options.write, section: options.section, label: options.label || saved.options.label, json: '' } });
    return;
  }
  const executable = findBrowser();
  if (!executable) throw new Error('No Chromium found: install Chromium or Chrome, or set CHROME_PATH (npm test installs Debian\'s chromium when it can).');
  const build = ensureBuild(options.build);
  const cases = options.sizes.map((size) => ({ size, serverSide: size >= SERVER_SIDE_FROM }));
  const started = Date.now();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: executable, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  const results = [];
  const engines = [];
  let failed = false;
  try {
    console.log(
      `Benchmark: ${cases.map((c) => fmtInt(c.size)).join(', ')} rows; ${options.runs} run(s) each; ${
        options.onlyEngines
          ? 'export engines only'
          : `systems ${options.systems.join(', ')}${options.systems.length > 1 ? ` (side by side at ${options.gridSizes.map(fmtInt).join(', ') || 'no size'})` : ''}; refresh at ${options.refreshSizes.map(fmtInt).join(', ') || 'no size'}; baseline ${options.baseline ? 'on' : 'off'}; export engines ${options.engines ? 'on' : 'off'}`
      }; build ${build}.`,
    );
    for (const c of cases) {
      if (options.engines) {
        const engine = await measureEngines(browser, server, c.size, options.runs);
        engines.push(engine);
        failed ||= Boolean(engine.error);
      }
      if (options.onlyEngines) continue;
      const result = { ...c, runs: [], baseline: [], side: {}, sourceLatency: options.sourceLatency };
      results.push(result);
      const withOurs = options.systems.includes('ours');
      if (!withOurs) result.oursNote = 'not run (--systems)';
      const withBaseline = options.baseline && !c.serverSide && c.size <= BASELINE_MAX_ROWS;
      if (!withBaseline) result.baselineNote = options.baseline ? 'not run (in-memory only)' : 'not run';
      const sideKinds = c.serverSide || !options.gridSizes.includes(c.size) ? [] : options.systems.filter((kind) => kind !== 'ours');
      for (const kind of sideKinds) result.side[kind] = { runs: [] };
      const withRefresh = !c.serverSide && options.refreshSizes.includes(c.size);
      // Each run measures every system once, one after the other (ours, the export baseline,
      // bare Tabulator, AG Grid), so that a busy stretch of the machine falls on all of them.
      for (let run = 1; run <= options.runs; run++) {
        const label = `${fmtInt(c.size).padStart(9)} rows · run ${run}/${options.runs}`;
        if (withOurs && !result.error && !result.unavailable) {
          try {
            const ours = await runOurs(browser, server, { ...c, latency: options.sourceLatency, withRefresh });
            if (ours.unavailable) {
              result.unavailable = ours.unavailable;
              console.log(`${label} · n/a (${ours.unavailable})`);
            } else {
              result.runs.push(ours);
              console.log(
                `${label} · ours: paint ${ms(ours.firstPaint)}, sort ${ms(ours.sort)}, filter ${ms(ours.filter)}, scroll task ${task(ours.scrollLongest)}, export ${ms(ours.exportMs)} (task ${task(ours.exportLongest)}, heap ${mb(ours.heapPeak)}, ${fileMb(ours.bytes)}, checked ${ours.checked.rows} rows)`,
              );
              if (!c.serverSide) console.log(`${label} · ours: ${sideLine(ours)}`);
              if (ours.refreshMs !== undefined) {
                console.log(
                  `${label} · ours: refresh ${ms(ours.refreshMs)} (new figures painted at ${ms(ours.refreshShown)}, longest task ${task(ours.refreshLongest)}, LoAF max ${task(ours.refreshLoafMax)}, ${fmtInt(ours.refreshChanged)} rows changed)`,
                );
              }
              if (options.sourceLatency > 0 && ours.exportPages > 0) {
                console.log(
                  `${label} · export: ${fmtInt(ours.exportPages)} pages from a source answering after ${options.sourceLatency} ms, whose own serving time (its calls one after another) is ${ms(ours.sourceServing)}: export ÷ serving = ${(ours.exportMs / ours.sourceServing).toFixed(2)}`,
                );
              }
              if (options.verbose) console.log(JSON.stringify(ours.details));
            }
          } catch (error) {
            failed = true;
            result.error = error.message;
            console.error(`${label} · ours FAILED: ${error.stack ?? error}`);
          }
        }
        if (withBaseline && !result.baselineError) {
          try {
            const base = await runBaseline(browser, server, c);
            result.baseline.push(base);
            console.log(`${label} · baseline: export ${ms(base.exportMs)} (task ${task(base.exportLongest)}, heap ${mb(base.heapPeak)}, ${fileMb(base.bytes)}, checked ${base.checked.rows} rows)`);
          } catch (error) {
            failed = true;
            result.baselineError = error.message;
            result.baselineNote = `FAILED: ${error.message.split('\n')[0]}`;
            console.error(`${label} · baseline FAILED: ${error.stack ?? error}`);
          }
        }
        for (const kind of sideKinds) {
          const side = result.side[kind];
          if (side.error) continue;
          try {
            const figures = await runSide(browser, server, { kind, size: c.size });
            side.runs.push(figures);
            console.log(`${label} · ${kind}: ${sideLine(figures)}`);
            if (options.verbose) console.log(JSON.stringify(figures.details));
          } catch (error) {
            failed = true;
            side.error = `run ${run}: ${error.message}`;
            console.error(`${label} · ${kind} FAILED: ${error.stack ?? error}`);
          }
        }
      }
    }
    const info = machine(browser, executable);
    report({ options, machine: info, results, engines, minutes: ((Date.now() - started) / 60_000).toFixed(1), command: process.argv.slice(2) });
  } finally {
    await browser.close();
    await server.close();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exit(1);
});
