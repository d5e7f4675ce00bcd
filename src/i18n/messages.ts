import type { CampaignStatus, Channel, EmailDelivery, SmsDelivery } from '../data/campaign-data-source.js';
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
    clickedLinks: string;
  };
  delivery: Record<EmailDelivery | SmsDelivery, string>;
  status: Record<CampaignStatus, string>;
  channel: { email: string; sms: string };
  yes: string;
  no: string;

  noCampaign: string;
  /** The page gave the element no data source: said to the user in plain words (the console tells the developer). */
  noDataSource: string;
  loading: string;
  notAvailable: string;
  /** The title for a cancelled campaign: its statistics will never exist. */
  neverAvailable: string;
  notAvailableReason: Record<Exclude<CampaignStatus, 'finished'>, string>;
  empty: string;
  noMatch: string;
  errorTitle: string;
  errors: Record<DataSourceErrorKind | 'invalid-campaign', string>;
  retry: string;

  gridLabel: (campaignName: string) => string;
  /** Said when Shift+←/→ narrows or widens a column; `em` already formatted. */
  columnWidth: (column: string, em: string) => string;
  searchLabel: string;
  searchPlaceholder: string;
  rowCount: (count: number, formatted: string) => string;
  filteredRowCount: (shown: string, total: string, totalCount: number) => string;
  asOf: (date: string, time: string) => string;
  refresh: string;
  refreshing: string;
  /** Shown a few seconds beside the data time after a refresh that brought new figures. */
  updated: string;
  refreshFailed: string;
  rawFiguresHelp: string;
  smsNoOpenHelp: string;
  filterPlaceholder: string;
  filterMin: string;
  filterLabel: (column: string) => string;
  /** Keys: hours of the "last activity" filter's periods. */
  activityWithin: Record<1 | 24 | 168 | 720, string>;
  noActivity: string;
  filterAny: string;
  /** The paginator of a campaign read page by page (above the grid's server-side threshold). */
  pagination: {
    label: string;
    first: string;
    firstTitle: string;
    previous: string;
    previousTitle: string;
    next: string;
    nextTitle: string;
    last: string;
    lastTitle: string;
    /** Before a page number, in each page button's name ("Page 3"). */
    page: string;
    counter: (page: string, pages: string, from: string, to: string) => string;
    loading: string;
    error: string;
  };

  /** The banner of a grid filtered from `<campaign-stats-summary>`. */
  summaryFilter: (label: string) => string;
  clearSummaryFilter: string;
  /** The grid counts other contacts than the figure did: its data is of another time. */
  summaryFilterMoved: (count: string, date: string, time: string) => string;
  summaryFilterCleared: string;

  menuLabel: string;
  exportMenu: string;
  exportExcel: string;
  exportCsv: string;
  exportButton: string;
  exporting: (count: number, formatted: string) => string;
  exported: (fileName: string) => string;
  exportFailed: string;
  /** The cause of a failed export, in the user's words, and what to do. */
  exportFailedBecause: (cause: string) => string;
  retryExport: string;
  exportProgressLabel: string;
  /** Rows written, rows in all (formatted, then as a number), and seconds left when they can be estimated. */
  exportProgress: (written: string, total: string, totalCount: number, secondsLeft: number | undefined) => string;
  cancelExport: string;
  exportCancelled: string;
  exportCellTruncated: (count: number, formatted: string) => string;
  /** Why an export of more rows than a file holds (MAX_EXPORT_ROWS, written in the text) is refused. */
  exportTooLarge: string;

  sheetStats: string;
  /** The word between the campaign's name and the date in an export's file name. */
  fileNameWord: string;
  sheetCampaign: string;
  /** The export's "Synthèse" sheet. */
  sheetSummary: string;
  summarySheet: {
    figureHeaders: [string, string, string, string];
    linkHeaders: [string, string, string, string, string];
  };
  campaignSheet: {
    name: string;
    channel: string;
    sendFinishedAt: string;
    asOf: string;
    rowCount: string;
    /** Contacts in the whole campaign, whatever the search and filters. */
    total: string;
    search: string;
    filters: string;
    /** Shown for no filter. */
    none: string;
    /** Shown for no search (« Aucune » in French, where a filter is « Aucun »). */
    noSearch: string;
    /** Between a filter's column and its value. */
    filterSeparator: string;
  };

  /** `<campaign-list>` */
  list: {
    caption: Record<Channel, string>;
    searchLabel: string;
    searchPlaceholder: string;
    columnName: string;
    columnStatus: string;
    columnSendFinishedAt: string;
    columnRecipients: string;
    columnActions: string;
    /** Said (not shown) where a campaign has no send-finished date. */
    noSendFinishedDate: string;
    loading: string;
    empty: Record<Channel, string>;
    noMatch: (search: string) => string;
    errorTitle: string;
    /** Campaigns of the answer that were unreadable and are not shown. */
    skipped: (count: number, formatted: string) => string;
    range: (from: string, to: string, total: string) => string;
    pagination: string;
    previous: string;
    next: string;
    openStats: string;
    /** Why the actions of a campaign are disabled, per status. */
    unavailable: Record<Exclude<CampaignStatus, 'finished'>, string>;
  };

  /** `<campaign-stats-summary>` */
  summary: SummaryMessages;

  /** `<sarbacane-link>` */
  link: {
    label: string;
    newTab: string;
    checking: string;
    noCampaign: string;
    noAccount: string;
    noReport: string;
    unsafeUrl: string;
    error: string;
    notFinished: Record<Exclude<CampaignStatus, 'finished'>, string>;
  };
}

