// Where the consumer matrix (scripts/test-consumers.js) finds and puts things.
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLES = path.join(ROOT, 'examples');
export const PACK_DIR = path.join(EXAMPLES, '.pack');
export const TARBALL = path.join(PACK_DIR, 'hub3e-campaign-stats-elements.tgz');
export const UNPACKED = path.join(PACK_DIR, 'unpacked');
export const LOGS = path.join(PACK_DIR, 'logs');
/**
 * Where the apps are installed and built: a copy outside the repository, so that nothing an app
 * or the package needs can be found in the repository's own node_modules (Node's and every
 * bundler's resolution walks up the folders). Kept between runs (node_modules, lockfile).
 */
export const WORK = path.resolve(process.env.CONSUMERS_WORKDIR ?? path.join(tmpdir(), 'hub3e-campaign-stats-consumers'));
export const PACKAGE_NAME = '@hub3e/campaign-stats-elements';
