// The benchmark page: drives <campaign-stats-grid> from the built self-contained module through
// its public API only, and the baseline (TabulatorFull's own download('xlsx') with SheetJS),
// on the same rows. scripts/bench.js calls `window.bench.*` with page.evaluate; every call
// returns plain numbers (milliseconds from performance.now(), bytes).
import { AS_OF, benchCampaign, COLUMNS } from './rows.js';

const ENTRY = new URL('../dist/standalone/campaign-stats-elements.js', import.meta.url).href;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows per getContactStats call when the baseline fetches everything. */
const PAGE = 50_000;

// ---------- timing helpers ----------

const longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push([entry.startTime, entry.duration]);
}).observe({ type: 'longtask', buffered: true });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves (with its time) once the frame after now has been painted: rAF, then the task after it. */
function afterPaint() {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

/** Resolves with the time `condition()` first holds, checked on every DOM change under `root`. */
function until(root, condition, what, timeout = 300_000) {
  return new Promise((resolve, reject) => {
    const done = () => {
      observer.disconnect();
      clearInterval(poll);
      clearTimeout(timer);
      resolve(performance.now());
    };
    const check = () => {
      try {
        if (condition()) done();
      } catch (error) {
        observer.disconnect();
        clearInterval(poll);
        clearTimeout(timer);
        reject(error);
      }
    };
    const observer = new MutationObserver(check);
    const poll = setInterval(check, 25);
    const timer = setTimeout(() => {
      observer.disconnect();
      clearInterval(poll);
      reject(new Error(`Timed out after ${timeout} ms waiting for ${what}.`));
    }, timeout);
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-sort'] });
    check();
  });
}

/** The longest main-thread task (ms) overlapping [t0, t1]; 0 when none reached 50 ms. */
async function longestTask(t0, t1) {
  await sleep(120); // long-task entries are delivered after the task
  let longest = 0;
  for (const [start, duration] of longTasks) if (start < t1 && start + duration > t0) longest = Math.max(longest, duration);
  return longest;
}

const heapUsed = () => performance.memory?.usedJSHeapSize ?? 0;

/** Samples the JS heap whenever the main thread is free; GC trace events (scripts/bench.js) cover busy stretches. */
function heapSampler() {
  let peak = heapUsed();
  const timer = setInterval(() => (peak = Math.max(peak, heapUsed())), 20);
  return () => {
    clearInterval(timer);
    return Math.max(peak, heapUsed());
  };
}

async function collectGarbage() {
  if (typeof gc === 'function') {
    gc();
    await sleep(50);
    gc();
    // The forced GC is a long task of its own: let it end before anything is timed.
    await sleep(50);
  }
}

// ---------- the data source: a Worker "server" ----------

/** A CampaignDataSource over bench/data-worker.js that records when each answer was given. */
class WorkerDataSource {
  /** `latency`: ms each getContactStats waits before it is answered, as a remote API's would. */
  constructor(size, latency = 0) {
    this.size = size;
    this.latency = latency;
    this.campaign = benchCampaign(size);
    this.worker = new Worker(new URL('./data-worker.js', import.meta.url), { type: 'module', name: 'bench-data-source' });
    this.pending = new Map();
    this.nextId = 1;
    /** Every getContactStats answer: when (performance.now()) and how many rows. */
    this.answers = [];
    this.queries = [];
    /** The worker's own time per query, by query id. */
    this.work = new Map();
    this.worker.onmessage = ({ data }) => {
      const { resolve, reject } = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (data.ms !== undefined) this.work.set(data.id, data.ms);
      if (data.error) reject(new Error(data.error));
      else resolve(data.result);
    };
  }

  call(type, payload = {}) {
    const id = this.nextId++;
    this.lastId = id;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, type, ...payload });
    });
  }

  /** Generates the rows in the worker; `prepare` queries get their order computed up front (an indexed back end). */
  init(prepare = []) {
    return this.call('init', { size: this.size, prepare });
  }

  async listCampaigns() {
    return { campaigns: [{ ...this.campaign }], total: 1 };
  }

  async getCampaign(campaignId, options = {}) {
    options.signal?.throwIfAborted();
    if (campaignId !== this.campaign.id) throw new Error(`No campaign ${campaignId}`);
    return { ...this.campaign };
  }

  async getContactStats(campaignId, query, options = {}) {
    options.signal?.throwIfAborted();
    if (campaignId !== this.campaign.id) throw new Error(`No campaign ${campaignId}`);
    this.queries.push(JSON.parse(JSON.stringify(query)));
    if (this.latency > 0) await sleep(this.latency);
    const answer = this.call('query', { query });
    const id = this.lastId;
    const page = await answer;
    options.signal?.throwIfAborted();
    // What serving this page cost the source: its latency and its own work, not its queue.
    this.answers.push({ at: performance.now(), rows: page.rows.length, took: this.latency + (this.work.get(id) ?? 0) });
    this.work.delete(id);
    return page;
  }

  async getSarbacaneAccess() {
    return { hasAccount: false };
  }

  close() {
    this.worker.terminate();
  }
}

