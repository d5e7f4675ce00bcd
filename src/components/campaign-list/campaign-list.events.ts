import type { Campaign } from '../../data/campaign-data-source.js';

export interface CampaignStatsOpenDetail {
  /** The campaign whose per-contact statistics the user asked for (its send is finished). */
  campaign: Campaign;
}

declare global {
  interface HTMLElementEventMap {
    /** Cancelable; fired when the user chooses "Statistiques par contact", before `stats-target` is driven. */
    'campaign-stats-open': CustomEvent<CampaignStatsOpenDetail>;
  }
}
