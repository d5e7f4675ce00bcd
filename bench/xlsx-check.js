// Node side of the benchmark: reads an exported .xlsx back and checks it against the rows it
// must hold (bench/rows.js) before its time counts: sheets, row count, header, and a sample of
// cells (first, last and spread rows) with their types. A small, fast reader (native inflate,
// zip central directory, CRC-32 checked, the sheet XML scanned as bytes) so that 300,000- and
// 1,000,000-row files check in seconds; small files are also read by sheetjs-style's own
// XLSX.read and the two readings compared (crossCheckWithSheetJS).
import { createRequire } from 'node:module';
import * as zlib from 'node:zlib';
import { COLUMNS, DELIVERY_LABELS, benchRow } from './rows.js';

const MAX_DATA_ROWS_PER_SHEET = 1_048_575;

// ---------- zip ----------

function readZip(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory)');
  let count = buf.readUInt16LE(eocd + 10);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (buf.readUInt32LE(locator) !== 0x07064b50) throw new Error('zip64 locator missing');
    const z64 = Number(buf.readBigUInt64LE(locator + 8));
    count = Number(buf.readBigUInt64LE(z64 + 32));
    cdOffset = Number(buf.readBigUInt64LE(z64 + 48));
  }
  const entries = new Map();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry #${n}`);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    let csize = buf.readUInt32LE(p + 20);
    let usize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let offset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    // zip64 extra field: the 0xFFFFFFFF values, in order.
    for (let e = p + 46 + nameLen; e < p + 46 + nameLen + extraLen; ) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (usize === 0xffffffff) (usize = Number(buf.readBigUInt64LE(q))), (q += 8);
        if (csize === 0xffffffff) (csize = Number(buf.readBigUInt64LE(q))), (q += 8);
        if (offset === 0xffffffff) offset = Number(buf.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    entries.set(name, { method, crc, csize, usize, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    get(name) {
      const entry = entries.get(name);
      if (!entry) throw new Error(`no ${name} in the file`);
      const local = entry.offset;
      if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const raw = buf.subarray(start, start + entry.csize);
      let data;
      if (entry.method === 0) data = raw;
      else if (entry.method === 8) data = zlib.inflateRawSync(raw);
      else throw new Error(`${name}: unsupported compression method ${entry.method}`);
      if (data.length !== entry.usize) throw new Error(`${name}: ${data.length} bytes inflated, the directory says ${entry.usize}`);
      if (typeof zlib.crc32 === 'function' && zlib.crc32(data) >>> 0 !== entry.crc) throw new Error(`${name}: CRC-32 mismatch`);
      return data;
    },
  };
}

// ---------- XML bits ----------

function decode(text) {
  return text
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e) =>
      e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

const attr = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Text of an <si> or <is>: every <t>, phonetic runs left out. */
function richText(xml) {
  let text = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) text += m[1] ?? '';
  return decode(text);
}

function sharedStrings(zip) {
  if (!zip.has('xl/sharedStrings.xml')) return [];
  const xml = zip.get('xl/sharedStrings.xml').toString('utf8');
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => richText(m[1] ?? ''));
}

