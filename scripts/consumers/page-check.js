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
const RENDER_TIMEOUT = 30_000;
const EXPORT_TIMEOUT = 180_000;

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
      const seen = { loads: [], exported: [], errors: [] };
      window.__consumerCheck = seen;
      document.addEventListener('campaign-stats-load', (e) => seen.loads.push({ id: e.detail?.campaign?.id, total: e.detail?.total }), true);
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

    // (a) The three tags with the demo data.
    const looks = [];
    const grid = page.locator(`campaign-stats-grid#grid`);
    try {
      await page.waitForFunction(
        (id) => window.__consumerCheck.loads.some((load) => load.id === id) || window.__consumerCheck.errors.length > 0,
        CAMPAIGN_ID,
        { timeout: RENDER_TIMEOUT },
      );
    } catch {
      const defined = await page.evaluate(() => ['campaign-list', 'campaign-stats-grid', 'sarbacane-link'].map((tag) => `${tag} ${customElements.get(tag) ? 'defined' : 'NOT defined'}`).join(', '));
      looks.push(`the grid never loaded ${CAMPAIGN_ID} (${defined})`);
    }
    const seen = await page.evaluate(() => window.__consumerCheck);
    for (const error of seen.errors) looks.push(`campaign-stats-error ${error}`);
    const load = seen.loads.find((l) => l.id === CAMPAIGN_ID);
    if (load && load.total !== EXPECTED_ROWS) looks.push(`the grid loaded ${load.total} contacts, not ${EXPECTED_ROWS}`);

    const listRows = page.locator('campaign-list tbody tr');
    const linkText = page.locator('css:light=sarbacane-link').locator('[part~="link"]');
    const gridRows = grid.locator('.tabulator-row');
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

    // (c) The JavaScript loaded before any export.
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

    // (d) Right-click on a row, Exporter ▸ Excel (.xlsx), the download, read back.
    if (result.page.gridRows) {
      phase = 'export';
      await exportByMenu(page, grid, result, fail, seen, workers);
    } else {
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

async function exportByMenu(page, grid, result, fail, seenBefore, workers) {
  // The grid is below the list: scrolled to, as a person would (Tabulator redraws its rows then).
  await grid.scrollIntoViewIfNeeded().catch(() => undefined);
  let box = null;
  for (let attempt = 0; attempt < 20 && !box; attempt++) {
    await page.waitForTimeout(100);
    box = await grid
      .locator('.tabulator-tableholder .tabulator-row')
      .nth(2)
      .locator('.tabulator-cell')
      .nth(1)
      .boundingBox({ timeout: 1_000 })
      .catch(() => null);
    if (box && (box.y < 0 || box.y + box.height > page.viewportSize().height)) box = null;
  }
  if (!box) {
    result.exportCell = 'FAIL';
    fail('export: no grid cell to right-click');
    return;
  }
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.click(x, y, { button: 'right' });
  const exportItem = grid.getByRole('menuitem', { name: 'Exporter' });
  try {
    await exportItem.waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    result.exportCell = 'FAIL';
    result.worker = '-';
    fail('export: a right-click on a grid row opened no menu with « Exporter »');
    return;
  }
  await exportItem.click();
  const excelItem = grid.getByRole('menuitem', { name: 'Excel (.xlsx)' });
  try {
    await excelItem.waitFor({ state: 'visible', timeout: 5_000 });
  } catch {
    result.exportCell = 'FAIL';
    result.worker = '-';
    fail('export: « Exporter » opened no « Excel (.xlsx) » item');
    return;
  }
  const started = performance.now();
  const downloading = page.waitForEvent('download', { timeout: EXPORT_TIMEOUT });
  await excelItem.click();
  let download;
  try {
    download = await downloading;
  } catch {
    const seen = await page.evaluate(() => window.__consumerCheck);
    result.exportCell = 'FAIL';
    fail(`export: no download within ${EXPORT_TIMEOUT / 1000} s${seen.errors.length > seenBefore.errors.length ? ` (${seen.errors.slice(seenBefore.errors.length).join('; ')})` : ''}`);
  }
  if (download) {
    const failure = await download.failure();
    const file = failure ? undefined : await download.path();
    const exportMs = performance.now() - started;
    if (!file) {
      result.exportCell = 'FAIL';
      fail(`export: the download failed (${failure})`);
    } else {
      try {
        const workbook = readWorkbook(await readFile(file));
        const sheet = workbook.Sheets[workbook.SheetNames[0]];
        const range = XLSX.utils.decode_range(sheet['!ref']);
        const rows = range.e.r - range.s.r + 1;
        const header = sheet[XLSX.utils.encode_cell({ r: range.s.r, c: range.s.c })]?.v;
        const last = sheet[XLSX.utils.encode_cell({ r: range.e.r, c: range.s.c })]?.v;
        if (rows !== EXPECTED_ROWS + 1) fail(`export: the first sheet has ${rows - 1} data rows + header, not ${EXPECTED_ROWS}`);
        else if (!header || last === undefined || last === '') fail(`export: the first sheet's header or last row is empty (A1 ${JSON.stringify(header)}, last ${JSON.stringify(last)})`);
        result.exportCell = rows === EXPECTED_ROWS + 1 && header && last !== undefined && last !== '' ? `${(rows - 1).toLocaleString('en')} rows, ${(exportMs / 1000).toFixed(1)} s` : `FAIL (${rows - 1} rows)`;
        if (!download.suggestedFilename().endsWith('.xlsx')) fail(`export: the file is named ${download.suggestedFilename()}`);
      } catch (error) {
        result.exportCell = 'FAIL';
        fail(`export: the downloaded file does not read back as a workbook (${error.message})`);
      }
    }
  }

  // Where it was written: the grid's campaign-stats-exported event says.
  try {
    await page.waitForFunction(() => window.__consumerCheck.exported.length > 0, null, { timeout: 15_000 });
  } catch {
    // judged below
  }
  const { exported } = await page.evaluate(() => window.__consumerCheck);
  const detail = exported[0];
  const sawWorker = workers.length > 0;
  if (!detail) {
    result.worker = '-';
    fail('export: no campaign-stats-exported event');
  } else if (!detail.hasThread) {
    result.worker = "FAIL (no 'thread')";
    fail(`worker: campaign-stats-exported has no 'thread' field (${sawWorker ? `a worker started: ${workers.join(', ')}` : 'Chromium saw no worker start'})`);
  } else if (detail.thread === 'worker') {
    result.worker = 'worker';
  } else {
    result.worker = `FAIL (${detail.thread})`;
    fail(`worker: the export ran on the ${detail.thread} thread, not in the export worker${workers.length ? ` (workers seen: ${workers.join(', ')})` : ' (no worker started)'}`);
  }
  if (detail && detail.rowCount !== EXPECTED_ROWS) fail(`export: campaign-stats-exported says rowCount ${detail.rowCount}`);
}

export async function closeBrowser() {
  await browser?.close().catch(() => undefined);
}
