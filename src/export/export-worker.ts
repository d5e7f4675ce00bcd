/**
 * The export worker (a module Worker started by excel-export.ts): runs the job's engine, the
 * .xlsx one (with sheetjs-style) or the CSV one, off the main thread. It says `ready` once loaded, so that the main thread
 * can tell a worker that cannot start (and fall back to running the engine itself) from an
 * export that fails; then it pulls the rows page by page (see `ToWorker`/`FromWorker`).
 */
import { decodePage } from './column-pages.js';
import { writeCsv } from './csv-engine.js';
import type { Engine, ExportFormat, FromWorker, ToWorker, ValueRow } from './export-types.js';
import { writeWorkbook } from './xlsx-engine.js';

const ENGINES: Record<ExportFormat, Engine> = { xlsx: writeWorkbook, csv: writeCsv };

/** Pages asked for ahead of the one being written: the main thread fetches while the worker writes. */
const PAGES_AHEAD = 2;

/** What this module uses of a dedicated worker's global scope (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker): void;
}
const scope = self as unknown as WorkerScope;

/** Pages as they arrive; `null` marks the end of the rows. */
const inbox: (ValueRow[] | null)[] = [];
let wake: (() => void) | undefined;

function deliver(page: ValueRow[] | null): void {
  inbox.push(page);
  wake?.();
  wake = undefined;
}

async function* pages(): AsyncGenerator<readonly ValueRow[]> {
  for (let i = 0; i < PAGES_AHEAD; i++) scope.postMessage({ type: 'pull' });
  for (;;) {
    while (!inbox.length) await new Promise<void>((resolve) => (wake = resolve));
    const page = inbox.shift()!;
    if (!page) return;
    scope.postMessage({ type: 'pull' });
    yield page;
  }
}

scope.onmessage = ({ data: message }) => {
  switch (message.type) {
    case 'start':
      ENGINES[message.job.format ?? 'xlsx'](message.job, pages(), { onProgress: (rowsWritten) => scope.postMessage({ type: 'progress', rowsWritten }) }).then(
        (result) => scope.postMessage({ type: 'done', ...result }),
        (error: unknown) => scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
      break;
    case 'page':
      deliver(decodePage(message.page));
      break;
    case 'end':
      deliver(null);
      break;
  }
};
scope.postMessage({ type: 'ready' });
