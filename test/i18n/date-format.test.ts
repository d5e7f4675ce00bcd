/**
 * Dates as natives read them, in the elements and in the exported files alike: international
 * English (lang="en", en-GB) day before month on a 24-hour clock, American English (en-US)
 * month before day on a 12-hour clock; the .xlsx date cells follow the same convention.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/export/sheetjs.js';
import XLSX from 'sheetjs-style';
import type { CampaignList } from '../../src/components/campaign-list/campaign-list.js';
import '../../src/define/campaign-list.js';
import { dateTimeFormat, excelDateTimeFormat, formattingLocale } from '../../src/i18n/date-format.js';
import { en } from '../../src/i18n/en.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS, SMS_CAMPAIGN, SMS_ROWS } from '../helpers/fixtures.js';
import { columnTexts, renderLoadedGrid, shadow, waitForRows } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';
import { parseXlsx, sheetRows } from '../helpers/xlsx.js';

const NINE_FIVE_PM = new Date(2026, 11, 1, 21, 5);
const NINE_FIVE_AM = new Date(2026, 11, 1, 9, 5);
/** Spaces of any kind as one plain space: ICU writes U+202F before "PM". */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function dataSource(): TestDataSource {
  return new TestDataSource([EMAIL_CAMPAIGN, SMS_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: EMAIL_ROWS, [SMS_CAMPAIGN.id]: SMS_ROWS });
}

