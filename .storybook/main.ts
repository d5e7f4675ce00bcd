import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the library: every state of every element that a designer must review.
 * `npm run storybook` (dev, port 6006) and `npm run build-storybook` (static, for CI).
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: {
    // CI and these machines are offline: no telemetry, no version check.
    disableTelemetry: true,
    enableCrashReports: false,
  },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      optimizeDeps: {
        include: [
          // Every lit entry point the stories, the sources and Storybook's renderer import:
          // pre-bundled once together, so that lit is never loaded twice ("Multiple versions
          // of Lit loaded") in `storybook dev`.
          'lit',
          'lit/decorators.js',
          'lit/directives/style-map.js',
          'lit/directive-helpers.js',
          '@lit/task',
          'tabulator-tables',
          // CommonJS, loaded lazily by the first export: pre-bundled up front, else Vite
          // discovers them mid-session and reloads the page. src/export/sheetjs.ts defines
          // the globals this sloppy-mode code needs before it is evaluated.
          'sheetjs-style',
          'sheetjs-style/jszip.js',
          'crc-32',
        ],
      },
      build: {
        // Storybook's own preview runtime (~1.1 MB) and docs renderer (~1 MB) and the lazily
        // loaded sheetjs-style chunk (~0.9 MB) are expected to be large: no warning for them.
        chunkSizeWarningLimit: 1500,
      },
    });
  },
};

export default config;
