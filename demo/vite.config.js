import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { demoApiVitePlugin } from '../scripts/demo-api-plugins.js';

// `npm start`: the demo page, served from the TypeScript sources.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // The demo data over HTTP under /api (server/demo-api.ts), for the page's RestDataSource.
  plugins: [demoApiVitePlugin({ basePath: '/api' })],
  server: { port: 5173, strictPort: false, open: false },
  preview: { port: 4173 },
  optimizeDeps: { include: ['lit', 'lit/decorators.js', 'lit/directives/style-map.js', '@lit/task', 'tabulator-tables', 'sheetjs-style', 'sheetjs-style/jszip.js', 'crc-32'] },
  build: { outDir: '../dist-demo', emptyOutDir: true },
});
