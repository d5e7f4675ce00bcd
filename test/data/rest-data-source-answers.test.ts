import { expect } from '@open-wc/testing';
import { DataSourceError, type DataSourceErrorKind } from '../../src/data/data-source-error.js';
import { RestDataSource, type RestDataSourceOptions } from '../../src/data/rest-data-source.js';
import type { RecordedRequest } from '../../server/test-shared.js';
import { rejection } from '../helpers/rejection.js';

/*
 * How RestDataSource reads answers that misbehave (Retry-After, content type, size, pieces,
 * a connection cut mid-body), against the real test server (server/demo-api-scenarios.ts).
 */

const CAMPAIGN = 'em-jpo-decembre';
const STATS = 'em-forum-lyon';

async function dataSourceError(promise: Promise<unknown>, kind: DataSourceErrorKind): Promise<DataSourceError> {
  const error = await rejection(promise);
  expect(error, String(error)).to.be.instanceOf(DataSourceError);
  expect((error as DataSourceError).kind, (error as Error).message).to.equal(kind);
  return error as DataSourceError;
}

/** A `RestDataSource` on `fault/{token}`: real answers until `fault()` sets a misbehaviour; every request recorded. */
function faulty(options: Partial<RestDataSourceOptions> = {}) {
  const token = crypto.randomUUID();
  return {
    ds: new RestDataSource({ baseUrl: `/api-test/fault/${token}`, ...options }),
    async fault(count: number | '*', scenario: string): Promise<void> {
      const response = await fetch(`/api-test/set-fault/${token}/${count}/${scenario}`);
      expect(response.ok, await response.clone().text()).to.equal(true);
    },
    async requests(): Promise<RecordedRequest[]> {
      return (await (await fetch(`/api-test/requests/${token}`)).json()) as RecordedRequest[];
    },
  };
}

