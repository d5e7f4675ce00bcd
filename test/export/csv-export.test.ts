import { expect } from '@open-wc/testing';
import { workbookTexts } from '../../src/components/campaign-stats-grid/stats-columns.js';
import { localTimeOfSerial, MAX_CELL_TEXT } from '../../src/export/cell-values.js';
import { buildExportFile, CSV_MIME, rowsFromArray, type ExportProgress, type WorkbookMeta } from '../../src/export/excel-export.js';
import type { ExportColumn } from '../../src/export/export-types.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import { EMAIL_CAMPAIGN } from '../helpers/fixtures.js';
import { parseXlsx, utils } from '../helpers/xlsx.js';
import { parseCsv } from './csv-fields.js';
import { slowRows, withoutWorkers } from './row-sources-and-workers.js';

const LINKS = { 'l-1': 'Programme', 'l-2': 'Inscription, tarifs', 'l-3': '=HYPERLINK("http://x","y")' };

const COLUMNS: ExportColumn[] = [
  { field: 'lastName', title: 'Nom', kind: 'text' },
  { field: 'phone', title: 'Téléphone', kind: 'id' },
  { field: 'delivery', title: 'Délivrabilité', kind: 'label', labels: { delivered: 'Délivré', hard_bounce: 'Rebond définitif' } },
  { field: 'opened', title: 'Ouvert', kind: 'boolean' },
  { field: 'clickCount', title: 'Clics', kind: 'number' },
  { field: 'clickedLinks', title: 'Liens cliqués', kind: 'list', labels: LINKS },
  { field: 'lastActivityAt', title: 'Dernière activité', kind: 'date' },
];

function meta(locale = 'fr', columns = COLUMNS): WorkbookMeta {
  const messages = locale.startsWith('en') ? en : fr;
  return { columns, campaign: EMAIL_CAMPAIGN, asOf: '2026-11-26T20:30:00.000Z', locale, texts: workbookTexts(messages, 'email') };
}

/** An instant whose local time, where the test runs, is 26 Nov 2026 09:05: what the file must show. */
const NINE_FIVE = new Date(2026, 10, 26, 9, 5, 42).toISOString();

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/** The file's text, BOM kept (a plain `blob.text()` would drop it). */
async function textOf(blob: Blob): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(await bytesOf(blob));
}

async function csv(locale: string, rows: Record<string, unknown>[], columns = COLUMNS): Promise<string> {
  return textOf((await buildExportFile('csv', meta(locale, columns), rowsFromArray(rows))).blob);
}

function contact(i: number): Record<string, unknown> {
  return {
    lastName: `Nom ${i}`,
    phone: `+336${String(10_000_000 + i).slice(-8)}`,
    delivery: i % 7 === 0 ? 'hard_bounce' : 'delivered',
    opened: i % 3 === 0,
    clickCount: i % 11,
    clickedLinks: i % 4 === 0 ? [] : ['l-1', 'l-2'].slice(0, 1 + (i % 2)),
    lastActivityAt: i % 5 === 0 ? undefined : new Date(Date.UTC(2026, 10, 20, 8) + i * 60_000).toISOString(),
  };
}

