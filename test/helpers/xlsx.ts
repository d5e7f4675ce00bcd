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
