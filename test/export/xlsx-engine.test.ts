import { expect } from '@open-wc/testing';
import { workbookTexts } from '../../src/components/campaign-stats-grid/stats-columns.js';
import { fr } from '../../src/i18n/fr.js';
import JSZipSync from 'sheetjs-style/jszip.js';
import { excelDateSerial } from '../../src/export/cell-values.js';
import { buildExportFile, rowsFromArray, XLSX_MIME, type ExportProgress, type RowSource, type WorkbookMeta } from '../../src/export/excel-export.js';
import type { ExportColumn } from '../../src/export/export-types.js';
import { EMAIL_CAMPAIGN } from '../helpers/fixtures.js';
import { parseXlsx, sheetRows } from '../helpers/xlsx.js';
import { slowRows, withoutWorkers, withWorker } from './row-sources-and-workers.js';

const COLUMNS: ExportColumn[] = [
  { field: 'lastName', title: 'Nom', kind: 'text' },
  { field: 'email', title: 'Email', kind: 'text' },
  { field: 'phone', title: 'Téléphone', kind: 'id' },
  { field: 'delivery', title: 'Délivrabilité', kind: 'label', labels: { delivered: 'Délivré', hard_bounce: 'Rejet définitif' } },
  { field: 'opened', title: 'Ouvert', kind: 'boolean' },
  { field: 'clickCount', title: 'Clics', kind: 'number' },
  { field: 'lastActivityAt', title: 'Dernière activité', kind: 'date' },
];

function meta(columns = COLUMNS): WorkbookMeta {
  return {
    columns,
    campaign: EMAIL_CAMPAIGN,
    asOf: '2026-11-26T20:30:00.000Z',
    locale: 'fr',
    texts: workbookTexts(fr, 'email'),
  };
}

const START = Date.UTC(2026, 10, 20, 8);

function contact(i: number): Record<string, unknown> {
  return {
    lastName: `Nom ${i}`,
    email: `contact.${i}@exemple.fr`,
    phone: `+336${String(10_000_000 + i).slice(-8)}`,
    delivery: i % 7 === 0 ? 'hard_bounce' : 'delivered',
    opened: i % 3 === 0,
    clickCount: i % 11,
    lastActivityAt: i % 5 === 0 ? undefined : new Date(START + i * 60_000).toISOString(),
  };
}

function contacts(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => contact(i));
}

/**
 * Walks the ZIP structure itself: every local header, data descriptor and central-directory
 * record agree, and every entry inflates to its recorded size and CRC-32 (checked again,
 * independently, by JSZip below).
 */
async function checkZip(blob: Blob): Promise<string[]> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const view = new DataView(bytes.buffer);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true), 'end of central directory').to.equal(0x06054b50);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  expect(directoryOffset + directorySize).to.equal(end);
  const names: string[] = [];
  let p = directoryOffset;
  let expectedLocal = 0;
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(p, true), 'central header').to.equal(0x02014b50);
    const crc = view.getUint32(p + 16, true);
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const local = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    names.push(name);
    expect(local, `${name} follows the previous entry`).to.equal(expectedLocal);
    expect(view.getUint32(local, true), 'local header').to.equal(0x04034b50);
    expect(view.getUint16(local + 26, true)).to.equal(nameLength);
    const dataStart = local + 30 + nameLength + view.getUint16(local + 28, true);
    const descriptor = dataStart + compressed;
    expect(view.getUint32(descriptor, true), `${name} data descriptor`).to.equal(0x08074b50);
    expect([view.getUint32(descriptor + 4, true), view.getUint32(descriptor + 8, true), view.getUint32(descriptor + 12, true)]).to.deep.equal([crc, compressed, size]);
    const inflated = new Uint8Array(await new Response(new Blob([bytes.slice(dataStart, descriptor)]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer());
    expect(inflated.length, `${name} size`).to.equal(size);
    expectedLocal = descriptor + 16;
    p += 46 + nameLength;
  }
  expect(expectedLocal).to.equal(directoryOffset);
  // JSZip's own CRC-32 check over every entry.
  const zip = new JSZipSync(bytes, { checkCRC32: true });
  for (const name of names) zip.file(name)!.asUint8Array();
  return names;
}

