import {
  EMAIL_DELIVERIES,
  SMS_DELIVERIES,
  type Channel,
} from '../../data/campaign-data-source.js';
import type { ExportCellKind, ExportColumn, WorkbookTexts } from '../../export/export-types.js';
import type { Messages } from '../../i18n/messages.js';

/** How a column is filtered from its header. `link`: the contacts who clicked the chosen link. */
export type FilterKind = 'text' | 'choice' | 'boolean' | 'min' | 'since' | 'link';

/** One column of the statistics table: the single source for the table and the export. */
export interface StatsColumn {
  field: string;
  title: (m: Messages) => string;
  kind: ExportCellKind;
  filter: FilterKind;
  /** The raw values of a `choice` or `link` column. */
  choices?: readonly string[];
  /** For a `list` column: the text of each raw value (a link's label). */
  labels?: Record<string, string>;
  minWidth: number;
}

/** A link of the message as the grid knows it: its id, and the text shown for it. */
export interface KnownLink {
  linkId: string;
  text: string;
}

const identity: StatsColumn[] = [
  { field: 'lastName', title: (m) => m.columns.lastName, kind: 'text', filter: 'text', minWidth: 90 },
  { field: 'firstName', title: (m) => m.columns.firstName, kind: 'text', filter: 'text', minWidth: 90 },
];
const lastActivity: StatsColumn = {
  field: 'lastActivityAt',
  title: (m) => m.columns.lastActivityAt,
  kind: 'date',
  filter: 'since',
  minWidth: 90,
};
const clicks: StatsColumn = { field: 'clickCount', title: (m) => m.columns.clickCount, kind: 'number', filter: 'min', minWidth: 60 };

const EMAIL_COLUMNS: readonly StatsColumn[] = [
  ...identity,
  { field: 'email', title: (m) => m.columns.email, kind: 'text', filter: 'text', minWidth: 148 },
  { field: 'delivery', title: (m) => m.columns.delivery, kind: 'label', filter: 'choice', choices: EMAIL_DELIVERIES, minWidth: 140 },
  { field: 'opened', title: (m) => m.columns.opened, kind: 'boolean', filter: 'boolean', minWidth: 60 },
  { field: 'openCount', title: (m) => m.columns.openCount, kind: 'number', filter: 'min', minWidth: 60 },
  clicks,
  { field: 'spamReported', title: (m) => m.columns.spamReported, kind: 'boolean', filter: 'boolean', minWidth: 60 },
  { field: 'unsubscribed', title: (m) => m.columns.unsubscribed, kind: 'boolean', filter: 'boolean', minWidth: 60 },
  lastActivity,
];

const SMS_COLUMNS: readonly StatsColumn[] = [
  ...identity,
  { field: 'phone', title: (m) => m.columns.phone, kind: 'id', filter: 'text', minWidth: 150 },
  { field: 'delivery', title: (m) => m.columns.delivery, kind: 'label', filter: 'choice', choices: SMS_DELIVERIES, minWidth: 150 },
  clicks,
  { field: 'unsubscribed', title: (m) => m.columns.stop, kind: 'boolean', filter: 'boolean', minWidth: 60 },
  lastActivity,
];

/** The "Liens cliqués" column: the labels of the links each contact clicked, filtered by link. */
function clickedLinksColumn(links: readonly KnownLink[]): StatsColumn {
  return {
    field: 'clickedLinks',
    title: (m) => m.columns.clickedLinks,
    kind: 'list',
    filter: 'link',
    choices: links.map((link) => link.linkId),
    labels: Object.fromEntries(links.map((link) => [link.linkId, link.text])),
    minWidth: 130,
  };
}

/** The columns of a channel; with the "Liens cliqués" column before the last activity when the links are known. */
export function statsColumns(channel: Channel, links?: readonly KnownLink[]): readonly StatsColumn[] {
  const columns = channel === 'sms' ? SMS_COLUMNS : EMAIL_COLUMNS;
  if (!links) return columns;
  return [...columns.slice(0, -1), clickedLinksColumn(links), columns.at(-1)!];
}

/** The export's view of a column, in the user's language. */
export function exportColumn(column: StatsColumn, messages: Messages): ExportColumn {
  const result: ExportColumn = { field: column.field, title: column.title(messages), kind: column.kind };
  if (column.kind === 'label') result.labels = messages.delivery;
  if (column.kind === 'list' && column.labels) result.labels = column.labels;
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
