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

export default [
  // 1. Per-module ESM for bundlers: one file per source module, dependencies left to the host.
  {
    input: ['src/index.ts', ...defines],
    external: (id) => /^(lit|@lit\/|tabulator-tables|sheetjs-style)/.test(id),
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
    plugins: [inlineCssRollupPlugin(), nodeResolve({ browser: true }), typescript({ ...typescriptOptions, outDir: 'dist', sourceMap: true })],
  },
  // 2. One self-contained module for a plain <script type="module">; the spreadsheet writer
  //    (sheetjs-style) is a chunk loaded by the first export only.
  {
    input: { 'campaign-stats-elements': 'src/standalone.ts' },
    output: {
      dir: 'dist/standalone',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [
      stubCodePages(),
      inlineCssRollupPlugin(),
      nodeResolve({ browser: true }),
      commonjs({ include: /node_modules\/sheetjs-style/, strictRequires: false }),
      typescript({ ...typescriptOptions, outDir: 'dist/standalone', sourceMap: true }),
      terser({ format: { comments: false } }),
    ],
  },
];
