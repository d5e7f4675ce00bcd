/**
 * Starting the export worker in whatever page hosts the grid. Bundlers that understand
 * `new Worker(new URL('./export-worker.js', import.meta.url))` (Vite, webpack 5, Parcel 2) emit
 * the worker file; others (esbuild, Angular's builder, plain Rollup) leave the URL pointing at a
 * file they did not copy, and a page that loads the library from another origin (a CDN) may not
 * start a worker from there at all. So the ways to start it are tried in turn, each until the
 * worker says `ready`: the URL the host set (`export-worker-url`, `setExportWorkerUrl`) or the
 * bundler's; then the worker's code, embedded in a lazily loaded module, from a Blob URL
 * (same-origin, where the CSP allows `worker-src blob:`).
 */
import { trustedScriptURL } from '../internal/trusted-types.js';
import type { FromWorker } from './export-types.js';

const KEY = Symbol.for('hub3e.campaign-stats.export-worker-url');
type Registry = { [KEY]?: string };

/**
 * Sets, for the whole page (every copy of the library on it), the URL of the export worker file
 * (`dist/export/export-worker.js`, or `dist/standalone/export-worker.js`) for hosts that copy it
 * themselves. `undefined` goes back to the default (the file beside the library's module).
 */
export function setExportWorkerUrl(url: string | URL | undefined): void {
  (globalThis as Registry)[KEY] = url === undefined ? undefined : String(url);
}

export function getExportWorkerUrl(): string | undefined {
  return (globalThis as Registry)[KEY];
}

/** One way to start the worker; `undefined` when this way does not apply here. */
interface Attempt {
  what: string;
  start(): Promise<{ worker: Worker; release?: () => void } | undefined>;
}

const OPTIONS: WorkerOptions = { type: 'module', name: 'excel-export' };

function attempts(configuredUrl: string | undefined): Attempt[] {
  const fromUrl: Attempt = configuredUrl
    ? { what: `the worker at ${configuredUrl}`, start: async () => ({ worker: new Worker(trustedScriptURL(new URL(configuredUrl, document.baseURI)) as string, OPTIONS) }) }
    : {
        what: 'the worker file beside the library',
        // This exact form is what bundlers recognise to build and emit the worker.
        start: async () => ({ worker: new Worker(new URL('./export-worker.js', import.meta.url), { type: 'module', name: 'excel-export' }) }),
      };
  const fromBlob: Attempt = {
    what: 'its embedded copy, from a Blob URL',
    async start() {
      const { default: source } = await import('./export-worker-source.js');
      if (!source) return undefined;
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      // Through the library's Trusted Types policy: a page that requires them refuses a plain URL.
      return { worker: new Worker(trustedScriptURL(url) as string, OPTIONS), release: () => URL.revokeObjectURL(url) };
    },
  };
  return [fromUrl, fromBlob];
}

/** Resolves once the worker has loaded and said `ready`; rejects with why it could not. */
function whenReady(worker: Worker, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (outcome: () => void) => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const onMessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data?.type === 'ready') done(resolve);
    };
    const onError = (event: ErrorEvent) => {
      // Handled here: not reported again as an uncaught error of the page.
      event.preventDefault();
      done(() => reject(new Error(event.message || 'it did not load')));
    };
    const onAbort = () => done(() => reject(signal.reason));
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    signal.addEventListener('abort', onAbort);
  });
}

let warned = false;

/**
 * A started export worker, ready for a job; `undefined` when none could start, after one
 * console warning per page that names the fix.
 */
export async function startExportWorker(configuredUrl: string | undefined, signal: AbortSignal): Promise<Worker | undefined> {
  if (typeof Worker === 'undefined') return undefined;
  const failures: string[] = [];
  for (const attempt of attempts(configuredUrl ?? getExportWorkerUrl())) {
    signal.throwIfAborted();
    let started: Awaited<ReturnType<Attempt['start']>>;
    try {
      // A cross-origin URL or a CSP refuses the worker at once (SecurityError); a missing file fails to load.
      started = await attempt.start();
      if (!started) continue;
      await whenReady(started.worker, signal);
      return started.worker;
    } catch (error) {
      started?.worker.terminate();
      if (signal.aborted) throw error;
      failures.push(`${attempt.what}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      started?.release?.();
    }
  }
  if (!warned) {
    warned = true;
    console.warn(
      `campaign-stats-grid: the export runs on the main thread, because the export worker could not start (${failures.join('; ') || 'no way to start it here'}). ` +
        'Serve the package file dist/export/export-worker.js (dist/standalone/export-worker.js for the standalone module) from this origin and give its URL to setExportWorkerUrl() or to the export-worker-url attribute, or allow worker-src blob: in the Content-Security-Policy.',
    );
  }
  return undefined;
}
