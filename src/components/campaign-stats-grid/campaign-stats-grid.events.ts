import type { Campaign } from '../../data/campaign-data-source.js';
import type { ExportFormat } from '../../export/export-types.js';

export interface CampaignStatsLoadDetail {
  campaign: Campaign;
  /** Number of contacts in the campaign's statistics. */
  total: number;
  /** ISO 8601 time the figures are from. */
  asOf: string;
}

export type CampaignStatsOperation = 'getCampaign' | 'getContactStats' | 'getStatsSummary' | 'export';

export interface CampaignStatsErrorDetail {
  error: Error;
  operation: CampaignStatsOperation;
}

export interface CampaignStatsExportDetail {
  campaign: Campaign;
  fileName: string;
  rowCount: number;
  /** `xlsx` (Exporter ▸ Excel) or `csv` (Exporter ▸ CSV). */
  format: ExportFormat;
}

/** Where an export ran: in the export worker, or on the main thread where no worker could start. */
export type ExportThread = 'worker' | 'main';

export interface CampaignStatsExportedDetail extends CampaignStatsExportDetail {
  byteLength: number;
  thread: ExportThread;
}

declare global {
  interface HTMLElementEventMap {
    'campaign-stats-load': CustomEvent<CampaignStatsLoadDetail>;
    'campaign-stats-error': CustomEvent<CampaignStatsErrorDetail>;
    'campaign-stats-export': CustomEvent<CampaignStatsExportDetail>;
    'campaign-stats-exported': CustomEvent<CampaignStatsExportedDetail>;
  }
}
