import '@hub3e/campaign-stats-elements/define/campaign-stats-grid.js';
import '@hub3e/campaign-stats-elements/define/campaign-list.js';
import '@hub3e/campaign-stats-elements/define/campaign-stats-summary.js';
import { DemoDataSource, setDefaultDataSource } from '@hub3e/campaign-stats-elements';

setDefaultDataSource(new DemoDataSource());
