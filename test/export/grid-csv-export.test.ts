import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { CSV_MIME } from '../../src/export/excel-export.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS, SMS_CAMPAIGN, SMS_ROWS } from '../helpers/fixtures.js';
import { centreOf, renderLoadedGrid, shadow } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';
import { catchDownload, parseXlsx, sheetRows } from '../helpers/xlsx.js';
import { parseCsv } from './csv-fields.js';
import { pagedGrid } from './paged-grid.js';

function dataSource(): TestDataSource {
  return new TestDataSource([EMAIL_CAMPAIGN, SMS_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS, [SMS_CAMPAIGN.id]: SMS_ROWS });
}

/** The first sheet of an .xlsx as the texts of its cells, row by row ('' for an empty cell). */
async function firstSheetTexts(blob: Blob): Promise<string[][]> {
  const { workbook } = await parseXlsx(blob);
  return sheetRows(workbook.Sheets[workbook.SheetNames[0]!]).map((row) => row.map((cell) => String(cell?.v ?? '')));
}

describe('CSV export from the grid', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('saves a .csv of the rows the .xlsx holds, from the right-click menu', async () => {
    const grid = await renderLoadedGrid(dataSource(), EMAIL_CAMPAIGN.id);
    const xlsx = await firstSheetTexts((await grid.exportExcel({ download: false })).blob);

    const download = catchDownload();
    const row = shadow(grid).querySelector('.tabulator-row .tabulator-cell')!;
    await sendMouse({ type: 'click', position: centreOf(row), button: 'right' });
    await waitUntil(() => shadow(grid).querySelector('[part~="menu"] [role="menuitem"]'));
    await sendMouse({ type: 'click', position: centreOf(shadow(grid).querySelector('[part~="menu"] [role="menuitem"]')!) });
    await waitUntil(() => [...shadow(grid).querySelectorAll('[part~="submenu"] [role="menuitem"]')].some((item) => item.textContent?.includes('CSV')));
    const csvItem = [...shadow(grid).querySelectorAll<HTMLElement>('[part~="submenu"] [role="menuitem"]')].find((item) => item.textContent?.includes('CSV'))!;
    await sendMouse({ type: 'click', position: centreOf(csvItem) });

    const { blob, fileName } = await download;
    expect(fileName).to.equal('Journée portes ouvertes_statistiques_2026-11-26.csv');
    // Read back through the download link's URL, whose type may lose its charset parameter.
    expect(blob.type).to.be.oneOf([CSV_MIME, 'text/csv']);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const table = parseCsv(new TextDecoder().decode(bytes), ';');
    expect(table[0]!.map((field) => field.text)).to.deep.equal(xlsx[0]);
    expect(table).to.have.length(xlsx.length);
    // The same texts, the CSV's formula-like ones made inert (dates and numbers are written apart).
    expect(table.map((line) => line[0]!.text)).to.deep.equal(xlsx.map((line) => (/^[=+\-@]/.test(line[0]!) ? `'${line[0]}` : line[0])));
    expect(table.map((line) => line[0]!.text)).to.include(`'=HYPERLINK("http://x","y")`);
  });

  it('writes `,` between fields under lang="en"', async () => {
    const grid = await renderLoadedGrid(dataSource(), SMS_CAMPAIGN.id, { lang: 'en' });
    const { blob, fileName } = await grid.exportCsv({ download: false });
    expect(fileName).to.equal('Rappel JPO_statistics_2026-11-26.csv');
    const table = parseCsv(await blob.text(), ',');
    expect(table[0]!.map((field) => field.text)).to.deep.equal(['Last name', 'First name', 'Phone', 'Delivery', 'Clicks', 'STOP', 'Last activity']);
    expect(table[1]![2]).to.deep.equal({ text: "'+33612345678", quoted: true });
  });

  it('shows its progress, and its cancel button stops it with nothing saved', async () => {
    const { grid, ds } = await pagedGrid();
    const events: string[] = [];
    grid.addEventListener('campaign-stats-export', (e) => events.push(`export:${e.detail.format}`));
    grid.addEventListener('campaign-stats-exported', () => events.push('exported'));
    let saved = false;
    const onClick = (event: MouseEvent) => {
      if (event.target instanceof HTMLAnchorElement && event.target.download) {
        saved = true;
        event.preventDefault();
      }
    };
    document.addEventListener('click', onClick, true);
    ds.hold('getContactStats');
    const outcome = grid.exportCsv().then(
      () => undefined,
      (e: unknown) => e,
    );
    const bar = () => shadow(grid).querySelector<HTMLProgressElement>('[part~="progress-bar"]');
    await waitUntil(() => bar(), 'no progress shown');
    expect(bar()!.max).to.equal(30_000);
    const cancel = shadow(grid).querySelector<HTMLButtonElement>('[part~="cancel-export-button"]')!;
    cancel.scrollIntoView({ block: 'center' });
    await sendMouse({ type: 'click', position: centreOf(cancel) });
    const error = await outcome;
    ds.release('getContactStats');
    await new Promise((resolve) => setTimeout(resolve, 100));
    document.removeEventListener('click', onClick, true);
    expect((error as DOMException).name).to.equal('AbortError');
    expect(events).to.deep.equal(['export:csv']);
    expect(saved).to.equal(false);
    await grid.updateComplete;
    expect(bar()).to.equal(null);
    expect(shadow(grid).querySelector('[part="status"]')!.textContent).to.contain('Export annulé');
  });
});
