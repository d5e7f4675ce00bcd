// npm run bench — measures <campaign-stats-grid> in headless Chromium over the built
// self-contained module (dist/standalone/campaign-stats-elements.js), against the baseline
// (TabulatorFull's own download('xlsx') with SheetJS) on the same rows, and prints a table of
// medians, then one of the export engines (.xlsx against CSV). See BENCHMARKS.md for what each
// figure means.
//
//   npm run bench                         10k, 100k, 300k in memory + 1M server-side, 3 runs each
//   npm run bench -- --quick              1 run, 10k and 100k only
//   npm run bench -- --runs 5 --sizes 100000,1000000 --no-baseline
//   npm run bench -- --write [--section latest] [--label "After: streaming export"]
//                                         also writes the results into BENCHMARKS.md
//   --build / --no-build                  always / never run `npm run build` first (default: when
//                                         dist is missing or older than src/, rollup.config.js, package.json)
//   --json FILE                           every run's raw figures, as JSON
//   --verbose                             per-run figures as they come
//   --from-json FILE                      no measuring: prints (and with --write, writes) a saved --json run
//   --no-trace                            no Chromium trace during exports (peak heap from sampling only)
//   --no-engines                          no "export engines" table (.xlsx and CSV built from generated rows)
//   --source-latency MS                   the grid's data source answers each getContactStats after MS
//                                         (a remote API); the export line then also gives its pages and
//                                         the source's own serving time (its calls one after another)
//   --only-engines                        that table only: no grid, no baseline
//
// Sizes of 1,000,000 and more run in the grid's server-side mode (when the grid has a
// `serverSideThreshold` property; otherwise "n/a"); smaller ones in memory. For every size, the
// "export engines" table also times buildExportFile() for the .xlsx and for the CSV, on the same
// rows (generated page by page in the page, no grid), each file checked like the grid's.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { benchRow, COLUMNS, DELIVERY_LABELS } from '../bench/rows.js';
import { checkXlsx, crossCheckWithSheetJS, sampleIndices } from '../bench/xlsx-check.js';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = join(ROOT, 'dist/standalone/campaign-stats-elements.js');
const SERVER_SIDE_FROM = 1_000_000;
/** Files up to this size are also read back by sheetjs-style's XLSX.read (slow on big files). */
const SHEETJS_CROSS_CHECK_MAX_ROWS = 10_000;
/** The baseline is not run above this: TabulatorFull's in-memory download needs ~100 s and ~3 GB at 1M rows. */
const BASELINE_MAX_ROWS = 300_000;

// ---------- options ----------

