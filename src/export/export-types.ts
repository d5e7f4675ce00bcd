import type { Campaign } from '../data/campaign-data-source.js';

/** How a column's values are written: typed cells, never formulas. */
export type ExportCellKind = 'text' | 'id' | 'number' | 'date' | 'boolean' | 'label';

export interface ExportColumn {
  field: string;
  title: string;
  kind: ExportCellKind;
  /** For `label` columns: the text shown for each raw value (e.g. delivery statuses). */
  labels?: Record<string, string>;
}

/** Everything the workbook writer needs; plain data, so that it can be posted to a worker. */
export interface WorkbookRequest {
  columns: ExportColumn[];
  rows: readonly Record<string, unknown>[];
  campaign: Campaign;
  /** ISO 8601 time the figures are from. */
  asOf: string;
  /** `Intl` locale and the texts written in the file. */
  locale: string;
  texts: {
    yes: string;
    no: string;
    sheetStats: string;
    sheetCampaign: string;
    channel: string;
    campaignSheet: { name: string; channel: string; sendFinishedAt: string; asOf: string; rowCount: string };
  };
}

export interface WorkbookResult {
  bytes: Uint8Array;
  /** Cells whose text was cut to Excel's 32,767-character limit. */
  truncatedCells: number;
}
