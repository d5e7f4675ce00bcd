// The benchmark page: drives <campaign-stats-grid> from the built self-contained module through
// its public API only, the export baseline (TabulatorFull's own download('xlsx') with SheetJS),
// and, side by side, bare Tabulator 6.5 and AG Grid Community 36.2 on the same rows, one system
// per page. scripts/bench.js calls `window.bench.*` with page.evaluate; every call returns plain
// numbers (milliseconds from performance.now(), bytes) and throws when its check fails.
import { AS_OF, benchCampaign, COLUMNS, DELIVERY_LABELS } from './rows.js';

const ENTRY = new URL('../dist/standalone/campaign-stats-elements.js', import.meta.url).href;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows per getContactStats call when the baseline, bare Tabulator or AG Grid fetch everything. */
const PAGE = 50_000;
/** Every system's table is this high (px), in a 1280 × 800 viewport (scripts/bench.js). */
const TABLE_HEIGHT = 480;

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
    // Every attribute: AG Grid moves and reuses its row elements by attributes (row-index, style).
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    check();
  });
}

const LOAF = 'long-animation-frame';

/**
 * Records Long Animation Frames (PerformanceObserver `long-animation-frame`, buffered: false,
 * so from now on); `stop(t0, t1)` gives the durations of those overlapping [t0, t1], or null
 * where the browser has no LoAF.
 */
function recordFrames() {
  if (!PerformanceObserver.supportedEntryTypes?.includes(LOAF)) return { stop: async () => null };
  const entries = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: LOAF, buffered: false });
  return {
    async stop(t0, t1) {
      await sleep(120); // entries are delivered after their frame
      entries.push(...observer.takeRecords());
      observer.disconnect();
      return entries.filter((e) => e.startTime < t1 && e.startTime + e.duration > t0).map((e) => e.duration);
    },
  };
}

/**
 * p95 (nearest rank) over `frames` frames of which the LoAF observer reported `durations` (the
 * others were under 50 ms: they count as 0), max and count of the long ones.
 */
