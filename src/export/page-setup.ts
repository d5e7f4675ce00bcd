/**
 * How the sheets print: orientation, fit to one page wide, margins, the page header (campaign
 * and data date) and footer (page numbers). sheetjs-style writes none of it, so the elements are
 * put into each sheet's XML, in the order CT_Worksheet requires; the header row repeated on
 * every page is a defined name, `_xlnm.Print_Titles`, which sheetjs-style does write.
 */
import { escapeEscapeLookalikes } from './sheet-xml.js';

/** How one sheet prints. */
export interface PageSetup {
  orientation: 'portrait' | 'landscape';
  /** Gridlines help follow a wide row across the page; a two-column sheet does without. */
  gridLines: boolean;
  /** The page header, already in header/footer codes (see `pageHeader`). */
  header: string;
  /** OOXML paper size: 9 for A4, 1 for Letter. */
  paperSize: number;
}

/** Excel refuses a header or footer of more than 255 characters: the name is cut well before. */
const MAX_NAME_IN_HEADER = 120;
const FOOTER = '&CPage &P / &N';
/** CT_Worksheet elements that come after headerFooter: the page setup goes before the first one present. */
const AFTER_HEADER_FOOTER =
  /<(?:rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

function escapeXml(text: string): string {
  return escapeEscapeLookalikes(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A4, but in the countries that print on Letter. */
export function paperSizeFor(locale: string): number {
  return /^en-(US|CA)\b/i.test(locale) || /^es-MX\b/i.test(locale) ? 1 : 9;
}

/**
 * The page header: the campaign's name on the left, `dataDate` (e.g. "Données au 26/11/2026
 * 21:30") on the right. `&` starts a code in a header, so the texts' own are doubled.
 */
export function pageHeader(campaignName: string, dataDate: string): string {
  const code = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/&/g, '&&');
  const name = campaignName.length > MAX_NAME_IN_HEADER ? `${campaignName.slice(0, MAX_NAME_IN_HEADER - 1).trimEnd()}…` : campaignName;
  return `&L${code(name)}&R${code(dataDate)}`;
}

/** The `_xlnm.Print_Titles` defined name, as sheetjs-style takes it, that repeats row 1 of sheet `index`. */
export function printTitles(sheetName: string, index: number): { Name: string; Sheet: number; Ref: string } {
  return { Name: '_xlnm.Print_Titles', Sheet: index, Ref: `'${sheetName.replace(/'/g, "''")}'!$1:$1` };
}

/** `sheetXml` (a worksheet as sheetjs-style wrote it, without page setup) printing as `setup` says. */
export function withPageSetup(sheetXml: string, setup: PageSetup): string {
  const open = /<worksheet\b[^>]*>/.exec(sheetXml);
  const after = AFTER_HEADER_FOOTER.exec(sheetXml);
  if (!open || !after || /<sheetPr\b|<pageMargins\b|<pageSetup\b/.test(sheetXml)) {
    throw new Error('The Excel export cannot set up the printing of a sheet of sheetjs-style: unexpected worksheet XML.');
  }
  // fitToHeight 0: as many pages down as the rows need, never shrunk to one.
  const print =
    (setup.gridLines ? '<printOptions gridLines="1"/>' : '') +
    '<pageMargins left="0.4" right="0.4" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="${setup.paperSize}" orientation="${setup.orientation}" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddHeader>${escapeXml(setup.header)}</oddHeader><oddFooter>${escapeXml(FOOTER)}</oddFooter></headerFooter>`;
  const end = open.index + open[0].length;
  return (
    sheetXml.slice(0, end) +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    sheetXml.slice(end, after.index) +
    print +
    sheetXml.slice(after.index)
  );
}