/** Style index → whether its number format is a date format. */
function dateStyles(zip) {
  if (!zip.has('xl/styles.xml')) return [];
  const xml = zip.get('xl/styles.xml').toString('utf8');
  const codes = new Map([...xml.matchAll(/<numFmt\b[^>]*>/g)].map((m) => [Number(attr(m[0], 'numFmtId')), decode(attr(m[0], 'formatCode') ?? '')]));
  const isDate = (id) => (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || /[dmyhs]/i.test((codes.get(id) ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, ''));
  const xfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(xml)?.[0] ?? '';
  return [...xfs.matchAll(/<xf\b[^>]*>/g)].map((m) => isDate(Number(attr(m[0], 'numFmtId') ?? 0)));
}

function columnIndex(ref) {
  let c = 0;
  for (const ch of /^[A-Z]+/.exec(ref)[0]) c = c * 26 + ch.charCodeAt(0) - 64;
  return c - 1;
}

/** The sheets of the workbook, in order: {name, path}. */
function sheetsOf(zip) {
  const workbook = zip.get('xl/workbook.xml').toString('utf8');
  const rels = zip.get('xl/_rels/workbook.xml.rels').toString('utf8');
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target')]));
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const target = targets.get(/\s[\w]+:id="([^"]*)"/.exec(m[0])?.[1]);
    if (!target) throw new Error(`no relationship for sheet ${m[0]}`);
    return { name: decode(attr(m[0], 'name')), path: target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}` };
  });
}

/** A worksheet as bytes, its <row> start offsets, and a reader of any row's cells. */
function openSheet(zip, path, strings, dates) {
  const xml = zip.get(path);
  const starts = [];
  const dataStart = xml.indexOf('<sheetData');
  const dataEnd = xml.indexOf('</sheetData>');
  for (let p = xml.indexOf('<row', dataStart); p >= 0 && (dataEnd < 0 || p < dataEnd); p = xml.indexOf('<row', p + 4)) {
    const next = xml[p + 4];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x0a || next === 0x0d || next === 0x09) starts.push(p);
  }
  return {
    rowCount: starts.length,
    /** Row k (0-based, header included): cells by column index, {t: 's'|'n'|'b'|'d'|'e', v, date?}. */
    row(k) {
      const end = k + 1 < starts.length ? starts[k + 1] : dataEnd >= 0 ? dataEnd : xml.length;
      const text = xml.toString('utf8', starts[k], end);
      const cells = [];
      let col = -1;
      for (const m of text.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const [, attrs, inner = ''] = m;
        const ref = attr(` ${attrs}`, 'r');
        col = ref ? columnIndex(ref) : col + 1;
        const t = attr(` ${attrs}`, 't') ?? 'n';
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        const style = Number(attr(` ${attrs}`, 's') ?? 0);
        if (/<f[\s>]/.test(inner)) cells[col] = { t: 'formula', v: inner };
        else if (t === 's') cells[col] = { t: 's', v: strings[Number(v)] };
        else if (t === 'str') cells[col] = { t: 's', v: decode(v ?? '') };
        else if (t === 'inlineStr') cells[col] = { t: 's', v: richText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '') };
        else if (t === 'b') cells[col] = { t: 'b', v: v === '1' || v === 'true' };
        else if (t === 'd' || t === 'e') cells[col] = { t, v: decode(v ?? '') };
        else if (v !== undefined) cells[col] = { t: 'n', v: Number(v), date: dates[style] === true };
      }
      return cells;
    },
  };
}

function open(buf) {
  const zip = readZip(buf);
  const strings = sharedStrings(zip);
  const dates = dateStyles(zip);
  const sheets = sheetsOf(zip);
  return { zip, sheets, sheet: (s) => openSheet(zip, s.path, strings, dates) };
}

// ---------- expectations ----------

/** Excel serial of an instant in this machine's local time (the page's time zone too). */
function excelSerial(iso) {
  const date = new Date(iso);
  return (date.getTime() - date.getTimezoneOffset() * 60_000) / 86_400_000 + 25_569;
}

const show = (cell) => (cell === undefined ? 'an empty cell' : `${cell.t}:${JSON.stringify(cell.v)}${cell.date ? ' (date)' : ''}`);

/** The cell our export must write for `value` in `column` (undefined: an empty cell). */
function oursExpected(column, value) {
  if (value === undefined || value === null || value === '') return undefined;
  switch (column.kind) {
    case 'number':
      return { t: 'n', v: value };
    case 'date':
      return { t: 'n', v: excelSerial(value), date: true };
    case 'boolean':
      return { t: 's', v: value ? 'Oui' : 'Non' };
    case 'label':
      return { t: 's', v: DELIVERY_LABELS[value] };
    default:
      return { t: 's', v: String(value) };
  }
}

/** Tabulator's download writes raw values: booleans, ISO strings, delivery codes. */
function baselineExpected(column, value) {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return { t: 'b', v: value };
  if (typeof value === 'number') return { t: 'n', v: value };
  return { t: 's', v: String(value) };
}

function sameCell(expected, actual, { emptyStringIsEmpty }) {
  if (expected === undefined) return actual === undefined || (emptyStringIsEmpty && actual.t === 's' && actual.v === '');
  if (!actual || actual.t !== expected.t) return false;
  if (expected.t === 'n') return Math.abs(actual.v - expected.v) < 1e-6 && (!expected.date || actual.date === true);
  return actual.v === expected.v;
}

/** Rows to compare: the first and last 25 and 50 spread between, 0-based data indices. */
export function sampleIndices(size) {
  const set = new Set();
  for (let i = 0; i < Math.min(25, size); i++) {
    set.add(i);
    set.add(size - 1 - i);
  }
  for (let k = 0; k < 50; k++) set.add(Math.floor(((k + 0.5) * size) / 50) % size);
  return [...set].filter((i) => i >= 0 && i < size).sort((a, b) => a - b);
}

/**
 * Checks an exported file. `kind`: 'ours' (the grid's export: typed cells, Oui/Non, labels,
 * dates as date-formatted numbers, a "Campagne" sheet, more than 1,048,575 rows continued on
 * further sheets) or 'baseline' (Tabulator's raw values, one sheet). Throws on the first
 * difference; returns what was checked.
 */
export function checkXlsx(buf, { kind, size }) {
  const book = open(buf);
  const names = book.sheets.map((s) => s.name);
  const ours = kind === 'ours';
  if (names[0] !== 'Statistiques') throw new Error(`first sheet is "${names[0]}", expected "Statistiques" (sheets: ${names.join(', ')})`);
  if (ours && !names.includes('Campagne')) throw new Error(`no "Campagne" sheet (sheets: ${names.join(', ')})`);
  const dataSheets = book.sheets.filter((s) => s.name !== 'Campagne').map((s) => ({ ...s, ...book.sheet(s) }));
  const rows = dataSheets.reduce((sum, s) => sum + s.rowCount - 1, 0);
  if (rows !== size) throw new Error(`${rows} data rows in ${dataSheets.length} sheet(s), expected ${size}`);
  for (const sheet of dataSheets) {
    const header = sheet.row(0);
    COLUMNS.forEach((column, c) => {
      if (header[c]?.t !== 's' || header[c].v !== column.title) throw new Error(`${sheet.name} header column ${c + 1}: ${show(header[c])}, expected "${column.title}"`);
    });
  }
  const samples = sampleIndices(size);
  for (const i of samples) {
    const sheet = ours ? dataSheets[Math.floor(i / MAX_DATA_ROWS_PER_SHEET)] : dataSheets[0];
    const cells = sheet.row((ours ? i % MAX_DATA_ROWS_PER_SHEET : i) + 1);
    const row = benchRow(i);
    COLUMNS.forEach((column, c) => {
      const expected = ours ? oursExpected(column, row[column.field]) : baselineExpected(column, row[column.field]);
      if (!sameCell(expected, cells[c], { emptyStringIsEmpty: !ours })) {
        throw new Error(`data row ${i + 1}, column "${column.title}": ${show(cells[c])}, expected ${show(expected)}`);
      }
    });
  }
  return { sheets: names, rows, sampledRows: samples.length };
}

/** Small files: sheetjs-style's XLSX.read must read the same sheets, size and sampled cells. */
export function crossCheckWithSheetJS(buf, { kind, size }) {
  const XLSX = createRequire(import.meta.url)('sheetjs-style');
  const workbook = XLSX.read(buf, { type: 'buffer', cellDates: false, cellNF: true });
  const book = open(buf);
  const ours = book.sheets.map((s) => s.name);
  if (workbook.SheetNames.join('|') !== ours.join('|')) throw new Error(`sheetjs reads sheets ${workbook.SheetNames}, the bench reader ${ours}`);
  const first = workbook.Sheets.Statistiques;
  const range = XLSX.utils.decode_range(first['!ref']);
  if (kind === 'ours' && size <= MAX_DATA_ROWS_PER_SHEET && range.e.r !== size) throw new Error(`sheetjs reads ${range.e.r} data rows, expected ${size}`);
  const sheet = book.sheet(book.sheets[0]);
  for (const i of sampleIndices(Math.min(size, MAX_DATA_ROWS_PER_SHEET))) {
    const cells = sheet.row(i + 1);
    COLUMNS.forEach((column, c) => {
      const theirs = first[XLSX.utils.encode_cell({ r: i + 1, c })];
      const mine = cells[c];
      const same =
        (theirs === undefined && mine === undefined) ||
        (theirs !== undefined && mine !== undefined && (theirs.t === mine.t || (theirs.t === 's' && mine.t === 's')) && (typeof mine.v === 'number' ? Math.abs(theirs.v - mine.v) < 1e-9 : theirs.v === mine.v)) ||
        (theirs?.t === 's' && theirs.v === '' && mine === undefined) ||
        (mine?.t === 's' && mine.v === '' && theirs === undefined);
      if (!same) throw new Error(`sheetjs and the bench reader differ at row ${i + 1} col ${c + 1}: ${JSON.stringify(theirs)} vs ${show(mine)}`);
    });
  }
  return true;
}
