// The page (dist/site/) and the library (dist/cdn/, as on a static-file host or CDN) are served
// from two origins. __CDN_ORIGIN__ in the page stands for the second origin: a host's template
// fills it in; here scripts/test-consumers.js does when it serves the page.
import { cp, rm } from 'node:fs/promises';

const standalone = 'node_modules/@hub3e/campaign-stats-elements/dist/standalone';
await rm('dist', { recursive: true, force: true });
await cp(standalone, 'dist/cdn/campaign-stats', { recursive: true });
await cp('index.html', 'dist/site/index.html');
