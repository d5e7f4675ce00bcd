import { expect } from '@open-wc/testing';
import * as CurrentSheetJS from '@e965/xlsx';
import { buildExportFile, rowsFromArray } from '../../src/export/excel-export.js';
import { en } from '../../src/i18n/en.js';
import { parseXlsx } from '../helpers/xlsx.js';
import { HOSTILE_LABEL_SHOWN, SUMMARY, summaryMeta } from './summary-fixture.js';

type Cell = { t: string; v: unknown; f?: string; z?: string };
type Sheet = Record<string, Cell | undefined>;

const ROWS = [
  { email: 'a@exemple.fr', clickCount: 2 },
  { email: 'b@exemple.fr', clickCount: 0 },
];

const PERCENT = '0.0%';
const text = (v: string) => ({ t: 's', v });
const num = (v: number) => ({ t: 'n', v });
const pct = (v: number) => ({ t: 'n', v, z: PERCENT });

/** The sheet cell by cell, as A1 → cell; an empty row between the figures and the links. */
const EXPECTED: Record<string, { t: string; v: unknown; z?: string }> = {
  A1: text('Indicateur'), B1: text('Nombre'), C1: text('Taux'), D1: text('Taux calculé sur'),
  A2: text('Destinataires'), B2: num(1200),
  A3: text('Délivrés'), B3: num(1150), C3: pct(0.958333), D3: text('des destinataires'),
  A4: text('Ouvreurs uniques'), B4: num(480), C4: pct(0.417391), D4: text('des délivrés'),
  A5: text('Réactivité'), C5: pct(0.25), D5: text('des ouvreurs'),
  A7: text('Lien'), B7: text('Adresse'), C7: text('Clics'), D7: text('Cliqueurs uniques'), E7: text('% des délivrés'),
  A8: text('Programme'), B8: text('https://ecole.example/programme?a=1&b=<2>'), C8: num(180), D8: num(120), E8: pct(0.104348),
  A9: text(HOSTILE_LABEL_SHOWN), B9: text('=1+1'), D9: num(3), E9: pct(0.002609),
};

const READERS: Record<string, (blob: Blob) => Promise<{ SheetNames: string[]; Sheets: Record<string, Sheet> }>> = {
  'sheetjs-style 0.15': async (blob) => (await parseXlsx(blob)).workbook as unknown as { SheetNames: string[]; Sheets: Record<string, Sheet> },
  'SheetJS 0.20': async (blob) => CurrentSheetJS.read(await blob.arrayBuffer(), { type: 'array', cellNF: true }) as unknown as { SheetNames: string[]; Sheets: Record<string, Sheet> },
};

/** The cells of a sheet (no `!ref`, `!cols`…), with what a check compares: type, value, number format. */
function cellsOf(sheet: Sheet): Record<string, { t: string; v: unknown; z?: string }> {
  const cells: Record<string, { t: string; v: unknown; z?: string }> = {};
  for (const [ref, cell] of Object.entries(sheet)) {
    if (ref.startsWith('!') || !cell) continue;
    cells[ref] = { t: cell.t, v: cell.v, ...(cell.t === 'n' && cell.z && cell.z !== 'General' && { z: cell.z }) };
  }
  return cells;
}

describe('The "Synthèse" sheet of the .xlsx', () => {
  it('comes after Statistiques and Campagne, typed cell by cell, read alike by two readers', async () => {
    const { blob } = await buildExportFile('xlsx', summaryMeta(), rowsFromArray(ROWS));
    for (const [name, read] of Object.entries(READERS)) {
      const workbook = await read(blob);
      expect(workbook.SheetNames, name).to.deep.equal(['Statistiques', 'Campagne', 'Synthèse']);
      const sheet = workbook.Sheets.Synthèse!;
      expect(cellsOf(sheet), name).to.deep.equal(EXPECTED);
      // Texts stay texts: the hostile label and a formula-like URL are no formulas.
      expect(Object.values(cellsOf(sheet)).length, name).to.equal(Object.keys(EXPECTED).length);
      expect(Object.entries(sheet).filter(([ref, cell]) => !ref.startsWith('!') && cell?.f !== undefined), name).to.deep.equal([]);
    }
  });

  it('styles its header rows like the statistics sheet, formats rates as percents, and sizes its columns', async () => {
    const { blob } = await buildExportFile('xlsx', summaryMeta(), rowsFromArray(ROWS));
    const { xml } = await parseXlsx(blob);
    const summary = xml('xl/worksheets/sheet3.xml');
    const styleOf = (sheetXml: string, ref: string) => new RegExp(`<c r="${ref}"(?: s="(\\d+)")?`).exec(sheetXml)?.[1] ?? '0';
    const header = styleOf(xml('xl/worksheets/sheet1.xml'), 'A1');
    expect(header).to.not.equal('0');
    for (const ref of ['A1', 'D1', 'A7', 'E7']) expect(styleOf(summary, ref), ref).to.equal(header);
    expect(styleOf(summary, 'A2')).to.not.equal(header);
    expect(xml('xl/styles.xml')).to.match(/<numFmt numFmtId="\d+" formatCode="0\.0%"\/>/);
    // No formula anywhere; the markup of the hostile label is escaped text.
    expect(summary).to.not.match(/<f[ >]/);
    expect(xml('xl/sharedStrings.xml')).to.contain('&lt;b&gt;gras&lt;/b&gt;').and.to.contain('_x005F_x0041_');
    const widths = [...summary.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    expect(widths).to.have.length(5);
    for (const width of widths) expect(width).to.be.within(8, 52);
    // The URL column is wider than the counts' minimum, but bounded.
    expect(widths[1]).to.be.greaterThan(widths[4]!);
  });

  it('follows the overflow sheets, keeps its figures without links, and speaks English', async () => {
    const overflow = await buildExportFile('xlsx', summaryMeta(), rowsFromArray([...ROWS, ...ROWS, ...ROWS]), { rowsPerSheet: 2 });
    expect((await parseXlsx(overflow.blob)).workbook.SheetNames).to.deep.equal(['Statistiques', 'Statistiques (2)', 'Statistiques (3)', 'Campagne', 'Synthèse']);

    const meta = summaryMeta({ ...SUMMARY, name: en.sheetSummary, links: [] });
    const { workbook } = await parseXlsx((await buildExportFile('xlsx', meta, rowsFromArray(ROWS))).blob);
    expect(workbook.SheetNames.at(-1)).to.equal('Summary');
    const cells = cellsOf(workbook.Sheets.Summary as unknown as Sheet);
    expect(Object.keys(cells).filter((ref) => Number(ref.slice(1)) > 5)).to.deep.equal([]);
    expect(workbook.Sheets.Summary!['!ref']).to.equal('A1:D5');

    const without = await buildExportFile('xlsx', { ...summaryMeta(), summary: undefined }, rowsFromArray(ROWS));
    expect((await parseXlsx(without.blob)).workbook.SheetNames).to.deep.equal(['Statistiques', 'Campagne']);
  });

  it('is no part of the CSV, which holds the statistics table only', async () => {
    const { blob } = await buildExportFile('csv', summaryMeta(), rowsFromArray(ROWS));
    expect(await blob.text()).to.equal('Email;Clics\r\na@exemple.fr;2\r\nb@exemple.fr;0\r\n');
  });
});
