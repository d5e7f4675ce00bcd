/**
 * The rows of an export as they cross to the export worker: column by column, in typed arrays
 * whose buffers are transferred (moved, not copied) and one string per text column, instead of
 * an array of values per row that `postMessage` structured-clones value by value. The main
 * thread reads each exported field once (`encodePage`); the worker rebuilds the rows the
 * engines read (`decodePage`). What is left on the main thread is mostly the texts, joined and
 * then copied into the message: about 2.9 of the 3.5 ms that 5,000 rows of the grid's e-mail
 * columns take on the machine measured (their row arrays took 5.6).
 *
 * Exact: a row decoded gives every engine the cells the row itself gives. Each column holds
 * the values of its kind it can hold exactly; an empty value (`undefined`, `null`, `''`, which
 * `toCell` writes as no cell whatever the kind) comes back `undefined`; any other value (a
 * number in a text column, a `Date`, an object…) is sent as it is, structured-cloned, in the
 * column's `others` (so a value that cannot be cloned still fails the export, as it did).
 */
import type { ExportCellKind, ExportColumn, ValueRow } from './export-types.js';

/** Values a column's encoding does not hold, as they are: their rows (ascending) and values. */
export interface Others {
  rows: number[];
  values: unknown[];
}

/**
 * One column of a page:
 * - `texts` (text, id and date columns: dates stay their ISO strings, read by the engine):
 *   the strings one after another in `text`, row `r` ending at `ends[r]`; an empty slot is an
 *   empty value. Offsets rather than a separator: a text may hold any character (validate.ts
 *   drops control characters from a data source's texts, but tab, CR and LF stay, and rows
 *   given directly may hold anything).
 * - `numbers`: `values[r]`, exact (NaN, ±Infinity, -0 included), unless `empty[r]` is 1.
 * - `booleans`: 0 empty, 1 false, 2 true.
 * - `codes` (label columns): 0 empty, else `dictionary[codes[r] - 1]`, the raw value.
 * - `lists` (list columns, arrays of strings): row `r`'s items are `items[ends[r - 1]…ends[r]]`,
 *   each an index in `dictionary`; no item is an empty value.
 * In every column, the rows of `others` hold their value instead.
 */
export type EncodedColumn =
  | { encoding: 'texts'; text: string; ends: Int32Array<ArrayBuffer>; others?: Others }
  | { encoding: 'numbers'; values: Float64Array<ArrayBuffer>; empty?: Uint8Array<ArrayBuffer>; others?: Others }
  | { encoding: 'booleans'; values: Uint8Array<ArrayBuffer>; others?: Others }
  | { encoding: 'codes'; codes: Uint16Array<ArrayBuffer>; dictionary: string[]; others?: Others }
  | { encoding: 'lists'; ends: Int32Array<ArrayBuffer>; items: Uint16Array<ArrayBuffer>; dictionary: string[]; others?: Others };

/** Rows of the source, `WorkbookMeta.columns` by column. */
export interface ColumnPage {
  rowCount: number;
  columns: EncodedColumn[];
}

/** Distinct values a `codes` or `lists` column can index; more are sent as they are. */
const MAX_DICTIONARY = 0xffff;
/** Characters a column's `text` holds at most (V8's strings stop at 2^29 − 24): beyond, texts are sent as they are. */
const MAX_TEXT_CHARS = 1 << 26;

type Row = Readonly<Record<string, unknown>>;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

class OthersBuilder {
  rows: number[] = [];
  values: unknown[] = [];

  add(row: number, value: unknown): void {
    this.rows.push(row);
    this.values.push(value);
  }

  get result(): Others | undefined {
    return this.rows.length ? { rows: this.rows, values: this.values } : undefined;
  }
}

function encodeTexts(rows: readonly Row[], field: string): EncodedColumn {
  const parts: string[] = [];
  const ends = new Int32Array(rows.length);
  const others = new OthersBuilder();
  let length = 0;
  for (let r = 0; r < rows.length; r++) {
    const value = rows[r]![field];
    if (typeof value === 'string' && length + value.length <= MAX_TEXT_CHARS) {
      parts.push(value);
      length += value.length;
    } else if (!isEmpty(value)) others.add(r, value);
    ends[r] = length;
  }
  return { encoding: 'texts', text: parts.join(''), ends, others: others.result };
}

function encodeNumbers(rows: readonly Row[], field: string): EncodedColumn {
  const values = new Float64Array(rows.length);
  let empty: Uint8Array<ArrayBuffer> | undefined;
  const others = new OthersBuilder();
  for (let r = 0; r < rows.length; r++) {
    const value = rows[r]![field];
    if (typeof value === 'number') values[r] = value;
    else {
      (empty ??= new Uint8Array(rows.length))[r] = 1;
      if (!isEmpty(value)) others.add(r, value);
    }
  }
  return { encoding: 'numbers', values, empty, others: others.result };
}

function encodeBooleans(rows: readonly Row[], field: string): EncodedColumn {
  const values = new Uint8Array(rows.length);
  const others = new OthersBuilder();
  for (let r = 0; r < rows.length; r++) {
    const value = rows[r]![field];
    if (value === true) values[r] = 2;
    else if (value === false) values[r] = 1;
    else if (!isEmpty(value)) others.add(r, value);
  }
  return { encoding: 'booleans', values, others: others.result };
}

/** Indexes of strings in a dictionary of at most `MAX_DICTIONARY` entries. */
class Dictionary {
  readonly values: string[] = [];
  private readonly indexes = new Map<string, number>();

