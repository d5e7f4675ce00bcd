/**
 * Dates from data sources are ISO 8601 strings. `Date.parse` alone takes far more (`"1"` is
 * 2001-01-01, `"1/3"` is January 3rd, `"2026-02-30"` is March 2nd): a value that is not a real
 * ISO 8601 date must be treated as no date, in the table and in the export alike.
 *
 * The forms taken: `YYYY-MM-DD`, then optionally `THH:MM`, `:SS`, `.F` (1 to 9 digits) and
 * `Z` or an offset `±HH:MM` / `±HHMM`. Read character by character, without a regular
 * expression or any allocation: every row of a campaign has one.
 */

/** The number written by `count` digits of `text` from `at`, or -1. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether `value` is an ISO 8601 date or date-time of a real day and time. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || value.length < 10) return false;
  const length = value.length;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 0 || value[4] !== '-' || value[7] !== '-' || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (length === 10) return true;
  const hours = digits(value, 11, 2);
  const minutes = digits(value, 14, 2);
  if (value[10] !== 'T' || value[13] !== ':' || hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return false;
  let at = 16;
  if (value[at] === ':') {
    const seconds = digits(value, at + 1, 2);
    if (seconds < 0 || seconds > 59) return false;
    at += 3;
    if (value[at] === '.') {
      let end = at + 1;
      while (end < length && digits(value, end, 1) >= 0) end++;
      if (end === at + 1 || end - at - 1 > 9) return false;
      at = end;
    }
  }
  if (at === length) return true;
  if (value[at] === 'Z') return at + 1 === length;
  if ((value[at] !== '+' && value[at] !== '-') || digits(value, at + 1, 2) < 0) return false;
  const offsetMinutes = value[at + 3] === ':' ? at + 4 : at + 3;
  return digits(value, offsetMinutes, 2) >= 0 && offsetMinutes + 2 === length;
}

/** The instant (ms since the epoch) of an ISO 8601 date or date-time, or `undefined` if `value` is not one. */
export function parseIsoDate(value: unknown): number | undefined {
  if (!isIsoDate(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
