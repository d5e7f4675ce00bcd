/**
 * The statistics sheets' rows as SpreadsheetML, written by the export engine row by row.
 * Values are typed by cell-values.ts `toCell` (the one place for typing, formula safety and
 * Excel's limits); this module only turns typed cells into XML.
 */
import { toCell, type CellContext } from './cell-values.js';
import type { ExportColumn, ValueRow } from './export-types.js';

/** `A` for 0, `Z` for 25, `AA` for 26… */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `A1:<last column><last row>`: a sheet's used range (at least A1). */
export function sheetRange(columnCount: number, lastRow: number): string {
  return `A1:${columnName(Math.max(0, columnCount - 1))}${Math.max(1, lastRow)}`;
}

/**
 * What must change in text content: markup characters; CR, which XML readers would turn into
 * LF, written `_x000D_` as Excel writes it (SheetJS drops a `&#13;`); and `_xHHHH_`, which
 * Excel reads as an escaped character, so its `_` is escaped itself.
 */
const SPECIAL = /[&<>\r]|_(?=x[0-9A-Fa-f]{4}_)/g;
const ESCAPE_LOOKALIKE = /_(?=x[0-9A-Fa-f]{4}_)/g;

/** `_xHHHH_` in a text, written so that readers show it as typed: for texts that sheetjs-style writes. */
export function escapeEscapeLookalikes(value: string): string {
  return value.replace(ESCAPE_LOOKALIKE, REPLACEMENTS._!);
}
const NEEDS_WORK = /[&<>\r]|_x[0-9A-Fa-f]{4}_/;
const REPLACEMENTS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '_x000D_', _: '_x005F_' };

/**
 * Text as XML character data; most values need no change and are returned as they are. The
 * text comes from cell-values.ts `toCell`, which has already dropped what XML forbids.
 */
function escapeText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(SPECIAL, (c) => REPLACEMENTS[c]!);
}

/** Excel trims leading and trailing white space unless told to keep it. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** A `<t>` element for a text (the content of an inline string or of a shared string). */
function textElement(value: string): string {
  const keep = value.length > 0 && (isSpace(value.charCodeAt(0)) || isSpace(value.charCodeAt(value.length - 1)));
  return `${keep ? '<t xml:space="preserve">' : '<t>'}${escapeText(value)}</t>`;
}

/**
 * The workbook's shared-string table. Only low-cardinality columns (yes/no, labels) use it: a
 * repeated "Délivré" costs a small index instead of its text, while a million distinct emails
 * stay inline strings and never sit in memory. It is bounded all the same (a label column may
 * hold unexpected raw values): once full, new texts are written inline.
 */
export class SharedStrings {
  static readonly MAX_ENTRIES = 10_000;
  static readonly MAX_CHARS = 1_000_000;
  private readonly indices = new Map<string, number>();
  private readonly added: string[] = [];
  private chars = 0;
  private references = 0;

  /**
   * @param prefix the `<si>` items of the table sheetjs-style wrote (the header and the
   *   "Campagne" sheet refer to them by index), kept first and unchanged.
   */
  constructor(
    private readonly prefix: { items: string; count: number; uniqueCount: number },
  ) {}

  /** The index of `text` in the table, or `undefined` when it is full. */
  indexOf(text: string): number | undefined {
    let index = this.indices.get(text);
    if (index === undefined) {
      if (this.added.length >= SharedStrings.MAX_ENTRIES || this.chars + text.length > SharedStrings.MAX_CHARS) return undefined;
      index = this.prefix.uniqueCount + this.added.length;
      this.indices.set(text, index);
      this.added.push(text);
      this.chars += text.length;
    }
    this.references++;
    return index;
  }

  /** `xl/sharedStrings.xml`, in pieces of bounded size. */
  *xml(): Generator<string> {
    const unique = this.prefix.uniqueCount + this.added.length;
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.prefix.count + this.references}" uniqueCount="${unique}">${this.prefix.items}`;
    let piece = '';
    for (const text of this.added) {
      piece += `<si>${textElement(text)}</si>`;
      if (piece.length > 65_536) {
        yield piece;
        piece = '';
      }
    }
    yield `${piece}</sst>`;
  }
}

/** Style attributes (` s="5"`, or empty for the default style) of data cells, as the template has them. */
export interface DataStyles {
  text: string;
  number: string;
  date: string;
}

/** Writes data rows of a statistics sheet. */
export class RowWriter {
  private readonly names: string[];
  private readonly shared: boolean[];

  constructor(
    private readonly columns: readonly ExportColumn[],
    private readonly styles: DataStyles,
    private readonly strings: SharedStrings,
    private readonly context: CellContext,
  ) {
    this.names = columns.map((_, c) => columnName(c));
    this.shared = columns.map((column) => column.kind === 'boolean' || column.kind === 'label');
  }

  /**
   * `<row>` number `rowNumber` (1-based, as in the sheet) for `values`; empty values leave no
   * cell. Every cell has its reference (`r="B2"`): optional in SpreadsheetML, but readers that
   * scan for it (SheetJS) misplace cells without it when their text looks like an attribute.
   */
  row(rowNumber: number, values: ValueRow): string {
    const r = String(rowNumber);
    let xml = `<row r="${r}">`;
    for (let c = 0; c < this.columns.length; c++) {
      const cell = toCell(values[c], this.columns[c]!, this.context);
      if (!cell) continue;
      const ref = `<c r="${this.names[c]}${r}"`;
      if (cell.t === 'n') {
        xml += `${ref}${cell.date ? this.styles.date : this.styles.number}><v>${cell.v}</v></c>`;
        continue;
      }
      const index = this.shared[c] ? this.strings.indexOf(cell.v) : undefined;
      xml +=
        index === undefined
          ? `${ref}${this.styles.text} t="inlineStr"><is>${textElement(cell.v)}</is></c>`
          : `${ref}${this.styles.text} t="s"><v>${index}</v></c>`;
    }
    return `${xml}</row>`;
  }
}
