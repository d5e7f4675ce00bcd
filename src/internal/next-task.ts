/** A new task, so that the page can paint and handle input (no 4 ms clamping, unlike nested timers). */
export function nextTask(): Promise<void> {
  const { scheduler } = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Milliseconds of work a slice does before it gives the page a turn: well under the 50 ms of a
 * long task, so that a frame and a key press fit between two slices.
 */
export const SLICE_MS = 12;

/**
 * Cuts a long loop into tasks: `await slices.pause()` after each item yields to the page once
 * `SLICE_MS` have passed since the last yield (the clock is read every `every` items only, or
 * at once after an item said to be `costly`).
 */
export function taskSlices(every = 256): { pause(costly?: boolean): Promise<void> | undefined } {
  let start = performance.now();
  let count = 0;
  return {
    pause(costly = false) {
      if ((++count % every !== 0 && !costly) || performance.now() - start < SLICE_MS) return undefined;
      return nextTask().then(() => {
        start = performance.now();
      });
    },
  };
}