  /** The index of `value`, or -1 when the dictionary is full. */
  indexOf(value: string): number {
    let index = this.indexes.get(value);
    if (index === undefined) {
      if (this.values.length === MAX_DICTIONARY) return -1;
      index = this.values.push(value) - 1;
      this.indexes.set(value, index);
    }
    return index;
  }
}

function encodeCodes(rows: readonly Row[], field: string): EncodedColumn {
  const codes = new Uint16Array(rows.length);
  const dictionary = new Dictionary();
  const others = new OthersBuilder();
  // Neighbouring rows mostly share their label: the last one's code is tried first.
  let last: unknown;
  let lastCode = 0;
  for (let r = 0; r < rows.length; r++) {
    const value = rows[r]![field];
    if (value === last) {
      codes[r] = lastCode;
      continue;
    }
    if (isEmpty(value)) continue;
    const index = typeof value === 'string' ? dictionary.indexOf(value) : -1;
    if (index >= 0) {
      codes[r] = lastCode = index + 1;
      last = value;
    } else others.add(r, value);
  }
  return { encoding: 'codes', codes, dictionary: dictionary.values, others: others.result };
}

/** Whether every item of `list` is a string the dictionary indexes, written from `items[at]` on (grown as needed). */
function encodeListItems(list: readonly unknown[], dictionary: Dictionary, target: { items: Uint16Array<ArrayBuffer> }, at: number): boolean {
  if (at + list.length > target.items.length) {
    const grown = new Uint16Array(Math.max(2 * target.items.length, at + list.length));
    grown.set(target.items.subarray(0, at));
    target.items = grown;
  }
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const index = typeof item === 'string' ? dictionary.indexOf(item) : -1;
    if (index < 0) return false;
    target.items[at + i] = index;
  }
  return true;
}

function encodeLists(rows: readonly Row[], field: string): EncodedColumn {
  const ends = new Int32Array(rows.length);
  const dictionary = new Dictionary();
  const target: { items: Uint16Array<ArrayBuffer> } = { items: new Uint16Array(Math.max(16, rows.length)) };
  const others = new OthersBuilder();
  let count = 0;
  for (let r = 0; r < rows.length; r++) {
    const value = rows[r]![field];
    if (Array.isArray(value) && value.length > 0 && encodeListItems(value, dictionary, target, count)) count += value.length;
    else if (!isEmpty(value) && !(Array.isArray(value) && value.length === 0)) others.add(r, value);
    ends[r] = count;
  }
  return { encoding: 'lists', ends, items: target.items.slice(0, count), dictionary: dictionary.values, others: others.result };
}

const ENCODERS: Record<ExportCellKind, (rows: readonly Row[], field: string) => EncodedColumn> = {
  text: encodeTexts,
  id: encodeTexts,
  date: encodeTexts,
  number: encodeNumbers,
  boolean: encodeBooleans,
  label: encodeCodes,
  list: encodeLists,
};

/** The buffers of a page's typed arrays: what `postMessage` moves rather than copies. */
function buffers(column: EncodedColumn): ArrayBuffer[] {
  switch (column.encoding) {
    case 'texts':
      return [column.ends.buffer];
    case 'numbers':
      return column.empty ? [column.values.buffer, column.empty.buffer] : [column.values.buffer];
    case 'booleans':
      return [column.values.buffer];
    case 'codes':
      return [column.codes.buffer];
    case 'lists':
      return [column.ends.buffer, column.items.buffer];
  }
}

/** `rows` as a page to post with its `transfer` list: read column by column (reading them row by row first cost the same). */
export function encodePage(rows: readonly Row[], columns: readonly ExportColumn[]): { page: ColumnPage; transfer: ArrayBuffer[] } {
  const encoded = columns.map((column) => ENCODERS[column.kind](rows, column.field));
  return { page: { rowCount: rows.length, columns: encoded }, transfer: encoded.flatMap(buffers) };
}

/** Writes column `c` of `page` into `rows`. */
function decodeColumn(column: EncodedColumn, c: number, rows: unknown[][]): void {
  const n = rows.length;
  switch (column.encoding) {
    case 'texts': {
      const { text, ends } = column;
      for (let r = 0, start = 0; r < n; r++) {
        const end = ends[r]!;
        if (end > start) rows[r]![c] = text.slice(start, end);
        start = end;
      }
      break;
    }
    case 'numbers': {
      const { values, empty } = column;
      for (let r = 0; r < n; r++) if (!empty || empty[r] === 0) rows[r]![c] = values[r];
      break;
    }
    case 'booleans': {
      const { values } = column;
      for (let r = 0; r < n; r++) if (values[r]) rows[r]![c] = values[r] === 2;
      break;
    }
    case 'codes': {
      const { codes, dictionary } = column;
      for (let r = 0; r < n; r++) if (codes[r]) rows[r]![c] = dictionary[codes[r]! - 1];
      break;
    }
    case 'lists': {
      const { ends, items, dictionary } = column;
      for (let r = 0, start = 0; r < n; r++) {
        const end = ends[r]!;
        if (end > start) {
          const list = new Array<string>(end - start);
          for (let i = start; i < end; i++) list[i - start] = dictionary[items[i]!]!;
          rows[r]![c] = list;
        }
        start = end;
      }
      break;
    }
  }
  const { others } = column;
  if (others) others.rows.forEach((r, i) => (rows[r]![c] = others.values[i]));
}

/** The rows of a page as the engines read them: each the values of the exported columns, in order. */
export function decodePage(page: ColumnPage): ValueRow[] {
  const width = page.columns.length;
  const rows: unknown[][] = [];
  for (let r = 0; r < page.rowCount; r++) rows.push(new Array<unknown>(width).fill(undefined));
  page.columns.forEach((column, c) => decodeColumn(column, c, rows));
  return rows;
}
