/** Classes and types, with no side effect: defining the tags is the job of `define/*`. */
export { CampaignStatsGrid, type ExportResult, type ExcelExportResult } from './components/campaign-stats-grid/campaign-stats-grid.js';
export type * from './components/campaign-stats-grid/campaign-stats-grid.events.js';
export { CampaignList } from './components/campaign-list/campaign-list.js';
export type * from './components/campaign-list/campaign-list.events.js';
export { CampaignStatsSummary } from './components/campaign-stats-summary/campaign-stats-summary.js';
export type * from './components/campaign-stats-summary/campaign-stats-summary.events.js';
export { SarbacaneLink } from './components/sarbacane-link/sarbacane-link.js';
export type * from './components/sarbacane-link/sarbacane-link.events.js';
export type * from './data/campaign-data-source.js';
export { isSendFinished } from './data/campaign-data-source.js';
export { setDefaultDataSource, getDefaultDataSource } from './data/default-data-source.js';
export { DataSourceError, type DataSourceErrorKind } from './data/data-source-error.js';
export { DemoDataSource, type DemoDataSourceOptions, type DemoOperation } from './data/demo-data-source.js';
export { RestDataSource, type RestDataSourceOptions } from './data/rest-data-source.js';
export type { Messages, MessageOverrides } from './i18n/messages.js';
export { setExportWorkerUrl, getExportWorkerUrl } from './export/export-worker-start.js';
export type { ExportFormat } from './export/export-types.js';
export { VERSION } from './internal/version.js';