describe('RestDataSource answers', () => {
  describe('Retry-After', () => {
    it('waits the seconds a 429 asks for, then asks again and answers', async () => {
      const api = faulty();
      await api.fault(1, 'retry-after/1/429');
      expect((await api.ds.getCampaign(CAMPAIGN)).id).to.equal(CAMPAIGN);
      const [first, second] = await api.requests();
      expect(second!.at - first!.at, 'ms between the two requests').to.be.within(950, 3000);
    });

    it('reads an HTTP date on a 503 too', async () => {
      const api = faulty();
      await api.fault(1, `retry-after/${encodeURIComponent(new Date(Date.now() + 2000).toUTCString())}/503`);
      expect((await api.ds.getCampaign(CAMPAIGN)).id).to.equal(CAMPAIGN);
      const [first, second] = await api.requests();
      expect(second!.at - first!.at).to.be.within(900, 3000);
    });

    it('asks 3 times at most', async () => {
      const api = faulty();
      await api.fault('*', 'retry-after/0/429');
      const error = await dataSourceError(api.ds.getCampaign(CAMPAIGN), 'server');
      expect(error.status).to.equal(429);
      expect(await api.requests()).to.have.length(3);
    });

    it('fails at once when the wait is too long, and sends nothing before it is over: a retry fails at once too', async () => {
      const api = faulty();
      await api.fault(1, 'retry-after/3600/503');
      const start = performance.now();
      const error = await dataSourceError(api.ds.getCampaign(CAMPAIGN), 'server');
      expect(error.message).to.contain('Retry-After: 3600 s');
      const retry = await dataSourceError(api.ds.getContactStats(STATS, { offset: 0, limit: 5 }), 'server');
      expect(retry.message).to.contain('not sent, the server asked to wait');
      expect(performance.now() - start).to.be.lessThan(1000);
      expect(await api.requests()).to.have.length(1);
    });

    it('does not wait past its timeout: the call fails at once', async () => {
      const api = faulty({ timeout: 500 });
      await api.fault(1, 'retry-after/2/429');
      const start = performance.now();
      await dataSourceError(api.ds.getCampaign(CAMPAIGN), 'server');
      expect(performance.now() - start).to.be.lessThan(400);
      expect(await api.requests()).to.have.length(1);
    });

    it("stops waiting at the caller's abort", async () => {
      const api = faulty();
      await api.fault(1, 'retry-after/5/429');
      const controller = new AbortController();
      const start = performance.now();
      setTimeout(() => controller.abort(), 200);
      const error = await rejection(api.ds.getCampaign(CAMPAIGN, { signal: controller.signal }));
      expect((error as DOMException).name).to.equal('AbortError');
      expect(performance.now() - start).to.be.lessThan(1000);
    });

    it('is not waited for without the header, nor on another status', async () => {
      const api = faulty();
      await api.fault(1, 'status/429');
      await dataSourceError(api.ds.getCampaign(CAMPAIGN), 'server');
      await api.fault(1, 'retry-after/1/500');
      await dataSourceError(api.ds.getCampaign(CAMPAIGN), 'server');
      expect(await api.requests()).to.have.length(2);
    });
  });

  describe('content', () => {
    it('refuses another content type than JSON, naming it', async () => {
      const api = faulty();
      await api.fault(1, `content-type/${encodeURIComponent('text/plain; charset=utf-8')}`);
      const error = await dataSourceError(api.ds.getCampaign(CAMPAIGN), 'invalid-response');
      expect(error.message).to.contain('answered text/plain; charset=utf-8, not JSON');
      // application/problem+json or a JSON type without charset are JSON.
      await api.fault(1, `content-type/${encodeURIComponent('application/vnd.api+json')}`);
      expect((await api.ds.getCampaign(CAMPAIGN)).id).to.equal(CAMPAIGN);
    });

    it('a 502 with an HTML page is a server error whose message holds no markup', async () => {
      const ds = new RestDataSource({ baseUrl: '/api-test/html-status/502' });
      const error = await dataSourceError(ds.getCampaign(CAMPAIGN), 'server');
      expect(error.status).to.equal(502);
      expect(error.message).not.to.contain('<');
    });

    it('reads an answer sent in small pieces when it ends in time, times out when it does not', async () => {
      expect((await new RestDataSource({ baseUrl: '/api-test/drip/5', timeout: 5000 }).getCampaign(CAMPAIGN)).id).to.equal(CAMPAIGN);
      const error = await dataSourceError(new RestDataSource({ baseUrl: '/api-test/drip/100', timeout: 300 }).getCampaign(CAMPAIGN), 'timeout');
      expect(error.message).to.contain('no answer within 300 ms');
    });

    it('a connection cut in the middle of the body is a network error', async () => {
      const error = await dataSourceError(new RestDataSource({ baseUrl: '/api-test/reset-body' }).getCampaign(CAMPAIGN), 'network');
      expect(error.message).to.contain('reading the answer failed');
    });
  });

  describe('size', () => {
    for (const route of ['large', 'large-chunked']) {
      it(`refuses an answer past 16 MiB (${route}), with or without Content-Length`, async () => {
        const ds = new RestDataSource({ baseUrl: `/api-test/${route}/20` });
        const error = await dataSourceError(ds.getContactStats(STATS, { offset: 0, limit: 50 }), 'invalid-response');
        expect(error.message).to.contain('answered more than 16777216 bytes');
      });
    }

    it('reads an answer under the limit, and takes the limit from maxResponseBytes', async () => {
      const page = await new RestDataSource({ baseUrl: '/api-test/large-chunked/4' }).getContactStats(STATS, { offset: 0, limit: 50 });
      expect(page.rows.length).to.be.greaterThan(10_000);
      const small = new RestDataSource({ baseUrl: '/api-test/large-chunked/2', maxResponseBytes: 1_000_000 });
      expect((await dataSourceError(small.getContactStats(STATS, { offset: 0, limit: 50 }), 'invalid-response')).message).to.contain(
        'more than 1000000 bytes',
      );
      const unlimited = new RestDataSource({ baseUrl: '/api-test/large/2', maxResponseBytes: Infinity });
      expect((await unlimited.getContactStats(STATS, { offset: 0, limit: 50 })).rows.length).to.be.greaterThan(5_000);
    });
  });
});
