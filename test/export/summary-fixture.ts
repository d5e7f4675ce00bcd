import { workbookTexts } from '../../src/components/campaign-stats-grid/stats-columns.js';
import type { WorkbookMeta } from '../../src/export/excel-export.js';
import type { SummarySheet } from '../../src/export/export-types.js';
import { fr } from '../../src/i18n/fr.js';
import { EMAIL_CAMPAIGN } from '../helpers/fixtures.js';

/** A link label a hostile message could carry: a formula, markup, a non-character, an OOXML escape. */
export const HOSTILE_LABEL = '=HYPERLINK("http://evil.example","clic") <b>gras</b>\uFFFF _x0041_';

/** A "Synthèse" sheet as the grid gives it: French, with a ratio (no count) and a hostile link. */
export const SUMMARY: SummarySheet = {
  name: fr.sheetSummary,
  figureHeaders: fr.summarySheet.figureHeaders,
  figures: [
    { label: 'Destinataires', count: 1200 },
    { label: 'Délivrés', count: 1150, rate: 0.958333, rateOf: 'des destinataires' },
    { label: 'Ouvreurs uniques', count: 480, rate: 0.417391, rateOf: 'des délivrés' },
    { label: 'Réactivité', rate: 0.25, rateOf: 'des ouvreurs' },
  ],
  linkHeaders: fr.summarySheet.linkHeaders,
  links: [
    { label: 'Programme', url: 'https://ecole.example/programme?a=1&b=<2>', clickCount: 180, clickers: 120, rate: 0.104348 },
    { label: HOSTILE_LABEL, url: '=1+1', clickers: 3, rate: 0.002609 },
  ],
};

/** What the file must show for `HOSTILE_LABEL`: the non-character dropped, the rest as typed. */
export const HOSTILE_LABEL_SHOWN = HOSTILE_LABEL.replace('\uFFFF', '');

export function summaryMeta(summary = SUMMARY): WorkbookMeta {
  return {
    columns: [
      { field: 'email', title: 'Email', kind: 'text' },
      { field: 'clickCount', title: 'Clics', kind: 'number' },
    ],
    campaign: EMAIL_CAMPAIGN,
    asOf: '2026-11-26T20:30:00.000Z',
    locale: 'fr',
    texts: workbookTexts(fr, 'email'),
    summary,
  };
}
