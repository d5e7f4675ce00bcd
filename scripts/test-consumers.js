#!/usr/bin/env node
/**
 * The consumer matrix: does the packed tarball work as a host builds it?
 *
 *   npm run test:consumers [-- [--no-build] [--no-pack] [name …]]
 *
 * 1. `npm run build` (unless --no-build), then `npm pack` into examples/.pack/, renamed to
 *    examples/.pack/hub3e-campaign-stats-elements.tgz (--no-pack reuses the tarball already there).
 * 2. Every examples/<name>/consumer.json is an app (examples/README.md gives the format); with
 *    names on the command line, only those. Per app, in a copy outside the repository (WORK
 *    below): install (the fresh tarball, checked file by file in node_modules), production build
 *    (timed), then its output served on 127.0.0.1 and driven in headless Chromium as a person
 *    would: the three tags render with the demo data,
 *    Tabulator's stylesheet is in the grid's shadow root, the JavaScript loaded before any export
 *    holds no spreadsheet code (its gzip size is the "initial size"), a right-click on a row then
 *    Exporter ▸ Excel (.xlsx) downloads a workbook of 100,000 rows + header, written in the
 *    export worker; no uncaught error, no console error (failed requests are listed).
 * 3. A table, the failures with their cause, and a non-zero exit code if any app failed.
 *
 * Logs of each command and a screenshot of each page go to examples/.pack/logs/.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = path.join(ROOT, 'examples');
const PACK_DIR = path.join(EXAMPLES, '.pack');
const TARBALL = path.join(PACK_DIR, 'hub3e-campaign-stats-elements.tgz');
const UNPACKED = path.join(PACK_DIR, 'unpacked');
const LOGS = path.join(PACK_DIR, 'logs');
/**
 * Where the apps are installed and built: a copy outside the repository, so that nothing an app
 * or the package needs can be found in the repository's own node_modules (Node's and every
 * bundler's resolution walks up the folders). Kept between runs (node_modules, lockfile).
 */
const WORK = path.resolve(process.env.CONSUMERS_WORKDIR ?? path.join(tmpdir(), 'hub3e-campaign-stats-consumers'));
const PACKAGE_NAME = '@hub3e/campaign-stats-elements';

const CAMPAIGN_ID = 'em-jpo-decembre';
const EXPECTED_ROWS = 100_000;
const LINK_LABEL = 'Statistiques globales sur Sarbacane';
const INSTALL = 'npm install --prefer-offline --no-audit --no-fund';
const INSTALL_TIMEOUT = 10 * 60_000;
const BUILD_TIMEOUT = 10 * 60_000;
const RENDER_TIMEOUT = 30_000;
const EXPORT_TIMEOUT = 180_000;

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- command line

const argv = process.argv.slice(2);
const flags = new Set(argv.filter((a) => a.startsWith('--')));
const names = argv.filter((a) => !a.startsWith('--'));
for (const flag of flags) {
  if (!['--no-build', '--no-pack', '--help'].includes(flag)) {
    console.error(`Unknown option ${flag}. Usage: npm run test:consumers -- [--no-build] [--no-pack] [name …]`);
    process.exit(2);
  }
}
if (flags.has('--help')) {
  console.log('Usage: npm run test:consumers -- [--no-build] [--no-pack] [name …]');
  process.exit(0);
}

// ---------------------------------------------------------------- processes

/**
 * The environment of the commands run in an app: without what an outer `npm run` put there
 * (its package's bin folder on PATH, its prefix, its package's fields), so that an app only
 * ever uses what it installed itself.
 */
function appEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_|config_local_prefix$|config_prefix$)/i.test(key) || key === 'INIT_CWD') delete env[key];
  }
  const rootBin = path.join(ROOT, 'node_modules', '.bin');
  env.PATH = (env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => path.resolve(dir) !== rootBin && !dir.startsWith(path.join(ROOT, 'node_modules')))
    .join(path.delimiter);
  env.CI ??= 'true'; // no interactive prompts, no progress spinners
  return env;
}

