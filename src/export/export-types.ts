import type { Campaign } from '../data/campaign-data-source.js';
import type { Messages } from '../i18n/messages.js';
import type { ColumnPage } from './column-pages.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const CSV_MIME = 'text/csv;charset=utf-8';

/** The files an export can write. */
export type ExportFormat = 'xlsx' | 'csv';

/**
 * How a column's values are written: typed cells, never formulas. `list`: an array of raw
 * values (a contact's `clickedLinks`), written as their labels joined by ", ".
 */
export type ExportCellKind = 'text' | 'id' | 'number' | 'date' | 'boolean' | 'label' | 'list';

export interface ExportColumn {
  field: string;
  title: string;
  kind: ExportCellKind;
  /** For `label` and `list` columns: the text shown for each raw value (delivery statuses, link labels). */
  labels?: Record<string, string>;
}

/**
 * The "Synthèse" sheet (DESIGN v2): the campaign's figures and its links table, already in
 * the exporting user's language. Written when the data source gave the figures.
 */
export interface SummarySheet {
  /** The sheet's name ("Synthèse" / "Summary"). */
  name: string;
  /** Titles of the figures table: figure, count, rate, what the rate is of. */
  figureHeaders: [string, string, string, string];
  /** `count` is absent for a ratio (reactivity), whose figure is its rate. */
  figures: { label: string; count?: number; /** 0 to 1 */ rate?: number; rateOf?: string }[];
  /** Titles of the links table: link, URL, clicks, unique clickers, rate. */
  linkHeaders: [string, string, string, string, string];
  /** The links table's rows, in the summary's order (most clickers first). */
  links: { label: string; url: string; clickCount?: number; clickers: number; /** 0 to 1 */ rate?: number }[];
}

/** The texts written in the file, in the exporting user's language. */
export interface WorkbookTexts {
  yes: string;
  no: string;
  sheetStats: string;
  sheetCampaign: string;
  channel: string;
  /** The « Campagne » sheet's labels: those of the messages. */
  campaignSheet: Messages['campaignSheet'];

}

/** The grid's view the rows were exported from, in the user's words, for the "Campagne" sheet. */
export interface ExportedView {
  /** The search typed, if any. */
  search?: string;
  /** The filters applied, as the grid shows them: `{ column: 'Délivrabilité', value: 'Délivré' }`. */
  filters: { column: string; value: string }[];
  /** Contacts in the whole campaign, whatever the search and filters. */
  campaignTotal: number;
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
  /** The view exported (xlsx only): without it, the "Campagne" sheet says nothing of search, filters or total. */
  view?: ExportedView;
  /** The "Synthèse" sheet, when the figures are known (xlsx only). */
  summary?: SummarySheet;
}

/**
 * One row as the engine reads it: the values of `WorkbookMeta.columns`, in their order (in the
 * worker, as column-pages.ts `decodePage` gives them back).
 */
export type ValueRow = readonly unknown[];

/** What the engine is asked to write. */
export interface ExportJob {
  /** `xlsx` when absent. */
  format?: ExportFormat;
  meta: WorkbookMeta;
  /** The rows the source announced: they decide the sheets' layout before the first row is written. */
  totalRows: number;
  /** Data rows per statistics sheet: Excel's limit, or fewer to see the overflow in tests. */
  rowsPerSheet: number;
}

/** What an engine (xlsx-engine.ts, csv-engine.ts) tells as it writes. */
export interface EngineHooks {
  /** Rows written so far, after each batch; once with 0 when there is no row. */
  onProgress(rowsWritten: number): void;
}

export interface EngineResult {
  blob: Blob;
  /** Cells whose text was cut to Excel's 32,767-character limit. */
  truncatedCells: number;
}

/**
 * An engine writes the file for a job from the rows of `pages`: exactly `job.totalRows` rows,
 * else it rejects saying what came instead.
 */
export type Engine = (job: ExportJob, pages: AsyncIterable<readonly ValueRow[]>, hooks: EngineHooks) => Promise<EngineResult>;

/**
 * Messages between the main thread and the export worker (export-worker.ts). The worker says
 * `ready` once loaded, then pulls pages one at a time, so that at most a few pages wait in
 * its memory however fast the main thread could post them. A page's rows come by column
 * (column-pages.ts), their buffers transferred.
 */
export type ToWorker = { type: 'start'; job: ExportJob } | { type: 'page'; page: ColumnPage } | { type: 'end' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'pull' }
  | { type: 'progress'; rowsWritten: number }
  | ({ type: 'done' } & EngineResult)
  | { type: 'error'; message: string };
