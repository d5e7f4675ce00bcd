/**
 * The CSV export engine: the rows and columns of the .xlsx's statistics sheets as one table,
 * run in the export worker (or on the main thread where no worker can start). Values are typed
 * by cell-values.ts `toCell`, as in the .xlsx (Oui/Non, labels, lists joined, the same
 * truncation); this module only writes them as CSV fields. It imports neither sheetjs-style nor
 * the ZIP writer, so that the main-thread fallback for a CSV stays small.
 *
 * The file: UTF-8 with a BOM (without it Excel reads the bytes in the system's code page), `;`
 * between fields under French (French Excel splits on its list separator, `;`) and `,` under
 * English, CRLF line ends, RFC 4180 quoting. Streamed: the text is cut in chunks of bounded
 * size, each made a Blob at once, so neither the file nor a large part of it is ever one string.
 */
import { localTimeOfSerial, toCell, xmlSafeText, type Cell, type CellContext } from './cell-values.js';
import { CSV_MIME, type EngineHooks, type EngineResult, type ExportJob, type ValueRow } from './export-types.js';

/** Text is handed to a Blob by pieces of about this many characters. */
const CHUNK_CHARS = 512 * 1024;
const CRLF = '\r\n';
/** What makes a spreadsheet read a field as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/**
 * What a field must be quoted for: a formula start, or what RFC 4180 quotes (the separator, a
 * quote, a line break; both separators, so that a reader guessing the other one still splits
 * right). One test, as most fields need nothing.
 */
const NEEDS_QUOTES = /^[=+\-@\t\r]|[";,\r\n]/;

interface Dialect {
  separator: string;
  decimal: string;
}

/** What spreadsheets of the exporting user's language expect: `,` and `.` in English, `;` and `,` otherwise (French). */
function dialect(locale: string): Dialect {
  return locale.toLowerCase().startsWith('en') ? { separator: ',', decimal: '.' } : { separator: ';', decimal: ',' };
}

/**
 * A text field. One that a spreadsheet would run as a formula is made inert with a leading `'`
 * and quoted, so that `=HYPERLINK(…)`, `+33…` or `@SUM(…)` are shown, never evaluated.
 */
function textField(value: string): string {
  if (!NEEDS_QUOTES.test(value)) return value;
  return `"${FORMULA_START.test(value) ? "'" : ''}${value.replace(/"/g, '""')}"`;
}

/** Digits as typed, no grouping: `String()` alone writes exponents below 1e-6 and from 1e21. */
function numberField(value: number, { decimal }: Dialect): string {
  if (Number.isSafeInteger(value)) return String(value);
  let digits = String(value);
  if (digits.includes('e')) digits = value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 100 });
  return decimal === '.' ? digits : digits.replace('.', decimal);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `YYYY-MM-DD HH:mm` in the exporting user's local time, as the .xlsx shows it: ISO order reads
 * the same in every language (no day/month doubt) and every spreadsheet takes it for a date.
 */
function dateField(serial: number): string {
  const t = localTimeOfSerial(serial);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

function field(cell: Cell | undefined, format: Dialect): string {
  if (!cell) return '';
  if (cell.t === 's') return textField(cell.v);
  return cell.date ? dateField(cell.v) : numberField(cell.v, format);
}

/**
 * Writes the CSV for `job` from `pages` (each row the values of `job.meta.columns`, in order),
 * as `writeWorkbook` does the .xlsx: the same rows, the same progress, exactly `job.totalRows`
 * rows or an error saying what came instead.
 */
export async function writeCsv(job: ExportJob, pages: AsyncIterable<readonly ValueRow[]>, hooks: EngineHooks): Promise<EngineResult> {
  const { meta, totalRows } = job;
  const format = dialect(meta.locale);
  const context: CellContext = { yes: meta.texts.yes, no: meta.texts.no, truncated: { count: 0 } };
  const columns = meta.columns;
  const parts: Blob[] = [];
  let text = `\uFEFF${columns.map((column) => textField(xmlSafeText(column.title))).join(format.separator)}${CRLF}`;
  let written = 0;
  for await (const page of pages) {
    if (!page.length) continue;
    if (written + page.length > totalRows) throw new Error(`The CSV export expected ${totalRows} rows, but the data has more.`);
    for (const values of page) {
      for (let c = 0; c < columns.length; c++) {
        if (c) text += format.separator;
        text += field(toCell(values[c], columns[c]!, context), format);
      }
      text += CRLF;
      if (text.length >= CHUNK_CHARS) {
        parts.push(new Blob([text]));
        text = '';
      }
    }
    written += page.length;
    hooks.onProgress(written);
  }
  if (written < totalRows) throw new Error(`The CSV export expected ${totalRows} rows, but the data ended after ${written}.`);
  if (totalRows === 0) hooks.onProgress(0);
  parts.push(new Blob([text]));
  return { blob: new Blob(parts, { type: CSV_MIME }), truncatedCells: context.truncated.count };
}
