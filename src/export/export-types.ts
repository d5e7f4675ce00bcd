import type { Campaign } from '../data/campaign-data-source.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** How a column's values are written: typed cells, never formulas. */
export type ExportCellKind = 'text' | 'id' | 'number' | 'date' | 'boolean' | 'label';

export interface ExportColumn {
  field: string;
  title: string;
  kind: ExportCellKind;
  /** For `label` columns: the text shown for each raw value (e.g. delivery statuses). */
  labels?: Record<string, string>;
}

/** The texts written in the file, in the exporting user's language. */
export interface WorkbookTexts {
  yes: string;
  no: string;
  sheetStats: string;
  sheetCampaign: string;
  channel: string;
  campaignSheet: { name: string; channel: string; sendFinishedAt: string; asOf: string; rowCount: string };
}

/** Everything about the workbook but its rows; plain data, so that it can be posted to a worker. */
export interface WorkbookMeta {
  columns: ExportColumn[];
  campaign: Campaign;
  /** ISO 8601 time the figures are from. */
  asOf: string;
  /** `Intl` locale of the person exporting. */
  locale: string;
  texts: WorkbookTexts;
}

/**
 * One row as the engine reads it: the values of `WorkbookMeta.columns`, in their order. Arrays
 * rather than the source's row objects: they cost less to post to the worker.
 */
export type ValueRow = readonly unknown[];

/** What the engine is asked to write. */
export interface ExportJob {
  meta: WorkbookMeta;
  /** The rows the source announced: they decide the sheets' layout before the first row is written. */
  totalRows: number;
  /** Data rows per statistics sheet: Excel's limit, or fewer to see the overflow in tests. */
  rowsPerSheet: number;
}

export interface EngineResult {
  blob: Blob;
  /** Cells whose text was cut to Excel's 32,767-character limit. */
  truncatedCells: number;
}

/**
 * Messages between the main thread and the export worker (export-worker.ts). The worker says
 * `ready` once loaded, then pulls pages one at a time, so that at most a few pages wait in
 * its memory however fast the main thread could post them.
 */
export type ToWorker = { type: 'start'; job: ExportJob } | { type: 'page'; rows: ValueRow[] } | { type: 'end' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'pull' }
  | { type: 'progress'; rowsWritten: number }
  | ({ type: 'done' } & EngineResult)
  | { type: 'error'; message: string };
