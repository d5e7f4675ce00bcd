/**
 * How the .xlsx opens and prints (designer review): a taller, indented header row; every sheet
 * set up for printing (orientation, one page wide, print titles, page header and footer); the
 * "Campagne" sheet left-aligned, with the campaign's total and the exported view's search and
 * filters. Read back from the file's XML and by two independent readers.
 */
import { expect } from '@open-wc/testing';
import * as CurrentSheetJS from '@e965/xlsx';
import JSZipSync from 'sheetjs-style/jszip.js';
import { workbookTexts } from '../../src/components/campaign-stats-grid/stats-columns.js';
import { excelDateSerial } from '../../src/export/cell-values.js';
import { buildExportFile, rowsFromArray, type WorkbookMeta } from '../../src/export/excel-export.js';
import type { ExportColumn } from '../../src/export/export-types.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import { EMAIL_CAMPAIGN } from '../helpers/fixtures.js';
import { parseXlsx, sheetRows } from '../helpers/xlsx.js';
import { SUMMARY } from './summary-fixture.js';

const COLUMNS: ExportColumn[] = [
  { field: 'email', title: 'Email', kind: 'text' },
  { field: 'clickCount', title: 'Clics', kind: 'number' },
  { field: 'lastActivityAt', title: 'Dernière activité', kind: 'date' },
];
const AS_OF = '2026-11-26T20:30:00.000Z';
const NAME = 'Portes ouvertes & salons <2027>';
const ROWS = Array.from({ length: 5 }, (_, i) => ({ email: `c${i}@exemple.fr`, clickCount: i, lastActivityAt: AS_OF }));
const VIEW = {
  search: 'dupont',
  filters: [
    { column: 'Délivrabilité', value: 'Délivré' },
    { column: 'Ouvert', value: 'Oui' },
  ],
  campaignTotal: 1250,
};

function meta(locale = 'fr', view = VIEW): WorkbookMeta {
  return {
    columns: COLUMNS,
    campaign: { ...EMAIL_CAMPAIGN, name: NAME },
    asOf: AS_OF,
    locale,
    texts: workbookTexts(locale === 'fr' ? fr : en, 'email'),
    view,
    summary: SUMMARY,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The data date as the page header shows it: local time, as the elements show it. */
function shownDate(iso: string, locale: string): string {
  const d = new Date(iso);
  const [day, month, time] = [pad(d.getDate()), pad(d.getMonth() + 1), `${pad(d.getHours())}:${pad(d.getMinutes())}`];
  // International English writes a comma before the time.
  return locale === 'fr' ? `${day}/${month}/${d.getFullYear()} ${time}` : `${day}/${month}/${d.getFullYear()}, ${time}`;
}

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.querySelector('parsererror')?.outerHTML ?? null, 'well-formed XML').to.equal(null);
  return doc;
}

/** The `<xf>` of cell `ref` of a sheet, from the file's styles. */
function xfOf(sheet: Document, styles: Document, ref: string): Element {
  const index = Number(sheet.querySelector(`c[r="${ref}"]`)?.getAttribute('s') ?? 0);
  return styles.querySelector('cellXfs')!.children[index]!;
}

interface Printing {
  order: string[];
  orientation: string | null;
  fitToWidth: string | null;
  fitToHeight: string | null;
  fitToPage: string | null;
  gridLines: string | null;
  header: string | undefined;
  footer: string | undefined;
}

function printing(sheet: Document): Printing {
  const attr = (selector: string, name: string) => sheet.querySelector(selector)?.getAttribute(name) ?? null;
  return {
    order: Array.from(sheet.documentElement.children, (child) => child.localName),
    orientation: attr('pageSetup', 'orientation'),
    fitToWidth: attr('pageSetup', 'fitToWidth'),
    fitToHeight: attr('pageSetup', 'fitToHeight'),
    fitToPage: attr('sheetPr > pageSetUpPr', 'fitToPage'),
    gridLines: attr('printOptions', 'gridLines'),
    header: sheet.querySelector('headerFooter > oddHeader')?.textContent ?? undefined,
    footer: sheet.querySelector('headerFooter > oddFooter')?.textContent ?? undefined,
  };
}

