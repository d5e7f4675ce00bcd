import { parseIsoDate } from '../internal/iso-date.js';
import type { ExportColumn } from './export-types.js';

/** Excel's limits (https://support.microsoft.com/office/excel-specifications-and-limits). */
export const MAX_CELL_TEXT = 32_767;
export const MAX_SHEET_ROWS = 1_048_576;
/** One row of each sheet is the header. */
export const MAX_DATA_ROWS_PER_SHEET = MAX_SHEET_ROWS - 1;

/** A typed cell as sheetjs-style writes it: `s` text, `n` number (dates are numbers with a date format). */
export type Cell = { t: 's'; v: string } | { t: 'n'; v: number; date?: true };

const MS_PER_DAY = 86_400_000;
/** Days between Excel's epoch (1899-12-30) and the Unix epoch. */
const EXCEL_EPOCH_OFFSET = 25_569;

/** An Excel date serial for an instant, in the local time zone of the person exporting. */
export function excelDateSerial(date: Date): number {
  return (date.getTime() - date.getTimezoneOffset() * 60_000) / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

/**
 * The local wall-clock time an Excel date serial of `excelDateSerial` stands for, in the UTC
 * fields of the Date returned (read them with `getUTC…`): the inverse, to the millisecond.
 */
export function localTimeOfSerial(serial: number): Date {
  return new Date(Math.round((serial - EXCEL_EPOCH_OFFSET) * MS_PER_DAY));
}

export interface CellContext {
  yes: string;
  no: string;
  /** Counts the texts cut to Excel's limit. */
  truncated: { count: number };
}

/** Characters XML 1.0 does not allow at all, in any part of the file: C0 controls but tab, LF and CR; U+FFFE and U+FFFF. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Either, or any surrogate: one scan tells the (common) text that needs no change. */
const MAY_NEED_WORK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Text that every part of the file can hold: characters XML forbids are dropped, a lone
 * surrogate becomes U+FFFD. Used for every string written, cells and sheetjs-style's parts alike.
 */
export function xmlSafeText(value: string): string {
  if (!MAY_NEED_WORK.test(value)) return value;
  return value.replace(NOT_XML, '').replace(LONE_SURROGATE, '\uFFFD');
}

function text(raw: string, context: CellContext): Cell {
  const value = xmlSafeText(raw);
  if (value.length > MAX_CELL_TEXT) {
    context.truncated.count++;
    // Never half of a surrogate pair at the end (a broken emoji).
    const end = /[\uD800-\uDBFF]/.test(value[MAX_CELL_TEXT - 1]!) ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT;
    return { t: 's', v: value.slice(0, end) };
  }
  return { t: 's', v: value };
}

/** The text shown for a raw value of a `label` or `list` column: its label, else the value itself. */
function label(value: unknown, column: ExportColumn): string {
  return column.labels?.[String(value)] ?? String(value);
}

/**
 * The cell for one value, or `undefined` for an empty cell. Text is always a string cell,
 * so `=HYPERLINK(…)`, `+33…` or `@SUM` can never become a formula or a number.
 */
export function toCell(value: unknown, column: ExportColumn, context: CellContext): Cell | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  switch (column.kind) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? { t: 'n', v: n } : text(String(value), context);
    }
    case 'date': {
      // Only real ISO 8601 dates (or Date objects) are dates; anything else is no date.
      const time = value instanceof Date ? value.getTime() : parseIsoDate(value);
      return time === undefined || Number.isNaN(time) ? undefined : { t: 'n', v: excelDateSerial(new Date(time)), date: true };
    }
    case 'boolean':
      return { t: 's', v: value === true ? context.yes : context.no };
    case 'label':
      return text(label(value, column), context);
    case 'list': {
      // A lone value is a list of one; empty items leave no empty slot between the commas.
      const items = (Array.isArray(value) ? value : [value]).filter((item) => item !== undefined && item !== null && item !== '');
      return items.length ? text(items.map((item) => label(item, column)).join(', '), context) : undefined;
    }
    default:
      return text(String(value), context);
  }
}