// ---------- our grid ----------

let grid;
let source;
let lastBlob = null;

const SORT_FIELD = 'lastName';
const FILTER_FIELD = 'delivery';
const FILTER_VALUE = 'soft_bounce';
const FILTER_LABEL = 'Rebond temporaire';
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

const root = () => grid.shadowRoot;
const cellTexts = (field) => [...root().querySelectorAll(`.tabulator-row .tabulator-cell[tabulator-field="${field}"]`)].map((c) => c.textContent.trim());

/** Visible rows sorted by last name, ascending, empty names last (the library's order). */
function visibleSortedByName() {
  const names = cellTexts(SORT_FIELD);
  if (names.length < 2) return false;
  for (let i = 1; i < names.length; i++) {
    const [a, b] = [names[i - 1], names[i]];
    if (a === '' ? b !== '' : b !== '' && collator.compare(a, b) > 0) return false;
  }
  return true;
}

async function setupGrid({ size, serverSide, latency = 0 }) {
  const library = await import(ENTRY);
  const probe = document.createElement('campaign-stats-grid');
  const hasServerSide = 'serverSideThreshold' in probe;
  if (serverSide && !hasServerSide) return { unavailable: 'server-side mode not available' };
  source = new WorkerDataSource(size, latency);
  // An indexed back end answers at once: the worker prepares the two queries the bench makes
  // (sorted; sorted and filtered), so that server-side figures measure the grid, not this "server".
  const sorted = { sort: [{ field: SORT_FIELD, dir: 'asc' }] };
  const prepared = await source.init(serverSide ? [sorted, { ...sorted, filters: [{ field: FILTER_FIELD, op: 'eq', value: FILTER_VALUE }] }] : []);
  return { version: library.VERSION, hasServerSide, generateMs: prepared.ms };
}

/** Data-to-first-paint: from the data source's answer that the rows came from, to those rows painted. */
async function load({ serverSide }) {
  grid = document.createElement('campaign-stats-grid');
  const hasServerSide = 'serverSideThreshold' in grid;
  // In memory: never switch to server-side mode; server-side: the default threshold (200,000).
  if (hasServerSide && !serverSide) grid.serverSideThreshold = 10_000_000;
  grid.setAttribute('lang', 'fr');
  grid.setAttribute('height', '480px');
  grid.dataSource = source;
  const loaded = new Promise((resolve, reject) => {
    grid.addEventListener('campaign-stats-load', (e) => resolve(e.detail), { once: true });
    grid.addEventListener('campaign-stats-error', (e) => reject(e.detail.error), { once: true });
  });
  grid.setAttribute('campaign-id', source.campaign.id);
  document.body.append(grid);
  const shown = await until(root(), () => root().querySelector('.tabulator-row') !== null, 'the first rows');
  const painted = await afterPaint();
  const detail = await loaded;
  const answers = source.answers.filter((a) => a.at <= shown);
  const answer = answers.at(-1);
  const fetchedBeforePaint = answers.reduce((sum, a) => sum + a.rows, 0);
  return {
    firstPaint: painted - answer.at,
    total: detail.total,
    asOf: detail.asOf,
    fetchedBeforePaint,
    serverSideUsed: fetchedBeforePaint < source.size,
    rowsInDom: root().querySelectorAll('.tabulator-row').length,
  };
}

