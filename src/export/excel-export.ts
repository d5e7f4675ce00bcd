/**
 * The export (.xlsx and CSV), as the grid calls it. Light on purpose (it is part of the initial
 * bundle): the engine (xlsx-engine.ts with sheetjs-style, or csv-engine.ts) runs in a module
 * Worker, loaded when an export starts; where no worker can start, the same engine is imported
 * and run here, on the main thread, yielding to the event loop between pages.
 */
import { MAX_DATA_ROWS_PER_SHEET } from './cell-values.js';
import type { Engine, ExportFormat, ExportJob, FromWorker, ToWorker, ValueRow, WorkbookMeta } from './export-types.js';
import { startExportWorker } from './export-worker-start.js';
import { checkExportTotal } from '../internal/contact-pages.js';
import { nextTask } from '../internal/next-task.js';

export { CSV_MIME, XLSX_MIME } from './export-types.js';
export type { ExportFormat, WorkbookMeta } from './export-types.js';

/** The rows to export, read page by page (a data source in server-side mode never holds them all). */
export interface RowSource {
  /** How many rows `pages` gives: exactly this many, else the export fails. */
  totalRows: number;
  pages(signal: AbortSignal): AsyncIterable<readonly Record<string, unknown>[]>;
}

export interface ExportProgress {
  rowsWritten: number;
  totalRows: number;
}

export interface ExportFile {
  blob: Blob;
  /** Cells whose text was cut to Excel's 32,767-character limit. */
  truncatedCells: number;
  /** Where the engine ran: in the export worker, or on the main thread where no worker could start. */
  thread: 'worker' | 'main';
}

export interface ExportOptions {
  /** Aborting stops the work at once and rejects with an `AbortError`; nothing is saved. */
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** Data rows per statistics sheet of an .xlsx: Excel's limit by default; fewer to see the overflow in tests. */
  rowsPerSheet?: number;
  /** URL of the export worker file, where the host serves it itself (else the page-wide setting, else the default). */
  workerUrl?: string;
}

/**
 * Rows handed to the worker per message, read into columns (column-pages.ts) in a task of
 * their own: 3 to 5 ms for the grid's 10 e-mail columns, whatever the source's pages. Each
 * message is also a pull, a post and a progress report: at 1,000 rows a message, the main
 * thread spent about twice as long on an export (100,000 rows: 190 ms against 100).
 */
const ROWS_PER_MESSAGE = 5000;

/** Rows written per task on the main thread, where no worker could start (10 to 20 ms each). */
const ROWS_PER_MAIN_THREAD_TASK = 1000;

type SourceRow = Readonly<Record<string, unknown>>;

/** A source over rows already in memory. */
export function rowsFromArray(rows: readonly Record<string, unknown>[], pageSize = 5000): RowSource {
  return {
    totalRows: rows.length,
    async *pages(signal) {
      for (let start = 0; start < rows.length; start += pageSize) {
        signal.throwIfAborted();
        yield rows.slice(start, start + pageSize);
      }
    },
  };
}

function abortError(): DOMException {
  return new DOMException('The export was cancelled.', 'AbortError');
}

/** The source's rows, as they are, in slices of at most `size` rows. */
async function* rowSlices(source: RowSource, size: number, signal: AbortSignal): AsyncGenerator<readonly SourceRow[]> {
  for await (const page of source.pages(signal)) {
    for (let start = 0; start < page.length; start += size) {
      signal.throwIfAborted();
      yield page.length <= size ? page : page.slice(start, start + size);
    }
  }
}

/**
 * Runs the job in the export worker. Resolves `undefined`, having read no row, when no worker
 * can start: the caller then runs the engine itself.
 */
