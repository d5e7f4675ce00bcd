import { rowsFromArray, type RowSource } from '../../src/export/excel-export.js';

/** A source that waits a little before each page, as a data source over HTTP does. */
export function slowRows(rows: Record<string, unknown>[], pageSize: number, delay: number): RowSource {
  const inner = rowsFromArray(rows, pageSize);
  return {
    totalRows: inner.totalRows,
    async *pages(signal) {
      for await (const page of inner.pages(signal)) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        yield page;
      }
    },
  };
}

/** Makes `new Worker()` behave as `make` says, for one call. */
export async function withWorker<T>(make: (original: typeof Worker) => typeof Worker, run: () => Promise<T>): Promise<T> {
  const original = globalThis.Worker;
  globalThis.Worker = make(original);
  try {
    return await run();
  } finally {
    globalThis.Worker = original;
  }
}

/** A Worker the page refuses at once, as a CSP or a cross-origin URL does. */
export const refusedWorker = () =>
  class {
    constructor() {
      throw new DOMException('Workers are not allowed here.', 'SecurityError');
    }
  } as unknown as typeof Worker;

/** No worker can start, for one call: the export runs on the main thread. */
export const withoutWorkers = <T>(run: () => Promise<T>): Promise<T> => withWorker(refusedWorker, run);
