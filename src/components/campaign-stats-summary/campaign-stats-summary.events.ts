import type { Campaign } from '../../data/campaign-data-source.js';
import type { StatsFilter } from '../../data/stats-query.js';
import type { SummaryFigureKey } from '../../i18n/messages.js';

/** What a summary figure or link stands for in the grid: a `StatsQuery` filter, and its name. */
export interface CampaignStatsSummaryFilter extends StatsFilter {
  /** The figure activated (`delivered`, `openers`, `clickers`…), or `link` for a link of the message. */
  figure: SummaryFigureKey | 'link';
  /** For `link`: its `linkId` (also the filter's value). */
  linkId?: string;
  /** What the grid shows about it, in the summary's language ("Cliqueurs", "Lien « Programme »"). */
  label: string;
  /** The figure's count when it was activated: the grid shows this many contacts when its data is of the same time. */
  count: number;
  /** ISO 8601 time the figure is from. */
  asOf: string;
}

export interface CampaignStatsSummarySelectDetail {
  campaign: Campaign;
  filter: CampaignStatsSummaryFilter;
}

declare global {
  interface HTMLElementEventMap {
    'campaign-stats-summary-select': CustomEvent<CampaignStatsSummarySelectDetail>;
  }
}
