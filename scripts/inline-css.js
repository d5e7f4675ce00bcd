// `import css from 'x.css?inline'` gives the stylesheet's text, as Vite does natively:
// Tabulator's CSS must be inside each shadow root, where page CSS does not reach.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const SUFFIX = '.css?inline';
const require = createRequire(import.meta.url);

function toModule(css) {
  return `export default ${JSON.stringify(css)};`;
}

/** For rollup. */
export function inlineCssRollupPlugin() {
  return {
    name: 'inline-css',
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const file = source.startsWith('.') ? path.resolve(path.dirname(importer), source.slice(0, -7)) : require.resolve(source.slice(0, -7));
      return `${file}?inline`;
    },
    async load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      return toModule(await readFile(id.slice(0, -7), 'utf8'));
    },
  };
}

/** For the test runner's dev server: served as JavaScript, body turned into a module. */
export function inlineCssDevServerPlugin() {
  const isInline = (context) => context.path.endsWith('.css') && context.URL.searchParams.has('inline');
  return {
    name: 'inline-css',
    resolveImport({ source }) {
      if (!source.endsWith(SUFFIX) || source.startsWith('.') || source.startsWith('/')) return undefined;
      const file = require.resolve(source.slice(0, -7));
      return `/${path.relative(process.cwd(), file).split(path.sep).join('/')}?inline`;
    },
    resolveMimeType(context) {
      return isInline(context) ? 'js' : undefined;
    },
    transform(context) {
      return isInline(context) ? { body: toModule(context.body) } : undefined;
    },
  };
}
