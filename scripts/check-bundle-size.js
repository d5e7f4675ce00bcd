// Bundle budget of the self-contained module (npm run check:size, after npm run build).
// Counts what a page with a grid really loads before any export: the entry
// (dist/standalone/campaign-stats-elements.js), the chunks it imports statically, and Tabulator's
// chunk, which the grid fetches alongside its first data request. Fails (exit 1, one line) when
// that is over 110 KB gzip (level 9), or when it contains the spreadsheet writer (sheetjs-style),
// which must stay in the export worker and its lazily loaded fallback.
// Prints the gzip size of every file beside it.
// Usage: node scripts/check-bundle-size.js [dir]   (default dist/standalone)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIR = process.argv[2] ?? 'dist/standalone';
const ENTRY = 'campaign-stats-elements.js';
/**
 * 1 KB = 1024 bytes. 100 KB until v2, whose fourth element (<campaign-stats-summary>), the
 * grid's links column and summary filter, and the CSV export took the module to 100.3 KB; 105 KB
 * until the accessible grid (the APG keyboard model and its cell tooltip, one live region per
 * element, forced-colours and contrast styles, plurals and locale-aware date formats, the list's
 * card layout), which took it to 108.5 KB; 110 KB until the hostile-input work (Trusted Types
 * text-only Tabulator modules, RestDataSource's Retry-After, size and content-type checks, export
 * and page limits, the Sarbacane access queue), which took it to 111.2 KB; 112 KB until the
 * performance work (refresh in slices, the grid's own hover tooltip, the export's column pages)
 * reached it, and DemoDataSource's contact generator and links (4.3 KB) moved to lazy chunks:
 * 108.6 KB. The next growth should again be paid for.
 */
const BUDGET_BYTES = 110 * 1024;
/** Loaded by every grid at once, though by a dynamic import. */
const GRID_CHUNK = /^tabulator-.*\.js$/;
/**
 * A string found only in the spreadsheet writer, minified or not: sheetjs-style names itself
 * "SheetJS" in the files it writes (docProps/app.xml) and in its messages.
 */
const WRITER_MARKERS = ['SheetJS'];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipSize = (code) => gzipSync(code, { level: 9 }).length;

function fail(message) {
  console.error(`check:size FAILED: ${message}`);
  process.exit(1);
}

if (!existsSync(join(DIR, ENTRY))) fail(`${join(DIR, ENTRY)} does not exist; run \`npm run build\` first.`);

/** Relative modules a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import("./x.js")`. */
function staticImports(code) {
  const found = new Set();
  for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)(["'])\.\/([^"']+\.js)\1/g)) found.add(match[2]);
  return [...found];
}

const files = readdirSync(DIR).filter((file) => file.endsWith('.js'));
const code = Object.fromEntries(files.map((file) => [file, readFileSync(join(DIR, file), 'utf8')]));

// What a page with a grid loads: the entry, Tabulator's chunk, and what they import statically.
const initial = new Set([ENTRY, ...files.filter((file) => GRID_CHUNK.test(file))]);
for (const file of initial) for (const dep of staticImports(code[file] ?? '')) if (code[dep] !== undefined) initial.add(dep);

const rows = files
  .map((file) => ({ file, initial: initial.has(file), min: Buffer.byteLength(code[file]), gzip: gzipSize(code[file]), writer: WRITER_MARKERS.some((m) => code[file].includes(m)) }))
  .sort((a, b) => Number(b.initial) - Number(a.initial) || (a.file === ENTRY ? -1 : b.file === ENTRY ? 1 : a.file.localeCompare(b.file)));

const width = Math.max(...rows.map((r) => r.file.length));
console.log(`Self-contained module, ${DIR} (gzip level 9):`);
for (const r of rows) {
  const note = r.writer ? '  (spreadsheet writer)' : '';
  console.log(`  ${r.initial ? 'initial' : 'lazy   '}  ${r.file.padEnd(width)}  ${kb(r.min).padStart(9)} min  ${kb(r.gzip).padStart(8)} gzip${note}`);
}
const initialRows = rows.filter((r) => r.initial);
const initialGzip = initialRows.reduce((sum, r) => sum + r.gzip, 0);
console.log(`  a page with a grid loads: ${kb(initialGzip)} gzip of a ${kb(BUDGET_BYTES)} budget (${initialRows.length} file${initialRows.length > 1 ? 's' : ''})`);

const writerInInitial = initialRows.find((r) => r.writer);
if (writerInInitial) {
  const marker = WRITER_MARKERS.find((m) => code[writerInInitial.file].includes(m));
  fail(`what a page with a grid loads contains the spreadsheet writer (${writerInInitial.file} has "${marker}"); it must stay in the worker and the lazy fallback.`);
}
if (initialGzip > BUDGET_BYTES) {
  fail(`a page with a grid loads ${kb(initialGzip)} gzip (${initialGzip} bytes), over the ${kb(BUDGET_BYTES)} budget (${BUDGET_BYTES} bytes).`);
}
console.log('check:size OK');
