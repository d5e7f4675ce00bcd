/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
const REFUSED = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_BASE_LENGTH = 120;

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `<campaign name>_statistiques_<YYYY-MM-DD>.xlsx`, safe on every file system. */
export function exportFileName(campaignName: string, date: Date): string {
  let base = campaignName.replace(REFUSED, '_').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
  if (base.length > MAX_BASE_LENGTH) base = base.slice(0, MAX_BASE_LENGTH).trimEnd();
  if (!base || RESERVED.test(base)) base = `_${base || 'campagne'}`;
  return `${base}_statistiques_${isoDay(date)}.xlsx`;
}