function parseArgs(argv) {
  const options = { sourceLatency: 0, runs: 3, sizes: [10_000, 100_000, 300_000, 1_000_000], baseline: true, engines: true, onlyEngines: false, write: false, section: 'latest', label: '', build: 'auto', json: '', verbose: false, quick: false, trace: true, fromJson: '' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--runs') options.runs = Math.max(1, Number.parseInt(value(), 10) || 1);
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--sizes') options.sizes = value().split(',').map((s) => Number(s.replace(/[_\s]/g, '')));
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
  if (options.sizes.some((s) => !Number.isInteger(s) || s < 1)) throw new Error('--sizes takes positive integers, e.g. 10000,100000');
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

async function runOurs(browser, server, { size, serverSide, latency }) {
  const { page, problems, close } = await newPage(browser, server.base);
  try {
    const setup = await page.evaluate((o) => window.bench.setupGrid(o), { size, serverSide, latency });
    if (setup.unavailable) return { unavailable: setup.unavailable };
    const load = await page.evaluate((o) => window.bench.load(o), { serverSide });
    if (load.total !== size) throw new Error(`campaign-stats-load says ${load.total} contacts, expected ${size}`);
    if (serverSide && !load.serverSideUsed) throw new Error(`the grid fetched all ${size} rows before painting: not in server-side mode`);
    if (!serverSide && load.serverSideUsed) throw new Error(`the grid painted after ${load.fetchedBeforePaint} of ${size} rows: not in memory`);
    const scroll = await page.evaluate(() => window.bench.scroll());
    const exported = await tracedExport(browser, page, () => {
      console.timeStamp('bench-export');
      return window.bench.exportOurs();
    });
    if (exported.rowCount !== size) throw new Error(`exportExcel says ${exported.rowCount} rows, expected ${size}`);
    const checked = await verifyUpload(page, server, 'ours', size);
    const sort = await page.evaluate(() => window.bench.sort());
    const filter = await page.evaluate(() => window.bench.filter());
    if (problems.length) throw new Error(problems.join('\n'));
    return {
      firstPaint: load.firstPaint,
      sort: sort.ms,
      filter: filter.ms,
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
      details: { heap: { before: exported.heapBefore, sampled: exported.peakSampled, gcMain: exported.gcMain, gcWorkers: exported.gcWorkers }, load, scroll: { ms: scroll.ms, atBottom: scroll.atBottom, scrollHeight: scroll.scrollHeight, lastPage: scroll.lastPage, lastEmail: scroll.lastEmail }, sortFirst: sort.firstNames, filterCount: filter.rowCountText, version: setup.version },
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
browser the tests use) over the built self-contained module
\`dist/standalone/campaign-stats-elements.js\`, through the public API only. Re-run with
\`npm run bench -- --write\` (updates the "latest" section; \`--section NAME --label TEXT\` for another).

**Data.** An email campaign of N contacts generated deterministically from the row index
(bench/rows.js: French names with accents, some first/last names missing, emails, delivery,
opens, clicks, spam, unsubscribe, last activity). A module Worker (bench/data-worker.js) plays the
back end behind the \`CampaignDataSource\` interface and answers \`getContactStats\` pages with
filters, search and sort, so its memory and CPU are not the page's. The grid shows and exports
its 10 email columns.

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

Absolute times depend on how busy the machine is (each section's "load average" row says it);
the ratios to the baseline, measured in the same run, are the steadier comparison.
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

/** Prints the table and the targets; writes --json and, with --write, BENCHMARKS.md. */
function report({ options, machine: info, results, engines = [], minutes = '?', command = [] }) {
  const rows = tableRows(results);
  const targetLines = targets(results);
  const engineRows = engineTableRows(engines);
  console.log(`\nMedians of ${options.runs} run(s) (${minutes} min):`);
  if (rows.length) console.log(`\n${consoleTable(rows)}`);
  if (engineRows.length) console.log(`\nExport engines, buildExportFile() on the same generated rows:\n\n${consoleTable(engineRows, ENGINE_HEADERS, 1)}`);
  if (rows.length) console.log(`\nTargets (issue 4):\n${targetLines}`);
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
      ...(engineRows.length ? ['Export engines, `buildExportFile()` on the same generated rows (no grid):', '', markdownTable(engineRows, ENGINE_HEADERS, 1), ''] : []),
      ...(rows.length ? ['Targets of issue 4 on these medians:', '', targetLines, ''] : []),
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
      `Benchmark: ${cases.map((c) => fmtInt(c.size)).join(', ')} rows; ${options.runs} run(s) each; ${options.onlyEngines ? 'export engines only' : `baseline ${options.baseline ? 'on' : 'off'}; export engines ${options.engines ? 'on' : 'off'}`}; build ${build}.`,
    );
    for (const c of cases) {
      if (options.engines) {
        const engine = await measureEngines(browser, server, c.size, options.runs);
        engines.push(engine);
        failed ||= Boolean(engine.error);
      }
      if (options.onlyEngines) continue;
      const result = { ...c, runs: [], baseline: [] };
      results.push(result);
      const withBaseline = options.baseline && !c.serverSide && c.size <= BASELINE_MAX_ROWS;
      if (!withBaseline) result.baselineNote = options.baseline ? 'not run (in-memory only)' : 'not run';
      try {
        for (let run = 1; run <= options.runs; run++) {
          const label = `${fmtInt(c.size).padStart(9)} rows · run ${run}/${options.runs}`;
          const ours = await runOurs(browser, server, { ...c, latency: options.sourceLatency });
          if (ours.unavailable) {
            result.unavailable = ours.unavailable;
            console.log(`${label} · n/a (${ours.unavailable})`);
            break;
          }
          result.runs.push(ours);
          console.log(
            `${label} · ours: paint ${ms(ours.firstPaint)}, sort ${ms(ours.sort)}, filter ${ms(ours.filter)}, scroll task ${task(ours.scrollLongest)}, export ${ms(ours.exportMs)} (task ${task(ours.exportLongest)}, heap ${mb(ours.heapPeak)}, ${fileMb(ours.bytes)}, checked ${ours.checked.rows} rows)`,
          );
          if (options.sourceLatency > 0) {
            console.log(
              `${label} · export: ${fmtInt(ours.exportPages)} pages from a source answering after ${options.sourceLatency} ms, whose own serving time (its calls one after another) is ${ms(ours.sourceServing)}: export ÷ serving = ${(ours.exportMs / ours.sourceServing).toFixed(2)}`,
            );
          }
          if (options.verbose) console.log(JSON.stringify(ours.details));
          if (withBaseline) {
            const base = await runBaseline(browser, server, c);
            result.baseline.push(base);
            console.log(`${label} · baseline: export ${ms(base.exportMs)} (task ${task(base.exportLongest)}, heap ${mb(base.heapPeak)}, ${fileMb(base.bytes)}, checked ${base.checked.rows} rows)`);
          }
        }
      } catch (error) {
        failed = true;
        result.error = error.message;
        console.error(`${fmtInt(c.size)} rows FAILED: ${error.stack ?? error}`);
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
