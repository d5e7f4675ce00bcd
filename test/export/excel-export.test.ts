import { expect, waitUntil } from '@open-wc/testing';
import { workbookTexts } from '../../src/components/campaign-stats-grid/stats-columns.js';
import { fr } from '../../src/i18n/fr.js';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import { excelDateSerial, MAX_CELL_TEXT } from '../../src/export/cell-values.js';
import { buildExportFile, rowsFromArray, XLSX_MIME } from '../../src/export/excel-export.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS, SMS_CAMPAIGN, SMS_ROWS } from '../helpers/fixtures.js';
import { centreOf, columnTexts, renderLoadedGrid, shadow } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';
import { catchDownload, parseXlsx, sheetRows, type ReadCell } from '../helpers/xlsx.js';
import { pagedGrid } from './paged-grid.js';

function dataSource(): TestDataSource {
  return new TestDataSource([EMAIL_CAMPAIGN, SMS_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS, [SMS_CAMPAIGN.id]: SMS_ROWS });
}

/** The instant an Excel date serial stands for, read back in local time as it was written. */
function fromSerial(serial: number): Date {
  const local = new Date(Math.round((serial - 25569) * 86_400_000));
  return new Date(local.getTime() + local.getTimezoneOffset() * 60_000);
}

type Sheet = Record<string, ReadCell>;

