// Fails when custom-elements.json is not what the analyzer makes from the sources now, or,
// after `npm run build`, when it names a module that dist/ does not have.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

// The analyzer resolves --outdir against the working directory: a folder git ignores.
const out = 'node_modules/.cache/cem-check';
try {
  execFileSync('npx', ['cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', out], { stdio: 'pipe' });
  const fresh = readFileSync(`${out}/custom-elements.json`, 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (JSON.stringify(JSON.parse(fresh)) !== JSON.stringify(JSON.parse(committed))) {
    console.error('custom-elements.json is out of date: run `npm run analyze` and commit it.');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
  if (existsSync('dist')) {
    const missing = JSON.parse(committed).modules.map((m) => m.path).filter((path) => !existsSync(path));
    if (missing.length) {
      console.error(`custom-elements.json names modules that the package does not ship: ${missing.join(', ')}.`);
      process.exit(1);
    }
    console.log('Every module it names is in dist/.');
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
