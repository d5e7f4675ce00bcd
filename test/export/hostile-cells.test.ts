import { expect } from '@open-wc/testing';
import * as CurrentSheetJS from '@e965/xlsx';
import JSZipSync from 'sheetjs-style/jszip.js';
import { workbookTexts } from '../../src/components/campaign-stats-grid/stats-columns.js';
import { excelDateSerial, MAX_CELL_TEXT } from '../../src/export/cell-values.js';
import { buildExportFile, rowsFromArray, type WorkbookMeta } from '../../src/export/excel-export.js';
import type { ExportColumn } from '../../src/export/export-types.js';
import { fr } from '../../src/i18n/fr.js';
import { EMAIL_CAMPAIGN } from '../helpers/fixtures.js';
import { parseXlsx } from '../helpers/xlsx.js';

const COLUMNS: ExportColumn[] = [
  { field: 'text', title: 'Texte', kind: 'text' },
  { field: 'other', title: 'Autre', kind: 'text' },
  { field: 'date', title: 'Date', kind: 'date' },
  { field: 'count', title: 'Nombre', kind: 'number' },
];

/** Texts that readers, XML or Excel's own escaping have got wrong. */
const HOSTILE = [
  '<img src=x onerror="alert(1)">',
  'r="Z" t="n" s="9"',
  '"><c r="A1"><v>1</v></c>',
  'non-characters \uFFFE and \uFFFF end',
  '_x0041_ and _x005F_ stay as typed',
  'bidi \u202Eexe.xslx',
  'nul\u0000 bell\u0007 vt\u000B esc\u001B',
  'lone \uD800 and \uDC00 surrogates',
  '=1+1',
  '\r\nCR LF',
  '😀'.repeat(MAX_CELL_TEXT), // 65,534 UTF-16 units: the cut falls inside a pair
];

const NOT_DATES = ['1', '1/3', '2026-02-30', '2026-13-01T00:00:00Z', 'hier', '2026-11-26T25:00:00Z'];

/** What the file must hold for a text: what XML forbids dropped, lone surrogates U+FFFD, a whole emoji at the cut. */
function expectedText(text: string): string {
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return clean.length > MAX_CELL_TEXT ? clean.slice(0, MAX_CELL_TEXT - 1) : clean;
}

function meta(): WorkbookMeta {
  return {
    columns: COLUMNS,
    campaign: { ...EMAIL_CAMPAIGN, name: 'Campagne \uFFFE _x0041_ <b>' },
    asOf: '2026-11-26T20:30:00.000Z',
    locale: 'fr',
    texts: workbookTexts(fr, 'email'),
  };
}

type Workbook = { Sheets: Record<string, Record<string, { v?: unknown } | undefined>> };

/**
 * The project's own library, and the current SheetJS: a reader that does not follow the spec to
 * the letter. `normalize` is what a reader does to every text by design: SheetJS 0.20 reads
 * CR LF as LF, whether the file writes the CR as `_x000D_` (as Excel does) or as `&#13;`.
 */
const READERS: Record<string, { read: (blob: Blob) => Promise<Workbook>; normalize: (text: string) => string }> = {
  'sheetjs-style 0.15': { read: async (blob) => (await parseXlsx(blob)).workbook as unknown as Workbook, normalize: (text) => text },
  'SheetJS 0.20': {
    read: async (blob) => CurrentSheetJS.read(await blob.arrayBuffer(), { type: 'array' }) as unknown as Workbook,
    normalize: (text) => text.replace(/\r\n/g, '\n'),
  },
};

describe('Excel export of hostile data, read back by independent readers', () => {
  it('gives every reader the same cells, in their columns, with every XML part well-formed', async () => {
    const rows = HOSTILE.flatMap((text, i) => [
      { text, other: `after ${i}`, date: '2026-11-26T20:30:00.000Z', count: i },
      { text: `before ${i}`, other: text, date: NOT_DATES[i % NOT_DATES.length], count: -i },
    ]);
    const file = await buildExportFile('xlsx', meta(), rowsFromArray(rows));
    expect(file.truncatedCells).to.equal(2);
    const bytes = await file.blob.arrayBuffer();

    const zip = new JSZipSync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
      const parsed = new DOMParser().parseFromString(zip.file(name)!.asText(), 'application/xml');
      expect(parsed.querySelector('parsererror')?.outerHTML ?? null, `${name} is well-formed XML`).to.equal(null);
    }

    const expectedRows = rows.map((row) => [
      expectedText(row.text),
      expectedText(row.other),
      row.date === '2026-11-26T20:30:00.000Z' ? excelDateSerial(new Date(row.date)) : undefined,
      row.count,
    ]);
    for (const [name, { read, normalize }] of Object.entries(READERS)) {
      const workbook = await read(file.blob);
      const sheet = workbook.Sheets[fr.sheetStats]!;
      const got = rows.map((_, r) => ['A', 'B', 'C', 'D'].map((column) => sheet[`${column}${r + 2}`]?.v));
      got.forEach((row, r) => {
        const want = expectedRows[r]!;
        row.forEach((value, c) => {
          if (typeof want[c] === 'number' && c === 2) expect(value as number, `${name}: row ${r + 2}, column ${c}`).to.be.closeTo(want[c] as number, 1e-6);
          else expect(value, `${name}: row ${r + 2}, column ${c}`).to.equal(typeof want[c] === 'string' ? normalize(want[c] as string) : want[c]);
        });
      });
      // Nothing beyond the four columns: no cell was shifted.
      expect(Object.keys(sheet).filter((key) => /^[E-Z]\d+$/.test(key)), name).to.deep.equal([]);
      expect(workbook.Sheets[fr.sheetCampaign]!['B1']?.v, `${name}: the campaign's name`).to.equal('Campagne  _x0041_ <b>');
    }
  });
});
