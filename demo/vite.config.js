import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// `npm start`: the demo page, served from the TypeScript sources.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  server: { port: 5173, strictPort: false, open: false },
  preview: { port: 4173 },
  optimizeDeps: { include: ['lit', 'lit/decorators.js', 'lit/directives/style-map.js', '@lit/task', 'tabulator-tables', 'sheetjs-style', 'sheetjs-style/jszip.js'] },
  build: { outDir: '../dist-demo', emptyOutDir: true },
});
