import { MAX_TIMER_MS } from './timer-delay.js';

/** Below this, an interval would hammer the server for figures that barely move. */
export const MIN_REFRESH_SECONDS = 5;

/**
 * The seconds between automatic refreshes that a `refresh-interval` attribute asks for: 0 (off)
 * for anything that is not a number ≥ 0, at least 5, at most what a browser timer holds;
 * `warn` says what was changed.
 */
export function refreshSeconds(value: unknown, warn: (message: string) => void): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) {
    warn('refresh-interval must be a number of seconds ≥ 0; automatic refresh is off.');
    return 0;
  }
  if (seconds === 0) return 0;
  if (seconds < MIN_REFRESH_SECONDS) {
    warn(`refresh-interval is at least ${MIN_REFRESH_SECONDS} s; ${MIN_REFRESH_SECONDS} s is used.`);
    return MIN_REFRESH_SECONDS;
  }
  if (seconds * 1000 > MAX_TIMER_MS) {
    const max = Math.floor(MAX_TIMER_MS / 1000);
    warn(`refresh-interval is at most ${max} s (about 24 days), what a browser timer holds; ${max} s is used.`);
    return max;
  }
  return seconds;
}
