/**
 * How dates read, in the elements and in the exported files alike: one order of day and month
 * and one clock per locale, so that a date in the grid and the same date in its .xlsx agree.
 */

/**
 * The tag dates and numbers are formatted with. Bare `en` is international English, which
 * `Intl` would format as American: day before month and a 24-hour clock, as en-GB. `en-US` and
 * the other regional tags keep their own conventions.
 */
export function formattingLocale(tag: string): string {
  return tag.toLowerCase() === 'en' ? 'en-GB' : tag;
}

/** Four-digit years in every language ("26/11/2026", "11/26/2026"). */
const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };

function twelveHour(locale: string): boolean {
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return cycle === 'h11' || cycle === 'h12';
}

/**
 * A formatter of `locale` for a day ("26/11/2026"), a time or both. The time is "21:30" on a
 * 24-hour clock, "9:30 PM" on a 12-hour one (en-US): Americans write no leading zero.
 */
export function dateTimeFormat(locale: string, part: 'date' | 'time' | 'dateTime'): Intl.DateTimeFormat {
  const tag = formattingLocale(locale);
  const time: Intl.DateTimeFormatOptions = twelveHour(tag) ? { hour: 'numeric', minute: '2-digit' } : { hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(tag, part === 'date' ? DAY : part === 'time' ? time : { ...DAY, ...time });
}

const EXCEL_CODES: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = { day: 'dd', month: 'mm', year: 'yyyy' };

/**
 * The number format of an exported date cell, as `dateTimeFormat(locale, 'dateTime')` shows the
 * date: `dd/mm/yyyy hh:mm` in French and English, `mm/dd/yyyy h:mm AM/PM` in en-US.
 */
export function excelDateTimeFormat(locale: string): string {
  const tag = formattingLocale(locale);
  const day = new Intl.DateTimeFormat(tag, DAY)
    .formatToParts(new Date(2026, 10, 26))
    .map((part) => (part.type === 'literal' ? part.value : (EXCEL_CODES[part.type] ?? '')))
    .join('');
  return `${day} ${twelveHour(tag) ? 'h:mm AM/PM' : 'hh:mm'}`;
}