const running = new Set();

/** Runs `command` in a shell; resolves { code, output, ms }; the output also goes to `logFile`. */
function run(command, { cwd, logFile, timeout, env = appEnv() }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, { cwd, env, shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let output = '';
    const append = (chunk) => {
      output += chunk;
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeout);
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      const ms = performance.now() - started;
      if (timedOut) output += `\n[test-consumers] timed out after ${Math.round(timeout / 1000)} s\n`;
      if (logFile) await writeFile(logFile, `$ ${command}   (in ${path.relative(ROOT, cwd) || '.'})\n${output}`, { flag: 'a' });
      resolve({ code: timedOut ? 'timeout' : (code ?? signal), output, ms });
    });
  });
}

/** Ends the process group that this script started for one command (its own children only). */
function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

function tail(text, lines = 30) {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

/** The lines of a build log that say what went wrong, else its end. */
function errorExcerpt(output) {
  const lines = output.split('\n');
  const index = lines.findIndex((line) => /error|failed|cannot|could not|not found|unexpected/i.test(line) && !/^npm (warn|notice)/i.test(line));
  if (index < 0) return tail(output, 20);
  return lines.slice(Math.max(0, index - 2), index + 18).join('\n').trimEnd();
}

// ---------------------------------------------------------------- the tarball

async function buildAndPack() {
  await mkdir(LOGS, { recursive: true });
  const log = path.join(LOGS, 'library.log');
  await rm(log, { force: true });
  if (!flags.has('--no-build')) {
    process.stdout.write('library: npm run build … ');
    const build = await run('npm run build', { cwd: ROOT, logFile: log, timeout: BUILD_TIMEOUT, env: process.env });
    if (build.code !== 0) {
      console.log('FAILED');
      console.error(`\nThe library does not build (exit ${build.code}), nothing to test:\n${errorExcerpt(build.output)}\n(full log: ${path.relative(ROOT, log)})`);
      process.exit(1);
    }
    console.log(`${(build.ms / 1000).toFixed(1)} s`);
  }
  if (flags.has('--no-pack')) {
    if (!existsSync(TARBALL)) {
      console.error(`--no-pack: ${path.relative(ROOT, TARBALL)} does not exist yet.`);
      process.exit(1);
    }
    console.log(`library: reusing ${path.relative(ROOT, TARBALL)} (${new Date(statSync(TARBALL).mtime).toISOString()})`);
  } else {
    process.stdout.write('library: npm pack … ');
    for (const file of readdirSync(PACK_DIR)) if (file.endsWith('.tgz')) await rm(path.join(PACK_DIR, file));
    const pack = await run(`npm pack --json --pack-destination "${PACK_DIR}"`, { cwd: ROOT, logFile: log, timeout: 5 * 60_000, env: process.env });
    if (pack.code !== 0) {
      console.log('FAILED');
      console.error(`\nnpm pack failed (exit ${pack.code}):\n${errorExcerpt(pack.output)}`);
      process.exit(1);
    }
    const json = JSON.parse(pack.output.slice(pack.output.indexOf('[')));
    await rename(path.join(PACK_DIR, json[0].filename), TARBALL);
    console.log(`${json[0].entryCount} files, ${(json[0].size / 1024).toFixed(0)} KB -> ${path.relative(ROOT, TARBALL)}`);
  }
  await rm(UNPACKED, { recursive: true, force: true });
  await mkdir(UNPACKED, { recursive: true });
  const untar = await run(`tar -xzf "${TARBALL}" -C "${UNPACKED}"`, { cwd: ROOT, timeout: 60_000, env: process.env });
  if (untar.code !== 0) throw new Error(`cannot read the tarball: ${untar.output}`);
  const packed = path.join(UNPACKED, 'package');
  for (const file of ['package.json', 'dist/index.js', 'dist/standalone/campaign-stats-elements.js']) {
    if (!existsSync(path.join(packed, file))) {
      console.error(`The tarball has no ${file}: was dist/ being rebuilt while it was packed? Run again.`);
      process.exit(1);
    }
  }
  const hashes = fileHashes(packed);
  hashes.tarball = tarballHash();
  return hashes;
}

function tarballHash() {
  return existsSync(TARBALL) ? createHash('sha1').update(readFileSync(TARBALL)).digest('hex') : '';
}

function walk(dir, base = dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, base, out);
    else if (entry.isFile()) out.push(path.relative(base, full));
  }
  return out;
}

