import type { CampaignStatus, EmailDelivery, SmsDelivery } from '../data/campaign-data-source.js';
import type { DataSourceErrorKind } from '../data/data-source-error.js';

/** Every text the elements show, per language. Functions take already formatted values. */
export interface Messages {
  columns: {
    lastName: string;
    firstName: string;
    email: string;
    phone: string;
    delivery: string;
    opened: string;
    openCount: string;
    clickCount: string;
    spamReported: string;
    unsubscribed: string;
    stop: string;
    lastActivityAt: string;
  };
  delivery: Record<EmailDelivery | SmsDelivery, string>;
  status: Record<CampaignStatus, string>;
  channel: { email: string; sms: string };
  yes: string;
  no: string;

  noCampaign: string;
  noDataSource: string;
  loading: string;
  notAvailable: string;
  notAvailableReason: Record<Exclude<CampaignStatus, 'finished'>, string>;
  empty: string;
  noMatch: string;
  errorTitle: string;
  errors: Record<DataSourceErrorKind | 'invalid-campaign', string>;
  retry: string;

  gridLabel: (campaignName: string) => string;
  searchLabel: string;
  searchPlaceholder: string;
  rowCount: (count: number, formatted: string) => string;
  filteredRowCount: (shown: string, total: string, totalCount: number) => string;
  asOf: (date: string, time: string) => string;
  refresh: string;
  refreshing: string;
  refreshFailed: string;
  rawFiguresHelp: string;
  smsNoOpenHelp: string;
  filterPlaceholder: string;
  filterMin: string;
  filterAfter: string;
  filterAny: string;

  menuLabel: string;
  exportMenu: string;
  exportExcel: string;
  exportButton: string;
  exporting: (rows: string) => string;
  exported: (fileName: string) => string;
  exportFailed: string;
  exportCellTruncated: (count: string) => string;

  sheetStats: string;
  sheetCampaign: string;
  campaignSheet: {
    name: string;
    channel: string;
    sendFinishedAt: string;
    asOf: string;
    rowCount: string;
  };
}

/** A host's partial override of the messages: any group, any key. */
export type MessageOverrides = {
  [K in keyof Messages]?: Messages[K] extends (...args: never[]) => unknown
    ? Messages[K]
    : Messages[K] extends object
      ? Partial<Messages[K]>
      : Messages[K];
};
