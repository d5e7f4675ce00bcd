import type { CampaignDataSource } from './campaign-data-source.js';

/**
 * The page-wide default lives on `globalThis` under a registry symbol, so that several
 * separately bundled copies of the library on one page share it.
 */
const KEY = Symbol.for('hub3e.campaign-stats.default-data-source');

type Registry = { [KEY]?: CampaignDataSource };

/** Sets the data source used by every element whose own `dataSource` property is not set. */
export function setDefaultDataSource(dataSource: CampaignDataSource | undefined): void {
  (globalThis as Registry)[KEY] = dataSource;
  globalThis.dispatchEvent?.(new Event(DEFAULT_DATA_SOURCE_CHANGED));
}

export function getDefaultDataSource(): CampaignDataSource | undefined {
  return (globalThis as Registry)[KEY];
}

/** Dispatched on `globalThis` when the default changes, so connected elements reload. */
export const DEFAULT_DATA_SOURCE_CHANGED = 'hub3e-campaign-stats-default-data-source-changed';
