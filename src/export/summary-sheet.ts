/**
 * The "Synthèse" sheet of the .xlsx (DESIGN v2), as sheetjs-style writes it: the campaign's
 * figures, then, after an empty row, its links table, each under a header styled like the
 * statistics sheets'. Values are typed by cell-values.ts `toCell`: counts are numbers, rates
 * numbers with a percent format, labels and URLs text (never a formula, nor a link).
 */
import './sheetjs.js';
import XLSX from 'sheetjs-style';
import type { WorkSheet } from 'sheetjs-style';
import { toCell, type CellContext } from './cell-values.js';
import type { ExportColumn, SummarySheet } from './export-types.js';
import { HEADER_EXTRA_WIDTH, headerStyle, MAX_WIDTH, MIN_WIDTH, textCell } from './styled-cells.js';

type SheetCell = Record<string, unknown>;

const TEXT: ExportColumn = { field: '', title: '', kind: 'text' };
const NUMBER: ExportColumn = { field: '', title: '', kind: 'number' };
/** One decimal: 12.5 %, as the summary shows it. */
const PERCENT = '0.0%';
/** What a percent cell shows at most ("100.0%"), for the widths. */
const PERCENT_CHARS = 6;

function typed(value: unknown, column: ExportColumn, context: CellContext, format?: string): SheetCell | undefined {
  const cell = toCell(value, column, context);
  if (!cell) return undefined;
  return cell.t === 's' ? textCell(cell.v) : { t: 'n', v: cell.v, ...(format && { z: format }) };
}

/** Characters a cell shows, about: enough to size its column. */
function shownLength(cell: SheetCell | undefined): number {
  if (!cell) return 0;
  if (cell.z === PERCENT) return PERCENT_CHARS;
  // Only header cells are styled.
  return String(cell.v).length + (cell.s ? HEADER_EXTRA_WIDTH : 0);
}

/** The "Synthèse" sheet for `summary`, its texts already XML-safe (xlsx-engine.ts). */
export function summarySheet(summary: SummarySheet, context: CellContext): WorkSheet {
  const text = (value: string | undefined) => typed(value, TEXT, context);
  const count = (value: number | undefined) => typed(value, NUMBER, context);
  const rate = (value: number | undefined) => typed(value, NUMBER, context, PERCENT);
  const header = (titles: readonly string[]) => titles.map((title) => textCell(title, headerStyle()));
  const rows: (SheetCell | undefined)[][] = [
    header(summary.figureHeaders),
    ...summary.figures.map((figure) => [text(figure.label), count(figure.count), rate(figure.rate), text(figure.rateOf)]),
  ];
  if (summary.links.length) {
    rows.push(
      [],
      header(summary.linkHeaders),
      ...summary.links.map((link) => [text(link.label), text(link.url), count(link.clickCount), count(link.clickers), rate(link.rate)]),
    );
  }

  const sheet: WorkSheet = {};
  const widths: number[] = [];
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      widths[c] = Math.max(widths[c] ?? 0, shownLength(cell) + 1);
      if (cell) sheet[XLSX.utils.encode_cell({ r, c })] = cell;
    }),
  );
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: rows.length - 1, c: widths.length - 1 } });
  sheet['!cols'] = widths.map((width) => ({ wch: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)) }));
  return sheet;
}
