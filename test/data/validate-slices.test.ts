import { expect } from '@open-wc/testing';
import { validateStatsPage, validateStatsPageInSlices } from '../../src/data/validate.js';

/** Cleaning a page in slices gives exactly what cleaning it at once gives, and lets the page run meanwhile. */

function page(count: number): { rows: unknown[]; total: number; asOf: string } {
  const rows: unknown[] = Array.from({ length: count }, (_, i) => ({
    contactId: `ct-${i}`,
    lastName: i % 7 === 0 ? `Nom\u0007 ${i}` : `Nom ${i}`,
    email: `c${i}@ecole.fr`,
    delivery: i % 3 === 0 ? 'soft_bounce' : 'delivered',
    opened: i % 2 === 0,
    openCount: String(i % 4),
    clickCount: i % 5,
    clickedLinks: i % 11 === 0 ? ['l-1', 'l-1', 2] : undefined,
  }));
  // Rows the cleaning drops, on both sides of slice boundaries.
  for (const i of [0, 255, 256, 257, 1023, count - 1]) rows[i] = i % 2 ? 'not a row' : null;
  rows[700] = Object.defineProperty({}, 'contactId', {
    get() {
      throw new Error('unreadable');
    },
  });
  return { rows, total: count, asOf: '2026-11-26T20:30:00.000Z' };
}

describe('validateStatsPageInSlices', () => {
  it('cleans and drops the same rows as validateStatsPage', async () => {
    const answer = page(5000);
    const sliced = await validateStatsPageInSlices(answer, 'email');
    expect(sliced).to.deep.equal(validateStatsPage(answer, 'email'));
    expect(sliced.dropped).to.equal(7);
    expect(sliced.rows).to.have.length(4993);
  });

  it('lets the page paint while a big page is cleaned', async () => {
    const answer = page(100_000);
    const order: string[] = [];
    requestAnimationFrame(() => order.push('frame'));
    await validateStatsPageInSlices(answer, 'email').then(() => order.push('cleaned'));
    expect(order).to.deep.equal(['frame', 'cleaned']);
  });

  it('refuses a page of the wrong shape before cleaning any row', async () => {
    let error: unknown;
    await validateStatsPageInSlices({ rows: 'x', total: 1, asOf: '2026-11-26T20:30:00.000Z' }, 'email').catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('response.rows must be an array');
  });
});