function frameStats(durations, frames) {
  if (!durations) return { loafP95: undefined, loafMax: undefined, loafCount: undefined, frames };
  const n = Math.max(frames, durations.length);
  const long = durations.slice().sort((a, b) => a - b);
  const rank = Math.ceil(0.95 * n);
  const under = n - long.length;
  return { loafP95: rank <= under ? 0 : long[rank - under - 1], loafMax: long.at(-1) ?? 0, loafCount: long.length, frames: n };
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

/**
 * Two forced full GCs (Chromium runs with --expose-gc), before each timed step of every system:
 * no step pays for the garbage of the one before (ours: the export's), and every system starts
 * each step alike. Not possible before our first paint, whose data arrive while it is timed.
 */
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

// ---------- the systems measured: what the measures need of each ----------

/**
 * The system on this page: <campaign-stats-grid> ("ours"), bare Tabulator or AG Grid. Each gives
 * the measures below the same things: its rows as they are in the DOM (in display order), its
 * headers, its scrolling element, a way to set the delivery filter and the search, and how many
 * rows it shows (filters and search applied).
 */
let system;
let grid;
let source;
let lastBlob = null;

const SORT_FIELD = 'lastName';
const NUMBER_SORT_FIELD = 'clickCount';
const FILTER_FIELD = 'delivery';
const FILTER_VALUE = 'soft_bounce';
const FILTER_LABEL = DELIVERY_LABELS[FILTER_VALUE];
const SEARCH_TEXT = 'martin';
/** The fields the library's search looks in (src/data/stats-query.ts); the bench rows have no phone. */
const SEARCH_FIELDS = ['lastName', 'firstName', 'email'];
/** Share of the rows the refresh's `advance` changes at random (the worker also changes the first last name's rows). */
const ADVANCE_FRACTION = 0.03;
/** Longest wait for a sort, filter, search or refresh to show: a check that never holds is an error. */
const ACTION_TIMEOUT = 60_000;
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const fold = (v) =>
  String(v ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
/** The library's search, for the bare Tabulator: accent- and case-insensitive "contains" over the same fields. */
const matchesSearch = (row, needle) => SEARCH_FIELDS.some((field) => fold(row[field]).includes(needle));
/** A number as a cell shows it (French digit grouping), back to a number. */
const cellNumber = (text) => (/\d/.test(text) ? Number(text.replace(/[^\d-]/g, '')) : NaN);

/** Rows sorted by last name, ascending, empty names last (the library's order). */
function sortedByName(names) {
  if (names.length < 2) return false;
  for (let i = 1; i < names.length; i++) {
    const [a, b] = [names[i - 1], names[i]];
    if (a === '' ? b !== '' : b !== '' && collator.compare(a, b) > 0) return false;
  }
  return true;
}

function ascendingNumbers(texts) {
  const values = texts.map(cellNumber);
  return values.length > 1 && values.every((v, i) => Number.isFinite(v) && (i === 0 || values[i - 1] <= v));
}

/** A Tabulator table's DOM (ours in its shadow root, the bare one in the page). */
function tabulatorDom(root) {
  const cell = (row, field) => row.querySelector(`.tabulator-cell[tabulator-field="${field}"]`)?.textContent.trim() ?? '';
  const rowElements = () => [...root.querySelectorAll('.tabulator-row')];
  return {
    root,
    texts: (field) => [...root.querySelectorAll(`.tabulator-row .tabulator-cell[tabulator-field="${field}"]`)].map((c) => c.textContent.trim()),
    rows: (fields) => rowElements().map((row) => Object.fromEntries(fields.map((field) => [field, cell(row, field)]))),
    sortOf: (field) => root.querySelector(`.tabulator-col[tabulator-field="${field}"]`)?.getAttribute('aria-sort'),
    clickHeader: (field) => root.querySelector(`.tabulator-col[tabulator-field="${field}"] .tabulator-col-title`).click(),
    holder: () => root.querySelector('.tabulator-tableholder'),
    rowHeight: () => root.querySelector('.tabulator-row')?.getBoundingClientRect().height,
  };
}

/** AG Grid's DOM: rows are positioned, not in display order in the DOM: read them by row-index. */
function agGridDom(root) {
  const rowElements = () =>
    [...root.querySelectorAll('.ag-row[row-index]')].sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')));
  const cell = (row, field) => row.querySelector(`.ag-cell[col-id="${field}"]`)?.textContent.trim() ?? '';
  const header = (field) => root.querySelector(`.ag-header-cell[col-id="${field}"]:not(.ag-floating-filter)`);
  return {
    root,
    texts: (field) => rowElements().map((row) => cell(row, field)),
    rows: (fields) => rowElements().map((row) => Object.fromEntries(fields.map((field) => [field, cell(row, field)]))),
    sortOf: (field) => header(field)?.getAttribute('aria-sort'),
    clickHeader: (field) => header(field).querySelector('.ag-header-cell-label').click(),
    holder: () => root.querySelector('.ag-grid-viewport'),
    rowHeight: () => root.querySelector('.ag-row')?.getBoundingClientRect().height,
  };
}

/** Rows matching a query, as the data source counts them (the worker's own filter and search). */
async function expectedCount(query) {
  const page = await source.call('query', { query: { ...query, offset: 0, limit: 0 } });
  return page.total;
}

/** Every rendered row has its e-mail cell filled: the rows are there, not just their frames. */
const rowsShown = () => {
  const emails = system.texts('email');
  return emails.length > 0 && emails.every((e) => e !== '');
};

// ---------- our grid ----------

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

/** Our grid's controls, as a user works them: its header filter (a select) and its search box. */
function oursSystem() {
  const root = grid.shadowRoot;
  return {
    ...tabulatorDom(root),
    setFilter(value) {
      const select = root.querySelector(`.tabulator-col[tabulator-field="${FILTER_FIELD}"] .header-filter`);
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    search(text) {
      const input = root.querySelector('.search');
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    },
    /** The first number of the row count ("12 sur 5 000 contacts" → 12). */
    count() {
      const text = root.querySelector('[part="row-count"]')?.textContent ?? '';
      const digits = /^[\d\s\u00a0\u202f]+/.exec(text.trim())?.[0].replace(/\D/g, '');
      return digits ? Number(digits) : NaN;
    },
    goToPage,
  };
}

/** Data-to-first-paint: from the data source's answer that the rows came from, to those rows painted. */
async function load({ serverSide }) {
  grid = document.createElement('campaign-stats-grid');
  const hasServerSide = 'serverSideThreshold' in grid;
  // In memory: never switch to server-side mode; server-side: the default threshold (200,000).
  if (hasServerSide && !serverSide) grid.serverSideThreshold = 10_000_000;
  grid.setAttribute('lang', 'fr');
  grid.setAttribute('height', `${TABLE_HEIGHT}px`);
  grid.dataSource = source;
  const loaded = new Promise((resolve, reject) => {
    grid.addEventListener('campaign-stats-load', (e) => resolve(e.detail), { once: true });
    grid.addEventListener('campaign-stats-error', (e) => reject(e.detail.error), { once: true });
  });
  grid.setAttribute('campaign-id', source.campaign.id);
  document.body.append(grid);
  system = oursSystem();
  const shown = await until(system.root, rowsShown, 'the first rows');
  const painted = await afterPaint();
  const detail = await loaded;
  const answers = source.answers.filter((a) => a.at <= shown);
  const answer = answers.at(-1);
  const fetchedBeforePaint = answers.reduce((sum, a) => sum + a.rows, 0);
  return {
    firstPaint: painted - answer.at,
    span: [answer.at, painted],
    total: detail.total,
    asOf: detail.asOf,
    fetchedBeforePaint,
    serverSideUsed: fetchedBeforePaint < source.size,
    rowsInDom: system.texts('email').length,
    rowHeight: system.rowHeight(),
  };
}

/** Clicks the paginator's first/last page button, if any: ms until other rows are painted. */
async function goToPage(which) {
  const root = grid.shadowRoot;
  const button = root.querySelector(`.tabulator-paginator [data-page="${which}"]`);
  if (!button || button.disabled) return undefined;
  const before = system.texts('email').join('\n');
  const t0 = performance.now();
  button.click();
  await until(root, () => system.texts('email').length > 0 && system.texts('email').join('\n') !== before, `the ${which} page`);
  const t1 = await afterPaint();
  const holder = system.holder();
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

/**
 * The figures come back from the source one hour later (bench/data-worker.js `advance`: a few %
 * of the rows opened, clicked, delivered), then `await grid.refresh()`, with the grid sorted by
 * name (the refresh changes no name). Timed: the call to its resolved promise, and to the new
 * figures painted; the longest main-thread task and the longest animation frame meanwhile.
 * Checked: the load event's asOf is the new one, the rows of the first last name (all changed) show
 * their new clicks, every row in the DOM shows the source's current figures, still in name order.
 */
async function refresh() {
  if (system.sortOf(SORT_FIELD) !== 'ascending') await sortBy(SORT_FIELD);
  // At the top: the rows of the first last name in name order, which the advance all changes (delivered ones).
  system.holder().scrollTop = 0;
  await afterPaint();
  await afterPaint();
  const advanced = await source.call('advance', { fraction: ADVANCE_FRACTION });
  const newClicks = new Map();
  for (const { email, clickCount } of advanced.forced) newClicks.set(email, [...(newClicks.get(email) ?? []), clickCount]);
  // A delivered row of such an e-mail (e-mails may repeat: a bounced namesake is left alone).
  const delivered = DELIVERY_LABELS.delivered;
  const showsNewFigures = () => {
    const changed = system.rows(['email', FILTER_FIELD, NUMBER_SORT_FIELD]).filter((row) => newClicks.has(row.email) && row[FILTER_FIELD] === delivered);
    return changed.length > 0 && changed.every((row) => newClicks.get(row.email).includes(cellNumber(row[NUMBER_SORT_FIELD])));
  };
  if (showsNewFigures()) throw new Error('refresh: the rows showed the new clicks before the refresh');
  const loaded = new Promise((resolve, reject) => {
    grid.addEventListener('campaign-stats-load', (e) => resolve(e.detail), { once: true });
    grid.addEventListener('campaign-stats-error', (e) => reject(e.detail.error), { once: true });
  });
  await collectGarbage();
  const frames = recordFrames();
  const t0 = performance.now();
  await grid.refresh();
  const t1 = performance.now();
  await until(system.root, showsNewFigures, "the refreshed clicks of the first last name's rows", ACTION_TIMEOUT);
  const t2 = await afterPaint();
  const longest = await longestTask(t0, t2);
  const loafs = await frames.stop(t0, t2);
  const detail = await loaded;
  if (Date.parse(detail.asOf) !== Date.parse(advanced.asOf)) throw new Error(`refresh: the load event says asOf ${detail.asOf}, the source ${advanced.asOf}`);
  // Every row in the DOM against the source's rows of the same e-mail (e-mails may repeat).
  const fields = ['email', 'lastName', 'firstName', 'delivery', 'openCount', 'clickCount'];
  const shown = system.rows(fields);
  const current = await source.call('lookup', { emails: [...new Set(shown.map((row) => row.email))] });
  const byEmail = new Map();
  for (const row of current) byEmail.set(row.email, [...(byEmail.get(row.email) ?? []), row]);
  for (const row of shown) {
    const same = (byEmail.get(row.email) ?? []).some(
      (c) =>
        (c.lastName ?? '') === row.lastName &&
        (c.firstName ?? '') === row.firstName &&
        DELIVERY_LABELS[c.delivery] === row.delivery &&
        c.openCount === cellNumber(row.openCount) &&
        c.clickCount === cellNumber(row.clickCount),
    );
    if (!same) throw new Error(`refresh: the row of ${row.email} shows ${JSON.stringify(row)}, not the source's current figures`);
  }
  if (!sortedByName(shown.map((row) => row.lastName))) throw new Error('refresh: the rows are no longer in name order');
  return {
    ms: t1 - t0,
    span: [t0, t2],
    shownMs: t2 - t0,
    longest,
    loafMax: loafs ? Math.max(0, ...loafs) : undefined,
    loafCount: loafs?.length,
    changedRows: advanced.changed,
    checkedRows: shown.length,
    changedShown: shown.filter((row) => newClicks.has(row.email) && row.delivery === delivered).length,
  };
}

// ---------- bare Tabulator and AG Grid, side by side ----------

let sideKind;
let sideRows;
let sideElement;
let table;

async function fetchAllRows() {
  const rows = [];
  for (let offset = 0; offset < source.size; offset += PAGE) {
    const page = await source.getContactStats(source.campaign.id, { offset, limit: PAGE });
    for (const row of page.rows) rows.push(row);
  }
  return rows;
}

function loadStylesheet(href) {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = resolve;
    link.onerror = () => reject(new Error(`Cannot load ${href}`));
    document.head.append(link);
  });
}

/** What the cells show, as ours shows it: labels, Oui/Non, French numbers and dates (plain strings). */
const numberFormat = new Intl.NumberFormat('fr');
const dateFormat = new Intl.DateTimeFormat('fr', { dateStyle: 'short', timeStyle: 'short' });
function display(kind, value) {
  if (value === undefined || value === null || value === '') return '';
  if (kind === 'label') return DELIVERY_LABELS[value] ?? String(value);
  if (kind === 'boolean') return value ? 'Oui' : 'Non';
  if (kind === 'number') return numberFormat.format(value);
  if (kind === 'date') return dateFormat.format(new Date(value));
  return String(value);
}

/** Empty names last, then the locale's order (the comparison AG Grid's own `accentedSort` makes). */
function textComparator(a, b) {
  const emptyA = a === undefined || a === null || a === '';
  const emptyB = b === undefined || b === null || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  return String(a).localeCompare(String(b));
}

function tabulatorOptions(rows) {
  return {
    data: rows,
    height: `${TABLE_HEIGHT}px`,
    layout: 'fitColumns',
    renderVertical: 'virtual',
    columns: COLUMNS.map((c) => ({
      title: c.title,
      field: c.field,
      sorter: c.kind === 'number' ? 'number' : c.kind === 'boolean' ? 'boolean' : 'string',
      ...(c.kind === 'text' && { sorterParams: { alignEmptyValues: 'bottom' } }),
      headerFilter: 'input',
      headerFilterFunc: c.field === FILTER_FIELD ? '=' : c.kind === 'number' ? '>=' : 'like',
      ...(c.kind !== 'text' && { formatter: (cell) => display(c.kind, cell.getValue()) }),
      ...(c.kind === 'number' && { hozAlign: 'right' }),
    })),
  };
}

function agGridOptions(rows) {
  return {
    rowData: rows,
    theme: window.agGrid.themeQuartz,
    animateRows: false,
    defaultColDef: { flex: 1, minWidth: 60, sortable: true, resizable: true, floatingFilter: true, cellDataType: false },
    columnDefs: COLUMNS.map((c) => ({
      headerName: c.title,
      field: c.field,
      filter: c.kind === 'number' ? 'agNumberColumnFilter' : 'agTextColumnFilter',
      ...(c.kind === 'text' ? { comparator: textComparator } : { valueFormatter: (params) => display(c.kind, params.value) }),
      ...(c.kind === 'number' && { type: 'rightAligned' }),
    })),
  };
}

/**
 * Loads bare Tabulator (TabulatorFull 6.5, `tabulator.min.js`, its default CSS) or AG Grid
 * Community (`ag-grid-community.min.js`, its UMD global, the Quartz theme) and the campaign's
 * rows from the same data Worker, in the light DOM of this plain page; nothing is timed yet.
 */
async function setupSide({ kind, size }) {
  sideKind = kind;
  if (kind === 'tabulator') {
    await loadStylesheet('../node_modules/tabulator-tables/dist/css/tabulator.min.css');
    await loadScript('../node_modules/tabulator-tables/dist/js/tabulator.min.js');
  } else if (kind === 'aggrid') {
    await loadScript('../node_modules/ag-grid-community/dist/ag-grid-community.min.js');
    window.agGrid.ModuleRegistry.registerModules([window.agGrid.AllCommunityModule]);
  } else throw new Error(`No system ${kind}`);
  source = new WorkerDataSource(size);
  await source.init();
  sideRows = await fetchAllRows();
  sideElement = document.createElement('div');
  sideElement.style.height = `${TABLE_HEIGHT}px`;
  document.body.append(sideElement);
  return { rows: sideRows.length };
}

/** First paint: from `new Tabulator(…)` / `createGrid(…)` with the rows in the page, to rows in the DOM and the next frame painted. */
async function paintSide() {
  await collectGarbage();
  let built;
  const t0 = performance.now();
  if (sideKind === 'tabulator') {
    table = new window.Tabulator(sideElement, tabulatorOptions(sideRows));
    built = new Promise((resolve) => table.on('tableBuilt', resolve));
    system = {
      ...tabulatorDom(sideElement),
      setFilter: (value) => table.setHeaderFilterValue(FILTER_FIELD, value),
      search: (text) => (text ? table.setFilter((row) => matchesSearch(row, fold(text).trim())) : table.clearFilter()),
      count: () => table.getDataCount('active'),
    };
  } else {
    const api = window.agGrid.createGrid(sideElement, agGridOptions(sideRows));
    built = Promise.resolve();
    system = {
      ...agGridDom(sideElement),
      async setFilter(value) {
        await api.setColumnFilterModel(FILTER_FIELD, value ? { filterType: 'text', type: 'equals', filter: value } : null);
        api.onFilterChanged();
      },
      search: (text) => api.setGridOption('quickFilterText', text),
      count: () => api.getDisplayedRowCount(),
    };
  }
  await until(sideElement, rowsShown, 'the first rows');
  const painted = await afterPaint();
  await built;
  sideRows = null; // the table holds them now
  return { firstPaint: painted - t0, span: [t0, painted], rowsInDom: system.texts('email').length, rowHeight: system.rowHeight() };
}

// ---------- the measures, the same for every system ----------

/**
 * Scrolls the table from top to bottom in 40 jumps, two frames each; returns the longest
 * main-thread task, and the Long Animation Frames of the jumps: p95 over the jumps' frames
 * (frames the observer did not report, under 50 ms, count as under 50 ms: 0), max and count.
 */
async function scroll() {
  const holder = system.holder();
  const steps = 40;
  await collectGarbage();
  const frames = recordFrames();
  let jumpFrames = 0;
  const t0 = performance.now();
  for (let k = 1; k <= steps; k++) {
    holder.scrollTop = Math.round((k / steps) * (holder.scrollHeight - holder.clientHeight));
    await afterPaint();
    await afterPaint();
    jumpFrames += 2;
  }
  // The virtual renderer refines the table's height as it renders: go on to the real bottom.
  const atEnd = () => holder.scrollTop + holder.clientHeight >= holder.scrollHeight - 2;
  for (let extra = 0; extra < 30 && !atEnd(); extra++) {
    holder.scrollTop = holder.scrollHeight;
    await afterPaint();
    await afterPaint();
    jumpFrames += 2;
    await sleep(50);
  }
  const scrolled = performance.now();
  await sleep(300); // rows a server-side grid fetched for the last positions
  const atBottom = atEnd();
  // A paged (server-side) table: on to its last page, the campaign's last rows.
  const lastPage = system.goToPage ? await system.goToPage('last') : undefined;
  const t1 = performance.now();
  const lastEmail = system.texts('email').at(-1);
  const longest = await longestTask(t0, t1);
  const loafs = await frames.stop(t0, scrolled);
  if (lastPage !== undefined) await system.goToPage('first');
  system.holder().scrollTop = 0;
  await sleep(300);
  await afterPaint();
  return { longest, ms: t1 - t0, span: [t0, scrolled], atBottom, scrollHeight: holder.scrollHeight, lastPage, lastEmail, ...frameStats(loafs, jumpFrames) };
}

/** A click on a column's header → rows in ascending order of that column in the DOM, painted. */
async function sortBy(field) {
  const inOrder = field === SORT_FIELD ? () => sortedByName(system.texts(field)) : () => ascendingNumbers(system.texts(field));
  const before = system.texts('email').join('\n');
  await collectGarbage();
  const t0 = performance.now();
  system.clickHeader(field);
  await until(
    system.root,
    () => system.sortOf(field) === 'ascending' && inOrder() && system.texts('email').join('\n') !== before,
    `rows sorted by ${field}`,
    ACTION_TIMEOUT,
  );
  const t1 = await afterPaint();
  return { ms: t1 - t0, span: [t0, t1], first: system.texts(field).slice(0, 3) };
}

/** Click on the "Nom" header: rows sorted by last name and painted. */
async function sort() {
  const result = await sortBy(SORT_FIELD);
  return { ms: result.ms, span: result.span, firstNames: result.first };
}

/** Click on the "Clics" header: rows sorted by clicks, ascending, painted. */
const numberSort = () => sortBy(NUMBER_SORT_FIELD);

/** The delivery filter set to soft_bounce ("Rebond temporaire"): only those rows, still sorted, painted; then their count checked. */
async function filter() {
  const expected = await expectedCount({ filters: [{ field: FILTER_FIELD, op: 'eq', value: FILTER_VALUE }] });
  await collectGarbage();
  const t0 = performance.now();
  await system.setFilter(FILTER_VALUE);
  await until(
    system.root,
    () => {
      const labels = system.texts(FILTER_FIELD);
      return labels.length > 0 && labels.every((l) => l === FILTER_LABEL) && sortedByName(system.texts(SORT_FIELD));
    },
    'rows filtered on delivery',
    ACTION_TIMEOUT,
  );
  const t1 = await afterPaint();
  await sleep(50);
  const count = system.count();
  if (count !== expected) throw new Error(`filter: ${count} rows shown, the source counts ${expected} ${FILTER_VALUE}`);
  return { ms: t1 - t0, span: [t0, t1], count, rowCountText: grid?.shadowRoot?.querySelector('[part="row-count"]')?.textContent.trim() };
}

/** Back to every row (not timed). */
async function clearFilter() {
  await system.setFilter('');
  await until(system.root, () => system.count() === source.size && system.texts(FILTER_FIELD).some((l) => l !== FILTER_LABEL), 'the filter cleared', ACTION_TIMEOUT);
  await afterPaint();
  return { count: system.count() };
}

/** The global search "martin": every row in the DOM matches, painted; then the count checked against the source's. */
async function search() {
  const expected = await expectedCount({ search: SEARCH_TEXT });
  const needle = fold(SEARCH_TEXT);
  const matches = (row) => SEARCH_FIELDS.some((field) => fold(row[field]).includes(needle));
  await collectGarbage();
  const t0 = performance.now();
  system.search(SEARCH_TEXT);
  await until(
    system.root,
    () => {
      const rows = system.rows(SEARCH_FIELDS);
      return rows.length > 0 && rows.every(matches);
    },
    `rows matching "${SEARCH_TEXT}"`,
    ACTION_TIMEOUT,
  );
  const t1 = await afterPaint();
  await sleep(50);
  const count = system.count();
  if (count !== expected) throw new Error(`search: ${count} rows shown, the source counts ${expected} matching "${SEARCH_TEXT}"`);
  return { ms: t1 - t0, span: [t0, t1], count };
}

/** The search emptied: every row back (not timed). */
async function clearSearch() {
  system.search('');
  await until(system.root, () => system.count() === source.size, 'the search cleared', ACTION_TIMEOUT);
  await afterPaint();
  return { count: system.count() };
}

// ---------- the baseline: TabulatorFull + SheetJS, download('xlsx') ----------

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
  const rows = await fetchAllRows();
  const element = document.createElement('div');
  document.body.append(element);
  await new Promise((resolve) => {
    table = new window.Tabulator(element, {
      data: rows,
      height: `${TABLE_HEIGHT}px`,
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
/** `performance.now()` and a trace mark at the same moment: the trace's clock offset, and the page's main thread. */
function clock() {
  const now = performance.now();
  console.timeStamp('bench-clock');
  return now;
}

function markDataWorker() {
  return source?.call('mark');
}

window.bench = {
  clock,
  markDataWorker,
  setupGrid,
  load,
  exportOurs,
  refresh,
  setupSide,
  paintSide,
  scroll,
  sort,
  numberSort,
  filter,
  clearFilter,
  search,
  clearSearch,
  setupBaseline,
  exportBaseline,
  upload,
  asOf: AS_OF,
  ready: true,
};
