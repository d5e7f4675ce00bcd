/**
 * The Excel export engine, the one code path for every size, run in the export worker (or on
 * the main thread where no worker can start). This module, and sheetjs-style with it, is
 * loaded only when an export starts.
 *
 * sheetjs-style writes the workbook's styles and structure: a small template workbook with the
 * styled header, one sample data row (to learn the data cells' style indices), the autofilter,
 * column widths, every statistics sheet, the "Campagne" sheet (campaign-sheet.ts) and the
 * "Synthèse" one (summary-sheet.ts), each set up for print by page-setup.ts. Its row writer is
 * what does not scale (10 s and 500 MB for 100,000 rows), so the statistics sheets' rows are
 * streamed instead: generated row by row into the template sheet's head and tail, encoded in chunks and
 * compressed natively by zip-writer.ts. Neither the file nor a sheet's XML is ever one string.
 */
import './sheetjs.js';
import XLSX from 'sheetjs-style';
import JSZipSync from 'sheetjs-style/jszip.js';
import type { WorkSheet } from 'sheetjs-style';
import { toCell, xmlSafeText, type CellContext } from './cell-values.js';
import { XLSX_MIME, type EngineHooks, type EngineResult, type ExportColumn, type ExportJob, type ValueRow, type WorkbookMeta } from './export-types.js';
import { RowWriter, SharedStrings, sheetRange, type DataStyles } from './sheet-xml.js';
import { campaignSheet } from './campaign-sheet.js';
import { pageHeader, paperSizeFor, printTitles, withPageSetup, type PageSetup } from './page-setup.js';
import { dateTimeFormat, excelDateTimeFormat } from '../i18n/date-format.js';
import { HEADER_EXTRA_WIDTH, HEADER_ROW_POINTS, headerStyle, MAX_WIDTH, MIN_WIDTH, textCell } from './styled-cells.js';
import { summarySheet } from './summary-sheet.js';
import { ZipWriter } from './zip-writer.js';

/** Column widths come from the header and these first rows: enough to read, never a full scan. */
const WIDTH_SAMPLE_ROWS = 2000;
/** Sheet XML is encoded and compressed by pieces of about this many characters. */
const CHUNK_CHARS = 256 * 1024;
const FROZEN_VIEW =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>';

/** Data rows of each statistics sheet: `rowsPerSheet` each, the rest on the last; one sheet at least. */
function sheetRowCounts(totalRows: number, rowsPerSheet: number): number[] {
  const counts: number[] = [];
  for (let left = totalRows; left > 0; left -= rowsPerSheet) counts.push(Math.min(left, rowsPerSheet));
  return counts.length ? counts : [0];
}

function columnWidths(columns: ExportColumn[], sample: readonly ValueRow[], context: CellContext): { wch: number }[] {
  // The sample is typed again when written: its truncations must not be counted twice.
  const sampleContext = { ...context, truncated: { count: 0 } };
  return columns.map((column, c) => {
    let width = column.title.length + HEADER_EXTRA_WIDTH;
    if (column.kind === 'date') width = Math.max(width, 17);
    for (const row of sample) {
      const cell = toCell(row[c], column, sampleContext);
      if (cell?.t === 's') width = Math.max(width, cell.v.length + 1);
      else if (cell && !cell.date) width = Math.max(width, String(cell.v).length + 2);
    }
    return { wch: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)) };
  });
}

/**
 * A statistics sheet of the template: the header row, and on the first sheet (when it has data
 * rows) a sample row (A2 text, B2 number, C2 date) whose only use is the style indices
 * sheetjs-style gives them. The autofilter is the real one: sheetjs-style also writes it into
 * workbook.xml (over a header-only range it extends it to the sheet's last row, hence no sample
 * row without data).
 */
