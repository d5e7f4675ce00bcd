import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { compareValues } from '../../src/data/stats-query.js';
import { fr } from '../../src/i18n/fr.js';
import { EMAIL_CAMPAIGN, EMAIL_LINK_ROWS, EMAIL_LINK_SUMMARY, EMAIL_ROWS } from '../helpers/fixtures.js';
import { centreOf, columnTexts, headerTitles, renderLoadedGrid, shadow } from '../helpers/grid.js';
import { SummaryTestDataSource, TestDataSource } from '../helpers/test-data-source.js';
import { parseXlsx, utils } from '../helpers/xlsx.js';

/** The grid knows the links (v2): a "Liens cliqués" column, its filter and sort, in the table and the exports. */

const ROWS = EMAIL_LINK_ROWS;

function source(): SummaryTestDataSource {
  const ds = new SummaryTestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: ROWS });
  ds.summaries = { [EMAIL_CAMPAIGN.id]: EMAIL_LINK_SUMMARY };
  return ds;
}

function linkCells(grid: HTMLElement): string[] {
  return columnTexts(grid, 'clickedLinks');
}

describe('<campaign-stats-grid> links of the message', () => {
  it('shows a "Liens cliqués" column with the labels, before the last activity', async () => {
    const grid = await renderLoadedGrid(source(), EMAIL_CAMPAIGN.id);
    expect(headerTitles(grid).slice(-2)).to.deep.equal([fr.columns.clickedLinks, fr.columns.lastActivityAt]);
    expect(linkCells(grid)).to.deep.equal(['<b>Programme</b> de la formation, =Prendre rendez-vous', '', '', '=Prendre rendez-vous']);
  });

  it('has no such column when neither the rows nor the data source say anything about links', async () => {
    const grid = await renderLoadedGrid(new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS }), EMAIL_CAMPAIGN.id);
    expect(headerTitles(grid)).to.not.include(fr.columns.clickedLinks);
  });

  it('shows link ids when the data source gives no labels', async () => {
    const grid = await renderLoadedGrid(new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: ROWS }), EMAIL_CAMPAIGN.id);
    expect(linkCells(grid)[0]).to.equal('l-prog, l-rdv');
  });

  it('filters by link from its header, with the keyboard', async () => {
    const grid = await renderLoadedGrid(source(), EMAIL_CAMPAIGN.id);
    const select = shadow(grid).querySelector<HTMLSelectElement>('.tabulator-col[tabulator-field="clickedLinks"] select')!;
    // Most clickers first, as in the summary.
    expect([...select.options].map((o) => o.text)).to.deep.equal([fr.filterAny, '=Prendre rendez-vous', '<b>Programme</b> de la formation']);
    expect(select.getAttribute('aria-label')).to.equal(fr.filterLabel(fr.columns.clickedLinks));
    select.focus();
    // Enter starts editing the filter (the grid's keyboard model); its arrows then choose.
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => linkCells(grid).length === 1, 'the link filter did not apply', { timeout: 3000 });
    expect(linkCells(grid)).to.deep.equal(['<b>Programme</b> de la formation, =Prendre rendez-vous']);
  });

  it('sorts by the labels shown, empty cells last', async () => {
    const grid = await renderLoadedGrid(source(), EMAIL_CAMPAIGN.id);
    const title = shadow(grid).querySelector<HTMLElement>('.tabulator-col[tabulator-field="clickedLinks"] .tabulator-col-title')!;
    title.scrollIntoView({ block: 'nearest', inline: 'center' });
    await sendMouse({ type: 'click', position: centreOf(title) });
    const texts = ['<b>Programme</b> de la formation, =Prendre rendez-vous', '=Prendre rendez-vous'].sort(compareValues);
    await waitUntil(() => linkCells(grid)[0] === texts[0], 'not sorted ascending', { timeout: 3000 });
    expect(linkCells(grid)).to.deep.equal([...texts, '', '']);
  });

  it('exports the labels as inert text, and the "Synthèse" sheet of the data source', async () => {
    const grid = await renderLoadedGrid(source(), EMAIL_CAMPAIGN.id);
    const { workbook } = await parseXlsx((await grid.exportExcel({ download: false })).blob);
    expect(workbook.SheetNames).to.deep.equal([fr.sheetStats, fr.sheetCampaign, fr.sheetSummary]);
    const stats = utils.sheet_to_json<string[]>(workbook.Sheets[fr.sheetStats]!, { header: 1, defval: '' });
    const column = stats[0]!.indexOf(fr.columns.clickedLinks);
    expect(stats.slice(1).map((row) => row[column])).to.deep.equal(['<b>Programme</b> de la formation, =Prendre rendez-vous', '', '', '=Prendre rendez-vous']);
    const cell = workbook.Sheets[fr.sheetStats]![utils.encode_cell({ r: 4, c: column })]!;
    expect(cell.t).to.equal('s');
    expect(cell.f).to.equal(undefined);
    const summary = utils.sheet_to_json<unknown[]>(workbook.Sheets[fr.sheetSummary]!, { header: 1, defval: '' });
    const clickers = summary.find((row) => row[0] === fr.summary.figures.clickers)!;
    expect(clickers[1]).to.equal(2);
    expect(summary.some((row) => row[0] === '<b>Programme</b> de la formation' && row.includes(3))).to.equal(true);
  });

  it('exports no "Synthèse" sheet when the data source gives no figures', async () => {
    const grid = await renderLoadedGrid(new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: ROWS }), EMAIL_CAMPAIGN.id);
    const { workbook } = await parseXlsx((await grid.exportExcel({ download: false })).blob);
    expect(workbook.SheetNames).to.deep.equal([fr.sheetStats, fr.sheetCampaign]);
  });

  it('the CSV has the same columns and rows as the table', async () => {
    const grid = await renderLoadedGrid(source(), EMAIL_CAMPAIGN.id);
    const file = await grid.exportCsv({ download: false });
    expect(file.fileName.endsWith('.csv')).to.equal(true);
    const lines = (await file.blob.text()).replace(/^\uFEFF/, '').split('\r\n');
    const header = lines[0]!.split(';');
    expect(header).to.deep.equal(headerTitles(grid));
    expect(lines.filter((line) => line !== '')).to.have.length(ROWS.length + 1);
    // OWASP: a label that begins with "=" is made inert (quoted, after a single quote).
    expect(lines.some((line) => line.includes(`"'=Prendre rendez-vous"`))).to.equal(true);
    expect(lines.flatMap((line) => line.split(';')).some((field) => field.startsWith('='))).to.equal(false);
  });
});
