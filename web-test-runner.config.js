import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, findBrowser } from './scripts/find-browser.js';
import { inlineCssDevServerPlugin } from './scripts/inline-css.js';
import { demoApiTestServer } from './scripts/demo-api-plugins.js';

const commonjs = fromRollup(rollupCommonjs);
// The demo HTTP API on a fixed clock, plus misbehaving scenario routes, for RestDataSource tests.
// A Koa middleware of the config, not `app.use()` in `serverStart`: Koa composes its middleware
// when the server is created, so middleware added at `serverStart` is never called.
const demoApi = demoApiTestServer();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  middleware: [demoApi.middleware],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findBrowser(), args: CHROMIUM_ARGS },
    }),
  ],
  plugins: [
    demoApi.plugin,
    inlineCssDevServerPlugin(),
    // sheetjs-style is CommonJS; without strictRequires: false its only export is __require.
    commonjs({ include: ['**/node_modules/sheetjs-style/**'], strictRequires: false }),
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
  ],
};
