/**
 * Writes the statistics workbook with sheetjs-style. This module (and sheetjs-style with it)
 * is loaded only when an export starts.
 */
import './sheetjs.js';
import XLSX from 'sheetjs-style';
import JSZipSync from 'sheetjs-style/jszip.js';
import type { WorkSheet } from 'sheetjs-style';
import { MAX_DATA_ROWS_PER_SHEET, toCell, type CellContext } from './cell-values.js';
import type { ExportColumn, WorkbookRequest, WorkbookResult } from './export-types.js';

const HEADER_STYLE = {
  font: { bold: true, color: { rgb: 'FFFFFFFF' } },
  fill: { patternType: 'solid', fgColor: { rgb: 'FF1F4E79' } },
  alignment: { vertical: 'center', wrapText: true },
  border: { bottom: { style: 'thin', color: { rgb: 'FF0B2840' } } },
};
const LABEL_STYLE = { font: { bold: true } };
const MIN_WIDTH = 8;
const MAX_WIDTH = 50;

function dateFormat(locale: string): string {
  return locale.startsWith('en') ? 'mm/dd/yyyy hh:mm' : 'dd/mm/yyyy hh:mm';
}

/** Widths from the header and a sample of values: enough to read, never a full scan of a huge export. */
function columnWidths(columns: ExportColumn[], rows: readonly Record<string, unknown>[], context: CellContext) {
  const sample = rows.length > 2000 ? rows.slice(0, 2000) : rows;
  return columns.map((column) => {
    let width = column.title.length + 2;
    if (column.kind === 'date') width = Math.max(width, 17);
    for (const row of sample) {
      const cell = toCell(row[column.field], column, { ...context, truncated: { count: 0 } });
      if (cell?.t === 's') width = Math.max(width, cell.v.length + 1);
      else if (cell && !cell.date) width = Math.max(width, String(cell.v).length + 2);
    }
    return { wch: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)) };
  });
}

function statsSheet(request: WorkbookRequest, rows: readonly Record<string, unknown>[], context: CellContext, widths: { wch: number }[]): WorkSheet {
  const { columns } = request;
  const sheet: WorkSheet = {};
  const format = dateFormat(request.locale);
  columns.forEach((column, c) => {
    sheet[XLSX.utils.encode_cell({ r: 0, c })] = { t: 's', v: column.title, s: HEADER_STYLE };
  });
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < columns.length; c++) {
      const cell = toCell(row[columns[c]!.field], columns[c]!, context);
      if (!cell) continue;
      sheet[XLSX.utils.encode_cell({ r: r + 1, c })] = cell.t === 'n' && cell.date ? { t: 'n', v: cell.v, z: format } : { t: cell.t, v: cell.v };
    }
  }
  const range = { s: { r: 0, c: 0 }, e: { r: rows.length, c: Math.max(0, columns.length - 1) } };
  sheet['!ref'] = XLSX.utils.encode_range(range);
  sheet['!autofilter'] = { ref: XLSX.utils.encode_range(range) };
  sheet['!cols'] = widths;
  return sheet;
}

function campaignSheet(request: WorkbookRequest, rowCount: number): WorkSheet {
  const { texts, campaign } = request;
  const format = dateFormat(request.locale);
  const context: CellContext = { yes: texts.yes, no: texts.no, truncated: { count: 0 } };
  const date = (iso: string | undefined) => {
    const cell = toCell(iso, { field: '', title: '', kind: 'date' }, context);
    return cell ? { t: 'n', v: cell.v, z: format } : { t: 's', v: '' };
  };
  const lines: [string, Record<string, unknown>][] = [
    [texts.campaignSheet.name, { t: 's', v: campaign.name }],
    [texts.campaignSheet.channel, { t: 's', v: texts.channel }],
    [texts.campaignSheet.sendFinishedAt, date(campaign.sendFinishedAt)],
    [texts.campaignSheet.asOf, date(request.asOf)],
    [texts.campaignSheet.rowCount, { t: 'n', v: rowCount }],
  ];
  const sheet: WorkSheet = {};
  lines.forEach(([label, value], r) => {
    sheet[XLSX.utils.encode_cell({ r, c: 0 })] = { t: 's', v: label, s: LABEL_STYLE };
    sheet[XLSX.utils.encode_cell({ r, c: 1 })] = value;
  });
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lines.length - 1, c: 1 } });
  sheet['!cols'] = [{ wch: 22 }, { wch: Math.min(MAX_WIDTH, Math.max(20, campaign.name.length + 2)) }];
  return sheet;
}

/** sheetjs-style cannot freeze panes: add the frozen header row to each statistics sheet's XML. */
function freezeHeaderRows(bytes: ArrayBuffer, sheetCount: number): Uint8Array {
  const zip = new JSZipSync(bytes);
  for (let i = 1; i <= sheetCount; i++) {
    const path = `xl/worksheets/sheet${i}.xml`;
    const xml: string = zip.file(path).asText();
    zip.file(
      path,
      xml.replace(
        /<sheetView ([^>]*?)\/>/,
        '<sheetView $1><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>',
      ),
    );
  }
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}

/** `rowsPerSheet` is Excel's limit; a smaller one lets tests see the overflow onto further sheets. */
export function writeWorkbook(request: WorkbookRequest, rowsPerSheet = MAX_DATA_ROWS_PER_SHEET): WorkbookResult {
  const { texts, rows } = request;
  const context: CellContext = { yes: texts.yes, no: texts.no, truncated: { count: 0 } };
  const widths = columnWidths(request.columns, rows, context);
  const workbook = { SheetNames: [] as string[], Sheets: {} as Record<string, WorkSheet> };
  const sheetCount = Math.max(1, Math.ceil(rows.length / rowsPerSheet));
  for (let i = 0; i < sheetCount; i++) {
    const name = i === 0 ? texts.sheetStats : `${texts.sheetStats} (${i + 1})`;
    const chunk = sheetCount === 1 ? rows : rows.slice(i * rowsPerSheet, (i + 1) * rowsPerSheet);
    workbook.SheetNames.push(name);
    workbook.Sheets[name] = statsSheet(request, chunk, context, widths);
  }
  workbook.SheetNames.push(texts.sheetCampaign);
  workbook.Sheets[texts.sheetCampaign] = campaignSheet(request, rows.length);
  const written: ArrayBuffer = XLSX.write(workbook, { bookType: 'xlsx', type: 'array', bookSST: false });
  return { bytes: freezeHeaderRows(written, sheetCount), truncatedCells: context.truncated.count };
}