describe('Excel export', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('writes the rows the user sees, with typed cells, checked cell by cell', async () => {
    const grid = await renderLoadedGrid(dataSource(), EMAIL_CAMPAIGN.id);
    // The user sorts by clicks, descending, and filters out the hard bounce.
    const clicks = shadow(grid).querySelector<HTMLElement>('.tabulator-col[tabulator-field="clickCount"] .tabulator-col-title')!;
    clicks.click();
    clicks.click();
    const delivery = shadow(grid).querySelector<HTMLSelectElement>('.tabulator-col[tabulator-field="delivery"] .header-filter')!;
    delivery.value = 'delivered';
    delivery.dispatchEvent(new Event('change'));
    await waitUntil(() => columnTexts(grid, 'lastName').join() === "Martin,d'Almeida,Bréval", 'not filtered and sorted');

    const { blob, fileName, rowCount } = await grid.exportExcel({ download: false });
    expect(blob.type).to.equal(XLSX_MIME);
    expect(rowCount).to.equal(3);
    expect(fileName).to.equal('Journée portes ouvertes_statistiques_2026-11-26.xlsx');

    const { workbook, xml } = await parseXlsx(blob);
    expect(workbook.SheetNames).to.deep.equal(['Statistiques', 'Campagne']);
    const rows = sheetRows(workbook.Sheets.Statistiques);
    expect(rows.map((row) => row.map((cell) => cell?.v))[0]).to.deep.equal([
      'Nom',
      'Prénom',
      'E-mail',
      'Délivrabilité',
      'Ouvert',
      'Ouvertures',
      'Clics',
      'Signalé comme spam',
      'Désinscrit',
      'Dernière activité',
    ]);
    expect(rows).to.have.length(4);

    const [martin, almeida, breval] = rows.slice(1);
    const types = (row: typeof martin) => row!.map((cell) => cell?.t);
    expect(types(martin)).to.deep.equal(['s', 's', 's', 's', 's', 'n', 'n', 's', 's', 'n']);
    expect(martin!.map((cell) => cell?.v).slice(0, 9)).to.deep.equal(['Martin', 'Zoé', 'zoe.martin@free.fr', 'Délivré', 'Oui', 5, 7, 'Non', 'Non']);
    expect(almeida!.map((cell) => cell?.v).slice(0, 9)).to.deep.equal(["d'Almeida", 'Élodie', 'elodie.dalmeida@etu.univ-lyon2.fr', 'Délivré', 'Oui', 3, 2, 'Non', 'Non']);
    expect(breval!.map((cell) => cell?.v).slice(0, 9)).to.deep.equal(['Bréval', 'Jérôme', 'jerome.breval@orange.fr', 'Délivré', 'Oui', 1, 0, 'Oui', 'Oui']);

    // A date is a real Excel date: a serial number with a date format, for the same instant.
    const date = martin![9]!;
    expect(date.t).to.equal('n');
    expect(date.z).to.equal('dd/mm/yyyy hh:mm');
    expect(fromSerial(date.v as number).toISOString()).to.equal(EMAIL_ROWS[3]!.lastActivityAt);

    // Styled, frozen header; autofilter over the data; sensible widths.
    const sheetXml = xml('xl/worksheets/sheet1.xml');
    expect(sheetXml).to.contain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheetXml).to.match(/<autoFilter ref="A1:J4"\s*\/>/);
    const headerStyle = /<c r="A1" s="(\d+)"/.exec(sheetXml)![1];
    const dataStyle = /<c r="A2"(?: s="(\d+)")?/.exec(sheetXml)![1] ?? '0';
    expect(headerStyle).to.not.equal(dataStyle);
    const styles = xml('xl/styles.xml');
    expect(styles).to.contain('<b/>');
    expect(styles).to.contain('FF1F4E79');
    expect(sheetXml.match(/<col /g)).to.have.length(10);
    expect(sheetXml).to.match(/<col min="3" max="3" width="(3\d|2\d)/);

    // The second sheet describes the campaign.
    const campaign = sheetRows(workbook.Sheets.Campagne).map((row) => row.map((cell) => cell?.v));
    expect(campaign.map((row) => row[0])).to.deep.equal(['Campagne', 'Canal', "Fin de l'envoi", 'Données au', 'Contacts de la campagne', 'Contacts exportés', 'Recherche', 'Filtres']);
    expect(campaign[0]![1]).to.equal('Journée portes ouvertes');
    expect(campaign[1]![1]).to.equal('E-mail');
    expect(fromSerial(campaign[2]![1] as number).toISOString()).to.equal(EMAIL_CAMPAIGN.sendFinishedAt);
    expect(fromSerial(campaign[3]![1] as number).toISOString()).to.equal('2026-11-26T20:30:00.000Z');
    expect(campaign[4]![1], "the campaign's total").to.equal(4);
    expect(campaign[5]![1], "the rows exported (filtered)").to.equal(3);
  });

  it('keeps formulas inert and empty values empty', async () => {
    const grid = await renderLoadedGrid(dataSource(), EMAIL_CAMPAIGN.id);
    const { blob } = await grid.exportExcel({ download: false });
    const { workbook, xml } = await parseXlsx(blob);
    const sheet = workbook.Sheets.Statistiques as unknown as Sheet;
    const injected = sheet.A3!;
    expect(injected.t).to.equal('s');
    expect(injected.v).to.equal('=HYPERLINK("http://x","y")');
    expect(injected.f).to.equal(undefined);
    const sheetXml = xml('xl/worksheets/sheet1.xml');
    expect(sheetXml).to.not.contain('<f>');
    expect(sheetXml).to.not.contain('<f ');
    // The contact without first name or activity has empty cells, not the text null/undefined.
    expect(sheet.B3).to.equal(undefined);
    expect(sheet.J3).to.equal(undefined);
    expect(sheetXml).to.not.match(/>(null|undefined|NaN)</);
  });

  it('keeps phone numbers as text and speaks English under lang="en"', async () => {
    const grid = await renderLoadedGrid(dataSource(), SMS_CAMPAIGN.id, { lang: 'en' });
    const { blob, fileName } = await grid.exportExcel({ download: false });
    expect(fileName).to.equal('Rappel JPO_statistics_2026-11-26.xlsx');
    const { workbook } = await parseXlsx(blob);
    expect(workbook.SheetNames).to.deep.equal(['Statistics', 'Campaign']);
    const rows = sheetRows(workbook.Sheets.Statistics);
    expect(rows[0]!.map((cell) => cell?.v)).to.deep.equal(['Last name', 'First name', 'Phone', 'Delivery', 'Clicks', 'STOP', 'Last activity']);
    expect(rows[1]![2]).to.include({ t: 's', v: '+33612345678' });
    expect(rows[2]![3]!.v).to.equal('Failed');
    expect(rows[3]![5]!.v).to.equal('Yes');
    expect(rows[1]![5]!.v).to.equal('No');
    // The order of day and month, and the clock, of the grid under lang="en".
    expect(rows[1]![6]!.z).to.equal('dd/mm/yyyy hh:mm');
    const campaign = sheetRows(workbook.Sheets.Campaign);
    expect(campaign[1]!.map((cell) => cell?.v)).to.deep.equal(['Channel', 'SMS']);
  });

  it('exports from the real right-click menu, saving the file', async () => {
    const grid = await renderLoadedGrid(dataSource(), EMAIL_CAMPAIGN.id);
    const search = shadow(grid).querySelector<HTMLInputElement>('[part="search"]')!;
    search.focus();
    await sendKeys({ type: 'martin' });
    await waitUntil(() => columnTexts(grid, 'lastName').length === 1);

    const events: string[] = [];
    grid.addEventListener('campaign-stats-export', (e) => events.push(`export:${e.detail.rowCount}:${e.detail.fileName}`));
    grid.addEventListener('campaign-stats-exported', (e) => events.push(`exported:${e.detail.rowCount}:${e.detail.byteLength}`));
    const download = catchDownload();

    const row = shadow(grid).querySelector('.tabulator-row .tabulator-cell')!;
    await sendMouse({ type: 'click', position: centreOf(row), button: 'right' });
    await waitUntil(() => shadow(grid).querySelector('[part~="menu"] [role="menuitem"]'));
    await sendMouse({ type: 'click', position: centreOf(shadow(grid).querySelector('[part~="menu"] [role="menuitem"]')!) });
    await waitUntil(() => shadow(grid).querySelector('[part~="submenu"] [role="menuitem"]'));
    await sendMouse({ type: 'click', position: centreOf(shadow(grid).querySelector('[part~="submenu"] [role="menuitem"]')!) });

    const { blob, fileName } = await download;
    expect(fileName).to.equal('Journée portes ouvertes_statistiques_2026-11-26.xlsx');
    const { workbook } = await parseXlsx(blob);
    const rows = sheetRows(workbook.Sheets.Statistiques);
    expect(rows).to.have.length(2);
    expect(rows[1]![0]!.v).to.equal('Martin');
    await waitUntil(() => events.length === 2);
    expect(events).to.deep.equal([`export:1:${fileName}`, `exported:1:${blob.size}`]);
    expect(shadow(grid).querySelector('[part="status"]')!.textContent).to.contain(`Fichier ${fileName} enregistré.`);
  });

  it('exports from the keyboard: Shift+F10, Enter, Enter', async () => {
    const grid = await renderLoadedGrid(dataSource(), EMAIL_CAMPAIGN.id);
    const download = catchDownload();
    shadow(grid).querySelector<HTMLElement>('.tabulator-tableholder')!.focus();
    await sendKeys({ press: 'Shift+F10' });
    await waitUntil(() => shadow(grid).activeElement?.getAttribute('role') === 'menuitem');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => shadow(grid).activeElement?.textContent?.trim() === 'Excel (.xlsx)');
    await sendKeys({ press: 'Enter' });
    const { blob } = await download;
    const { workbook } = await parseXlsx(blob);
    expect(sheetRows(workbook.Sheets.Statistiques)).to.have.length(5);
  });

  it('shows progress while it runs, and its cancel button stops it with nothing saved', async () => {
    const { grid, ds } = await pagedGrid();
    let exported = false;
    grid.addEventListener('campaign-stats-exported', () => (exported = true));
    ds.hold('getContactStats');
    // Its rejection is taken at once: it comes while the click is still being handled.
    const outcome = grid.exportExcel({ download: false }).then(
      () => undefined,
      (e: unknown) => e,
    );
    const bar = () => shadow(grid).querySelector<HTMLProgressElement>('[part~="progress-bar"]');
    await waitUntil(() => bar(), 'no progress shown');
    expect(bar()!.max).to.equal(30_000);
    expect(bar()!.value).to.equal(0);
    expect(shadow(grid).querySelector('[part~="export-progress"]')!.textContent).to.contain('0 / 30\u202f000 lignes');
    expect(shadow(grid).querySelector('[part~="export-button"]')!.getAttribute('aria-disabled')).to.equal('true');
    const cancel = shadow(grid).querySelector<HTMLButtonElement>('[part~="cancel-export-button"]')!;
    cancel.scrollIntoView({ block: 'center' });
    await sendMouse({ type: 'click', position: centreOf(cancel) });
    const error = await outcome;
    expect((error as DOMException).name).to.equal('AbortError');
    expect(exported).to.equal(false);
    await grid.updateComplete;
    expect(bar()).to.equal(null);
    expect(shadow(grid).querySelector('[part="status"]')!.textContent).to.contain('Export annulé');
    const exportButton = shadow(grid).querySelector('[part~="export-button"]')!;
    expect(exportButton.getAttribute('aria-disabled')).to.equal('false');
    // The cancel button went with the export: the focus went on to the export button, not to the page.
    await waitUntil(() => shadow(grid).activeElement === exportButton, 'the focus did not go to the export button');
    ds.release('getContactStats');
  });

  it('lets a listener cancel the export before anything is written', async () => {
    const grid = await renderLoadedGrid(dataSource(), EMAIL_CAMPAIGN.id);
    let exported = false;
    grid.addEventListener('campaign-stats-export', (e) => e.preventDefault());
    grid.addEventListener('campaign-stats-exported', () => (exported = true));
    let error: unknown;
    await grid.exportExcel({ download: false }).catch((e: unknown) => (error = e));
    expect((error as DOMException).name).to.equal('AbortError');
    expect(exported).to.equal(false);
  });

  it('truncates text past 32,767 characters and says so', async () => {
    const ds = dataSource();
    ds.stats[EMAIL_CAMPAIGN.id] = [{ ...EMAIL_ROWS[0]!, lastName: 'x'.repeat(MAX_CELL_TEXT + 10) }];
    const grid: CampaignStatsGrid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
    const { blob } = await grid.exportExcel({ download: false });
    const { workbook } = await parseXlsx(blob);
    expect(((workbook.Sheets.Statistiques as unknown as Sheet).A2!.v as string).length).to.equal(MAX_CELL_TEXT);
    await grid.updateComplete;
    expect(shadow(grid).querySelector('[part="status"]')!.textContent).to.contain(fr.exportCellTruncated(1, '1'));
  });

  it('refuses to export while nothing is loaded', async () => {
    const grid = document.createElement('campaign-stats-grid');
    let error: unknown;
    await grid.exportExcel().catch((e: unknown) => (error = e));
    expect((error as DOMException).name).to.equal('InvalidStateError');
  });

  it('continues on further sheets past the rows a sheet can hold', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ n: i + 1 }));
    const { blob } = await buildExportFile('xlsx', 
      {
        columns: [{ field: 'n', title: 'N', kind: 'number' }],
        campaign: EMAIL_CAMPAIGN,
        asOf: '2026-11-26T20:30:00.000Z',
        locale: 'fr',
        texts: workbookTexts(fr, 'email'),
      },
      rowsFromArray(rows),
      { rowsPerSheet: 2 },
    );
    const { workbook, xml } = await parseXlsx(blob);
    expect(workbook.SheetNames).to.deep.equal(['Statistiques', 'Statistiques (2)', 'Statistiques (3)', 'Campagne']);
    const values = (name: string) => sheetRows(workbook.Sheets[name]).map((row) => row[0]?.v);
    expect(values('Statistiques')).to.deep.equal(['N', 1, 2]);
    expect(values('Statistiques (2)')).to.deep.equal(['N', 3, 4]);
    expect(values('Statistiques (3)')).to.deep.equal(['N', 5]);
    expect(xml('xl/worksheets/sheet3.xml')).to.contain('state="frozen"');
    expect(excelDateSerial(new Date(2026, 10, 26, 12))).to.equal(46352.5);
  });
});
