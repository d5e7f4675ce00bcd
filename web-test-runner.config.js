import { existsSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, findBrowser } from './scripts/find-browser.js';
import { inlineCssDevServerPlugin } from './scripts/inline-css.js';
import { demoApiTestServer } from './scripts/demo-api-plugins.js';
import { libreOfficePlugin } from './scripts/libreoffice.js';

const commonjs = fromRollup(rollupCommonjs);
// The demo HTTP API on a fixed clock, plus misbehaving scenario routes, for RestDataSource tests.
// A Koa middleware of the config, not `app.use()` in `serverStart`: Koa composes its middleware
// when the server is created, so middleware added at `serverStart` is never called.
const demoApi = demoApiTestServer();

/**
 * `new Worker(new URL('./export-worker.js', import.meta.url))` (src/export/excel-export.ts)
 * requests the compiled name, which no import rewriting reaches (the esbuild plugin maps only
 * the `.js` imports of TS files): serve the `.ts` source in its place, compiled by that plugin,
 * as Vite does.
 */
function tsSourceForWorkerUrls(context, next) {
  const ts = `${context.path.slice(0, -3)}.ts`;
  if (context.path.startsWith('/src/') && context.path.endsWith('.js') && !existsSync(`.${context.path}`) && existsSync(`.${ts}`)) {
    context.path = ts;
  }
  return next();
}

/** The policy of test/components/csp-page.html: what a strict host allows (test/components/csp.test.ts). */
export const STRICT_CSP = "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

/** Serves the pages under test/csp/ with the strict Content-Security-Policy, as a strict host would. */
async function strictCspPages(context, next) {
  await next();
  if (context.path.startsWith('/test/csp/')) context.set('Content-Security-Policy', STRICT_CSP);
}

/**
 * Server command `memory` (test/components/leaks.test.ts): collects the garbage of the test's page
 * and returns what is still alive there, read from Chromium's DevTools protocol: JS heap in use,
 * DOM nodes, event listeners, documents. No `--expose-gc` needed.
 */
function memoryPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'memory',
    async executeCommand({ command, session }) {
      if (command !== 'memory') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        sessions.set(page, cdp);
      }
      // Twice: what the first collection frees (weak maps, finalizers) can free more.
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
      return { heap: metric('JSHeapUsedSize'), nodes: metric('Nodes'), listeners: metric('JSEventListeners'), documents: metric('Documents') };
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  middleware: [demoApi.middleware, tsSourceForWorkerUrls, strictCspPages],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findBrowser(), args: CHROMIUM_ARGS },
    }),
  ],
  plugins: [
    demoApi.plugin,
    // Server command: converts an exported .xlsx with LibreOffice Calc headless (test/export/libreoffice.test.ts).
    libreOfficePlugin(),
    inlineCssDevServerPlugin(),
    memoryPlugin(),
    // sheetjs-style is CommonJS; without strictRequires: false its only export is __require.
    commonjs({ include: ['**/node_modules/sheetjs-style/**', '**/node_modules/crc-32/**'], strictRequires: false }),
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
  ],
};
