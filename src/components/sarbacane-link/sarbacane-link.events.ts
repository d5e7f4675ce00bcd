import type { Campaign } from '../../data/campaign-data-source.js';

export interface SarbacaneNavigateDetail {
  /** The campaign whose Sarbacane report is about to open. */
  campaign: Campaign;
  /** The checked report address (https, on an allowed host). */
  url: string;
}

declare global {
  interface HTMLElementEventMap {
    /** Cancelable; fired before the Sarbacane report opens in a new tab. */
    'sarbacane-navigate': CustomEvent<SarbacaneNavigateDetail>;
  }
}
