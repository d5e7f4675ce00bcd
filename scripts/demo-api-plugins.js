// The demo HTTP API (`server/demo-api.ts`), written once, mounted in two servers:
// - Vite (`npm start`): `demoApiVitePlugin()` loads the TypeScript through `ssrLoadModule`
//   (edits are picked up on the next request) and answers under `/api`;
// - web-test-runner: `demoApiTestServer()` bundles `server/test-api.ts` for Node with esbuild
//   and hands `/api` and `/api-test` requests to it from a Koa middleware.
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEMO_API = fileURLToPath(new URL('../server/demo-api.ts', import.meta.url));
const TEST_API = fileURLToPath(new URL('../server/test-api.ts', import.meta.url));

/** For `vite`: the demo data (a little latency, like the in-memory demo) under `basePath`. */
export function demoApiVitePlugin({ basePath = '/api', demo = { latency: 350 } } = {}) {
  return {
    name: 'demo-api',
    apply: 'serve',
    configureServer(server) {
      /** The API made from the current version of the module; remade when the module changes. */
      let current;
      const load = async () => {
        const module = await server.ssrLoadModule(DEMO_API);
        if (current?.module !== module) {
          current?.api.close();
          current = { module, api: module.createDemoApi({ basePath, demo }) };
        }
        return current.api;
      };
      const prefix = `${basePath.replace(/\/+$/, '')}/`;
      server.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith(prefix)) return next();
        load().then((api) => api(req, res, next), next);
      });
      server.httpServer?.once('close', () => current?.api.close());
    },
  };
}

/** Bundles a TypeScript module and its imports into one ES module for Node, and imports it. */
export async function importTypeScript(entry) {
  // esbuild comes with @web/dev-server-esbuild; imported here so that Vite never loads it.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].contents).toString('base64')}`);
}

/**
 * For web-test-runner: `middleware` goes in the config's `middleware` (Koa), `plugin` in its
 * `plugins` (it builds the API before the tests start and closes held requests at the end).
 */
export function demoApiTestServer() {
  let api;
  return {
    async middleware(ctx, next) {
      if (!api?.handles(ctx.url)) return next();
      // The node handler writes the response itself; Koa must leave it alone. Koa starts every
      // response as a 404: back to Node's default, so that the runner's 404 report sees the
      // status the handler sends (and none for a request closed without an answer).
      ctx.respond = false;
      ctx.status = 200;
      await api(ctx.req, ctx.res);
    },
    plugin: {
      name: 'demo-api',
      async serverStart() {
        const { createTestApi } = await importTypeScript(TEST_API);
        api = createTestApi();
      },
      serverStop() {
        api?.close();
      },
    },
  };
}
