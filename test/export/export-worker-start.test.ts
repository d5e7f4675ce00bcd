import { expect } from '@open-wc/testing';
import { workbookTexts } from '../../src/components/campaign-stats-grid/stats-columns.js';
import { buildExportFile, rowsFromArray, type WorkbookMeta } from '../../src/export/excel-export.js';
import { getExportWorkerUrl, setExportWorkerUrl } from '../../src/export/export-worker-start.js';
import { fr } from '../../src/i18n/fr.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS, SMS_CAMPAIGN } from '../helpers/fixtures.js';
import { renderLoadedGrid } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';
import { parseXlsx } from '../helpers/xlsx.js';

const META: WorkbookMeta = {
  columns: [{ field: 'email', title: 'Email', kind: 'text' }],
  campaign: EMAIL_CAMPAIGN,
  asOf: '2026-11-26T20:30:00.000Z',
  locale: 'fr',
  texts: workbookTexts(fr, 'email'),
};
const ROWS = [{ email: 'a@exemple.fr' }, { email: 'b@exemple.fr' }];
/**
 * The test server serves the worker's TypeScript source under its compiled name; the query
 * tells a configured URL from the default one (the same file, run from the sources).
 */
const WORKER = '/src/export/export-worker.js';

/** The URLs the page starts workers from, during `run` (the real Worker still starts). */
async function workerUrls<T>(run: () => Promise<T>): Promise<{ result: T; urls: string[] }> {
  const original = globalThis.Worker;
  const urls: string[] = [];
  globalThis.Worker = class extends original {
    constructor(url: string | URL, options?: WorkerOptions) {
      const { pathname, search } = new URL(String(url), location.href);
      urls.push(pathname + search);
      super(url, options);
    }
  };
  try {
    return { result: await run(), urls };
  } finally {
    globalThis.Worker = original;
  }
}

async function captureWarnings<T>(run: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  try {
    return { result: await run(), warnings };
  } finally {
    console.warn = original;
  }
}

describe('Export worker start', () => {
  afterEach(() => setExportWorkerUrl(undefined));

  it('starts the worker from the URL set page-wide, on globalThis for every copy of the library', async () => {
    setExportWorkerUrl(new URL(`${WORKER}?page`, location.href));
    expect(getExportWorkerUrl()).to.equal(new URL(`${WORKER}?page`, location.href).href);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for('hub3e.campaign-stats.export-worker-url')]).to.equal(getExportWorkerUrl());
    const { result, urls } = await workerUrls(() => buildExportFile('xlsx', META, rowsFromArray(ROWS)));
    expect(urls).to.deep.equal([`${WORKER}?page`]);
    expect(result.thread).to.equal('worker');
    const sheet = (await parseXlsx(result.blob)).workbook.Sheets[fr.sheetStats]!;
    expect(sheet['A3']?.v).to.equal('b@exemple.fr');
  });

  it('lets one export name its own worker URL over the page-wide one', async () => {
    setExportWorkerUrl('/nowhere/export-worker.js');
    const { result, urls } = await workerUrls(() => buildExportFile('xlsx', META, rowsFromArray(ROWS), { workerUrl: `${WORKER}?own` }));
    expect(urls).to.deep.equal([`${WORKER}?own`]);
    expect(result.thread).to.equal('worker');
  });

  it('falls back to the main thread when the configured worker does not load, warning once with the fix', async () => {
    setExportWorkerUrl('/src/export/missing-worker.js');
    const { result, warnings } = await captureWarnings(async () => {
      const first = await buildExportFile('xlsx', META, rowsFromArray(ROWS));
      const second = await buildExportFile('xlsx', META, rowsFromArray(ROWS));
      return [first, second];
    });
    expect(result.map((file) => file.thread)).to.deep.equal(['main', 'main']);
    const sheet = (await parseXlsx(result[1]!.blob)).workbook.Sheets[fr.sheetStats]!;
    expect(sheet['A2']?.v).to.equal('a@exemple.fr');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('/src/export/missing-worker.js').and.contain('setExportWorkerUrl').and.contain('worker-src blob:');
  });

  it('takes the grid’s export-worker-url attribute, and says in the exported event where the export ran', async () => {
    const source = new TestDataSource([EMAIL_CAMPAIGN, SMS_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS });
    const grid = await renderLoadedGrid(source, EMAIL_CAMPAIGN.id);
    grid.setAttribute('export-worker-url', `${WORKER}?grid`);
    const details: string[] = [];
    grid.addEventListener('campaign-stats-exported', (e) => details.push(e.detail.thread));
    const { result, urls } = await workerUrls(() => grid.exportExcel({ download: false }));
    expect(urls).to.deep.equal([`${WORKER}?grid`]);
    expect(result.thread).to.equal('worker');
    expect(details).to.deep.equal(['worker']);
  });
});
