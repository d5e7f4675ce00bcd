// LibreOffice Calc, headless, as a real spreadsheet application that opens our .xlsx files:
// converts a workbook to one CSV text per sheet. Used by the web-test-runner command
// `libreoffice-xlsx-to-csv` (test/export/libreoffice.test.ts) and usable on its own:
//   node scripts/libreoffice.js file.xlsx      prints every sheet as CSV
//   node scripts/libreoffice.js --version      prints the LibreOffice found, or exits 1
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The Debian package CI installs (.ci/run); about 250 MB with its dependencies. */
export const LIBREOFFICE_PACKAGE = 'libreoffice-calc-nogui';

/**
 * CSV export options of LibreOffice's "Text - txt - csv (StarCalc)" filter, token by token:
 * `,` separator, `"` text delimiter, UTF-8, from line 1, no column formats, default language,
 * QUOTE ALL TEXT CELLS (so text and numbers stay distinguishable: `"3"` is text, `3` a number),
 * detect special numbers, SAVE CELL CONTENTS AS SHOWN (so a date shows in its number format,
 * `26/11/2026 12:00`, proving it is a date cell with that format), no formulas (a formula
 * would show its value), no trimming, and `-1`: every sheet, one file each (LibreOffice ≥ 7.2).
 */
export const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true,false,false,-1';

const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/snap/bin/libreoffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
];

/** LIBREOFFICE_PATH, else `soffice`/`libreoffice` on the PATH, else the usual install paths. */
export function findLibreOffice() {
  if (process.env.LIBREOFFICE_PATH) return existsSync(process.env.LIBREOFFICE_PATH) ? process.env.LIBREOFFICE_PATH : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/** "LibreOffice 7.4.7.2 …" or undefined. */
export function libreOfficeVersion(executable = findLibreOffice()) {
  if (!executable) return undefined;
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return result.stdout?.trim().split('\n').find((line) => line.startsWith('LibreOffice')) ?? undefined;
}

/** Runs a command in its own process group; kills the whole group past `timeoutMs`. */
function run(command, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      reject(new Error(`LibreOffice did not finish within ${timeoutMs / 1000} s.\n${output}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`LibreOffice exited with code ${code}.\n${output}`));
    });
  });
}

/**
 * Converts an .xlsx (bytes) to CSV, every sheet. Each call works in a fresh temporary
 * directory; `profileDir` is the LibreOffice user profile (private, so that runs never hand
 * their work to another running LibreOffice; reusing one saves ~3 s of profile creation).
 * Resolves to `{ sheets: { [sheetName]: csvText }, version }`.
 */
export async function xlsxToCsv(bytes, { profileDir, timeoutMs = 90_000 } = {}) {
  const executable = findLibreOffice();
  if (!executable) throw new Error(`LibreOffice is not installed (Debian package ${LIBREOFFICE_PACKAGE}).`);
  const work = await mkdtemp(join(tmpdir(), 'lo-convert-'));
  const ownProfile = !profileDir;
  const profile = profileDir ?? (await mkdtemp(join(tmpdir(), 'lo-profile-')));
  try {
    const input = join(work, 'book.xlsx');
    const outDir = join(work, 'out');
    await writeFile(input, bytes);
    const log = await run(
      executable,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nologo', '--nolockcheck', '--convert-to', CSV_FILTER, '--outdir', outDir, input],
      timeoutMs,
    );
    const files = existsSync(outDir) ? (await readdir(outDir)).filter((f) => f.endsWith('.csv')) : [];
    if (files.length === 0) throw new Error(`LibreOffice wrote no CSV file.\n${log}`);
    const sheets = {};
    for (const file of files.sort()) {
      // book-<sheet name>.csv, one per sheet
      const name = file.replace(/^book-/, '').replace(/\.csv$/, '');
      sheets[name] = await readFile(join(outDir, file), 'utf8');
    }
    // The order LibreOffice wrote the sheets in (its log says "Writing sheet X -> …").
    const order = [...log.matchAll(/Writing sheet (.+?) -> /g)].map((m) => m[1]);
    return { sheets, order: order.length ? order : Object.keys(sheets), version: libreOfficeVersion(executable) };
  } finally {
    await rm(work, { recursive: true, force: true });
    if (ownProfile) await rm(profile, { recursive: true, force: true });
  }
}

/**
 * web-test-runner plugin: the server commands `libreoffice-status` → `{available, version,
 * required, package}` and `libreoffice-xlsx-to-csv` ({base64}) → `{sheets, order, version}`.
 * Conversions run one at a time with one private profile, removed when the server stops.
 * `required` is true under CI=true: there a missing LibreOffice fails the test instead of skipping.
 */
export function libreOfficePlugin() {
  let profile;
  let queue = Promise.resolve();
  return {
    name: 'libreoffice-command',
    async serverStop() {
      await queue.catch(() => undefined);
      if (profile) await rm(await profile, { recursive: true, force: true });
    },
    async executeCommand({ command, payload }) {
      if (command === 'libreoffice-status') {
        const executable = findLibreOffice();
        return {
          available: Boolean(executable),
          version: executable ? libreOfficeVersion(executable) : undefined,
          required: process.env.CI === 'true' || process.env.REQUIRE_LIBREOFFICE === '1',
          package: LIBREOFFICE_PACKAGE,
        };
      }
      if (command !== 'libreoffice-xlsx-to-csv') return undefined;
      if (typeof payload?.base64 !== 'string') throw new Error('libreoffice-xlsx-to-csv needs {base64}.');
      profile ??= mkdtemp(join(tmpdir(), 'lo-profile-'));
      const profileDir = await profile;
      const job = queue.then(() => xlsxToCsv(Buffer.from(payload.base64, 'base64'), { profileDir, timeoutMs: payload.timeoutMs }));
      queue = job.catch(() => undefined);
      return job;
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (file === '--version') {
    // Prints the LibreOffice the tests will use, or exits 1 when there is none (.ci/run).
    const version = libreOfficeVersion();
    if (!version) {
      console.error(`No LibreOffice found (Debian package ${LIBREOFFICE_PACKAGE}).`);
      process.exit(1);
    }
    console.log(`${findLibreOffice()}: ${version}`);
    process.exit(0);
  }
  if (!file) {
    console.error('Usage: node scripts/libreoffice.js file.xlsx');
    process.exit(2);
  }
  const { sheets, order, version } = await xlsxToCsv(await readFile(file));
  console.log(`# ${version}`);
  for (const name of order) console.log(`## ${name}\n${sheets[name]}`);
}
