/** Helpers for cancellable async work: every data-source call takes an `AbortSignal`. */
import { DataSourceError } from '../data/data-source-error.js';
import { timerDelay } from './timer-delay.js';

export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException ? error.name === 'AbortError' : (error as { name?: unknown })?.name === 'AbortError';
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError();
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, timerDelay(ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Thrown when a data-source call does not settle in time. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * What a source's rejection means once neither the caller nor the timeout aborted (either
 * settles the call first): an AbortError then is the source's own request cut (its fetch
 * aborted by the browser, a proxy…), a failure. Passed on as an abort, it would be taken for a
 * cancellation, and show nothing, for ever (a page « loading » with no error and no retry).
 */
function sourceFailure(error: unknown): unknown {
  return isAbortError(error) ? new DataSourceError('network', 'The data source aborted a call that nobody cancelled.', { cause: error }) : error;
}

/**
 * Calls `call` with a signal that aborts when `signal` does or when `ms` pass: a data source
 * whose promise never settles must not leave an element loading for ever, and the request it
 * started is told to stop.
 */
export function callWithTimeout<T>(call: (signal: AbortSignal) => Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const controller = new AbortController();
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      cleanup();
      controller.abort();
      reject(abortError());
    };
    const timer =
      ms > 0 && Number.isFinite(ms)
        ? setTimeout(() => {
            cleanup();
            controller.abort();
            reject(new TimeoutError(`No answer after ${ms} ms.`));
          }, timerDelay(ms))
        : undefined;
    signal?.addEventListener('abort', onAbort, { once: true });
    let pending: Promise<T>;
    try {
      pending = Promise.resolve(call(controller.signal));
    } catch (error) {
      cleanup();
      return reject(sourceFailure(error));
    }
    pending.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(sourceFailure(error));
      },
    );
  });
}

