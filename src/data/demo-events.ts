/**
 * How a demo campaign's events are kept (demo-stats-table.ts) and walked (demo-summary.ts):
 * times and kinds in typed arrays, and the slicing that keeps the page responsive while a
 * million contacts are drawn or counted.
 */

// An event's byte: its kind in the two low bits and, for a click, its link's index above them.
export const OPEN = 0;
export const CLICK = 1;
export const SPAM = 2;
export const UNSUBSCRIBE = 3;
export const KIND_BITS = 3;
export const LINK_SHIFT = 2;

/** Contacts drawn or counted between two looks at the clock (about a ms of work, ten before the code is optimized). */
const CHUNK = 512;
/** Work between two yields to the event loop, in ms: the page stays responsive on a slow machine too. */
const SLICE_MS = 25;

/** Calls `work` on consecutive ranges of [0, size), yielding to the event loop every `SLICE_MS`. */
export async function inSlices(size: number, work: (start: number, end: number) => void): Promise<void> {
  let sliceStart = performance.now();
  for (let start = 0; start < size; start += CHUNK) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
    work(start, Math.min(size, start + CHUNK));
  }
}

/** Event times and kinds, appended to typed arrays that grow as needed. */
export class EventList {
  times: Float64Array;
  kinds: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.times = new Float64Array(Math.max(16, capacity));
    this.kinds = new Uint8Array(this.times.length);
  }

  push(time: number, kind: number): void {
    if (this.length === this.times.length) {
      const times = new Float64Array(this.length * 2);
      times.set(this.times);
      this.times = times;
      const kinds = new Uint8Array(this.length * 2);
      kinds.set(this.kinds);
      this.kinds = kinds;
    }
    this.times[this.length] = time;
    this.kinds[this.length++] = kind;
  }
}
