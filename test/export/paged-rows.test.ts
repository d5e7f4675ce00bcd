import { expect } from '@open-wc/testing';
import { EXPORT_PAGES_IN_FLIGHT, pagedRowSource } from '../../src/components/campaign-stats-grid/export-rows.js';
import type { StatsQuery } from '../../src/data/campaign-data-source.js';
import { applyStatsQuery } from '../../src/data/stats-query.js';
import { validateStatsPage, type CleanStatsPage } from '../../src/data/validate.js';
import { EMAIL_ROWS } from '../helpers/fixtures.js';

const ROWS = Array.from({ length: 1000 }, (_, i) => ({ ...EMAIL_ROWS[0]!, contactId: `ct-${i + 1}`, clickCount: i % 7 }));
const VIEW = { sort: [{ field: 'clickCount', dir: 'desc' as const }] };
const EXPECTED = applyStatsQuery(ROWS, { ...VIEW, offset: 0, limit: ROWS.length }).rows.map((row) => row.contactId);

/**
 * A data source's page function over ROWS that answers after a few milliseconds, records the
 * queries and the most requests it had in flight at once, and gives at most `cap` rows a call
 * (`short` offsets: fewer rows than that, as a source whose figures moved).
 */
function source(options: { cap?: number; short?: Map<number, number> } = {}) {
  const queries: [number, number][] = [];
  let inFlight = 0;
  let most = 0;
  const fetchPage = async (query: StatsQuery, signal: AbortSignal): Promise<CleanStatsPage> => {
    queries.push([query.offset, query.limit]);
    most = Math.max(most, ++inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      signal.throwIfAborted();
      const limit = Math.min(query.limit, options.cap ?? query.limit, options.short?.get(query.offset) ?? query.limit);
      return validateStatsPage({ ...applyStatsQuery(ROWS, { ...query, limit }), asOf: '2026-11-26T20:30:00.000Z' }, 'email');
    } finally {
      inFlight--;
    }
  };
  return { fetchPage, queries, most: () => most };
}

async function read(rows: ReturnType<typeof pagedRowSource>): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of rows.pages(new AbortController().signal)) ids.push(...page.map((row) => row.contactId as string));
  return ids;
}

describe('pagedRowSource (server-side exports)', () => {
  it(`keeps ${EXPORT_PAGES_IN_FLIGHT} pages in flight, gives every row once and in order`, async () => {
    const s = source();
    expect(await read(pagedRowSource(s.fetchPage, VIEW, ROWS.length, 100))).to.deep.equal(EXPECTED);
    expect(s.most()).to.equal(EXPORT_PAGES_IN_FLIGHT);
    expect(s.queries.map(([offset]) => offset)).to.deep.equal([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
  });

  it('follows a source that gives fewer rows per call than asked', async () => {
    const s = source({ cap: 64 });
    expect(await read(pagedRowSource(s.fetchPage, VIEW, ROWS.length, 100))).to.deep.equal(EXPECTED);
    // The first answer told the source's size: every later page is asked at that size.
    expect(s.queries.slice(1).every(([offset, limit]) => offset % 64 === 0 && limit <= 64)).to.equal(true);
  });

  it('asks again for the rest of a page that came short in the middle, before the pages after it', async () => {
    const s = source({ short: new Map([[300, 30]]) });
    expect(await read(pagedRowSource(s.fetchPage, VIEW, ROWS.length, 100))).to.deep.equal(EXPECTED);
    expect(s.queries).to.deep.include([330, 70]);
  });

  it('gives exactly the rows counted, even when the source has more', async () => {
    const s = source();
    expect(await read(pagedRowSource(s.fetchPage, VIEW, 250, 100))).to.deep.equal(EXPECTED.slice(0, 250));
    expect(s.queries).to.deep.equal([
      [0, 100],
      [100, 100],
      [200, 50],
    ]);
  });

  it('stops every request in flight when aborted', async () => {
    const s = source();
    const controller = new AbortController();
    const reading = (async () => {
      for await (const _page of pagedRowSource(s.fetchPage, VIEW, ROWS.length, 100).pages(controller.signal)) controller.abort();
    })();
    expect(((await reading.catch((e: unknown) => e)) as DOMException).name).to.equal('AbortError');
    expect(s.queries.length).to.be.at.most(1 + EXPORT_PAGES_IN_FLIGHT);
  });
});