describe('CSV export', () => {
  // First: nothing in this file has loaded the .xlsx engine on the main thread yet.
  it('falls back to the main thread with the same bytes, loading the CSV engine only', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => contact(i));
    const inWorker = await buildExportFile('csv', meta(), rowsFromArray(rows, 400));
    // The modules the page loads from now on (Chromium lists a worker's too: hence after it).
    const loaded: string[] = [];
    const observer = new PerformanceObserver((list) => loaded.push(...list.getEntries().map((entry) => entry.name)));
    observer.observe({ type: 'resource' });
    const onMain = await withoutWorkers(() => buildExportFile('csv', meta(), rowsFromArray(rows, 400)));
    loaded.push(...observer.takeRecords().map((entry) => entry.name));
    observer.disconnect();
    expect([inWorker.thread, onMain.thread]).to.deep.equal(['worker', 'main']);
    expect(await bytesOf(onMain.blob)).to.deep.equal(await bytesOf(inWorker.blob));
    expect(loaded.some((name) => name.includes('/csv-engine.'))).to.equal(true);
    expect(loaded.filter((name) => name.includes('/xlsx-engine.'))).to.deep.equal([]);
  });

  it('writes a UTF-8 BOM, `;` between fields under French, CRLF, RFC 4180 quoting: byte by byte', async () => {
    const rows = [
      { lastName: 'Martin', phone: '0612345678', delivery: 'delivered', opened: true, clickCount: 7, clickedLinks: ['l-1', 'l-2'], lastActivityAt: NINE_FIVE },
      { lastName: 'Dupont; Durand', phone: 'a,b', delivery: 'unknown', opened: false, clickCount: 1.5, clickedLinks: ['l-9'], lastActivityAt: 'hier' },
      { lastName: 'Le "Gall"', phone: 'ligne 1\nligne 2', delivery: 'hard_bounce', opened: false, clickCount: -2, clickedLinks: [], lastActivityAt: undefined },
      { lastName: 'CR LF\r\nfin', phone: '', delivery: null, opened: null, clickCount: 1234567, clickedLinks: undefined, lastActivityAt: null },
      { lastName: 'Élodie Ñúñez 😀 👩‍👩‍👧', clickCount: 1e-7, clickedLinks: 'l-1' },
    ];
    const blob = (await buildExportFile('csv', meta(), rowsFromArray(rows))).blob;
    expect(blob.type).to.equal(CSV_MIME);
    const bytes = await bytesOf(blob);
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const expected =
      '\uFEFFNom;Téléphone;Délivrabilité;Ouvert;Clics;Liens cliqués;Dernière activité\r\n' +
      'Martin;0612345678;Délivré;Oui;7;"Programme, Inscription, tarifs";2026-11-26 09:05\r\n' +
      '"Dupont; Durand";"a,b";unknown;Non;1,5;l-9;\r\n' +
      '"Le ""Gall""";"ligne 1\nligne 2";Rebond définitif;Non;-2;;\r\n' +
      '"CR LF\r\nfin";;;;1234567;;\r\n' +
      'Élodie Ñúñez 😀 👩‍👩‍👧;;;;0,0000001;Programme;\r\n';
    expect(await textOf(blob)).to.equal(expected);
    expect(bytes).to.deep.equal(new TextEncoder().encode(expected));
    // Accents and emoji as UTF-8: é is C3 A9, 😀 is F0 9F 98 80.
    const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    expect(hex).to.contain('c3 a9').and.to.contain('f0 9f 98 80');
  });

  it('writes `,` between fields, `.` in numbers and Yes/No under English', async () => {
    const text = await csv('en-GB', [{ lastName: 'Smith, John', phone: 'a;b', delivery: 'delivered', opened: true, clickCount: 2.25, clickedLinks: ['l-2', 'l-1'], lastActivityAt: NINE_FIVE }]);
    expect(text).to.equal(
      '\uFEFFNom,Téléphone,Délivrabilité,Ouvert,Clics,Liens cliqués,Dernière activité\r\n' +
        '"Smith, John","a;b",Délivré,Yes,2.25,"Inscription, tarifs, Programme",2026-11-26 09:05\r\n',
    );
  });

  it('makes every text that a spreadsheet would run as a formula inert: a leading quote, and quoted', async () => {
    const texts = ['=1+1', '+33612345678', '-2', '@SUM(A1:A2)', '\tTAB', '\rCR', '=HYPERLINK("http://x","y")', 'a=1', ' =1'];
    const rows = texts.map((lastName) => ({ lastName, delivery: lastName, clickedLinks: ['l-3'] }));
    const columns: ExportColumn[] = [COLUMNS[0]!, { ...COLUMNS[2]!, labels: {} }, COLUMNS[5]!, { field: 'x', title: '=TITLE()', kind: 'text' }];
    const lines = (await csv('fr', rows, columns)).split('\r\n');
    expect(lines[0]).to.equal(`\uFEFFNom;Délivrabilité;Liens cliqués;"'=TITLE()"`);
    const inertLink = `"'=HYPERLINK(""http://x"",""y"")"`;
    expect(lines.slice(1, -1)).to.deep.equal([
      `"'=1+1";"'=1+1";${inertLink};`,
      `"'+33612345678";"'+33612345678";${inertLink};`,
      `"'-2";"'-2";${inertLink};`,
      `"'@SUM(A1:A2)";"'@SUM(A1:A2)";${inertLink};`,
      `"'\tTAB";"'\tTAB";${inertLink};`,
      `"'\rCR";"'\rCR";${inertLink};`,
      `${inertLink};${inertLink};${inertLink};`,
      `a=1;a=1;${inertLink};`,
      ` =1; =1;${inertLink};`,
    ]);
    // A number is no text: a negative count stays a plain number.
    expect(await csv('fr', [{ clickCount: -2 }])).to.match(/\r\n;;;;-2;;\r\n$/);
  });

  it('writes the .xlsx values: the same rows and columns, cell by cell', async () => {
    const rows = [
      ...Array.from({ length: 300 }, (_, i) => contact(i)),
      { lastName: '=1+1', phone: '+33612345678', delivery: 'blocked', opened: true, clickCount: 0.5, clickedLinks: ['l-3', 'l-1'], lastActivityAt: NINE_FIVE },
      { lastName: 'x'.repeat(MAX_CELL_TEXT + 5), phone: 'bell\u0007 lone \uD800 end', opened: false },
    ];
    const [xlsx, csvFile] = await Promise.all([
      buildExportFile('xlsx', meta(), rowsFromArray(rows, 70)),
      buildExportFile('csv', meta(), rowsFromArray(rows, 70)),
    ]);
    expect([xlsx.truncatedCells, csvFile.truncatedCells]).to.deep.equal([1, 1]);
    const sheet = (await parseXlsx(xlsx.blob)).workbook.Sheets.Statistiques as unknown as Record<string, { t: string; v: string | number } | undefined>;
    const table = parseCsv((await textOf(csvFile.blob)).slice(1), ';');
    const range = utils.decode_range(sheet['!ref'] as unknown as string);
    expect(table).to.have.length(range.e.r + 1);
    const pad = (n: number) => String(n).padStart(2, '0');
    table.forEach((line, r) => {
      expect(line, `row ${r + 1}`).to.have.length(COLUMNS.length);
      line.forEach((field, c) => {
        const cell = sheet[utils.encode_cell({ r, c })];
        const where = `row ${r + 1}, column ${c + 1}`;
        if (!cell) return expect(field.text, where).to.equal('');
        if (cell.t === 's') return expect(field.text.replace(/^'(?=[=+\-@\t\r])/, ''), where).to.equal(cell.v);
        if (COLUMNS[c]!.kind !== 'date') return expect(field.text, where).to.equal(String(cell.v).replace('.', ','));
        const t = localTimeOfSerial(cell.v as number);
        const shown = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
        expect(field.text, where).to.equal(shown);
      });
    });
    expect(table[301]!.map((field) => field.text)).to.deep.equal(["'=1+1", "'+33612345678", 'blocked', 'Oui', '0,5', "'=HYPERLINK(\"http://x\",\"y\"), Programme", '2026-11-26 09:05']);
    expect(table[302]![0]!.text).to.have.length(MAX_CELL_TEXT);
    expect(table[302]![1]!.text).to.equal('bell lone \uFFFD end');
  });

  it('writes the header alone when there is no row, with progress at 0', async () => {
    const progress: ExportProgress[] = [];
    const file = await buildExportFile('csv', meta(), rowsFromArray([]), { onProgress: (p) => progress.push(p) });
    expect(await textOf(file.blob)).to.equal('\uFEFFNom;Téléphone;Délivrabilité;Ouvert;Clics;Liens cliqués;Dernière activité\r\n');
    expect(progress).to.deep.equal([{ rowsWritten: 0, totalRows: 0 }]);
  });

  it('reports progress from the worker, monotonic, up to the total', async () => {
    const progress: ExportProgress[] = [];
    const file = await buildExportFile('csv', meta(), rowsFromArray(Array.from({ length: 5000 }, (_, i) => contact(i)), 700), { onProgress: (p) => progress.push(p) });
    expect(file.thread).to.equal('worker');
    expect(progress.length).to.be.greaterThan(3);
    progress.forEach((p, i) => {
      expect(p.totalRows).to.equal(5000);
      if (i) expect(p.rowsWritten).to.be.greaterThan(progress[i - 1]!.rowsWritten);
    });
    expect(progress.at(-1)!.rowsWritten).to.equal(5000);
    expect((await textOf(file.blob)).split('\r\n')).to.have.length(5002);
  });

  it('stops at once when cancelled, in the worker and on the main thread, giving no file', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => contact(i));
    for (const run of [(f: () => Promise<unknown>) => f(), withoutWorkers]) {
      const controller = new AbortController();
      let abortedAt = 0;
      let progressAfterAbort = 0;
      const onProgress = () => {
        if (abortedAt) return void progressAfterAbort++;
        abortedAt = performance.now();
        controller.abort();
      };
      const outcome = await run(() => buildExportFile('csv', meta(), slowRows(rows, 500, 5), { signal: controller.signal, onProgress })).then(
        (file) => ({ file }),
        (error: unknown) => ({ error }),
      );
      expect(performance.now() - abortedAt).to.be.lessThan(100);
      expect(outcome).to.not.have.property('file');
      expect((outcome as { error: DOMException }).error.name).to.equal('AbortError');
      expect(progressAfterAbort).to.equal(0);
    }
  });

  it('fails with a clear error when the rows do not match their count', async () => {
    const rows = Array.from({ length: 4 }, (_, i) => contact(i));
    const short = await buildExportFile('csv', meta(), { totalRows: 10, pages: rowsFromArray(rows).pages }).catch((e: unknown) => e);
    expect((short as Error).message).to.equal('The CSV export expected 10 rows, but the data ended after 4.');
    const long = await buildExportFile('csv', meta(), { totalRows: 2, pages: rowsFromArray(rows).pages }).catch((e: unknown) => e);
    expect((long as Error).message).to.equal('The CSV export expected 2 rows, but the data has more.');
    const unknown = await buildExportFile('pdf' as 'csv', meta(), rowsFromArray(rows)).catch((e: unknown) => e);
    expect(unknown).to.be.instanceOf(RangeError);
  });

  it('never holds the file as one string: the text goes to Blobs chunk by chunk', async () => {
    const Original = globalThis.Blob;
    const made: { strings: number[]; blobs: number }[] = [];
    globalThis.Blob = class extends Original {
      constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
        super(parts, options);
        made.push({ strings: (parts ?? []).filter((p) => typeof p === 'string').map((p) => (p as string).length), blobs: (parts ?? []).filter((p) => p instanceof Original).length });
      }
    };
    const rows = Array.from({ length: 30_000 }, (_, i) => contact(i));
    let blob: Blob;
    try {
      // On the main thread, where the Blobs the engine makes can be seen.
      const file = await withoutWorkers(() => buildExportFile('csv', meta(), rowsFromArray(rows)));
      expect(file.thread).to.equal('main');
      blob = file.blob;
    } finally {
      globalThis.Blob = Original;
    }
    const chunks = made.filter((m) => m.strings.length);
    const largest = Math.max(...chunks.map((m) => m.strings[0]!));
    expect(chunks.length, 'chunks').to.be.greaterThan(2);
    expect(chunks.every((m) => m.strings.length === 1 && m.blobs === 0)).to.equal(true);
    expect(largest).to.be.lessThan(blob.size / 2);
    // The file itself is made of those Blobs, no string.
    expect(made.at(-1)).to.deep.equal({ strings: [], blobs: chunks.length });
    expect((await textOf(blob)).split('\r\n')).to.have.length(rows.length + 2);
  });
});
