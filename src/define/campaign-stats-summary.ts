import { CampaignStatsSummary } from '../components/campaign-stats-summary/campaign-stats-summary.js';
import { defineElement } from '../internal/define.js';

defineElement('campaign-stats-summary', CampaignStatsSummary);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-stats-summary': CampaignStatsSummary;
  }
}