function fileHashes(dir) {
  const hashes = new Map();
  for (const file of walk(dir)) hashes.set(file, createHash('sha1').update(readFileSync(path.join(dir, file))).digest('hex'));
  return hashes;
}

/** What differs between the tarball and what the app has in node_modules (nothing, hopefully). */
function staleFiles(appDir, packedHashes) {
  const installed = path.join(appDir, 'node_modules', ...PACKAGE_NAME.split('/'));
  if (!existsSync(installed)) return [`${PACKAGE_NAME} is not in node_modules`];
  const have = fileHashes(installed);
  const differences = [];
  for (const [file, hash] of packedHashes) {
    if (!have.has(file)) differences.push(`missing ${file}`);
    else if (have.get(file) !== hash) differences.push(`differs ${file}`);
  }
  for (const file of have.keys()) if (!packedHashes.has(file)) differences.push(`extra ${file}`);
  return differences;
}

// ---------------------------------------------------------------- apps

/** The apps: examples/<name>/consumer.json, with their defaults filled in. */
function discoverApps() {
  const apps = [];
  for (const entry of readdirSync(EXAMPLES, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const dir = path.join(EXAMPLES, entry.name);
    const file = path.join(dir, 'consumer.json');
    if (!existsSync(file)) continue;
    const config = JSON.parse(readFileSync(file, 'utf8'));
    apps.push({
      name: entry.name,
      dir,
      title: config.title ?? entry.name,
      out: config.out ?? 'dist',
      page: config.page ?? 'index.html',
      install: config.install ?? INSTALL,
      build: config.build ?? 'npm run build',
      clean: config.clean ?? [config.out ?? 'dist'],
      crossOrigin: config.crossOrigin,
    });
  }
  apps.sort((a, b) => a.name.localeCompare(b.name));
  if (names.length === 0) return apps;
  const unknown = names.filter((name) => !apps.some((app) => app.name === name));
  if (unknown.length) {
    console.error(`No app ${unknown.join(', ')} (apps: ${apps.map((a) => a.name).join(', ')}).`);
    process.exit(2);
  }
  return apps.filter((app) => names.includes(app.name));
}

// ---------------------------------------------------------------- static servers

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

const servers = new Set();

/**
 * Serves `root` on 127.0.0.1 (a free port). `cors`: every answer allows any origin.
 * `substitute`: in .html files, every `from` is replaced by `to` (a host's template).
 */
async function serve(root, { cors = false, substitute } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    const headers = { 'Cache-Control': 'no-store' };
    if (cors) headers['Access-Control-Allow-Origin'] = '*';
    if (!file.startsWith(root + path.sep) && file !== root) {
      res.writeHead(403, headers).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      let body = await readFile(file);
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      if (substitute && path.extname(file) === '.html') body = Buffer.from(body.toString('utf8').replaceAll(substitute.from, substitute.to));
      requests.push({ path: url.pathname, status: 200 });
      res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (url.pathname === '/favicon.ico') {
        // Chromium asks for one by itself; none of the apps has one, and its 404 is no finding.
        res.writeHead(204, headers).end();
        return;
      }
      requests.push({ path: url.pathname, status: 404 });
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  servers.add(server);
  return {
    port: server.address().port,
    requests,
    close: () =>
      new Promise((resolve) => {
        servers.delete(server);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------- the browser

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
async function checkPage(app, url, result) {
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

// ---------------------------------------------------------------- one app

async function testApp(app, packedHashes) {
  const result = { app, builds: '-', looksRight: undefined, exportCell: '-', worker: '-', initial: '-', buildTime: '-', failures: [], notes: [], page: {} };
  const log = path.join(LOGS, `${app.name}.log`);
  await rm(log, { force: true });
  const step = (text) => process.stdout.write(`${app.name}: ${text}`);

  // Install: the package from the fresh tarball, never from a previous run.
  const dir = await workCopy(app);
  await rm(path.join(dir, 'node_modules', '@hub3e'), { recursive: true, force: true });
  await forgetLockedTarball(dir);
  step('install … ');
  const install = await run(app.install, { cwd: dir, logFile: log, timeout: INSTALL_TIMEOUT });
  console.log(`${install.code === 0 ? 'ok' : `FAILED (exit ${install.code})`} ${(install.ms / 1000).toFixed(1)} s`);
  if (install.code !== 0) {
    result.builds = 'FAIL (install)';
    result.failures.push(`install: \`${app.install}\` exited ${install.code}:\n${indent(errorExcerpt(install.output))}`);
    return result;
  }
  const stale = staleFiles(dir, packedHashes);
  if (stale.length) {
    result.builds = 'FAIL (stale)';
    const repacked = tarballHash() !== packedHashes.tarball ? ` (${path.relative(ROOT, TARBALL)} was re-packed by another process during this run)` : '';
    result.failures.push(`install: node_modules/${PACKAGE_NAME} is not the tarball packed for this run${repacked}: ${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ` and ${stale.length - 5} more` : ''}`);
    return result;
  }

  // Build, in production mode, from clean.
  for (const clean of app.clean) await rm(path.join(dir, clean), { recursive: true, force: true });
  step('build … ');
  const build = await run(app.build, { cwd: dir, logFile: log, timeout: BUILD_TIMEOUT });
  result.buildTime = `${(build.ms / 1000).toFixed(1)} s`;
  console.log(`${build.code === 0 ? 'ok' : `FAILED (exit ${build.code})`} ${result.buildTime}`);
  const out = path.join(dir, app.out);
  if (build.code !== 0) {
    result.builds = 'FAIL';
    result.failures.push(`build: \`${app.build}\` exited ${build.code}:\n${indent(errorExcerpt(build.output))}`);
    return result;
  }
  if (!existsSync(path.join(out, app.page))) {
    result.builds = 'FAIL (no page)';
    result.failures.push(`build: no ${path.join(app.out, app.page)} after the build`);
    return result;
  }
  result.builds = 'ok';
  const warnings = build.output.split('\n').filter((line) => /\bwarn(ing)?\b/i.test(line) && !/^npm warn/i.test(line));
  if (warnings.length) result.notes.push(`build warnings: ${warnings.slice(0, 3).map((w) => w.trim()).join(' | ')}`);

  // Serve and drive the page.
  const opened = [];
  try {
    let substitute;
    if (app.crossOrigin) {
      const cdn = await serve(path.join(dir, app.crossOrigin.dir), { cors: true });
      opened.push(cdn);
      substitute = { from: app.crossOrigin.placeholder, to: `http://localhost:${cdn.port}` };
    }
    const site = await serve(out, { substitute });
    opened.push(site);
    step('page … ');
    const started = performance.now();
    await checkPage(app, `http://127.0.0.1:${site.port}/${app.page}`, result);
    console.log(`${result.failures.length ? `${result.failures.length} problem(s)` : 'ok'} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.log('FAILED');
    result.failures.push(`page: ${error.message.split('\n').slice(0, 4).join(' | ')}`);
  } finally {
    for (const server of opened) await server.close();
  }
  return result;
}

/** What the copy of an app keeps between runs. */
const KEPT = new Set(['node_modules', 'package-lock.json']);

/** The app's files, copied afresh to WORK/<name> (without what a build or an install writes). */
async function workCopy(app) {
  const dir = path.join(WORK, app.name);
  await mkdir(dir, { recursive: true });
  for (const entry of readdirSync(dir)) if (!KEPT.has(entry)) await rm(path.join(dir, entry), { recursive: true, force: true });
  const generated = new Set([...KEPT, ...[app.out, ...app.clean].map((p) => p.split(/[\\/]/)[0])]);
  await cp(app.dir, dir, { recursive: true, filter: (source) => !generated.has(path.relative(app.dir, source).split(path.sep)[0]) });
  return dir;
}

/** The tarball where the copies' `file:../.pack/…` finds it, and no node_modules above WORK. */
async function prepareWork() {
  for (let dir = path.dirname(WORK); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules'))) {
      console.error(`${path.join(dir, 'node_modules')} exists above ${WORK}: the apps could resolve packages from it. Set CONSUMERS_WORKDIR elsewhere.`);
      process.exit(2);
    }
    if (dir === path.dirname(dir)) break;
  }
  await mkdir(path.join(WORK, '.pack'), { recursive: true });
  await copyFile(TARBALL, path.join(WORK, '.pack', path.basename(TARBALL)));
  console.log(`apps: copied to ${WORK}/<name> (outside the repository) to install and build`);
}

/**
 * npm records the tarball's integrity in package-lock.json (and in node_modules/.package-lock.json)
 * and then reinstalls that content from its cache, whatever the file now holds: the entries of
 * the library are dropped, so that npm reads the tarball again.
 */
async function forgetLockedTarball(appDir) {
  for (const file of [path.join(appDir, 'package-lock.json'), path.join(appDir, 'node_modules', '.package-lock.json')]) {
    if (!existsSync(file)) continue;
    const lock = JSON.parse(await readFile(file, 'utf8'));
    let changed = false;
    for (const key of Object.keys(lock.packages ?? {})) {
      if (key.endsWith(`node_modules/${PACKAGE_NAME}`)) {
        delete lock.packages[key];
        changed = true;
      }
    }
    if (lock.dependencies?.[PACKAGE_NAME]) {
      delete lock.dependencies[PACKAGE_NAME];
      changed = true;
    }
    if (changed) await writeFile(file, `${JSON.stringify(lock, null, 2)}\n`);
  }
}

function indent(text) {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}

// ---------------------------------------------------------------- report

function printTable(results) {
  const header = ['app', 'builds', 'looks right', 'export (100,000 rows)', 'worker', 'initial size gzip', 'build time', 'result'];
  const rows = results.map((r) => [
    r.app.name,
    r.builds,
    r.looksRight === undefined ? '-' : r.looksRight ? 'yes' : 'NO',
    r.exportCell,
    r.worker,
    r.initial,
    r.buildTime,
    r.failures.length ? 'FAIL' : 'pass',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

async function main() {
  const started = performance.now();
  await mkdir(PACK_DIR, { recursive: true });
  const apps = discoverApps();
  if (!apps.length) {
    console.error('No app: examples/<name>/consumer.json');
    process.exit(2);
  }
  const packedHashes = await buildAndPack();
  await prepareWork();
  const results = [];
  for (const app of apps) {
    const result = await testApp(app, packedHashes).catch((error) => ({
      app,
      builds: '?',
      looksRight: undefined,
      exportCell: '-',
      worker: '-',
      initial: '-',
      buildTime: '-',
      failures: [`runner: ${error.stack ?? error}`],
      notes: [],
    }));
    results.push(result);
  }
  printTable(results);
  const failed = results.filter((r) => r.failures.length);
  for (const r of results) {
    if (!r.failures.length && !r.notes.length) continue;
    console.log(`\n${r.app.name} (${r.app.title}):`);
    for (const failure of r.failures) console.log(`  ✗ ${failure}`);
    for (const note of r.notes) console.log(`  · ${note}`);
  }
  console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s; logs and screenshots in ${path.relative(ROOT, LOGS)}/`);
  console.log(`consumers: ${results.length - failed.length} passed, ${failed.length} failed`);
  return failed.length ? 1 : 0;
}

async function cleanUp() {
  for (const child of running) killGroup(child);
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await browser?.close().catch(() => undefined);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    console.error(`\n${signal}: stopping`);
    await cleanUp();
    process.exit(130);
  });
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error);
} finally {
  await cleanUp();
}
process.exit(code);