describe('dates per locale', () => {
  describe('formats', () => {
    it('reads bare English as international English, keeps regional tags', () => {
      expect(['en', 'EN', 'en-GB', 'en-US', 'fr', 'fr-CA'].map(formattingLocale)).to.deep.equal(['en-GB', 'en-GB', 'en-GB', 'en-US', 'fr', 'fr-CA']);
    });

    it('writes day/month on a 24-hour clock in French and English, month/day on a 12-hour one in en-US', () => {
      const shown = (locale: string, date: Date) => squash(dateTimeFormat(locale, 'dateTime').format(date));
      expect(shown('fr', NINE_FIVE_PM)).to.equal('01/12/2026 21:05');
      expect(shown('fr', NINE_FIVE_AM)).to.equal('01/12/2026 09:05');
      for (const locale of ['en', 'en-GB']) {
        expect(shown(locale, NINE_FIVE_PM), locale).to.equal('01/12/2026, 21:05');
        expect(shown(locale, NINE_FIVE_AM), locale).to.equal('01/12/2026, 09:05');
      }
      expect(shown('en-US', NINE_FIVE_PM)).to.equal('12/01/2026, 9:05 PM');
      expect(shown('en-US', NINE_FIVE_AM)).to.equal('12/01/2026, 9:05 AM');
      expect(squash(dateTimeFormat('en', 'time').format(NINE_FIVE_PM))).to.equal('21:05');
      expect(squash(dateTimeFormat('en-US', 'date').format(NINE_FIVE_PM))).to.equal('12/01/2026');
    });

    it('gives the .xlsx date cells the same order and clock', () => {
      expect(excelDateTimeFormat('fr')).to.equal('dd/mm/yyyy hh:mm');
      expect(excelDateTimeFormat('en')).to.equal('dd/mm/yyyy hh:mm');
      expect(excelDateTimeFormat('en-GB')).to.equal('dd/mm/yyyy hh:mm');
      expect(excelDateTimeFormat('en-US')).to.equal('mm/dd/yyyy h:mm AM/PM');
      // What a spreadsheet shows for each format reads as the elements write it.
      const serial = 46357 + (21 * 60 + 5) / 1440; // 2026-12-01 21:05
      for (const locale of ['fr', 'en', 'en-US']) {
        const excel = XLSX.SSF.format(excelDateTimeFormat(locale), serial);
        expect(excel, locale).to.equal(squash(dateTimeFormat(locale, 'dateTime').format(NINE_FIVE_PM)).replace(',', ''));
      }
    });
  });

  describe('in the elements and their file', () => {
    for (const [lang, asOf, dateTime, z] of [
      ['en', /^Data as of 26\/11\/2026 at \d\d:\d\d$/, /^\d\d\/\d\d\/2026, \d\d:\d\d$/, 'dd/mm/yyyy hh:mm'],
      ['en-GB', /^Data as of 26\/11\/2026 at \d\d:\d\d$/, /^\d\d\/\d\d\/2026, \d\d:\d\d$/, 'dd/mm/yyyy hh:mm'],
      ['en-US', /^Data as of 11\/26\/2026 at \d{1,2}:\d\d [AP]M$/, /^\d\d\/\d\d\/2026, \d{1,2}:\d\d [AP]M$/, 'mm/dd/yyyy h:mm AM/PM'],
    ] as const) {
      it(`lang="${lang}": the grid's dates, its English file name and its file's dates agree`, async () => {
        const grid = await renderLoadedGrid(dataSource(), EMAIL_CAMPAIGN.id, { lang });
        expect(squash(shadow(grid).querySelector('[part="as-of"]')!.textContent!)).to.match(asOf);
        const shown = squash(columnTexts(grid, 'lastActivityAt')[0]!);
        expect(shown).to.match(dateTime);

        const { blob, fileName } = await grid.exportExcel({ download: false });
        expect(fileName).to.equal('Journée portes ouvertes_statistics_2026-11-26.xlsx');
        const { workbook } = await parseXlsx(blob);
        expect(workbook.SheetNames[0]).to.equal(en.sheetStats);
        const rows = sheetRows(workbook.Sheets.Statistics);
        const cell = rows[1]![rows[0]!.findIndex((c) => c?.v === en.columns.lastActivityAt)]!;
        expect(cell.z).to.equal(z);
        expect(XLSX.SSF.format(cell.z!, cell.v as number)).to.equal(shown.replace(',', ''));
      });
    }

    it('names the file in English under an English ancestor, in French under a French one', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-US"></div>`);
      const grid = document.createElement('campaign-stats-grid');
      grid.dataSource = dataSource();
      grid.campaignId = SMS_CAMPAIGN.id;
      wrapper.append(grid);
      await waitForRows(grid);
      expect(shadow(grid).querySelector('[part="as-of"]')!.textContent).to.match(/^Data as of/);
      const name = SMS_CAMPAIGN.name;
      expect((await grid.exportCsv({ download: false })).fileName).to.equal(`${name}_statistics_2026-11-26.csv`);
      wrapper.lang = 'fr';
      await waitUntil(() => shadow(grid).querySelector('[part="as-of"]')?.textContent?.startsWith('Données au'), 'not in French');
      expect((await grid.exportExcel({ download: false })).fileName).to.equal(`${name}_statistiques_2026-11-26.xlsx`);
    });

    it("the list's send dates: day/month, 24 hours under lang=\"en\"; month/day, 12 hours under en-US", async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN]);
      const dates: Record<string, string> = {};
      for (const lang of ['en', 'en-US', 'fr']) {
        const list = await fixture<CampaignList>(html`<campaign-list lang=${lang} channel="email" .dataSource=${ds}></campaign-list>`);
        await waitUntil(() => list.shadowRoot!.querySelector('[part~="date"]'), 'no date');
        dates[lang] = squash(list.shadowRoot!.querySelector('[part~="date"]')!.textContent!);
      }
      const sent = new Date(EMAIL_CAMPAIGN.sendFinishedAt!);
      expect(dates.en).to.equal(squash(dateTimeFormat('en-GB', 'dateTime').format(sent)));
      expect(dates.en).to.match(/^\d\d\/\d\d\/\d{4}, \d\d:\d\d$/);
      expect(dates['en-US']).to.match(/^\d\d\/\d\d\/\d{4}, \d{1,2}:\d\d [AP]M$/);
      expect(dates.fr).to.match(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    });
  });
});