describe('Excel export engine', () => {
  it('runs in the worker and writes a valid file: every CRC and size checks out', async () => {
    const rows = contacts(300);
    const file = await buildExportFile('xlsx', meta(), rowsFromArray(rows, 70));
    expect(file.thread).to.equal('worker');
    expect(file.blob.type).to.equal(XLSX_MIME);
    const names = await checkZip(file.blob);
    expect(names[0]).to.equal('[Content_Types].xml');
    expect(names).to.include.members(['xl/workbook.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml']);

    const { workbook, xml } = await parseXlsx(file.blob);
    expect(workbook.SheetNames).to.deep.equal(['Statistiques', 'Campagne']);
    const sheet = sheetRows(workbook.Sheets.Statistiques);
    expect(sheet).to.have.length(301);
    expect(sheet[0]!.map((cell) => cell?.v)).to.deep.equal(COLUMNS.map((column) => column.title));
    const first = sheet[1 + 7]!;
    expect(first.map((cell) => cell?.v)).to.deep.equal(['Nom 7', 'contact.7@exemple.fr', '+33610000007', 'Rejet définitif', 'Non', 7, excelDateSerial(new Date(START + 7 * 60_000))]);
    expect(first.map((cell) => cell?.t)).to.deep.equal(['s', 's', 's', 's', 's', 'n', 'n']);
    // Row 0 has no activity date: an empty cell.
    expect(sheet[1]![6]).to.equal(undefined);
    expect(sheetRows(workbook.Sheets.Campagne)[4]![1]!.v).to.equal(300);

    const sheetXml = xml('xl/worksheets/sheet1.xml');
    expect(sheetXml).to.contain('<dimension ref="A1:G301"/>');
    expect(sheetXml).to.contain('<autoFilter ref="A1:G301"/>');
    expect(sheetXml).to.contain('state="frozen"');
    // Phones and emails inline; yes/no and labels shared, once each. A cell reference only
    // where the position does not follow from the previous cell: on the first.
    expect(sheetXml).to.match(
      /<row r="2"><c r="A2" t="inlineStr"><is><t>Nom 0<\/t><\/is><\/c><c r="B2" t="inlineStr"><is><t>contact\.0@exemple\.fr<\/t><\/is><\/c><c r="C2" t="inlineStr"><is><t>\+33610000000<\/t><\/is><\/c><c r="D2" t="s"><v>\d+<\/v><\/c><c r="E2" t="s"><v>\d+<\/v><\/c><c r="F2"><v>0<\/v><\/c><\/row>/,
    );
    expect(xml('xl/sharedStrings.xml').match(/<t>Délivré<\/t>/g)).to.have.length(1);
    expect(xml('xl/workbook.xml')).to.contain('!A1:G301</definedName>');
  });

  it('keeps every character: accents, emoji, markup, white space, CR; drops what XML forbids', async () => {
    const texts = [
      'Élodie Ñúñez-Ødegård',
      'emoji 😀👩‍👩‍👧 ok',
      `<b>&amp; "quoted" 'single'</b> & <`,
      '  leading and trailing  ',
      'line\nbreak\tand tab',
      '\r=1+1',
      '=HYPERLINK("http://x","y")',
      '+33612345678',
      '_x0041_ stays as typed',
      'bell\u0007nul\u0000vt\u000b end',
      'lone \ud800 surrogate',
    ];
    const expected = texts.map((text) => text.replace(/[\u0000\u0007\u000b]/g, '').replace('\ud800', '\ufffd'));
    const rows = texts.map((text) => ({ lastName: text, delivery: text, opened: true }));
    const { blob } = await buildExportFile('xlsx', meta(), rowsFromArray(rows));
    await checkZip(blob);
    const { workbook, xml } = await parseXlsx(blob);
    const sheet = sheetRows(workbook.Sheets.Statistiques).slice(1);
    expect(sheet.map((row) => row[0]!.v)).to.deep.equal(expected);
    // An unknown label is written as is, through the shared strings.
    expect(sheet.map((row) => row[3]!.v)).to.deep.equal(expected);
    expect(sheet.every((row) => row[0]!.t === 's')).to.equal(true);
    const sheetXml = xml('xl/worksheets/sheet1.xml');
    expect(sheetXml).to.not.match(/<f[ >]/);
    // Every cell says where it is, after the empty email and phone too.
    expect(sheetXml).to.match(/<row r="2"><c r="A2" t="inlineStr"><is><t>Élodie Ñúñez-Ødegård<\/t><\/is><\/c><c r="D2" t="s"><v>\d+<\/v><\/c><c r="E2" t="s">/);
    // The file parses as XML: nothing XML forbids got through.
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml']) {
      const parsed = new DOMParser().parseFromString(xml(part), 'application/xml');
      expect(parsed.querySelector('parsererror')?.outerHTML ?? null, part).to.equal(null);
    }
  });

  it('continues on further sheets, each with its header, frozen pane and autofilter', async () => {
    const { blob } = await buildExportFile('xlsx', meta(), rowsFromArray(contacts(7), 2), { rowsPerSheet: 3 });
    await checkZip(blob);
    const { workbook, xml } = await parseXlsx(blob);
    expect(workbook.SheetNames).to.deep.equal(['Statistiques', 'Statistiques (2)', 'Statistiques (3)', 'Campagne']);
    const names = (name: string) => sheetRows(workbook.Sheets[name]).map((row) => row[0]!.v);
    expect(names('Statistiques')).to.deep.equal(['Nom', 'Nom 0', 'Nom 1', 'Nom 2']);
    expect(names('Statistiques (2)')).to.deep.equal(['Nom', 'Nom 3', 'Nom 4', 'Nom 5']);
    expect(names('Statistiques (3)')).to.deep.equal(['Nom', 'Nom 6']);
    expect(xml('xl/worksheets/sheet3.xml')).to.contain('<dimension ref="A1:G2"/>');
    expect(xml('xl/worksheets/sheet3.xml')).to.contain('<autoFilter ref="A1:G2"/>');
    expect(xml('xl/worksheets/sheet2.xml')).to.contain('state="frozen"');
    // Row numbers start again under each header.
    expect(xml('xl/worksheets/sheet2.xml')).to.contain('<c r="A2" t="inlineStr"><is><t>Nom 3</t></is></c>');
    expect(sheetRows(workbook.Sheets.Campagne)[4]![1]!.v).to.equal(7);
  });

  it('writes the header and the campaign sheet when there is no row', async () => {
    const progress: ExportProgress[] = [];
    const { blob } = await buildExportFile('xlsx', meta(), rowsFromArray([]), { onProgress: (p) => progress.push(p) });
    await checkZip(blob);
    const { workbook, xml } = await parseXlsx(blob);
    expect(sheetRows(workbook.Sheets.Statistiques)).to.have.length(1);
    expect(xml('xl/worksheets/sheet1.xml')).to.contain('<autoFilter ref="A1:G1"/>');
    expect(progress).to.deep.equal([{ rowsWritten: 0, totalRows: 0 }]);
  });

  it('reports progress, monotonic, up to the total', async () => {
    const progress: ExportProgress[] = [];
    await buildExportFile('xlsx', meta(), rowsFromArray(contacts(5000), 700), { onProgress: (p) => progress.push(p) });
    expect(progress.length).to.be.greaterThan(3);
    progress.forEach((p, i) => {
      expect(p.totalRows).to.equal(5000);
      if (i) expect(p.rowsWritten).to.be.greaterThan(progress[i - 1]!.rowsWritten);
    });
    expect(progress.at(-1)!.rowsWritten).to.equal(5000);
  });

  it('stops at once when cancelled, rejecting with an AbortError', async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    const onProgress = () => {
      if (abortedAt) return;
      abortedAt = performance.now();
      controller.abort();
    };
    let error: unknown;
    await buildExportFile('xlsx', meta(), slowRows(contacts(20_000), 500, 5), { signal: controller.signal, onProgress }).catch((e: unknown) => (error = e));
    expect(performance.now() - abortedAt).to.be.lessThan(100);
    expect(error).to.be.instanceOf(DOMException);
    expect((error as DOMException).name).to.equal('AbortError');

    const already = new AbortController();
    already.abort();
    const early = await buildExportFile('xlsx', meta(), rowsFromArray(contacts(3)), { signal: already.signal }).catch((e: unknown) => e);
    expect((early as DOMException).name).to.equal('AbortError');
  });

  it('falls back to the main thread when no worker can start, with the same bytes', async () => {
    const rows = contacts(2500);
    const inWorker = await buildExportFile('xlsx', meta(), rowsFromArray(rows, 400));
    const refused = await withoutWorkers(() => buildExportFile('xlsx', meta(), rowsFromArray(rows, 400)));
    // A worker whose script does not load fails after its construction, with an error event.
    const broken = await withWorker(
      (original) =>
        class extends original {
          constructor(_url: string | URL, options?: WorkerOptions) {
            super(new URL('/src/export/no-such-worker.js', location.href), options);
          }
        },
      () => buildExportFile('xlsx', meta(), rowsFromArray(rows, 400)),
    );
    expect([inWorker.thread, refused.thread, broken.thread]).to.deep.equal(['worker', 'main', 'main']);
    const bytes = new Uint8Array(await inWorker.blob.arrayBuffer());
    expect(new Uint8Array(await refused.blob.arrayBuffer())).to.deep.equal(bytes);
    expect(new Uint8Array(await broken.blob.arrayBuffer())).to.deep.equal(bytes);
  });

  it('cancels on the main thread too', async () => {
    const controller = new AbortController();
    const error = await withoutWorkers(() =>
      buildExportFile('xlsx', meta(), rowsFromArray(contacts(20_000), 500), {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }).catch((e: unknown) => e),
    );
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('fails with a clear error when the rows fail or do not match their count', async () => {
    const failing: RowSource = {
      totalRows: 10,
      async *pages() {
        yield contacts(4);
        throw new Error('HTTP 503 from the statistics API');
      },
    };
    const failed = await buildExportFile('xlsx', meta(), failing).catch((e: unknown) => e);
    expect((failed as Error).message).to.equal('HTTP 503 from the statistics API');

    const short = await buildExportFile('xlsx', meta(), { totalRows: 10, pages: rowsFromArray(contacts(4)).pages }).catch((e: unknown) => e);
    expect(short).to.be.instanceOf(Error);
    expect((short as Error).message).to.equal('The Excel export expected 10 rows, but the data ended after 4.');
    const long = await buildExportFile('xlsx', meta(), { totalRows: 2, pages: rowsFromArray(contacts(4)).pages }).catch((e: unknown) => e);
    expect((long as Error).message).to.equal('The Excel export expected 2 rows, but the data has more.');
    // Rows cross to the worker by structured cloning: a function cannot.
    const uncloneable = await buildExportFile('xlsx', meta(), rowsFromArray([{ lastName: () => 'x' }])).catch((e: unknown) => e);
    expect((uncloneable as DOMException).name).to.equal('DataCloneError');
  });

  it('round-trips 50,000 rows', async () => {
    const rows = contacts(50_000);
    const file = await buildExportFile('xlsx', meta(), rowsFromArray(rows));
    expect(file.thread).to.equal('worker');
    await checkZip(file.blob);
    const { workbook } = await parseXlsx(file.blob);
    const sheet = sheetRows(workbook.Sheets.Statistiques);
    expect(sheet).to.have.length(50_001);
    for (const i of [0, 1, 4999, 25_000, 33_333, 49_999]) {
      const expected = contact(i);
      const row = sheet[i + 1]!;
      expect(row[0]!.v).to.equal(expected.lastName);
      expect(row[1]!.v).to.equal(expected.email);
      expect(row[2]!.v).to.equal(expected.phone);
      expect(row[3]!.v).to.equal(expected.delivery === 'delivered' ? 'Délivré' : 'Rejet définitif');
      expect(row[4]!.v).to.equal(expected.opened ? 'Oui' : 'Non');
      expect(row[5]!.v).to.equal(expected.clickCount);
      expect(row[6]?.v).to.equal(expected.lastActivityAt ? excelDateSerial(new Date(expected.lastActivityAt as string)) : undefined);
    }
  });
});
