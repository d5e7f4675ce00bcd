import { readdirSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { inlineCssRollupPlugin } from './scripts/inline-css.js';

const typescriptOptions = { tsconfig: './tsconfig.json', declaration: false, declarationMap: false, outDir: undefined, rootDir: 'src' };

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

const defines = readdirSync('src/define').map((file) => `src/define/${file}`);

/** Everything bundled, CommonJS sheetjs-style converted, minified. */
function selfContainedPlugins() {
  return [
    stubCodePages(),
    inlineCssRollupPlugin(),
    nodeResolve({ browser: true }),
    commonjs({ include: /node_modules\/sheetjs-style/, strictRequires: false }),
    typescript({ ...typescriptOptions, outDir: 'dist/standalone', sourceMap: true }),
    terser({ format: { comments: false } }),
  ];
}

export default [
  // 1. Per-module ESM for bundlers: one file per source module, dependencies left to the host.
  //    The export worker is an entry of its own: src/export/excel-export.ts refers to it by
  //    `new Worker(new URL('./export-worker.js', import.meta.url))`, not by an import, which
  //    the host's bundler (Vite, webpack 5…) recognises to build the worker.
  {
    input: ['src/index.ts', ...defines, 'src/export/export-worker.ts'],
    external: (id) => /^(lit|@lit\/|tabulator-tables|sheetjs-style)/.test(id),
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
    plugins: [inlineCssRollupPlugin(), nodeResolve({ browser: true }), typescript({ ...typescriptOptions, outDir: 'dist', sourceMap: true })],
  },
  // 2. One self-contained module for a plain <script type="module">. The spreadsheet writer
  //    (sheetjs-style) is not in it: exports run in the worker (3), and where no worker can
  //    start, in a chunk loaded by the first export only.
  {
    input: { 'campaign-stats-elements': 'src/standalone.ts' },
    output: {
      dir: 'dist/standalone',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      sourcemap: true,
    },
    plugins: selfContainedPlugins(),
  },
  // 3. The export worker, beside it: one file with the engine and sheetjs-style, where
  //    `new URL('./export-worker.js', import.meta.url)` in (2) finds it. A build of its own,
  //    so that it never shares a chunk with (2): a module worker importing the elements'
  //    module would define custom elements in a scope that has none.
  {
    input: { 'export-worker': 'src/export/export-worker.ts' },
    output: { dir: 'dist/standalone', format: 'es', entryFileNames: '[name].js', sourcemap: true, inlineDynamicImports: true },
    plugins: selfContainedPlugins(),
  },
];