async function runInWorker(
  job: ExportJob,
  source: RowSource,
  onProgress: (rowsWritten: number) => void,
  signal: AbortSignal,
  workerUrl: string | undefined,
): Promise<ExportFile | undefined> {
  // Loaded with the worker, not with the page: the grid's first load holds no export code it can do without.
  const encoder = import('./column-pages.js');
  encoder.catch(() => undefined);
  const worker = await startExportWorker(workerUrl, signal);
  if (!worker) return undefined;
  let encodePage: typeof import('./column-pages.js').encodePage;
  try {
    ({ encodePage } = await encoder);
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const pages = rowSlices(source, ROWS_PER_MESSAGE, signal);
  return new Promise((resolve, reject) => {
    let ended = false;
    let settled = false;
    // One page at a time: a source's iterator is not to be asked twice concurrently.
    let pulling = Promise.resolve();
    // A value that cannot be cloned (a function in a row…) fails the export, clearly.
    const post = (message: ToWorker, transfer: Transferable[] = []) => {
      try {
        worker.postMessage(message, transfer);
      } catch (error) {
        settle(() => reject(error));
      }
    };
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      // Frees the worker's memory (rows, compressed output) at once, whatever the outcome.
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
      if (!ended) void pages.return(undefined).catch(() => undefined);
      outcome();
    };
    const onAbort = () => settle(() => reject(abortError()));
    signal.addEventListener('abort', onAbort);
    const pull = async () => {
      if (ended || settled) return;
      const next = await pages.next();
      if (settled) return;
      if (next.done) {
        ended = true;
        post({ type: 'end' });
        return;
      }
      // Not in the task that gave the rows: a data source's page arrives in a task that has
      // already read and cleaned it.
      await nextTask();
      if (settled) return;
      const { page, transfer } = encodePage(next.value, job.meta.columns);
      post({ type: 'page', page }, transfer);
    };
    worker.onmessage = ({ data: message }: MessageEvent<FromWorker>) => {
      switch (message.type) {
        case 'pull':
          pulling = pulling.then(pull).catch((error: unknown) => settle(() => reject(error)));
          break;
        case 'progress':
          if (!settled) onProgress(message.rowsWritten);
          break;
        case 'done':
          settle(() => resolve({ blob: message.blob, truncatedCells: message.truncatedCells, thread: 'worker' }));
          break;
        case 'error':
          settle(() => reject(new Error(message.message)));
          break;
      }
    };
    worker.onerror = (event) => {
      // Handled here: not reported again as an uncaught error of the page.
      event.preventDefault();
      settle(() => reject(new Error(`The export worker failed: ${event.message || 'unknown error'}.`)));
    };
    worker.onmessageerror = () => settle(() => reject(new Error('The export worker sent a message that could not be read.')));
    post({ type: 'start', job });
  });
}

/** The engine for a format, loaded on demand: each in its own file, so that a CSV never loads sheetjs-style. */
async function loadEngine(format: ExportFormat): Promise<Engine> {
  return format === 'csv' ? (await import('./csv-engine.js')).writeCsv : (await import('./xlsx-engine.js')).writeWorkbook;
}

/** The fallback: the same engine on the main thread, one page per task, each row the values of the exported columns. */
async function runOnMainThread(job: ExportJob, source: RowSource, onProgress: (rowsWritten: number) => void, signal: AbortSignal): Promise<ExportFile> {
  const engine = await loadEngine(job.format ?? 'xlsx');
  const fields = job.meta.columns.map((column) => column.field);
  async function* yielding(): AsyncGenerator<ValueRow[]> {
    for await (const page of rowSlices(source, ROWS_PER_MAIN_THREAD_TASK, signal)) {
      await nextTask();
      signal.throwIfAborted();
      yield page.map((row) => fields.map((field) => row[field]));
    }
  }
  const result = await engine(job, yielding(), { onProgress });
  signal.throwIfAborted();
  return { ...result, thread: 'main' };
}

/**
 * Builds the export file for `meta` and the rows of `rows`, off the main thread where a worker
 * can start: an .xlsx (DESIGN "Excel export": the statistics sheets, "Campagne", "Synthèse"
 * when `meta.summary` is given) or a CSV of the same rows and columns. Rejects with an
 * `AbortError` when `options.signal` aborts, with an `Error` saying why when the export fails.
 */
export async function buildExportFile(format: ExportFormat, meta: WorkbookMeta, rows: RowSource, options: ExportOptions = {}): Promise<ExportFile> {
  const { signal = new AbortController().signal, rowsPerSheet = MAX_DATA_ROWS_PER_SHEET } = options;
  if (format !== 'xlsx' && format !== 'csv') throw new RangeError('format must be xlsx or csv.');
  if (!Number.isInteger(rowsPerSheet) || rowsPerSheet < 1 || rowsPerSheet > MAX_DATA_ROWS_PER_SHEET) {
    throw new RangeError(`rowsPerSheet must be an integer from 1 to ${MAX_DATA_ROWS_PER_SHEET}.`);
  }
  checkExportTotal(rows.totalRows);
  if (signal.aborted) throw abortError();
  const job: ExportJob = { format, meta, totalRows: rows.totalRows, rowsPerSheet };
  const onProgress = (rowsWritten: number) => options.onProgress?.({ rowsWritten, totalRows: rows.totalRows });
  try {
    return (await runInWorker(job, rows, onProgress, signal, options.workerUrl)) ?? (await runOnMainThread(job, rows, onProgress, signal));
  } catch (error) {
    // Whatever was interrupted by the abort (a fetch, the compressor), the caller sees one AbortError.
    if (signal.aborted) throw abortError();
    throw error;
  }
}

/** Saves a file the way a download link does. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
