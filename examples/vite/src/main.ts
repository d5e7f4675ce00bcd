import '@hub3e/campaign-stats-elements/define/campaign-stats-grid.js';
import '@hub3e/campaign-stats-elements/define/campaign-list.js';
import '@hub3e/campaign-stats-elements/define/campaign-stats-summary.js';
import { DemoDataSource, setDefaultDataSource, type CampaignStatsGrid } from '@hub3e/campaign-stats-elements';

setDefaultDataSource(new DemoDataSource());

const grid = document.querySelector<CampaignStatsGrid>('campaign-stats-grid')!;
grid.addEventListener('campaign-stats-load', (e) => console.log(e.detail.total, 'contacts'));
