/**
 * Dates from data sources are ISO 8601 strings. `Date.parse` alone takes far more (`"1"` is
 * 2001-01-01, `"1/3"` is January 3rd, `"2026-02-30"` is March 2nd): a value that is not a real
 * ISO 8601 date must be treated as no date, in the table and in the export alike.
 */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** The instant (ms since the epoch) of an ISO 8601 date or date-time, or `undefined` if `value` is not one. */
export function parseIsoDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_8601.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hours = '0', minutes = '0', seconds = '0'] = match;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > daysInMonth) return undefined;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}
