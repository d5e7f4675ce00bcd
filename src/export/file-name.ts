import type { ExportFormat } from './export-types.js';

/**
 * Characters Windows, macOS or Linux refuse in a file name, control characters, bidi controls
 * (U+202E would show "Rapport‮xslx.exe" as an .exe), non-characters and lone surrogates.
 */
const REFUSED =
  /[<>:"/\\|?*\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** A colon before a space (or at the end), where a title goes on: "Journée portes ouvertes : samedi". */
const COLON_BEFORE_SPACE = /\s*:(?=\s|$)/g;
/** Punctuation standing alone between spaces ("Lyon | Paris"): it separates, as a dash does. */
const LONE_SEPARATOR = /(\s)[<>:"/\\|?*](?=\s)/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_BASE_LENGTH = 120;

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * `<campaign name>_<word>_<YYYY-MM-DD>.<extension>`, `word` in the user's language
 * (`statistiques`, `statistics`: the messages' `fileNameWord`), `xlsx` or `csv`; safe on every
 * file system: a colon before a space, or a refused character alone between spaces, becomes
 * " - "; any other refused character `_`. A name left empty gives `<word>_<YYYY-MM-DD>`.
 */
export function exportFileName(campaignName: string, date: Date, word: string, extension: ExportFormat = 'xlsx'): string {
  // Separators become " - " rather than "_": the name reads as the campaign's title still.
  let base = campaignName
    .replace(COLON_BEFORE_SPACE, ' -')
    .replace(LONE_SEPARATOR, '$1-')
    .replace(REFUSED, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?:[. ]| -)+$/, '');
  if (base.length > MAX_BASE_LENGTH) base = base.slice(0, MAX_BASE_LENGTH).trimEnd();
  if (!base) return `${word}_${isoDay(date)}.${extension}`;
  if (RESERVED.test(base)) base = `_${base}`;
  return `${base}_${word}_${isoDay(date)}.${extension}`;
}
