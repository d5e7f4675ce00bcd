import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, findBrowser } from './scripts/find-browser.js';
import { inlineCssDevServerPlugin } from './scripts/inline-css.js';

const commonjs = fromRollup(rollupCommonjs);

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findBrowser(), args: CHROMIUM_ARGS },
    }),
  ],
  plugins: [
    inlineCssDevServerPlugin(),
    // sheetjs-style is CommonJS; without strictRequires: false its only export is __require.
    commonjs({ include: ['**/node_modules/sheetjs-style/**'], strictRequires: false }),
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
  ],
};
