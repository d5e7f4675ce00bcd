import type { WorkbookRequest } from './export-types.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ExcelFile {
  blob: Blob;
  truncatedCells: number;
}

/** Builds the workbook; the writer (and sheetjs-style) is fetched on the first export only. */
export async function buildExcelFile(request: WorkbookRequest): Promise<ExcelFile> {
  const { writeWorkbook } = await import('./xlsx-workbook.js');
  const { bytes, truncatedCells } = writeWorkbook(request);
  return { blob: new Blob([bytes as BlobPart], { type: XLSX_MIME }), truncatedCells };
}

/** Saves a file the way a download link does. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