/** Figures of `<campaign-stats-summary>`, by key. */
export type SummaryFigureKey =
  | 'recipients'
  | EmailDelivery
  | SmsDelivery
  | 'openers'
  | 'clickers'
  | 'reactivity'
  | 'unsubscribed'
  | 'stop'
  | 'spamReported';

export interface SummaryMessages {
  label: (campaignName: string) => string;
  noCampaign: string;
  loading: string;
  empty: string;
  figuresTitle: string;
  figures: Record<SummaryFigureKey, string>;
  /** What a rate is of, after the formatted percentage ("46,2 % des délivrés"). */
  rateOf: { recipients: string; delivered: string; openers: string };
  /** Said after a figure that filters the grid, and on the links' buttons. */
  showContacts: string;
  /** Announced once the target grid shows a figure's contacts. */
  shownInGrid: (label: string, count: string) => string;
  /** Said when the summary has loaded; `n` is `recipients` formatted. */
  loaded: (recipients: number, n: string) => string;
  linksTitle: string;
  linkColumns: { link: string; clicks: string; clickers: string; rate: string };
  linkFilter: (text: string) => string;
  noLinks: string;
  activityTitle: string;
  activityHourly: string;
  activityDaily: string;
  series: { opens: string; clicks: string; lastActivity: string };
  showTable: string;
  hideTable: string;
  period: string;
  /** The chart's text alternative: totals per series and the busiest period. */
  chartAlt: (totals: string, peak: string | undefined) => string;
  peak: (period: string, value: string, series: string) => string;
  seriesTotal: (series: string, value: string) => string;
  /** A bar's tooltip. */
  bar: (period: string, value: string, series: string) => string;
  noActivity: string;
  noActivityInPeriod: string;
  /** Figures computed in the browser from the rows (the data source has no `getStatsSummary`). */
  computed: (count: number, formatted: string) => string;
  computedLinks: string;
  computedActivity: string;
  /** Too many contacts to load whole, and no `getStatsSummary`. */
  unavailable: (threshold: string) => string;
}

/** A host's partial override of the messages: any group, any key. */
export type MessageOverrides = {
  [K in keyof Messages]?: Messages[K] extends (...args: never[]) => unknown
    ? Messages[K]
    : Messages[K] extends object
      ? Partial<Messages[K]>
      : Messages[K];
};
