// The page of one app, driven in headless Chromium as a person would (scripts/test-consumers.js).
import { createRequire } from 'node:module';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../find-browser.js';
import { LOGS } from './paths.js';

const CAMPAIGN_ID = 'em-jpo-decembre';
const EXPECTED_ROWS = 100_000;
const LINK_LABEL = 'Statistiques globales sur Sarbacane';
/** The figure of the summary that the check activates, and what the grid's filter banner then names. */
const FIGURE_LABEL = 'Cliqueurs';
/** What the grid's banner says when its data is of another time than the summary's figure. */
const MOVED_NOTE = 'La synthèse en comptait';
const RENDER_TIMEOUT = 30_000;
const FILTER_TIMEOUT = 15_000;
const EXPORT_TIMEOUT = 180_000;
const BOM = [0xef, 0xbb, 0xbf];

const require = createRequire(import.meta.url);

let browser;

async function getBrowser() {
  if (browser) return browser;
  const executablePath = findBrowser();
  if (!executablePath) throw new Error('No Chromium found: `apt-get install -y chromium`, or set CHROME_PATH.');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  return browser;
}

let XLSX;
function readWorkbook(buffer) {
  XLSX ??= require('sheetjs-style');
  return XLSX.read(buffer, { type: 'buffer' });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Drives the page: fills `result.page` and pushes to `result.failures`. */
export async function checkPage(app, url, result) {
  const fail = (what) => result.failures.push(what);
  const context = await (await getBrowser()).newContext({
    acceptDownloads: true,
    viewport: { width: 1280, height: 1000 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  try {
    await context.addInitScript(() => {
      const seen = { loads: [], exported: [], errors: [], selects: [], summaryShownAt: undefined };
      window.__consumerCheck = seen;
      document.addEventListener('campaign-stats-load', (e) => seen.loads.push({ id: e.detail?.campaign?.id, total: e.detail?.total, asOf: e.detail?.asOf, at: performance.now() }), true);
      document.addEventListener(
        'campaign-stats-summary-select',
        (e) => seen.selects.push({ figure: e.detail?.filter?.figure, label: e.detail?.filter?.label, count: e.detail?.filter?.count, asOf: e.detail?.filter?.asOf, campaign: e.detail?.campaign?.id }),
        true,
      );
      // When the summary first shows a figure with its value (milliseconds since the navigation
      // started): looked for at every frame, as the figures are in its shadow root.
      const watch = () => {
        const value = document.querySelector('campaign-stats-summary')?.shadowRoot?.querySelector('button.figure .figure-value');
        if (value && value.textContent.trim()) seen.summaryShownAt = performance.now();
        else if (performance.now() < 120_000) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
      document.addEventListener(
        'campaign-stats-exported',
        (e) => {
          const { campaign, ...rest } = e.detail ?? {};
          seen.exported.push({ ...rest, campaign: campaign?.id, hasThread: 'thread' in (e.detail ?? {}) });
        },
        true,
      );
      document.addEventListener('campaign-stats-error', (e) => seen.errors.push(`${e.detail?.operation}: ${e.detail?.error?.message ?? e.detail?.error}`), true);
    });
    const page = await context.newPage();
    const pageErrors = [];
    const consoleErrors = [];
    const badResponses = [];
    const scripts = []; // { url, phase, body: Promise<Buffer|null> }
    const workers = [];
    let phase = 'initial';
    page.on('pageerror', (error) => pageErrors.push(error.stack?.split('\n').slice(0, 3).join(' | ') ?? String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const where = message.location()?.url ? ` (${message.location().url.replace(/^https?:\/\/[^/]+/, '')})` : '';
        consoleErrors.push(`${message.text()}${where}`);
      }
    });
    page.on('worker', (worker) => workers.push(worker.url()));
    page.on('requestfailed', (request) => {
      if (!request.url().startsWith('blob:') && !request.url().startsWith('data:')) badResponses.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`);
    });
    page.on('response', (response) => {
      const requestUrl = response.url();
      if (response.status() >= 400) badResponses.push(`${response.status()} ${requestUrl}`);
      const type = response.headers()['content-type'] ?? '';
      const resourceType = response.request().resourceType();
      if (response.status() < 300 && (resourceType === 'script' || /javascript/.test(type)) && !requestUrl.startsWith('data:')) {
        scripts.push({ url: requestUrl, phase, body: response.body().catch(() => null) });
      }
    });

    await page.goto(url, { waitUntil: 'load', timeout: RENDER_TIMEOUT });

    // (a) The four tags with the demo data.
    const looks = [];
    const grid = page.locator(`campaign-stats-grid#grid`);
    const summary = page.locator('campaign-stats-summary');
    try {
      await page.waitForFunction(
        (id) => window.__consumerCheck.loads.some((load) => load.id === id) || window.__consumerCheck.errors.length > 0,
        CAMPAIGN_ID,
        { timeout: RENDER_TIMEOUT },
      );
    } catch {
      const defined = await page.evaluate(() =>
        ['campaign-list', 'campaign-stats-grid', 'campaign-stats-summary', 'sarbacane-link'].map((tag) => `${tag} ${customElements.get(tag) ? 'defined' : 'NOT defined'}`).join(', '),
      );
      looks.push(`the grid never loaded ${CAMPAIGN_ID} (${defined})`);
    }
    const seen = await page.evaluate(() => window.__consumerCheck);
    for (const error of seen.errors) looks.push(`campaign-stats-error ${error}`);
    const load = seen.loads.find((l) => l.id === CAMPAIGN_ID);
    if (load && load.total !== EXPECTED_ROWS) looks.push(`the grid loaded ${load.total} contacts, not ${EXPECTED_ROWS}`);

    const listRows = page.locator('campaign-list tbody tr');
    const linkText = page.locator('css:light=sarbacane-link').locator('[part~="link"]');
    const gridRows = grid.locator('.tabulator-row');
    const figures = summary.locator('button.figure');
    const waitFor = async (locator, what) => {
      try {
        await locator.first().waitFor({ state: 'visible', timeout: load ? 15_000 : 2_000 });
        return true;
      } catch {
        looks.push(what);
        return false;
      }
    };
    if (await waitFor(listRows, 'the campaign list shows no campaign row')) {
      result.page.listRows = await listRows.count();
      const first = (await listRows.first().innerText()).trim();
      if (!first) looks.push('the first campaign row is empty');
    }
    if (await waitFor(linkText, 'the <sarbacane-link> shows no link')) {
      const text = (await linkText.first().innerText()).replace(/\s+/g, ' ').trim();
      if (!text.includes(LINK_LABEL)) looks.push(`the <sarbacane-link> says "${text}", not "${LINK_LABEL}"`);
    }
    if (await waitFor(gridRows, 'the grid shows no row')) {
      result.page.gridRows = await gridRows.count();
      const cells = await gridRows.first().locator('.tabulator-cell').allInnerTexts();
      if (!cells.some((text) => text.trim())) looks.push('the first grid row has no text');
    }
    // The summary: its figures (buttons), the "Cliqueurs" one a count > 0, its links and its chart.
    let clickers;
    if (await waitFor(figures, 'the <campaign-stats-summary> shows no figure button')) {
      clickers = await readSummary(page, summary, result, looks);
    }
    const shownAt = await page.evaluate(() => window.__consumerCheck.summaryShownAt);
    if (shownAt !== undefined) {
      result.summaryMs = shownAt;
      result.summaryCell = `${(shownAt / 1000).toFixed(1)} s`;
    } else {
      result.summaryCell = 'FAIL';
    }

    // (b) Tabulator's stylesheet, in the grid's shadow root.
    const style = await page.evaluate(() => {
      const root = document.getElementById('grid')?.shadowRoot;
      if (!root) return { error: 'the grid has no shadow root' };
      const cell = root.querySelector('.tabulator-row .tabulator-cell');
      const holder = root.querySelector('.tabulator-tableholder');
      const header = root.querySelector('.tabulator-header');
      if (!cell || !holder) return { error: 'no Tabulator table in the grid' };
      const sheets = [...root.adoptedStyleSheets, ...[...root.querySelectorAll('style')].map((s) => s.sheet)].filter(Boolean);
      const hasTabulatorRules = sheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('.tabulator-tableholder')));
      return {
        cellDisplay: getComputedStyle(cell).display,
        holderOverflow: getComputedStyle(holder).overflowY,
        headerDisplay: header ? getComputedStyle(header).whiteSpace : '',
        hasTabulatorRules,
      };
    });
    if (style.error) looks.push(style.error);
    else {
      const missing = [];
      if (style.cellDisplay === 'block') missing.push(`.tabulator-cell is display: ${style.cellDisplay}`);
      if (style.holderOverflow !== 'auto') missing.push(`.tabulator-tableholder is overflow: ${style.holderOverflow}`);
      if (!style.hasTabulatorRules) missing.push('no rule for .tabulator-tableholder in its stylesheets');
      if (missing.length) looks.push(`Tabulator's stylesheet is not in the grid's shadow root (${missing.join('; ')})`);
    }
    await page.screenshot({ path: path.join(LOGS, `${app.name}.png`) }).catch(() => undefined);
    result.looksRight = looks.length === 0;
    for (const what of looks) fail(`looks right: ${what}`);

    // (c) The JavaScript loaded before any export (and before the summary filters the grid).
    await page.waitForTimeout(500);
    let initialBytes = 0;
    let initialFiles = 0;
    const withSheetJs = [];
    for (const script of scripts.filter((s) => s.phase === 'initial')) {
      const body = await script.body;
      if (!body) continue;
      initialFiles++;
      initialBytes += gzipSync(body, { level: 9 }).length;
      if (body.includes('SheetJS')) withSheetJs.push(script.url.replace(/^https?:\/\/[^/]+/, ''));
    }
    result.initial = initialFiles ? `${kb(initialBytes)} (${initialFiles} file${initialFiles > 1 ? 's' : ''})` : '-';
    result.initialBytes = initialBytes;
    if (withSheetJs.length) {
      result.initial += ' +SheetJS';
      fail(`initial size: spreadsheet code (SheetJS) loaded before any export, in ${withSheetJs.join(', ')}`);
    }

    // (d) A click on the summary's "Cliqueurs": the grid shows exactly those contacts, with the banner.
    phase = 'filter';
    if (clickers && result.page.gridRows) await filterByFigure(page, summary, grid, clickers, result, fail);
    else result.filterCell = 'not tried';

    // (e) Right-click on a row, Exporter ▸ CSV (.csv), then (f) Exporter ▸ Excel (.xlsx): both
    // downloads read back, each with the rows the grid shows.
    let csv;
    if (result.page.gridRows) {
      phase = 'export';
      csv = await exportCsv(page, grid, result, fail, workers);
      await exportXlsx(page, grid, result, fail, workers, csv);
    } else {
      result.csvCell = 'not tried';
      result.exportCell = 'not tried';
      result.worker = '-';
    }

    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(LOGS, `${app.name}-grid.png`) }).catch(() => undefined);
    for (const error of pageErrors) fail(`uncaught page error: ${error}`);
    for (const error of consoleErrors) fail(`console error: ${error}`);
    // A failed request is reported, not failed on: what it breaks shows as an error or a failed
    // check above (the library probes the worker file beside it before its blob: fallback).
    const failedRequests = [...new Set(badResponses)];
    for (const bad of failedRequests) result.notes.push(`failed request: ${bad}`);
    if (failedRequests.some((bad) => /export-worker/.test(bad)) && result.worker === 'worker') result.worker = 'worker (after a 404)';
    result.page.errors = pageErrors.length + consoleErrors.length;
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** Only ASCII white space collapsed: the no-break spaces of French numbers are kept as they are. */
const squash = (text) => (text ?? '').replace(/[ \t\n\r]+/g, ' ').trim();
/** The number a French text shows ("12 345" with any kind of space), or NaN. */
const numberOf = (text) => (/\d/.test(text) ? Number(text.replace(/[^\d]/g, '')) : Number.NaN);

/** The summary's figures; returns the "Cliqueurs" figure ({ button, text, count }) when it is a count > 0. */
async function readSummary(page, summary, result, looks) {
  const figures = summary.locator('button.figure');
  const labels = (await figures.locator('.figure-label').allTextContents()).map(squash);
  result.page.summaryFigures = labels.length;
  const links = await summary.locator('[part~="link-button"]').count();
  const charts = await summary.locator('[part~="chart"]').count();
  result.page.summaryLinks = links;
  if (links === 0) looks.push('the <campaign-stats-summary> shows no link button in its links table');
  if (charts === 0) looks.push('the <campaign-stats-summary> shows no activity chart');
  const index = labels.indexOf(FIGURE_LABEL);
  if (index < 0) {
    looks.push(`the <campaign-stats-summary> has no « ${FIGURE_LABEL} » figure button (it has: ${labels.join(', ') || 'none'})`);
    return undefined;
  }
  const button = figures.nth(index);
  const text = squash(await button.locator('.figure-value').textContent());
  const count = numberOf(text);
  result.page.clickers = count;
  if (!(count > 0)) {
    looks.push(`the summary's « ${FIGURE_LABEL} » figure shows "${text}", not a number > 0`);
    return undefined;
  }
  return { button, text, count };
}

/** The grid's row count as shown ("12 345 sur 100 000 contacts"), and the number of rows it says are shown. */
async function rowCount(grid) {
  const text = squash(await grid.locator('[part~="row-count"]').first().textContent({ timeout: 5_000 }));
  return { text, shown: numberOf(text.split(' sur ')[0]) };
}

async function filterByFigure(page, summary, grid, clickers, result, fail) {
  const before = await rowCount(grid);
  // "100 000 contacts": the grid's own way of writing the campaign's total, kept for the filtered text.
  const totalText = before.text;
  if (numberOf(totalText) !== EXPECTED_ROWS) {
    result.filterCell = 'FAIL';
    fail(`filter: before the click the grid's row count reads "${before.text}", not the ${EXPECTED_ROWS.toLocaleString('en')} contacts`);
    return;
  }
  const expected = `${clickers.text} sur ${totalText}`;
  const started = performance.now();
  try {
    await clickers.button.click({ timeout: 5_000 });
  } catch (error) {
    result.filterCell = 'FAIL';
    fail(`filter: the « ${FIGURE_LABEL} » figure could not be clicked (${error.message.split('\n')[0]})`);
    return;
  }
  const countPart = grid.locator('[part~="row-count"]').first();
  let text;
  try {
    await page.waitForFunction(
      ({ expected }) => {
        const part = document.getElementById('grid')?.shadowRoot?.querySelector('[part~="row-count"]');
        return (part?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim() === expected;
      },
      { expected },
      { timeout: FILTER_TIMEOUT, polling: 50 },
    );
    text = expected;
  } catch {
    text = squash(await countPart.textContent().catch(() => ''));
  }
  const filterMs = performance.now() - started;
  const problems = [];
  const banner = grid.locator('[part~="summary-filter"]');
  const bannerText = (await banner.first().isVisible().catch(() => false)) ? squash(await banner.first().textContent()) : undefined;
  if (text !== expected) {
    // Figures of two different data times may differ (opens and clicks keep arriving): that is
    // no fault when the two times differ and the banner says the figures moved. Anything else is.
    const times = await page
      .evaluate((id) => {
        const load = window.__consumerCheck.loads.filter((l) => l.id === id).at(-1);
        return { grid: load?.asOf, gridLoadedAt: load?.at, summary: window.__consumerCheck.selects.at(-1)?.asOf, summaryShownAt: window.__consumerCheck.summaryShownAt };
      }, CAMPAIGN_ID)
      .catch(() => ({}));
    const moved = times.grid && times.summary && times.grid !== times.summary && bannerText?.includes(MOVED_NOTE);
    const ms = (t) => (t === undefined ? '?' : `${(t / 1000).toFixed(1)} s`);
    if (moved) result.page.filterNote = `the figures moved between the summary's data (${times.summary}) and the grid's (${times.grid}); the banner says so`;
    else {
      problems.push(
        `the grid's row count reads "${text}", not "${expected}" (the figure shows ${clickers.text}; ` +
          `the summary's figures are of ${times.summary ?? '?'}, shown at ${ms(times.summaryShownAt)}; the grid's campaign-stats-load says asOf ${times.grid ?? '?'}, at ${ms(times.gridLoadedAt)})`,
      );
    }
  }
  if (bannerText === undefined) problems.push('no [part~="summary-filter"] banner in the grid');
  else if (!bannerText.includes(FIGURE_LABEL)) problems.push(`the banner says "${bannerText}", not « ${FIGURE_LABEL} »`);
  const { selects } = await page.evaluate(() => window.__consumerCheck);
  const select = selects.at(-1);
  if (!select) problems.push('no campaign-stats-summary-select event');
  else if (select.figure !== 'clickers' || select.count !== clickers.count || select.campaign !== CAMPAIGN_ID) {
    problems.push(`campaign-stats-summary-select says ${JSON.stringify(select)}, not the clickers (${clickers.count}) of ${CAMPAIGN_ID}`);
  }
  result.page.filterText = text;
  result.page.banner = bannerText;
  if (problems.length) {
    result.filterCell = 'FAIL';
    for (const problem of problems) fail(`filter: ${problem}`);
  } else {
    result.filterMs = filterMs;
    result.filterCell = `${clickers.count.toLocaleString('en')} rows, ${(filterMs / 1000).toFixed(1)} s`;
  }
}

/**
 * A real right-click on a row of the grid, then Exporter ▸ `itemName`; resolves with
 * { download, ms } (ms: from the click on the item to the download), or with { error }.
 */
async function exportByMenu(page, grid, itemName) {
  // The grid is below the list and the summary: scrolled to, as a person would (Tabulator redraws its rows then).
  await grid.scrollIntoViewIfNeeded().catch(() => undefined);
  let box = null;
  const rows = grid.locator('.tabulator-tableholder .tabulator-row');
  for (let attempt = 0; attempt < 20 && !box; attempt++) {
    await page.waitForTimeout(100);
    const row = (await rows.count()) > 2 ? rows.nth(2) : rows.first();
    box = await row
      .locator('.tabulator-cell')
      .nth(1)
      .boundingBox({ timeout: 1_000 })
      .catch(() => null);
    if (box && (box.y < 0 || box.y + box.height > page.viewportSize().height)) box = null;
  }
  if (!box) return { error: 'no grid cell to right-click' };
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.click(x, y, { button: 'right' });
  const exportItem = grid.getByRole('menuitem', { name: 'Exporter' });
  try {
    await exportItem.waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    return { error: 'a right-click on a grid row opened no menu with « Exporter »' };
  }
  await exportItem.click();
  const item = grid.getByRole('menuitem', { name: itemName, exact: true });
  try {
    await item.waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    const items = await grid.getByRole('menuitem').allTextContents().catch(() => []);
    return { error: `« Exporter » opened no « ${itemName} » item (items: ${items.map(squash).join(', ') || 'none'})` };
  }
  const started = performance.now();
  const downloading = page.waitForEvent('download', { timeout: EXPORT_TIMEOUT });
  await item.click();
  let download;
  try {
    download = await downloading;
  } catch {
    const seen = await page.evaluate(() => window.__consumerCheck);
    return { error: `no download within ${EXPORT_TIMEOUT / 1000} s${seen.errors.length ? ` (${seen.errors.join('; ')})` : ''}` };
  }
  const failure = await download.failure();
  const file = failure ? undefined : await download.path();
  const ms = performance.now() - started;
  if (!file) return { error: `the download failed (${failure})` };
  return { download, file, ms };
}

/** The grid's campaign-stats-exported event of `format` (waited for: it follows the download). */
async function exportedEvent(page, format, index) {
  try {
    await page.waitForFunction((n) => window.__consumerCheck.exported.length > n, index, { timeout: 15_000 });
  } catch {
    return undefined;
  }
  const { exported } = await page.evaluate(() => window.__consumerCheck);
  return exported[index] ?? exported.find((e) => e.format === format);
}

/** Where an export was written, from its event: 'worker', or a failure pushed. */
function judgeThread(detail, format, fail, workers) {
  const sawWorker = workers.length > 0;
  if (!detail) {
    fail(`${format}: no campaign-stats-exported event`);
    return '-';
  }
  if (detail.format !== format) fail(`${format}: campaign-stats-exported says format ${JSON.stringify(detail.format)}`);
  if (!detail.hasThread) {
    fail(`worker: the ${format} export's campaign-stats-exported has no 'thread' field (${sawWorker ? `a worker started: ${workers.join(', ')}` : 'Chromium saw no worker start'})`);
    return "FAIL (no 'thread')";
  }
  if (detail.thread === 'worker') return 'worker';
  fail(`worker: the ${format} export ran on the ${detail.thread} thread, not in the export worker${workers.length ? ` (workers seen: ${workers.join(', ')})` : ' (no worker started)'}`);
  return `FAIL (${detail.thread})`;
}

/** Splits CSV text (after its BOM) into records of fields, RFC 4180; counts line ends that are not CRLF. */
function parseCsv(text, separator) {
  const records = [];
  let fields = [];
  let field = '';
  let quoted = false;
  let bareLineEnds = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      bareLineEnds++;
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || fields.length) {
    fields.push(field);
    records.push(fields);
  }
  return { records, bareLineEnds, endsWithCrlf: text.endsWith('\r\n'), unclosedQuote: quoted };
}

async function exportCsv(page, grid, result, fail, workers) {
  const { shown, text: countText } = await rowCount(grid);
  const index = (await page.evaluate(() => window.__consumerCheck.exported.length));
  const done = await exportByMenu(page, grid, 'CSV (.csv)');
  if (done.error) {
    result.csvCell = 'FAIL';
    fail(`csv: ${done.error}`);
    return undefined;
  }
  const detail = await exportedEvent(page, 'csv', index);
  result.csvThread = judgeThread(detail, 'csv', fail, workers);
  result.csvMs = done.ms;
  const problems = [];
  if (!done.download.suggestedFilename().endsWith('.csv')) problems.push(`the file is named ${done.download.suggestedFilename()}`);
  const bytes = await readFile(done.file);
  result.csvBytes = bytes.length;
  let csv;
  if (!BOM.every((b, i) => bytes[i] === b)) {
    problems.push(`the file does not start with the UTF-8 BOM (its first bytes: ${[...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ')})`);
  } else {
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(BOM.length));
    } catch {
      problems.push('the file is not valid UTF-8');
    }
    if (text !== undefined) {
      const end = text.indexOf('\r\n');
      const headerLine = end < 0 ? text : text.slice(0, end);
      const parsed = parseCsv(text, ';');
      const [header = [], ...data] = parsed.records;
      if (header.length < 2 || !headerLine.includes(';')) problems.push(`its header line is not ;-separated: ${JSON.stringify(headerLine.slice(0, 120))}`);
      if (parsed.bareLineEnds) problems.push(`${parsed.bareLineEnds} line end(s) outside quotes are not CRLF`);
      if (!parsed.endsWithCrlf) problems.push('its last line does not end with CRLF');
      if (parsed.unclosedQuote) problems.push('a quoted field is never closed');
      const ragged = data.findIndex((record) => record.length !== header.length);
      if (ragged >= 0) problems.push(`data line ${ragged + 1} has ${data[ragged].length} fields, the header ${header.length}`);
      if (data.length !== shown) problems.push(`${data.length} data lines, but the grid shows ${shown} contacts ("${countText}")`);
      if (detail && detail.rowCount !== shown) problems.push(`campaign-stats-exported says rowCount ${detail.rowCount}, the grid shows ${shown}`);
      csv = { header, rows: data.length };
      result.page.csvColumns = header.length;
    }
  }
  if (problems.length) {
    result.csvCell = 'FAIL';
    for (const problem of problems) fail(`csv: ${problem}`);
  } else {
    result.csvCell = `${csv.rows.toLocaleString('en')} rows, ${(done.ms / 1000).toFixed(1)} s`;
  }
  return csv;
}

async function exportXlsx(page, grid, result, fail, workers, csv) {
  // What it must hold: the rows the grid shows now (the summary's filter, if it worked).
  const { shown, text: countText } = await rowCount(grid);
  const index = (await page.evaluate(() => window.__consumerCheck.exported.length));
  const done = await exportByMenu(page, grid, 'Excel (.xlsx)');
  if (done.error) {
    result.exportCell = 'FAIL';
    result.worker = result.csvThread ? `csv ${result.csvThread}` : '-';
    fail(`export: ${done.error}`);
    return;
  }
  result.exportMs = done.ms;
  try {
    const workbook = readWorkbook(await readFile(done.file));
    const sheet = workbook.Sheets[workbook.SheetNames[0]];
    const range = XLSX.utils.decode_range(sheet['!ref']);
    const rows = range.e.r - range.s.r + 1;
    const header = sheet[XLSX.utils.encode_cell({ r: range.s.r, c: range.s.c })]?.v;
    const last = sheet[XLSX.utils.encode_cell({ r: range.e.r, c: range.s.c })]?.v;
    const ok = rows === shown + 1 && header && last !== undefined && last !== '';
    if (rows !== shown + 1) fail(`export: the first sheet has ${rows - 1} data rows + header, but the grid shows ${shown} contacts ("${countText}")`);
    else if (!header || last === undefined || last === '') fail(`export: the first sheet's header or last row is empty (A1 ${JSON.stringify(header)}, last ${JSON.stringify(last)})`);
    result.exportCell = ok ? `${(rows - 1).toLocaleString('en')} rows, ${(done.ms / 1000).toFixed(1)} s` : `FAIL (${rows - 1} rows)`;
    if (!done.download.suggestedFilename().endsWith('.xlsx')) fail(`export: the file is named ${done.download.suggestedFilename()}`);
    // The CSV has "the same rows and columns as exportExcel()": the same header.
    if (csv) {
      const titles = [];
      for (let c = range.s.c; c <= range.e.c; c++) titles.push(String(sheet[XLSX.utils.encode_cell({ r: range.s.r, c })]?.v ?? ''));
      if (titles.join('\u0000') !== csv.header.join('\u0000')) fail(`csv: its header (${csv.header.join(' ; ')}) is not the .xlsx's (${titles.join(' ; ')})`);
      if (csv.rows !== rows - 1) fail(`csv: ${csv.rows} data lines, the .xlsx of the same rows ${rows - 1}`);
    }
  } catch (error) {
    result.exportCell = 'FAIL';
    fail(`export: the downloaded file does not read back as a workbook (${error.message})`);
  }
  // Where it was written: the grid's campaign-stats-exported event says.
  const detail = await exportedEvent(page, 'xlsx', index);
  const xlsxThread = judgeThread(detail, 'xlsx', fail, workers);
  const csvThread = result.csvThread ?? '-';
  result.worker = xlsxThread === csvThread ? xlsxThread : `xlsx ${xlsxThread}, csv ${csvThread}`;
  if (detail && detail.rowCount !== shown) fail(`export: campaign-stats-exported says rowCount ${detail.rowCount}, the grid shows ${shown}`);
}

export async function closeBrowser() {
  await browser?.close().catch(() => undefined);
}
