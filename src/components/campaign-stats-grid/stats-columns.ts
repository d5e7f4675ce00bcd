import {
  EMAIL_DELIVERIES,
  SMS_DELIVERIES,
  type Channel,
} from '../../data/campaign-data-source.js';
import type { ExportCellKind, ExportColumn, WorkbookTexts } from '../../export/export-types.js';
import type { Messages } from '../../i18n/messages.js';

/** How a column is filtered from its header. */
export type FilterKind = 'text' | 'choice' | 'boolean' | 'min' | 'since';

/** One column of the statistics table: the single source for the table and the export. */
export interface StatsColumn {
  field: string;
  title: (m: Messages) => string;
  kind: ExportCellKind;
  filter: FilterKind;
  /** The raw values of a `choice` column. */
  choices?: readonly string[];
  minWidth: number;
}

const identity: StatsColumn[] = [
  { field: 'lastName', title: (m) => m.columns.lastName, kind: 'text', filter: 'text', minWidth: 110 },
  { field: 'firstName', title: (m) => m.columns.firstName, kind: 'text', filter: 'text', minWidth: 100 },
];
const lastActivity: StatsColumn = {
  field: 'lastActivityAt',
  title: (m) => m.columns.lastActivityAt,
  kind: 'date',
  filter: 'since',
  minWidth: 150,
};
const clicks: StatsColumn = { field: 'clickCount', title: (m) => m.columns.clickCount, kind: 'number', filter: 'min', minWidth: 80 };

const EMAIL_COLUMNS: readonly StatsColumn[] = [
  ...identity,
  { field: 'email', title: (m) => m.columns.email, kind: 'text', filter: 'text', minWidth: 200 },
  { field: 'delivery', title: (m) => m.columns.delivery, kind: 'label', filter: 'choice', choices: EMAIL_DELIVERIES, minWidth: 140 },
  { field: 'opened', title: (m) => m.columns.opened, kind: 'boolean', filter: 'boolean', minWidth: 85 },
  { field: 'openCount', title: (m) => m.columns.openCount, kind: 'number', filter: 'min', minWidth: 120 },
  clicks,
  { field: 'spamReported', title: (m) => m.columns.spamReported, kind: 'boolean', filter: 'boolean', minWidth: 120 },
  { field: 'unsubscribed', title: (m) => m.columns.unsubscribed, kind: 'boolean', filter: 'boolean', minWidth: 115 },
  lastActivity,
];

const SMS_COLUMNS: readonly StatsColumn[] = [
  ...identity,
  { field: 'phone', title: (m) => m.columns.phone, kind: 'id', filter: 'text', minWidth: 150 },
  { field: 'delivery', title: (m) => m.columns.delivery, kind: 'label', filter: 'choice', choices: SMS_DELIVERIES, minWidth: 150 },
  clicks,
  { field: 'unsubscribed', title: (m) => m.columns.stop, kind: 'boolean', filter: 'boolean', minWidth: 95 },
  lastActivity,
];

export function statsColumns(channel: Channel): readonly StatsColumn[] {
  return channel === 'sms' ? SMS_COLUMNS : EMAIL_COLUMNS;
}

/** The export's view of a column, in the user's language. */
export function exportColumn(column: StatsColumn, messages: Messages): ExportColumn {
  const result: ExportColumn = { field: column.field, title: column.title(messages), kind: column.kind };
  if (column.kind === 'label') result.labels = messages.delivery;
  return result;
}

/** The texts written in the file besides the columns' titles, in the user's language. */
export function workbookTexts(messages: Messages, channel: Channel): WorkbookTexts {
  return {
    yes: messages.yes,
    no: messages.no,
    sheetStats: messages.sheetStats,
    sheetCampaign: messages.sheetCampaign,
    channel: messages.channel[channel],
    campaignSheet: messages.campaignSheet,
  };
}
