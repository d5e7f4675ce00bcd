/**
 * Cells, styles and widths of the parts sheetjs-style writes (the statistics sheets' header,
 * "Campagne", "Synthèse"), shared by xlsx-engine.ts and summary-sheet.ts.
 */
import { escapeEscapeLookalikes } from './sheet-xml.js';

/**
 * New objects for every cell: sheetjs-style adds to the styles it is given (`fill.bgColor`), so
 * a shared object would give a second export other style indices than the first.
 */
export const headerStyle = () => ({
  font: { bold: true, color: { rgb: 'FFFFFFFF' } },
  fill: { patternType: 'solid', fgColor: { rgb: 'FF1F4E79' } },
  // Indented and centred in a taller row (xlsx-engine.ts): the titles do not touch the fill's edges.
  alignment: { horizontal: 'left', vertical: 'center', indent: 1, wrapText: true },
  border: { bottom: { style: 'thin', color: { rgb: 'FF0B2840' } } },
});
export const labelStyle = () => ({ font: { bold: true }, alignment: { horizontal: 'left', vertical: 'top' } });
/** A value beside its label: left-aligned whatever its type, so that numbers and dates sit under the texts. */
export const valueStyle = () => ({ alignment: { horizontal: 'left', vertical: 'top', wrapText: true } });

/** Characters a header cell needs beyond its title's: the bold font and the indent take about four. */
export const HEADER_EXTRA_WIDTH = 4;

/** Height of the statistics sheets' header row, in points (a data row is 15). */
export const HEADER_ROW_POINTS = 30;

/** Bounds of a column's width, in characters. */
export const MIN_WIDTH = 8;
export const MAX_WIDTH = 50;

/**
 * A text cell for sheetjs-style, which writes text as it is: `_xHHHH_` in it would read as an
 * escaped character, so its `_` is escaped as OOXML says (sheet-xml.ts does the same for rows).
 */
export function textCell(text: string, style?: Record<string, unknown>): Record<string, unknown> {
  return { t: 's', v: escapeEscapeLookalikes(text), ...(style && { s: style }) };
}
