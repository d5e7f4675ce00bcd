import { bootstrapApplication } from '@angular/platform-browser';
import '@hub3e/campaign-stats-elements/define/campaign-stats-grid.js';
import '@hub3e/campaign-stats-elements/define/campaign-list.js';
import '@hub3e/campaign-stats-elements/define/campaign-stats-summary.js';
import { DemoDataSource, setDefaultDataSource } from '@hub3e/campaign-stats-elements';
import { appConfig } from './app/app.config';
import { App } from './app/app';

setDefaultDataSource(new DemoDataSource());

bootstrapApplication(App, appConfig)
  .catch((err) => console.error(err));
