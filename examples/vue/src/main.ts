import { createApp } from 'vue';
import '@hub3e/campaign-stats-elements/define/campaign-stats-grid.js';
import '@hub3e/campaign-stats-elements/define/campaign-list.js';
import '@hub3e/campaign-stats-elements/define/campaign-stats-summary.js';
import { DemoDataSource, setDefaultDataSource } from '@hub3e/campaign-stats-elements';
import App from './App.vue';

setDefaultDataSource(new DemoDataSource());

createApp(App).mount('#app');