describe('Excel export: opening and printing', () => {
  it('sets up every statistics sheet for print: landscape, one page wide, header row repeated, campaign and date on top, page numbers below', async () => {
    // Two rows per sheet: three statistics sheets, each with its own setup and print titles.
    const file = await buildExportFile('xlsx', meta(), rowsFromArray(ROWS), { rowsPerSheet: 2 });
    const { workbook, xml } = await parseXlsx(file.blob);
    expect(workbook.SheetNames).to.deep.equal(['Statistiques', 'Statistiques (2)', 'Statistiques (3)', 'Campagne', 'Synthèse']);
    const header = `&LPortes ouvertes && salons <2027>&RDonnées au ${shownDate(AS_OF, 'fr')}`;
    for (let i = 1; i <= 3; i++) {
      const sheet = parse(xml(`xl/worksheets/sheet${i}.xml`));
      expect(printing(sheet), `sheet ${i}`).to.deep.equal({
        // CT_Worksheet's order: sheetPr first, the print elements between autoFilter and ignoredErrors.
        order: ['sheetPr', 'dimension', 'sheetViews', 'cols', 'sheetData', 'autoFilter', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'ignoredErrors'],
        orientation: 'landscape',
        fitToWidth: '1',
        fitToHeight: '0',
        fitToPage: '1',
        gridLines: '1',
        header,
        footer: '&CPage &P / &N',
      });
      expect(sheet.querySelector('pageSetup')!.getAttribute('paperSize'), 'A4 in French').to.equal('9');
    }
    // The raw XML: `&` of the name doubled for the header codes, then escaped for XML.
    expect(xml('xl/worksheets/sheet1.xml')).to.contain('<oddHeader>&amp;LPortes ouvertes &amp;&amp; salons &lt;2027&gt;&amp;RDonnées au ');

    const names = Array.from(parse(xml('xl/workbook.xml')).querySelectorAll('definedName[name="_xlnm.Print_Titles"]'), (name) => [name.getAttribute('localSheetId'), name.textContent]);
    expect(names).to.deep.equal([
      ['0', "'Statistiques'!$1:$1"],
      ['1', "'Statistiques (2)'!$1:$1"],
      ['2', "'Statistiques (3)'!$1:$1"],
    ]);
  });

  it('prints "Campagne" and "Synthèse" portrait, one page wide, without print titles', async () => {
    const file = await buildExportFile('xlsx', meta('en'), rowsFromArray(ROWS));
    const { workbook, xml } = await parseXlsx(file.blob);
    expect(workbook.SheetNames).to.deep.equal(['Statistics', 'Campaign', 'Synthèse']);
    for (const part of ['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']) {
      const setup = printing(parse(xml(part)));
      expect(setup.order[0], part).to.equal('sheetPr');
      expect(setup.order.slice(-4), part).to.deep.equal(['pageMargins', 'pageSetup', 'headerFooter', 'ignoredErrors']);
      expect({ ...setup, order: undefined }, part).to.deep.equal({
        order: undefined,
        orientation: 'portrait',
        fitToWidth: '1',
        fitToHeight: '0',
        fitToPage: '1',
        gridLines: null,
        header: `&LPortes ouvertes && salons <2027>&RData as of ${shownDate(AS_OF, 'en')}`,
        footer: '&CPage &P / &N',
      });
    }
    expect(parse(xml('xl/workbook.xml')).querySelectorAll('definedName[name="_xlnm.Print_Titles"]')).to.have.length(1);
  });

  it('writes a header row 30 points high, its titles indented and centred vertically', async () => {
    const file = await buildExportFile('xlsx', meta(), rowsFromArray(ROWS));
    const { workbook, xml } = await parseXlsx(file.blob);
    const sheet = parse(xml('xl/worksheets/sheet1.xml'));
    const row = sheet.querySelector('row[r="1"]')!;
    expect([row.getAttribute('ht'), row.getAttribute('customHeight')]).to.deep.equal(['30', '1']);
    expect(sheet.querySelector('row[r="2"]')!.hasAttribute('ht'), 'data rows keep their height').to.equal(false);
    const alignment = xfOf(sheet, parse(xml('xl/styles.xml')), 'A1').querySelector('alignment')!;
    expect(['horizontal', 'vertical', 'indent', 'wrapText'].map((name) => alignment.getAttribute(name))).to.deep.equal(['left', 'center', '1', 'true']);
    // A short title's column has room for the bold, indented title: "Clics" and four characters.
    expect(Number(sheet.querySelector('col[min="2"]')!.getAttribute('width'))).to.be.at.least('Clics'.length + 4);
    // Read back by the current SheetJS (row heights are read with the styles): the height, and the titles in place.
    const current = CurrentSheetJS.read(await file.blob.arrayBuffer(), { type: 'array', cellStyles: true });
    expect(current.Sheets.Statistiques!['!rows']?.[0]?.hpt).to.equal(30);
    expect(sheetRows(workbook.Sheets.Statistiques)[0]!.map((cell) => cell?.v)).to.deep.equal(['Email', 'Clics', 'Dernière activité']);
  });

  for (const [locale, messages, lines] of [
    [
      'fr',
      fr,
      [
        ['Contacts de la campagne', 1250],
        ['Contacts exportés', 5],
        ['Recherche', 'dupont'],
        ['Filtres', 'Délivrabilité\u00a0: Délivré'],
        [undefined, 'Ouvert\u00a0: Oui'],
      ],
    ],
    [
      'en',
      en,
      [
        ['Contacts in the campaign', 1250],
        ['Contacts exported', 5],
        ['Search', 'dupont'],
        ['Filters', 'Délivrabilité: Délivré'],
        [undefined, 'Ouvert: Oui'],
      ],
    ],
  ] as const) {
    it(`writes the Campagne sheet in ${locale}: the total, the search and each filter, every value left-aligned`, async () => {
      const file = await buildExportFile('xlsx', meta(locale), rowsFromArray(ROWS));
      const { workbook, xml } = await parseXlsx(file.blob);
      const rows = sheetRows(workbook.Sheets[messages.sheetCampaign]);
      const l = messages.campaignSheet;
      expect(rows.map((row) => row.map((cell) => cell?.v))).to.deep.equal([
        [l.name, NAME],
        [l.channel, messages.channel.email],
        [l.sendFinishedAt, excelDateSerial(new Date(EMAIL_CAMPAIGN.sendFinishedAt!))],
        [l.asOf, excelDateSerial(new Date(AS_OF))],
        ...lines,
      ]);
      expect(rows[3]![1]!.z).to.equal('dd/mm/yyyy hh:mm');
      expect(rows[4]![1]!.z).to.equal('#,##0');

      const sheet = parse(xml('xl/worksheets/sheet2.xml'));
      const styles = parse(xml('xl/styles.xml'));
      for (let r = 1; r <= rows.length; r++) {
        const value = xfOf(sheet, styles, `B${r}`);
        expect(value.querySelector('alignment')?.getAttribute('horizontal'), `B${r} left-aligned`).to.equal('left');
        if (r === rows.length) continue; // the second filter has no label
        const label = xfOf(sheet, styles, `A${r}`);
        expect(label.querySelector('alignment')?.getAttribute('horizontal'), `A${r} left-aligned`).to.equal('left');
        const font = styles.querySelector('fonts')!.children[Number(label.getAttribute('fontId'))]!;
        expect(font.querySelector('b'), `A${r} bold`).to.not.equal(null);
      }

      // The current SheetJS reads the same.
      const current = CurrentSheetJS.read(await file.blob.arrayBuffer(), { type: 'array' });
      const currentSheet = current.Sheets[messages.sheetCampaign]!;
      expect(['A5', 'B5', 'A7', 'B7', 'A8', 'B8', 'B9'].map((ref) => currentSheet[ref]?.v)).to.deep.equal([
        lines[0][0],
        1250,
        lines[2][0],
        'dupont',
        lines[3][0],
        lines[3][1],
        lines[4][1],
      ]);
    });
  }

  it('says "Aucune" / "Aucun" when the view has no search nor filter, and nothing of the view when the grid gives none', async () => {
    const none = await buildExportFile('xlsx', meta('fr', { filters: [], campaignTotal: 5, search: '  ' }), rowsFromArray(ROWS));
    const values = (await parseXlsx(none.blob)).workbook.Sheets.Campagne;
    expect(sheetRows(values).slice(4).map((row) => row.map((cell) => cell?.v))).to.deep.equal([
      ['Contacts de la campagne', 5],
      ['Contacts exportés', 5],
      ['Recherche', 'Aucune'],
      ['Filtres', 'Aucun'],
    ]);
    const without = await buildExportFile('xlsx', { ...meta('fr'), view: undefined }, rowsFromArray(ROWS));
    expect(sheetRows((await parseXlsx(without.blob)).workbook.Sheets.Campagne).map((row) => row[0]?.v)).to.deep.equal([
      'Campagne',
      'Canal',
      "Fin de l'envoi",
      'Données au',
      'Contacts exportés',
    ]);
  });

  it('keeps every part of the file well-formed XML', async () => {
    const file = await buildExportFile('xlsx', meta(), rowsFromArray(ROWS), { rowsPerSheet: 2 });
    const zip = new JSZipSync(await file.blob.arrayBuffer());
    const parts = Object.keys(zip.files).filter((name) => name.endsWith('.xml') || name.endsWith('.rels'));
    expect(parts.length).to.be.greaterThan(8);
    for (const name of parts) parse(zip.file(name)!.asText());
  });
});
