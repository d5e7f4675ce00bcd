// `npm run build`: what the package ships, from a clean dist/.
//   1. rollup: the per-module ESM, the self-contained module, the export engine and its worker;
//   2. tsc: the type declarations;
//   3. entry files at the package root for resolvers that ignore `exports` (Parcel 2 by default,
//      TypeScript's node10): `define/<tag>.js` and `standalone.js`, each re-exporting dist/;
//   4. editor and framework types from custom-elements.json (scripts/framework-types.js).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFrameworkTypes } from './framework-types.js';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

for (const path of ['dist', 'define', 'standalone.js', 'standalone.d.ts']) rmSync(path, { recursive: true, force: true });

run('npx', ['rollup', '-c', '--silent']);
run('npx', ['tsc', '-p', 'tsconfig.json', '--emitDeclarationOnly', '--declaration', '--declarationMap', 'false', '--sourceMap', 'false', '--outDir', 'dist']);

const stub = (target) => `export * from '${target}';\n`;
mkdirSync('define');
for (const file of readdirSync('src/define')) {
  const name = file.replace(/\.ts$/, '');
  // `export *` alone would not run the module's side effect in every bundler: import it too.
  writeFileSync(`define/${name}.js`, `import '../dist/define/${name}.js';\n`);
  writeFileSync(`define/${name}.d.ts`, `import '../dist/define/${name}.js';\n`);
}
writeFileSync('standalone.js', stub('./dist/standalone/campaign-stats-elements.js'));
writeFileSync('standalone.d.ts', stub('./dist/standalone.js'));

writeFrameworkTypes();
console.log('build: dist/ written');
