import { abortError } from '../../internal/abort.js';

/**
 * `getSarbacaneAccess` calls in flight per data source, across every link of the page: a list
 * of 100 campaigns (or a source that ignored its page size) asks them 4 at a time, not 100 at
 * once; the others wait their turn.
 */
export const ACCESS_CALLS_IN_FLIGHT = 4;

interface Queue {
  running: number;
  /** Each starts a waiting call, which takes over the slot of the call that ended. */
  waiting: (() => void)[];
}

const queues = new WeakMap<object, Queue>();

/** Runs `call` when fewer than `ACCESS_CALLS_IN_FLIGHT` calls to `source` are running; `signal` takes it out of the queue. */
export function inTurn<T>(source: object, signal: AbortSignal, call: () => Promise<T>): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError());
  let queue = queues.get(source);
  if (!queue) queues.set(source, (queue = { running: 0, waiting: [] }));
  const q = queue;
  const run = (): Promise<T> => {
    let pending: Promise<T>;
    try {
      pending = call();
    } catch (error) {
      pending = Promise.reject(error);
    }
    // The slot goes to the next waiting call, else it is free.
    const release = () => {
      const next = q.waiting.shift();
      if (next) next();
      else q.running--;
    };
    pending.then(release, release);
    return pending;
  };
  // A free slot: called at once, without a turn of the event loop.
  if (q.running < ACCESS_CALLS_IN_FLIGHT) {
    q.running++;
    return run();
  }
  return new Promise<void>((resolve, reject) => {
    const start = () => {
      signal.removeEventListener('abort', leave);
      resolve();
    };
    const leave = () => {
      q.waiting.splice(q.waiting.indexOf(start), 1);
      reject(abortError());
    };
    signal.addEventListener('abort', leave, { once: true });
    q.waiting.push(start);
  }).then(run);
}
