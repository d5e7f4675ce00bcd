import { expect } from '@open-wc/testing';
import type { Campaign, ContactStatsPage, StatsQuery } from '../../src/data/campaign-data-source.js';
import { buildExportFile, rowsFromArray } from '../../src/export/excel-export.js';
import { checkExportTotal, ExportTooLargeError, MAX_EXPORT_ROWS, readWholeCampaign, statsPageFetcher } from '../../src/internal/contact-pages.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS } from '../helpers/fixtures.js';
import { rejection } from '../helpers/rejection.js';
import { TestDataSource } from '../helpers/test-data-source.js';
import { warningsOf } from '../helpers/console.js';

const ASOF = '2026-11-26T20:30:00.000Z';
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ ...EMAIL_ROWS[0]!, contactId: `ct-${from + i}` }));


/** A source that answers every page with `answer(query)`, whatever it was asked. */
function answering(answer: (q: StatsQuery) => ContactStatsPage) {
  const ds = new TestDataSource([EMAIL_CAMPAIGN]);
  ds.getContactStats = async (_id: string, q: StatsQuery) => {
    ds.calls.push({ method: 'getContactStats', args: [_id, q], signal: undefined });
    return answer(q);
  };
  return ds;
}

describe('contact pages', () => {
  it('cut an answer with more rows than asked to the limit, with one warning per fetcher', async () => {
    const ds = answering(() => ({ rows: rows(1500), total: 1500, asOf: ASOF }));
    const fetchPage = statsPageFetcher(ds, EMAIL_CAMPAIGN as Campaign, 5000);
    const signal = new AbortController().signal;
    let pages: number[] = [];
    const warnings = await warningsOf(async () => {
      pages = [(await fetchPage({ offset: 0, limit: 250 }, signal)).rows.length, (await fetchPage({ offset: 250, limit: 10 }, signal)).rows.length];
    });
    expect(pages).to.deep.equal([250, 10]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('getContactStats answered 1500 rows for a limit of 250');
    // An answer within its limit is left as it is, without a warning.
    const exact = statsPageFetcher(answering(() => ({ rows: rows(3), total: 3, asOf: ASOF })), EMAIL_CAMPAIGN as Campaign, 5000);
    expect(await warningsOf(() => exact({ offset: 0, limit: 3 }, signal))).to.deep.equal([]);
  });

  it('load a whole campaign no further than its first page said, whatever later totals claim', async () => {
    // A source whose total grows with every page, and that sends full pages for ever.
    let total = 600;
    const ds = answering((q) => ({ rows: rows(q.limit ?? 0, q.offset), total: (total += 1000), asOf: ASOF }));
    const fetchPage = statsPageFetcher(ds, EMAIL_CAMPAIGN as Campaign, 5000);
    const signal = new AbortController().signal;
    const first = await fetchPage({ offset: 0, limit: 250 }, signal);
    const { rows: all } = await readWholeCampaign(fetchPage, first, signal);
    expect(first.total).to.equal(1600);
    expect(all).to.have.length(1600);
    expect(all.at(-1)!.contactId).to.equal('ct-1599');
    expect(ds.callsOf('getContactStats').map((c) => (c.args[1] as StatsQuery).limit)).to.deep.equal([250, 1350]);
  });

  it('load a whole campaign in pages of 5,000, four at a time, every row once and in order', async () => {
    let now = 0;
    let most = 0;
    const ds = answering((q) => ({ rows: rows(Math.min(q.limit ?? 0, 22_000 - (q.offset ?? 0)), q.offset), total: 22_000, asOf: ASOF }));
    const answer = ds.getContactStats.bind(ds);
    ds.getContactStats = async (id: string, q: StatsQuery) => {
      most = Math.max(most, ++now);
      await new Promise((resolve) => setTimeout(resolve, 20));
      now--;
      return answer(id, q);
    };
    const fetchPage = statsPageFetcher(ds, EMAIL_CAMPAIGN as Campaign, 5000);
    const signal = new AbortController().signal;
    const first = await fetchPage({ offset: 0, limit: 250 }, signal);
    const { rows: all } = await readWholeCampaign(fetchPage, first, signal);
    expect(all.map((row) => row.contactId)).to.deep.equal(rows(22_000).map((row) => row.contactId));
    const asked = ds.calls.map((call) => (call.args[1] as StatsQuery).offset);
    expect(asked).to.deep.equal([0, 250, 5_250, 10_250, 15_250, 20_250]);
    expect(most).to.equal(4);
  });

  it('date a whole campaign by its newest page: figures read later are newer', async () => {
    // A source whose clock passes a minute while the campaign is read (its third call on).
    let calls = 0;
    const times = ['2026-11-26T20:30:00.000Z', '2026-11-26T20:31:00.000Z'];
    const ds = answering((q) => ({ rows: rows(Math.min(q.limit ?? 0, 12_000 - (q.offset ?? 0)), q.offset), total: 12_000, asOf: times[++calls >= 3 ? 1 : 0]! }));
    const fetchPage = statsPageFetcher(ds, EMAIL_CAMPAIGN as Campaign, 5000);
    const signal = new AbortController().signal;
    const first = await fetchPage({ offset: 0, limit: 250 }, signal);
    const whole = await readWholeCampaign(fetchPage, first, signal);
    expect(first.asOf).to.equal(times[0]);
    expect(whole.rows).to.have.length(12_000);
    expect(whole.asOf).to.equal(times[1]);
    // And one read in the same minute keeps it.
    calls = -100;
    const same = await readWholeCampaign(fetchPage, await fetchPage({ offset: 0, limit: 250 }, signal), signal);
    expect(same.asOf).to.equal(times[0]);
  });

    it('refuse an export of more rows than a file holds, or of a count that is not one, before any row is read', async () => {
    expect(MAX_EXPORT_ROWS).to.equal(10_485_750);
    expect(() => checkExportTotal(MAX_EXPORT_ROWS)).not.to.throw();
    for (const total of [MAX_EXPORT_ROWS + 1, 1e12, 2 ** 53, Number.NaN, -1, 1.5]) {
      expect(() => checkExportTotal(total), String(total)).to.throw(ExportTooLargeError);
    }
    let read = false;
    const source = {
      totalRows: 1e12,
      async *pages() {
        read = true;
        yield [];
      },
    };
    const meta = { columns: [], campaign: EMAIL_CAMPAIGN as Campaign, asOf: ASOF, locale: 'fr', texts: {} } as never;
    expect(await rejection(buildExportFile('csv', meta, source))).to.be.instanceOf(ExportTooLargeError);
    expect(await rejection(buildExportFile('xlsx', meta, source))).to.be.instanceOf(ExportTooLargeError);
    expect(read, 'a page was read').to.equal(false);
    expect(rowsFromArray([]).totalRows).to.equal(0);
  });
});
