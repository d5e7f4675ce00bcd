import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/** The package's tags: Vue leaves them to the browser instead of resolving them as Vue components. */
const CUSTOM_TAGS = new Set(['campaign-list', 'campaign-stats-grid', 'campaign-stats-summary', 'sarbacane-link']);

export default defineConfig({
  plugins: [
    vue({
      template: {
        compilerOptions: {
          isCustomElement: (tag) => CUSTOM_TAGS.has(tag),
        },
      },
    }),
  ],
});
