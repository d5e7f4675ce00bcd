import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@hub3e/campaign-stats-elements/define/campaign-stats-grid.js';
import '@hub3e/campaign-stats-elements/define/campaign-list.js';
import '@hub3e/campaign-stats-elements/define/campaign-stats-summary.js';
import { DemoDataSource, setDefaultDataSource } from '@hub3e/campaign-stats-elements';
import App from './App.tsx';

setDefaultDataSource(new DemoDataSource());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
