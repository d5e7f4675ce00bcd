import { expect } from '@open-wc/testing';
import { workbookTexts } from '../../src/components/campaign-stats-grid/stats-columns.js';
import { toCell, type CellContext } from '../../src/export/cell-values.js';
import { decodePage, encodePage, type ColumnPage } from '../../src/export/column-pages.js';
import { buildExportFile, rowsFromArray, type WorkbookMeta } from '../../src/export/excel-export.js';
import type { ExportCellKind, ExportColumn } from '../../src/export/export-types.js';
import { fr } from '../../src/i18n/fr.js';
import { EMAIL_CAMPAIGN } from '../helpers/fixtures.js';
import { withoutWorkers } from './row-sources-and-workers.js';

/** Every character a text may hold that has tripped something: what validate.ts keeps (tab, CR, LF) and what rows given directly may hold. */
const ODD_TEXTS = [
  'tab\there',
  'CR\rLF\nCRLF\r\n',
  '\u0000nul \u0007bell \u000Bvt \u001Besc \u007Fdel',
  'lone \uD800 high',
  '\uDC00 lone low',
  'end of a pair \uD83D',
  '\uDE00 start of a pair',
  '😀 emoji, é, Ż, 中文, \u202Ebidi',
  '\uFFFE\uFFFF non-characters',
  '\uFEFFBOM',
  '=HYPERLINK("http://x","y")',
  ' spaces kept ',
  '_x0041_',
  '\u2028\u2029 separators',
  'x'.repeat(70_000),
];

const CONTEXT = (): CellContext => ({ yes: 'Oui', no: 'Non', truncated: { count: 0 } });

/** Values of one column through the encoding, as the worker gets them: cloned with the page's buffers transferred. */
function roundTrip(kind: ExportCellKind, values: unknown[], labels?: Record<string, string>): { decoded: unknown[]; page: ColumnPage } {
  const column: ExportColumn = { field: 'f', title: 'F', kind, labels };
  const rows = values.map((value) => ({ f: value }));
  const { page, transfer } = encodePage(rows, [column]);
  const received = structuredClone(page, { transfer });
  return { decoded: decodePage(received).map((row) => row[0]), page };
}

/** What a decoded value must be: the value itself, but an empty one (`undefined`, `null`, `''`) is `undefined`. */
function expectRoundTrip(kind: ExportCellKind, values: unknown[], labels?: Record<string, string>): ColumnPage {
  const { decoded, page } = roundTrip(kind, values, labels);
  expect(decoded).to.have.length(values.length);
  const column: ExportColumn = { field: 'f', title: 'F', kind, labels };
  values.forEach((value, r) => {
    const want = value === null || value === '' ? undefined : value;
    const shown = (x: unknown) => (Object.is(x, -0) ? '-0' : String(x));
    if (typeof want === 'number') expect(Object.is(decoded[r], want), `${kind} row ${r}: ${shown(decoded[r])} for ${shown(want)}`).to.equal(true);
    else expect(decoded[r], `${kind} row ${r}`).to.deep.equal(want);
    // The cell the engines write from it: the same.
    expect(toCell(decoded[r], column, CONTEXT()), `${kind} row ${r}: its cell`).to.deep.equal(toCell(value, column, CONTEXT()));
  });
  return page;
}

const EMPTIES = [undefined, null, ''];