/** Scrolls the table from top to bottom in 40 jumps; returns the longest main-thread task. */
async function scroll() {
  const holder = root().querySelector('.tabulator-tableholder');
  const steps = 40;
  const t0 = performance.now();
  for (let k = 1; k <= steps; k++) {
    holder.scrollTop = Math.round((k / steps) * (holder.scrollHeight - holder.clientHeight));
    await afterPaint();
    await afterPaint();
  }
  // The virtual renderer refines the table's height as it renders: go on to the real bottom.
  const atEnd = () => holder.scrollTop + holder.clientHeight >= holder.scrollHeight - 2;
  for (let extra = 0; extra < 30 && !atEnd(); extra++) {
    holder.scrollTop = holder.scrollHeight;
    await afterPaint();
    await afterPaint();
    await sleep(50);
  }
  await sleep(300); // rows a server-side grid fetched for the last positions
  const atBottom = atEnd();
  // A paged (server-side) table: on to its last page, the campaign's last rows.
  const lastPage = await goToPage('last');
  const t1 = performance.now();
  const lastEmail = cellTexts('email').at(-1);
  const longest = await longestTask(t0, t1);
  if (lastPage !== undefined) await goToPage('first');
  root().querySelector('.tabulator-tableholder').scrollTop = 0;
  await sleep(300);
  await afterPaint();
  return { longest, ms: t1 - t0, atBottom, scrollHeight: holder.scrollHeight, lastPage, lastEmail };
}

/** Clicks the paginator's first/last page button, if any: ms until other rows are painted. */
async function goToPage(which) {
  const button = root().querySelector(`.tabulator-paginator [data-page="${which}"]`);
  if (!button || button.disabled) return undefined;
  const before = cellTexts('email').join('\n');
  const t0 = performance.now();
  button.click();
  await until(root(), () => cellTexts('email').length > 0 && cellTexts('email').join('\n') !== before, `the ${which} page`);
  const t1 = await afterPaint();
  const holder = root().querySelector('.tabulator-tableholder');
  holder.scrollTop = holder.scrollHeight;
  await afterPaint();
  return t1 - t0;
}

/** exportExcel({download:false}) end to end, with the longest task and the heap meanwhile. */
async function exportOurs() {
  await collectGarbage();
  const heapBefore = heapUsed();
  const stopSampling = heapSampler();
  const answered = source.answers.length;
  const t0 = performance.now();
  const result = await grid.exportExcel({ download: false });
  const t1 = performance.now();
  const peakSampled = stopSampling();
  lastBlob = result.blob;
  const longest = await longestTask(t0, t1);
  // The source's own serving time: each answer's latency and work, one after another.
  const calls = source.answers.slice(answered);
  const serving = calls.reduce((sum, answer) => sum + answer.took, 0);
  return { ms: t1 - t0, longest, bytes: result.blob.size, rowCount: result.rowCount, fileName: result.fileName, heapBefore, peakSampled, type: result.blob.type, pages: calls.length, serving };
}

