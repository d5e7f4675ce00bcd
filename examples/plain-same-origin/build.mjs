// The README: "Copy dist/standalone/ as a whole (the entry and its chunk) to the place you serve it from."
import { cp, rm } from 'node:fs/promises';

const standalone = 'node_modules/@hub3e/campaign-stats-elements/dist/standalone';
await rm('dist', { recursive: true, force: true });
await cp(standalone, 'dist/assets/campaign-stats', { recursive: true });
await cp('index.html', 'dist/index.html');