function templateStatsSheet(meta: WorkbookMeta, ref: string, widths: { wch: number }[], withSample: boolean): WorkSheet {
  const sheet: WorkSheet = {};
  meta.columns.forEach((column, c) => {
    sheet[XLSX.utils.encode_cell({ r: 0, c })] = textCell(column.title, headerStyle());
  });
  let last = { r: 0, c: Math.max(0, meta.columns.length - 1) };
  if (withSample) {
    sheet.A2 = { t: 's', v: 'text' };
    sheet.B2 = { t: 'n', v: 1 };
    sheet.C2 = { t: 'n', v: 1, z: excelDateTimeFormat(meta.locale) };
    last = { r: 1, c: Math.max(last.c, 2) };
  }
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: last });
  sheet['!autofilter'] = { ref };
  sheet['!cols'] = widths;
  sheet['!rows'] = [{ hpt: HEADER_ROW_POINTS }];
  return sheet;
}

interface SheetTemplate {
  /** Up to and with the header row, with the real `<dimension>` and the frozen pane. */
  head: string;
  /** From `</sheetData>`: the autofilter and the ignored-errors range, on the real range. */
  tail: string;
}

interface Template {
  /** Every part but the statistics sheets and the shared strings, `[Content_Types].xml` first. */
  parts: { name: string; bytes: Uint8Array<ArrayBuffer> }[];
  sheets: SheetTemplate[];
  styles: DataStyles;
  sharedStrings: { items: string; count: number; uniqueCount: number };
}

function unexpected(what: string): Error {
  return new Error(`The Excel export cannot use sheetjs-style's output: ${what} not found.`);
}

/** The `s` attribute of a template cell; none when its style is the default one (xf 0) anyway. */
function styleOf(sheetXml: string, ref: string, xfs: string[]): string {
  const match = new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheetXml);
  if (!match) throw unexpected(`cell ${ref}`);
  const index = Number(match[1] ?? 0);
  return index === 0 || xfs[index] === xfs[0] ? '' : ` s="${index}"`;
}

function splitSheet(xml: string, ref: string): SheetTemplate {
  const open = xml.indexOf('<sheetData>');
  const close = xml.indexOf('</sheetData>');
  const header = /^<row r="1"[^>]*>[\s\S]*?<\/row>/.exec(xml.slice(open + '<sheetData>'.length));
  if (open < 0 || close < 0 || !header) throw unexpected('a sheet with a header row');
  const head = xml.slice(0, open + '<sheetData>'.length).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`);
  if (!head.includes('<sheetView workbookViewId="0"/>')) throw unexpected('the sheet view');
  return {
    head: head.replace('<sheetView workbookViewId="0"/>', FROZEN_VIEW) + header[0],
    tail: xml.slice(close).replace(/(<ignoredError [^>]*sqref=")[^"]*"/, `$1${ref}"`),
  };
}

/**
 * How the sheets print: the statistics sheets landscape with gridlines (their rows are wide),
 * "Campagne" and "Synthèse" portrait; one page wide, the campaign and its data date on top.
 */
function printing(meta: WorkbookMeta): { stats: PageSetup; portrait: PageSetup } {
  const header = pageHeader(meta.campaign.name, `${meta.texts.campaignSheet.asOf} ${dateTimeFormat(meta.locale, 'dateTime').format(new Date(meta.asOf))}`);
  const paperSize = paperSizeFor(meta.locale);
  return {
    stats: { orientation: 'landscape', gridLines: true, header, paperSize },
    portrait: { orientation: 'portrait', gridLines: false, header, paperSize },
  };
}

/** `value` with every string in it made XML-safe (plain data: the job as posted to the worker). */
function withXmlSafeTexts<T>(value: T): T {
  if (typeof value === 'string') return xmlSafeText(value) as T;
  if (Array.isArray(value)) return value.map(withXmlSafeTexts) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, withXmlSafeTexts(v)])) as T;
  }
  return value;
}

/** Excel refuses `[ ] : * ? / \` in a sheet name and more than 31 characters. */
function sheetName(base: string, suffix = ''): string {
  const name = base.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet';
  return name.slice(0, 31 - suffix.length) + suffix;
}