describe('Column pages (the rows as they cross to the export worker)', () => {
  it('gives back every text exactly, odd characters and empty values included, in one string per column', () => {
    const page = expectRoundTrip('text', [...ODD_TEXTS, ...EMPTIES, 'after the empties', ...ODD_TEXTS.slice().reverse()]);
    const column = page.columns[0]!;
    expect(column.encoding).to.equal('texts');
    expect(column.others).to.equal(undefined);
    expectRoundTrip('id', ['+33612345678', '0612345678', ...EMPTIES, '+33 6 12 34 56 78']);
  });

  it('sends what a text column cannot hold as it is: numbers, dates, objects', () => {
    const page = expectRoundTrip('text', ['a', 42, -0, new Date(Date.UTC(2026, 10, 26)), { name: 'x' }, true, 'b', 12345678901234567890n]);
    expect(page.columns[0]!.others!.rows).to.deep.equal([1, 2, 3, 4, 5, 7]);
  });

  it('gives back dates as their ISO strings, and what is no date as it was', () => {
    expectRoundTrip('date', [
      '2026-11-26T20:30:00.000Z',
      '2026-11-26T21:30:00+01:00',
      '2026-11-26',
      '2026-02-30',
      'hier',
      ...EMPTIES,
      new Date(Date.UTC(2026, 10, 26, 20, 30)),
      1764189000000,
      new Date(Number.NaN),
    ]);
  });

  it('gives back every number exactly in a Float64Array: NaN, -0, infinities, the largest and smallest', () => {
    const numbers = [0, -0, 1, -1.5, 0.1 + 0.2, Number.NaN, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53 + 2, 1e21, 1e-7];
    const page = expectRoundTrip('number', numbers);
    const column = page.columns[0]!;
    expect(column.encoding).to.equal('numbers');
    // All numbers: no empty flags, nothing sent aside.
    expect(column.encoding === 'numbers' && column.empty).to.equal(undefined);
    expect(column.others).to.equal(undefined);
    expectRoundTrip('number', [...numbers, ...EMPTIES, '12', 'abc', true, [1]]);
  });

  it('gives back booleans, and anything else in a boolean column as it is', () => {
    const page = expectRoundTrip('boolean', [true, false, ...EMPTIES, false, true]);
    expect(page.columns[0]!.others).to.equal(undefined);
    expectRoundTrip('boolean', [true, 'true', 1, 0, 'false', { yes: true }]);
  });

  it('gives back labels as indexes in the raw values met, known or not', () => {
    const labels = { delivered: 'Délivré', hard_bounce: 'Rebond définitif' };
    const values = ['delivered', 'hard_bounce', 'mystery', ...EMPTIES, 'delivered', '__proto__', 'constructor', 'toString', 'Délivré', 'mystery', ...ODD_TEXTS];
    const page = expectRoundTrip('label', values, labels);
    const column = page.columns[0]!;
    expect(column.encoding).to.equal('codes');
    if (column.encoding !== 'codes') return;
    expect(column.codes).to.be.instanceOf(Uint16Array);
    expect(column.dictionary.slice(0, 3)).to.deep.equal(['delivered', 'hard_bounce', 'mystery']);
    expect(column.others).to.equal(undefined);
    expectRoundTrip('label', ['delivered', 42, true, { value: 'delivered' }], labels);
  });

  it('keeps the values past a full dictionary (65,535 distinct labels in a page) as they are', () => {
    const values = Array.from({ length: 70_000 }, (_, i) => `value ${i % 68_000}`);
    const page = expectRoundTrip('label', values);
    const column = page.columns[0]!;
    if (column.encoding !== 'codes') throw new Error('not codes');
    expect(column.dictionary).to.have.length(65_535);
    expect(column.others!.rows).to.have.length(70_000 - 65_535 - 2000);
  });

  it('gives back lists of link ids, long ones and empty items included', () => {
    const long = Array.from({ length: 100 }, (_, i) => `l-${i}`);
    const labels = { 'l-1': 'Programme', 'l-2': 'Inscription, tarifs' };
    const values: unknown[] = [['l-1', 'l-2'], [], ['l-2'], ...EMPTIES, long, ['', 'l-1', ''], ['inconnu'], ODD_TEXTS, ['l-1'], long.slice().reverse()];
    const { decoded, page } = roundTrip('list', values, labels);
    const column = page.columns[0]!;
    expect(column.encoding).to.equal('lists');
    expect(column.others).to.equal(undefined);
    // An empty list, as an absent one, is no cell: it comes back undefined.
    expect(decoded).to.deep.equal(values.map((value) => (Array.isArray(value) && value.length ? value : undefined)));
    const exportColumn: ExportColumn = { field: 'f', title: 'F', kind: 'list', labels };
    values.forEach((value, r) => expect(toCell(decoded[r], exportColumn, CONTEXT())).to.deep.equal(toCell(value, exportColumn, CONTEXT())));
  });

  it('sends lists it cannot index as they are: a lone value, items that are not strings, holes', () => {
    const values: unknown[] = ['l-1', ['l-1', 2], [null, 'l-1'], [, 'l-1'], ['l-1'], { 0: 'l-1' }];
    const page = expectRoundTrip('list', values, { 'l-1': 'Programme' });
    expect(page.columns[0]!.others!.rows).to.deep.equal([0, 1, 2, 3, 5]);
  });

  it('moves its typed arrays (the buffers are transferred, not copied) and holds any number of columns', () => {
    const columns: ExportColumn[] = (['text', 'id', 'date', 'number', 'boolean', 'label', 'list'] as const).map((kind, c) => ({ field: `c${c}`, title: kind, kind }));
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      c0: `Nom ${i}`,
      c1: i % 3 ? `+33${i}` : undefined,
      c2: new Date(Date.UTC(2026, 10, 20) + i * 60_000).toISOString(),
      c3: i % 5 ? i / 7 : undefined,
      c4: i % 2 === 0,
      c5: ['delivered', 'soft_bounce', 'blocked'][i % 3],
      c6: i % 4 ? ['l-1', 'l-2', 'l-3'].slice(0, i % 4) : [],
    }));
    const { page, transfer } = encodePage(rows, columns);
    expect(new Set(transfer).size).to.equal(transfer.length);
    const views = page.columns.flatMap((column) => Object.values(column).filter((value): value is Uint8Array => ArrayBuffer.isView(value)));
    expect(views.map((view) => view.buffer)).to.have.members(transfer);
    const received = structuredClone(page, { transfer });
    for (const buffer of transfer) expect(buffer.byteLength, 'detached').to.equal(0);
    const decoded = decodePage(received);
    expect(decoded).to.have.length(5000);
    decoded.forEach((row, r) => {
      const want = columns.map((column) => {
        const value = rows[r]![column.field as keyof (typeof rows)[number]];
        return value === undefined || (Array.isArray(value) && value.length === 0) ? undefined : value;
      });
      expect(row, `row ${r}`).to.deep.equal(want);
    });
    expect(decodePage(structuredClone(encodePage([], columns).page))).to.deep.equal([]);
  });
});

