import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { inlineCssRollupPlugin } from './scripts/inline-css.js';

const typescriptOptions = { tsconfig: './tsconfig.json', declaration: false, declarationMap: false, outDir: undefined, rootDir: 'src', sourceMap: false };

/**
 * The export engines (the .xlsx one with sheetjs-style, CommonJS) are built once, each
 * self-contained, into files that the element modules reach only by these relative URLs: the
 * main-thread fallbacks `./xlsx-engine.js` and `./csv-engine.js` (dynamic imports) and the
 * worker `./export-worker.js` (a Worker URL), plus `./export-worker-source.js`, the worker's code
 * as a string, for a Blob-URL start where the host's bundler did not emit the worker file. A
 * host's bundler never meets CommonJS, and a page's first load holds no engine code at all.
 */
const ENGINE_FILES = { 'excel-export.ts': ['./xlsx-engine.js', './csv-engine.js'], 'export-worker-start.ts': ['./export-worker-source.js'] };
function engineAsExternalFiles() {
  return {
    name: 'engine-as-external-files',
    resolveId(source, importer) {
      const from = importer?.match(/\/src\/export\/([^/]+)$/)?.[1];
      return from && ENGINE_FILES[from]?.includes(source) ? { id: source, external: 'absolute' } : null;
    },
  };
}

/** sheetjs-style's code pages (~470 KB) serve legacy formats only; an .xlsx never needs them. */
function stubCodePages() {
  return {
    name: 'stub-sheetjs-code-pages',
    resolveId(source, importer) {
      return source === './dist/cpexcel.js' && importer?.includes('sheetjs-style') ? '\0empty-cpexcel' : null;
    },
    load(id) {
      return id === '\0empty-cpexcel' ? 'export default undefined;' : null;
    },
  };
}

/** Writes the worker's code beside it as a module exporting it as a string (see ENGINE_FILES). */
function workerSourceModule() {
  return {
    name: 'worker-source-module',
    generateBundle(_options, bundle) {
      const worker = bundle['export-worker.js'];
      this.emitFile({
        type: 'asset',
        fileName: 'export-worker-source.js',
        source: `/** The export worker's code, started from a Blob URL where ./export-worker.js cannot be. */\nexport default ${JSON.stringify(worker.code)};\n`,
      });
    },
  };
}

/** The engine's files go beside the modules that load them, in both builds: written once, copied. */
function copyTo(dir) {
  return {
    name: 'copy-to',
    writeBundle(options, bundle) {
      mkdirSync(dir, { recursive: true });
      for (const file of Object.keys(bundle)) copyFileSync(`${options.dir}/${file}`, `${dir}/${file}`);
    },
  };
}

/**
 * sheetjs-style and its JSZip test for Node's `Buffer`, `process` and `global`: declared empty in
 * their modules, the browser paths are taken and no free reference is left for a host bundler
 * to polyfill (Parcel installs `buffer` for one, and cannot under CI).
 */
function withoutNodeGlobals() {
  return {
    name: 'without-node-globals',
    transform(code, id) {
      return /node_modules\/(sheetjs-style|crc-32)\//.test(id) ? { code: `var Buffer, process, global;\n${code}`, map: null } : null;
    },
  };
}

const defines = readdirSync('src/define').map((file) => `src/define/${file}`);

/** Everything bundled and minified; CommonJS (sheetjs-style, crc-32) converted. */
function selfContainedPlugins() {
  return [
    engineAsExternalFiles(),
    stubCodePages(),
    withoutNodeGlobals(),
    inlineCssRollupPlugin(),
    nodeResolve({ browser: true }),
    commonjs({ include: /node_modules\/(sheetjs-style|crc-32)\//, strictRequires: false }),
    typescript(typescriptOptions),
    terser({ format: { comments: false } }),
  ];
}

export default [
  // 1. Per-module ESM for bundlers: one file per source module, lit, @lit/task, Floating UI,
  //    Tabulator, tslib and tldts left to the host; Tabulator's stylesheet compiled to a JS string module.
  {
    input: ['src/index.ts', ...defines],
    external: (id) => /^(lit|@lit\/task|@floating-ui\/dom|tslib|tldts)(\/|$)/.test(id) || id === 'tabulator-tables',
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
    plugins: [engineAsExternalFiles(), inlineCssRollupPlugin(), nodeResolve({ browser: true }), typescript(typescriptOptions)],
  },
  // 2. One self-contained module for a plain <script type="module">.
  {
    input: { 'campaign-stats-elements': 'src/standalone.ts' },
    output: { dir: 'dist/standalone', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    plugins: selfContainedPlugins(),
  },
  // 3. The main-thread fallback engines. Builds of their own, like (4), so that they never share
  //    a chunk with the elements or with each other.
  ...['xlsx-engine', 'csv-engine'].map((name) => ({
    input: { [name]: `src/export/${name}.ts` },
    output: { dir: 'dist/export', format: 'es', entryFileNames: '[name].js' },
    plugins: [...selfContainedPlugins(), copyTo('dist/standalone')],
  })),
  // 4. The export worker: a module worker importing the elements' modules would define custom
  //    elements in a scope that has none, so it is one file, with its string twin.
  {
    input: { 'export-worker': 'src/export/export-worker.ts' },
    output: { dir: 'dist/export', format: 'es', entryFileNames: '[name].js', inlineDynamicImports: true },
    plugins: [...selfContainedPlugins(), workerSourceModule(), copyTo('dist/standalone')],
  },
];
