import { CampaignStatsGrid } from '../components/campaign-stats-grid/campaign-stats-grid.js';
import { defineElement } from '../internal/define.js';

defineElement('campaign-stats-grid', CampaignStatsGrid);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-stats-grid': CampaignStatsGrid;
  }
}