describe('The export through the worker, against the main thread', () => {
  const COLUMNS: ExportColumn[] = [
    { field: 'text', title: 'Texte', kind: 'text' },
    { field: 'phone', title: 'Téléphone', kind: 'id' },
    { field: 'date', title: 'Date', kind: 'date' },
    { field: 'count', title: 'Nombre', kind: 'number' },
    { field: 'flag', title: 'Oui/Non', kind: 'boolean' },
    { field: 'delivery', title: 'Délivrabilité', kind: 'label', labels: { delivered: 'Délivré' } },
    { field: 'links', title: 'Liens', kind: 'list', labels: { 'l-1': 'Programme', 'l-2': '=HYPERLINK("x")' } },
  ];
  const odd = (i: number) => ODD_TEXTS[Math.floor(i / 5) % ODD_TEXTS.length];
  const rows = Array.from({ length: 7000 }, (_, i) => ({
    text: [odd(i), undefined, '', 42, null][i % 5],
    phone: i % 7 ? `+336${i}` : 612345678,
    date: [new Date(Date.UTC(2026, 10, 20) + i * 61_000).toISOString(), '2026-02-30', undefined, new Date(Date.UTC(2026, 10, 26, 9, i % 60))][i % 4],
    count: [i, -0, Number.NaN, Infinity, 1e21, 1e-7, '12', 'abc', undefined][i % 9],
    flag: [true, false, undefined, 'true'][i % 4],
    delivery: ['delivered', 'mystery', '', odd(i), 7][i % 5],
    links: [['l-1', 'l-2'], [], undefined, ['inconnu', ''], 'l-1', ['l-2', 3]][i % 6],
  }));
  const meta: WorkbookMeta = { columns: COLUMNS, campaign: EMAIL_CAMPAIGN, asOf: '2026-11-26T20:30:00.000Z', locale: 'fr', texts: workbookTexts(fr, 'email') };

  for (const format of ['csv', 'xlsx'] as const) {
    it(`writes the same ${format} bytes from the column pages as from the rows themselves`, async () => {
      const inWorker = await buildExportFile(format, meta, rowsFromArray(rows, 3000));
      const onMain = await withoutWorkers(() => buildExportFile(format, meta, rowsFromArray(rows, 3000)));
      expect([inWorker.thread, onMain.thread]).to.deep.equal(['worker', 'main']);
      expect(inWorker.truncatedCells).to.equal(onMain.truncatedCells);
      expect(inWorker.truncatedCells).to.be.greaterThan(0);
      const [a, b] = await Promise.all([inWorker.blob.arrayBuffer(), onMain.blob.arrayBuffer()]);
      expect(a.byteLength).to.equal(b.byteLength);
      expect(new Uint8Array(a).every((byte, i) => byte === new Uint8Array(b)[i])).to.equal(true);
    });
  }
});
