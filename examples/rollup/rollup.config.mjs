import { readFile } from 'node:fs/promises';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/** Emits src/index.html beside the bundle. */
function indexHtml() {
  return {
    name: 'index-html',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'index.html', source: await readFile('src/index.html', 'utf8') });
    },
  };
}

export default {
  input: 'src/main.js',
  output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  plugins: [nodeResolve({ browser: true }), commonjs(), terser(), indexHtml()],
};
