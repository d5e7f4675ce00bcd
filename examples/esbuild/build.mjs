import { copyFile, rm } from 'node:fs/promises';
import * as esbuild from 'esbuild';

await rm('dist', { recursive: true, force: true });
await esbuild.build({
  entryPoints: ['src/main.js'],
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  outdir: 'dist',
  logLevel: 'info',
});
await copyFile('src/index.html', 'dist/index.html');
