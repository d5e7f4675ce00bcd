import '../../src/export/sheetjs.js';
import XLSX from 'sheetjs-style';
import JSZipSync from 'sheetjs-style/jszip.js';
import type { WorkBook } from 'sheetjs-style';

export interface ParsedWorkbook {
  workbook: WorkBook;
  /** The raw XML of a part of the file, e.g. `xl/worksheets/sheet1.xml`. */
  xml(path: string): string;
}

/** Parses an .xlsx file back, keeping formulas, number formats and raw parts for checks. */
export async function parseXlsx(blob: Blob): Promise<ParsedWorkbook> {
  const bytes = await blob.arrayBuffer();
  const workbook = XLSX.read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellDates: false });
  const zip = new JSZipSync(bytes);
  const xml = (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`The file has no ${path}.`);
    return file.asText();
  };
  return { workbook, xml };
}

export const utils = XLSX.utils;

/** A cell as sheetjs-style reads it. */
export interface ReadCell {
  t: string;
  v: unknown;
  f?: string;
  z?: string;
  w?: string;
}

/** Every row of a sheet, over its `!ref`, as its cells (`undefined` for an empty one). */
export function sheetRows(sheet: unknown): (ReadCell | undefined)[][] {
  const cells = sheet as Record<string, ReadCell | undefined>;
  const range = utils.decode_range(cells['!ref'] as unknown as string);
  const rows: (ReadCell | undefined)[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: (ReadCell | undefined)[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push(cells[utils.encode_cell({ r, c })]);
    rows.push(row);
  }
  return rows;
}

/**
 * Catches the file the grid saves (its download link is clicked) and returns it as a Blob,
 * without letting the browser save it.
 */
export function catchDownload(): Promise<{ blob: Blob; fileName: string }> {
  return new Promise((resolve, reject) => {
    const onClick = (event: MouseEvent) => {
      const link = event.target;
      if (!(link instanceof HTMLAnchorElement) || !link.download) return;
      event.preventDefault();
      document.removeEventListener('click', onClick, true);
      fetch(link.href)
        .then((response) => response.blob())
        .then((blob) => resolve({ blob, fileName: link.download }), reject);
    };
    document.addEventListener('click', onClick, true);
  });
}
