/**
 * Browsers hold a timer's delay in a signed 32-bit integer: past 2³¹−1 ms (about 24.8 days)
 * `setTimeout` and `setInterval` fire at once, and an interval would then poll without pause.
 * Every delay the library gives a timer goes through here.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** `ms` as a timer can hold it: at most MAX_TIMER_MS. */
export function timerDelay(ms: number): number {
  return Math.min(ms, MAX_TIMER_MS);
}
