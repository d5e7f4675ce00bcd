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
  const files = new Map();
  return {
    name: 'inline-css',
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const file = source.startsWith('.') ? path.resolve(path.dirname(importer), source.slice(0, -7)) : require.resolve(source.slice(0, -7));
      files.set(path.basename(file), file);
      // A virtual module (dist/_virtual/<name>.css.js): never a path into node_modules in dist/.
      return `\0${path.basename(file)}`;
    },
    async load(id) {
      const file = id.startsWith('\0') && files.get(id.slice(1));
      return file ? toModule(await readFile(file, 'utf8')) : null;
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
