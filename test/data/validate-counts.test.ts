import { expect } from '@open-wc/testing';
import { DataSourceError } from '../../src/data/data-source-error.js';
import { validateCampaign, validateStatsPage } from '../../src/data/validate.js';

const page = (total: unknown) => ({ rows: [], total, asOf: '2026-11-26T20:30:00.000Z' });

describe('counts in answers', () => {
  it('are whole numbers up to 2^53 − 1: beyond, they are not exact and the answer is refused', () => {
    expect(validateStatsPage(page(Number.MAX_SAFE_INTEGER), 'email').total).to.equal(Number.MAX_SAFE_INTEGER);
    for (const total of [2 ** 53, 1e300]) {
      const error = (() => {
        try {
          validateStatsPage(page(total), 'email');
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error, String(total)).to.be.instanceOf(DataSourceError);
      expect((error as DataSourceError).kind).to.equal('invalid-response');
      expect((error as Error).message).to.contain('response.total must be at most 9007199254740991');
    }
    expect(() => validateCampaign({ id: 'c', channel: 'sms', name: 'n', status: 'finished', recipientCount: 1e20 })).to.throw(
      DataSourceError,
      'campaign.recipientCount must be at most',
    );
  });
});
