/**
 * The "Campagne" sheet of the .xlsx, as sheetjs-style writes it: one line per fact, its label
 * (bold) then its value, both left-aligned whatever the value's type; what the rows are (the
 * campaign, when its data is from, how many of its contacts were exported) and, when the grid
 * says, from which search and filters.
 */
import './sheetjs.js';
import XLSX from 'sheetjs-style';
import type { WorkSheet } from 'sheetjs-style';
import { toCell, type CellContext } from './cell-values.js';
import type { ExportColumn, WorkbookMeta } from './export-types.js';
import { excelDateTimeFormat } from '../i18n/date-format.js';
import { labelStyle, MAX_WIDTH, textCell, valueStyle } from './styled-cells.js';

type SheetCell = Record<string, unknown>;

const TEXT: ExportColumn = { field: '', title: '', kind: 'text' };
const DATE: ExportColumn = { field: '', title: '', kind: 'date' };
const COUNT_FORMAT = '#,##0';
const LABEL_WIDTH = 26;

/** The "Campagne" sheet for `meta` (its texts already XML-safe, xlsx-engine.ts), `rowCount` rows exported. */
export function campaignSheet(meta: WorkbookMeta, rowCount: number, context: CellContext): WorkSheet {
  const { texts, campaign, view } = meta;
  const labels = texts.campaignSheet;
  const text = (value: string | undefined) => textCell(String(toCell(value, TEXT, context)?.v ?? ''), valueStyle());
  const date = (iso: string | undefined) => {
    const cell = toCell(iso, DATE, context);
    return cell ? { t: 'n', v: cell.v, z: excelDateTimeFormat(meta.locale), s: valueStyle() } : text('');
  };
  const count = (value: number) => ({ t: 'n', v: value, z: COUNT_FORMAT, s: valueStyle() });

  const lines: [string, SheetCell][] = [
    [labels.name, text(campaign.name)],
    [labels.channel, text(texts.channel)],
    [labels.sendFinishedAt, date(campaign.sendFinishedAt)],
    [labels.asOf, date(meta.asOf)],
  ];
  if (view) lines.push([labels.total, count(view.campaignTotal)]);
  lines.push([labels.rowCount, count(rowCount)]);
  if (view) {
    lines.push([labels.search, text(view.search?.trim() || labels.noSearch)]);
    const filters = view.filters.map((filter) => `${filter.column}${labels.filterSeparator}${filter.value}`);
    // One line per filter, the label on the first only.
    (filters.length ? filters : [labels.none]).forEach((filter, i) => lines.push([i === 0 ? labels.filters : '', text(filter)]));
  }

  const sheet: WorkSheet = {};
  lines.forEach(([label, value], r) => {
    if (label) sheet[XLSX.utils.encode_cell({ r, c: 0 })] = textCell(label, labelStyle());
    sheet[XLSX.utils.encode_cell({ r, c: 1 })] = value;
  });
  const longest = Math.max(...lines.map(([, value]) => (value.t === 's' ? String(value.v).length : 0)));
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lines.length - 1, c: 1 } });
  sheet['!cols'] = [{ wch: Math.max(LABEL_WIDTH, ...lines.map(([label]) => label.length + 2)) }, { wch: Math.min(MAX_WIDTH, Math.max(20, longest + 2)) }];
  return sheet;
}