function buildTemplate(job: ExportJob, counts: number[], widths: { wch: number }[], context: CellContext): Template {
  const { meta } = job;
  const names = counts.map((_, i) => sheetName(meta.texts.sheetStats, i === 0 ? '' : ` (${i + 1})`));
  const campaignName = sheetName(meta.texts.sheetCampaign);
  const refs = counts.map((count) => sheetRange(meta.columns.length, count + 1));
  // Print titles: the header row on every printed page of each statistics sheet.
  const workbook = {
    SheetNames: [...names, campaignName],
    Sheets: {} as Record<string, WorkSheet>,
    Workbook: { Names: names.map((name, i) => printTitles(name, i)) },
  };
  const withSample = counts[0]! > 0;
  names.forEach((name, i) => (workbook.Sheets[name] = templateStatsSheet(meta, refs[i]!, widths, withSample && i === 0)));
  workbook.Sheets[campaignName] = campaignSheet(meta, job.totalRows, context);
  if (meta.summary) {
    const summaryName = sheetName(meta.summary.name);
    workbook.SheetNames.push(summaryName);
    workbook.Sheets[summaryName] = summarySheet(meta.summary, context);
  }
  // Shared strings: the header, "Campagne" and "Synthèse" refer to them; the streamed rows add theirs.
  const zip = new JSZipSync(XLSX.write(workbook, { bookType: 'xlsx', type: 'array', bookSST: true }) as ArrayBuffer);
  const text = (path: string) => {
    const file = zip.file(path);
    if (!file) throw unexpected(path);
    return file.asText();
  };

  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(text('xl/styles.xml'))?.[1]?.match(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g);
  if (!xfs) throw unexpected('the cell styles');
  const first = text('xl/worksheets/sheet1.xml');
  const styles = withSample
    ? { text: styleOf(first, 'A2', xfs), number: styleOf(first, 'B2', xfs), date: styleOf(first, 'C2', xfs) }
    : { text: '', number: '', date: '' };

  const sst = /<sst [^>]*?count="(\d+)" uniqueCount="(\d+)">([\s\S]*)<\/sst>/.exec(text('xl/sharedStrings.xml'));
  if (!sst) throw unexpected('the shared strings');

  const streamed = new Set([...names.map((_, i) => `xl/worksheets/sheet${i + 1}.xml`), 'xl/sharedStrings.xml']);
  const kept = Object.keys(zip.files).filter((path) => !streamed.has(path) && !path.endsWith('/'));
  // First, as Office writes it: some tools recognise an OOXML file by its first entry.
  kept.sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  const print = printing(meta);
  // "Campagne" and "Synthèse": the sheets after the statistics ones.
  const printed = new Set(workbook.SheetNames.slice(names.length).map((_, i) => `xl/worksheets/sheet${names.length + i + 1}.xml`));
  const encoder = new TextEncoder();
  const bytes = (name: string) => (printed.has(name) ? encoder.encode(withPageSetup(text(name), print.portrait)) : zip.file(name)!.asUint8Array());
  return {
    parts: kept.map((name) => ({ name, bytes: bytes(name) })),
    sheets: names.map((_, i) => splitSheet(withPageSetup(text(`xl/worksheets/sheet${i + 1}.xml`), print.stats), refs[i]!)),
    styles,
    sharedStrings: { items: sst[3]!, count: Number(sst[1]), uniqueCount: Number(sst[2]) },
  };
}

/**
 * UTF-8 through one reused buffer. In Chromium, `encodeInto` plus a copy of the bytes written
 * costs a fifth of `encode` on these strings (about 150 ms against 750 ms for 100,000 rows).
 */
class Utf8Encoder {
  private readonly encoder = new TextEncoder();
  private buffer = new Uint8Array(3 * CHUNK_CHARS + 4096);

  encode(text: string): Uint8Array<ArrayBuffer> {
    // One UTF-16 code unit never takes more than 3 bytes of UTF-8.
    if (3 * text.length > this.buffer.length) this.buffer = new Uint8Array(3 * text.length);
    const { written } = this.encoder.encodeInto(text, this.buffer);
    // A copy: the compressor keeps the chunk while the buffer is reused.
    return this.buffer.slice(0, written);
  }
}

/** Reads the source's pages; lets the first rows be looked at (for the widths) before they are written. */
class RowCursor {
  private readonly buffered: (readonly ValueRow[])[] = [];
  private position = 0;
  private ended = false;
  private readonly iterator: AsyncIterator<readonly ValueRow[]>;

