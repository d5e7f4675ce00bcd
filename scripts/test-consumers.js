#!/usr/bin/env node
/**
 * The consumer matrix: does the packed tarball work as a host builds it?
 *
 *   npm run test:consumers [-- [--no-build] [--no-pack] [--pack-only] [name …]]
 *
 * 1. `npm run build` (unless --no-build), then `npm pack` into examples/.pack/, renamed to
 *    examples/.pack/hub3e-campaign-stats-elements.tgz (--no-pack reuses the tarball already there;
 *    --pack-only stops there, e.g. to pack under the same lock as a build, then --no-pack).
 * 2. Every examples/<name>/consumer.json is an app (examples/README.md gives the format); with
 *    names on the command line, only those. Per app, in a copy outside the repository (WORK
 *    below): install (the fresh tarball, checked file by file in node_modules), production build
 *    (timed), then its output served on 127.0.0.1 and driven in headless Chromium as a person
 *    would: the four tags render with the demo data (the summary's figures: how long after the
 *    navigation they show), Tabulator's stylesheet is in the grid's shadow root, the JavaScript
 *    loaded before any export holds no spreadsheet code (its gzip size is the "initial size"); a
 *    click on the summary's « Cliqueurs » filters the grid to that many contacts, with its banner;
 *    then a right-click on a row, Exporter ▸ CSV (.csv) downloads a CSV (BOM, `;`, CRLF) of those
 *    rows, and Exporter ▸ Excel (.xlsx) a workbook of those rows + header, both written in the
 *    export worker; no uncaught error, no console error (failed requests are listed).
 * 3. A table, the failures with their cause, and a non-zero exit code if any app failed.
 *
 * Logs of each command and a screenshot of each page go to examples/.pack/logs/.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPage, closeBrowser } from './consumers/page-check.js';
import { EXAMPLES, LOGS, PACK_DIR, PACKAGE_NAME, ROOT, TARBALL, UNPACKED, WORK } from './consumers/paths.js';
import { errorExcerpt, run, stopCommands } from './consumers/processes.js';
import { closeServers, serve } from './consumers/static-server.js';

const INSTALL = 'npm install --prefer-offline --no-audit --no-fund';
const INSTALL_TIMEOUT = 10 * 60_000;
const BUILD_TIMEOUT = 10 * 60_000;

// ---------------------------------------------------------------- command line

const argv = process.argv.slice(2);
const flags = new Set(argv.filter((a) => a.startsWith('--')));
const names = argv.filter((a) => !a.startsWith('--'));
for (const flag of flags) {
  if (!['--no-build', '--no-pack', '--pack-only', '--help'].includes(flag)) {
    console.error(`Unknown option ${flag}. Usage: npm run test:consumers -- [--no-build] [--no-pack] [--pack-only] [name …]`);
    process.exit(2);
  }
}
if (flags.has('--help')) {
  console.log('Usage: npm run test:consumers -- [--no-build] [--no-pack] [--pack-only] [name …]');
  process.exit(0);
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

// ---------------------------------------------------------------- one app

/**
 * What is known of an app before its checks: the table's cells ('-': not reached) and, once
 * measured, summaryMs (navigation to the summary's figures), filterMs, csvMs and exportMs
 * (the click on the menu item to the download) and initialBytes.
 */
function emptyResult(app) {
  return {
    app,
    builds: '-',
    looksRight: undefined,
    summaryCell: '-',
    filterCell: '-',
    csvCell: '-',
    exportCell: '-',
    worker: '-',
    initial: '-',
    buildTime: '-',
    failures: [],
    notes: [],
  };
}

async function testApp(app, packedHashes) {
  const result = { ...emptyResult(app), page: {} };
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
  const header = ['app', 'builds', 'looks right', 'summary figures', 'filter « Cliqueurs »', 'CSV export', '.xlsx export', 'worker', 'initial size gzip', 'build time', 'result'];
  const rows = results.map((r) => [
    r.app.name,
    r.builds,
    r.looksRight === undefined ? '-' : r.looksRight ? 'yes' : 'NO',
    r.summaryCell,
    r.filterCell,
    r.csvCell,
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

/** The same, for a machine: examples/.pack/logs/results.json (times in milliseconds). */
async function writeResults(results, totalMs) {
  const round = (ms) => (ms === undefined ? null : Math.round(ms));
  const apps = results.map((r) => ({
    app: r.app.name,
    title: r.app.title,
    pass: r.failures.length === 0,
    builds: r.builds,
    looksRight: r.looksRight ?? null,
    buildTime: r.buildTime,
    summaryMs: round(r.summaryMs),
    filterMs: round(r.filterMs),
    csvMs: round(r.csvMs),
    xlsxMs: round(r.exportMs),
    csvBytes: r.csvBytes ?? null,
    worker: r.worker,
    initialBytesGzip: r.initialBytes ?? null,
    initial: r.initial,
    page: r.page ?? {},
    failures: r.failures,
    notes: r.notes,
  }));
  await writeFile(path.join(LOGS, 'results.json'), `${JSON.stringify({ totalMs: round(totalMs), apps }, null, 2)}\n`);
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
  if (flags.has('--pack-only')) return 0;
  await prepareWork();
  const results = [];
  for (const app of apps) {
    const result = await testApp(app, packedHashes).catch((error) => ({ ...emptyResult(app), builds: '?', failures: [`runner: ${error.stack ?? error}`] }));
    results.push(result);
  }
  printTable(results);
  await writeResults(results, performance.now() - started);
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
  stopCommands();
  closeServers();
  await closeBrowser();
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