/** Click on the "Nom" header: rows sorted by last name and painted. */
async function sort() {
  const title = root().querySelector(`.tabulator-col[tabulator-field="${SORT_FIELD}"] .tabulator-col-title`);
  const before = cellTexts(SORT_FIELD).join('\n');
  const t0 = performance.now();
  title.click();
  await until(
    root(),
    () =>
      root().querySelector(`.tabulator-col[tabulator-field="${SORT_FIELD}"]`)?.getAttribute('aria-sort') === 'ascending' &&
      visibleSortedByName() &&
      cellTexts(SORT_FIELD).join('\n') !== before,
    'rows sorted by last name',
  );
  const t1 = await afterPaint();
  return { ms: t1 - t0, firstNames: cellTexts(SORT_FIELD).slice(0, 3) };
}

/** The "Délivrabilité" header filter set to "Rebond temporaire": only those rows, still sorted, painted. */
async function filter() {
  const select = root().querySelector(`.tabulator-col[tabulator-field="${FILTER_FIELD}"] .header-filter`);
  const t0 = performance.now();
  select.value = FILTER_VALUE;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await until(
    root(),
    () => {
      const labels = cellTexts(FILTER_FIELD);
      return labels.length > 0 && labels.every((l) => l === FILTER_LABEL) && visibleSortedByName();
    },
    'rows filtered on delivery',
  );
  const t1 = await afterPaint();
  await sleep(50);
  return { ms: t1 - t0, rowCountText: root().querySelector('[part="row-count"]')?.textContent.trim() };
}

// ---------- the baseline: TabulatorFull + SheetJS, download('xlsx') ----------

let table;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`Cannot load ${src}`));
    document.head.append(script);
  });
}

async function setupBaseline({ size }) {
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = '../node_modules/tabulator-tables/dist/css/tabulator.min.css';
  document.head.append(css);
  await loadScript('../node_modules/tabulator-tables/dist/js/tabulator.min.js');
  await loadScript('../node_modules/sheetjs-style/dist/xlsx.full.min.js');
  // The rows are loaded before anything is timed: the source answers at once.
  source = new WorkerDataSource(size);
  await source.init();
  const rows = [];
  for (let offset = 0; offset < size; offset += PAGE) {
    const page = await source.getContactStats(source.campaign.id, { offset, limit: PAGE });
    for (const row of page.rows) rows.push(row);
  }
  const element = document.createElement('div');
  document.body.append(element);
  await new Promise((resolve) => {
    table = new window.Tabulator(element, {
      data: rows,
      height: '480px',
      layout: 'fitColumns',
      renderVertical: 'virtual',
      columns: COLUMNS.map((c) => ({ title: c.title, field: c.field })),
      // Keep the file instead of saving it: returning false cancels the download link.
      downloadEncoder: (data) => {
        lastBlob = new Blob([data], { type: XLSX_MIME });
        return false;
      },
    });
    table.on('tableBuilt', resolve);
  });
  return { xlsxVersion: window.XLSX.version, rows: rows.length };
}

async function exportBaseline() {
  await collectGarbage();
  lastBlob = null;
  const heapBefore = heapUsed();
  const stopSampling = heapSampler();
  const t0 = performance.now();
  table.download('xlsx', 'baseline.xlsx', { sheetName: 'Statistiques' });
  while (!lastBlob) await sleep(5);
  const t1 = performance.now();
  const peakSampled = stopSampling();
  const longest = await longestTask(t0, t1);
  return { ms: t1 - t0, longest, bytes: lastBlob.size, rowCount: table.getDataCount('active'), heapBefore, peakSampled };
}

/** Sends the last exported file to the bench server, which checks it. */
async function upload(token) {
  const response = await fetch(`/__upload/${token}`, { method: 'POST', body: lastBlob });
  lastBlob = null;
  if (!response.ok) throw new Error(`upload failed: ${response.status}`);
  return response.status;
}

/** Has the data Worker leave a console.timeStamp in the trace (scripts/bench.js starts one next). */
function markDataWorker() {
  return source?.call('mark');
}

window.bench = { markDataWorker, setupGrid, load, scroll, exportOurs, sort, filter, setupBaseline, exportBaseline, upload, asOf: AS_OF, ready: true };