  constructor(pages: AsyncIterable<readonly ValueRow[]>) {
    this.iterator = pages[Symbol.asyncIterator]();
  }

  /** The first `count` rows (fewer if the source has fewer), without consuming them. */
  async peek(count: number): Promise<ValueRow[]> {
    let available = this.buffered.reduce((sum, page) => sum + page.length, 0) - this.position;
    while (available < count && (await this.fill())) available += this.buffered.at(-1)!.length;
    return this.buffered.flat().slice(this.position, this.position + count);
  }

  /** The next rows, at most `max` (never none while rows remain), or `undefined` at the end of the source. */
  async take(max: number): Promise<readonly ValueRow[] | undefined> {
    while (this.buffered.length === 0 || this.position >= this.buffered[0]!.length) {
      if (this.buffered.length) {
        this.buffered.shift();
        this.position = 0;
      } else if (!(await this.fill())) return undefined;
    }
    const page = this.buffered[0]!;
    const start = this.position;
    this.position = Math.min(page.length, start + max);
    return start === 0 && this.position === page.length ? page : page.slice(start, this.position);
  }

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.iterator.next();
    if (next.done) this.ended = true;
    else this.buffered.push(next.value);
    return !next.done;
  }
}

/**
 * Writes the workbook for `job` from `pages` (each row the values of `job.meta.columns`, in
 * order). The source must give exactly `job.totalRows` rows: the sheets' layout, ranges and
 * the row count in the "Campagne" sheet are decided from it before the first row is written.
 */
export async function writeWorkbook(untrustedJob: ExportJob, pages: AsyncIterable<readonly ValueRow[]>, hooks: EngineHooks): Promise<EngineResult> {
  // Texts (a host's `strings`, a campaign's fields) reach sheetjs-style's parts as they are: made XML-safe first.
  const job = withXmlSafeTexts(untrustedJob);
  const { meta, totalRows } = job;
  const context: CellContext = { yes: meta.texts.yes, no: meta.texts.no, truncated: { count: 0 } };
  const cursor = new RowCursor(pages);
  const counts = sheetRowCounts(totalRows, job.rowsPerSheet);
  const template = buildTemplate(job, counts, columnWidths(meta.columns, await cursor.peek(WIDTH_SAMPLE_ROWS), context), context);
  const strings = new SharedStrings(template.sharedStrings);
  const rows = new RowWriter(meta.columns, template.styles, strings, context);
  const encoder = new Utf8Encoder();
  let written = 0;

  async function* sheet(sheetTemplate: SheetTemplate, rowCount: number): AsyncGenerator<Uint8Array<ArrayBuffer>> {
    let xml = sheetTemplate.head;
    let rowNumber = 2;
    for (let left = rowCount; left > 0; ) {
      const batch = await cursor.take(left);
      if (!batch) throw new Error(`The Excel export expected ${totalRows} rows, but the data ended after ${written}.`);
      for (const values of batch) {
        xml += rows.row(rowNumber++, values);
        if (xml.length >= CHUNK_CHARS) {
          yield encoder.encode(xml);
          xml = '';
        }
      }
      left -= batch.length;
      written += batch.length;
      hooks.onProgress(written);
    }
    yield encoder.encode(xml + sheetTemplate.tail);
  }

  const zip = new ZipWriter(new Date(meta.asOf));
  for (const part of template.parts) await zip.add(part.name, [part.bytes]);
  for (let i = 0; i < counts.length; i++) await zip.add(`xl/worksheets/sheet${i + 1}.xml`, sheet(template.sheets[i]!, counts[i]!));
  if (await cursor.take(1)) throw new Error(`The Excel export expected ${totalRows} rows, but the data has more.`);
  await zip.add('xl/sharedStrings.xml', Array.from(strings.xml(), (piece) => encoder.encode(piece)));
  if (totalRows === 0) hooks.onProgress(0);
  return { blob: zip.finish(XLSX_MIME), truncatedCells: context.truncated.count };
}
