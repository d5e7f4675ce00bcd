import { expect } from '@open-wc/testing';
import type { Campaign, StatsQuery } from '../../src/data/campaign-data-source.js';
import { DataSourceError, type DataSourceErrorKind } from '../../src/data/data-source-error.js';
import { DemoDataSource } from '../../src/data/demo-data-source.js';
import { RestDataSource } from '../../src/data/rest-data-source.js';
import { TEST_CLOCK, type RecordedRequest } from '../../server/test-shared.js';
import { rejection } from '../helpers/rejection.js';

/*
 * Against a real HTTP server: the web-test-runner dev server hands `/api` (the demo data on
 * the fixed TEST_CLOCK) and `/api-test` (misbehaving scenario routes) to `server/demo-api.ts`
 * (see scripts/demo-api-plugins.js). `fetch` is never mocked.
 */

/** The same demo data the test API serves, in memory. */
function localDemo(): DemoDataSource {
  const now = new Date(TEST_CLOCK.now);
  return new DemoDataSource({ referenceTime: TEST_CLOCK.referenceTime, now: () => now });
}

const api = () => new RestDataSource({ baseUrl: '/api' });

/** A `RestDataSource` whose requests the server records under a fresh token, and those records. */
function recording(options: Partial<ConstructorParameters<typeof RestDataSource>[0]> = {}) {
  const token = crypto.randomUUID();
  const base = `/api-test/record/${token}`;
  return {
    base,
    ds: new RestDataSource({ baseUrl: base, ...options }),
    async requests(): Promise<RecordedRequest[]> {
      const response = await fetch(`/api-test/requests/${token}`);
      return (await response.json()) as RecordedRequest[];
    },
    async only(): Promise<RecordedRequest> {
      const list = await this.requests();
      expect(list, 'recorded requests').to.have.length(1);
      return list[0]!;
    },
  };
}

async function dataSourceError(promise: Promise<unknown>, kind: DataSourceErrorKind): Promise<DataSourceError> {
  const error = await rejection(promise);
  expect(error, String(error)).to.be.instanceOf(DataSourceError);
  expect((error as DataSourceError).kind, (error as Error).message).to.equal(kind);
  return error as DataSourceError;
}

/** Plain JSON data, so that `{a: undefined}` and `{}` compare equal. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const FINISHED_EMAIL: Campaign = {
  id: 'em-alternance-rentree',
  channel: 'email',
  name: "Offres d'alternance de la rentrée",
  status: 'finished',
  recipientCount: 5000,
};

describe('RestDataSource', () => {
  describe('the endpoints, over the demo API', () => {
    it('listCampaigns answers what the demo data source answers', async () => {
      expect(await api().listCampaigns({})).to.deep.equal(await localDemo().listCampaigns({}));
      const q = { channel: 'sms' as const, search: 'rappel', offset: 1, limit: 1 };
      const page = await api().listCampaigns(q);
      expect(page).to.deep.equal(await localDemo().listCampaigns(q));
      expect(page.campaigns).to.have.length(1);
      expect(page.total).to.equal(2);
    });

    it('getCampaign answers one campaign', async () => {
      const campaign = await api().getCampaign('em-jpo-decembre');
      expect(campaign).to.deep.equal(await localDemo().getCampaign('em-jpo-decembre'));
      expect(campaign.recipientCount).to.equal(100_000);
    });

    it('getContactStats with sort, filters and search returns the rows the demo data source would', async () => {
      const q: StatsQuery = {
        offset: 3,
        limit: 25,
        sort: [
          { field: 'lastName', dir: 'asc' },
          { field: 'clickCount', dir: 'desc' },
        ],
        filters: [
          { field: 'opened', op: 'eq', value: true },
          { field: 'clickCount', op: 'gte', value: 1 },
        ],
        search: 'ma',
      };
      const remote = await api().getContactStats(FINISHED_EMAIL.id, q);
      const local = await localDemo().getContactStats(FINISHED_EMAIL.id, q);
      expect(remote.rows.length).to.be.greaterThan(5);
      expect(plain(remote.rows)).to.deep.equal(plain(local.rows));
      expect(remote.total).to.equal(local.total);
      expect(remote.asOf).to.equal(local.asOf);
      expect(remote.asOf).to.equal(TEST_CLOCK.now);
    });

    it('getContactStats round-trips SMS rows, text filters and a descending date sort', async () => {
      const q: StatsQuery = {
        offset: 0,
        limit: 50,
        sort: [{ field: 'lastActivityAt', dir: 'desc' }],
        filters: [
          { field: 'delivery', op: 'eq', value: 'delivered' },
          { field: 'lastName', op: 'like', value: 'mar' },
        ],
      };
      const remote = await api().getContactStats('sms-resultats-admission', q);
      const local = await localDemo().getContactStats('sms-resultats-admission', q);
      expect(remote.rows.length).to.be.greaterThan(10);
      expect(plain(remote.rows)).to.deep.equal(plain(local.rows));
      expect(remote.total).to.equal(local.total);
      expect(remote.rows[0]).to.have.property('phone').that.matches(/^\+33[67]\d{8}$/);
    });

    it('getContactStats pages through a campaign of 100,000 contacts', async () => {
      const page = await api().getContactStats('em-jpo-decembre', { offset: 99_990, limit: 20 });
      expect(page.total).to.equal(100_000);
      expect(page.rows.map((r) => r.contactId)).to.deep.equal(
        (await localDemo().getContactStats('em-jpo-decembre', { offset: 99_990, limit: 20 })).rows.map((r) => r.contactId),
      );
      expect(page.rows).to.have.length(10);
    });

    for (const id of [FINISHED_EMAIL.id, 'sms-resultats-admission']) {
      it(`getStatsSummary answers the demo data source's summary (${id})`, async () => {
        const remote = await api().getStatsSummary(id);
        expect(plain(remote)).to.deep.equal(plain(await localDemo().getStatsSummary(id)));
        expect(remote.asOf).to.equal(TEST_CLOCK.now);
        expect(remote.links!.length).to.be.greaterThan(1);
        expect(remote.links![0]!.clickers).to.be.greaterThan(0);
        expect(remote.activity!.length).to.be.greaterThan(1);
        expect('openers' in remote).to.equal(id.startsWith('em-'));
      });
    }

    it('getContactStats filters on a clicked link and sorts on the links, as the demo data source does', async () => {
      const summary = await api().getStatsSummary(FINISHED_EMAIL.id);
      const link = summary.links![1]!;
      const q: StatsQuery = {
        offset: 0,
        limit: 40,
        filters: [{ field: 'clickedLinks', op: 'eq', value: link.linkId }],
        sort: [{ field: 'clickedLinks', dir: 'desc' }],
      };
      const rec = recording();
      const remote = await rec.ds.getContactStats(FINISHED_EMAIL.id, q);
      expect((await rec.only()).query).to.deep.include(['filter', `clickedLinks:eq:${link.linkId}`]);
      expect(remote.total).to.equal(link.clickers);
      expect(remote.rows.length).to.be.greaterThan(5);
      expect(remote.rows.every((row) => row.clickedLinks!.includes(link.linkId))).to.equal(true);
      expect(plain(remote.rows)).to.deep.equal(plain((await localDemo().getContactStats(FINISHED_EMAIL.id, q)).rows));
      const none = await api().getContactStats(FINISHED_EMAIL.id, { offset: 0, limit: 5, filters: [{ field: 'clickedLinks', op: 'eq', value: '' }] });
      expect(none.total).to.equal(5000 - summary.clickers);
    });

    it('getSarbacaneAccess answers the account and the report URL', async () => {
      const campaign = await api().getCampaign('em-jpo-decembre');
      const access = await api().getSarbacaneAccess(campaign);
      expect(access).to.deep.equal(await localDemo().getSarbacaneAccess(campaign));
      expect(access.reportUrl).to.match(/^https:\/\/app\.sarbacane\.com\//);
      expect(await api().getSarbacaneAccess(await api().getCampaign('em-forum-lyon'))).to.deep.equal({ hasAccount: true });
    });
  });

  describe('the query string', () => {
    it('listCampaigns sends channel, search, offset and limit, encoded', async () => {
      const rec = recording();
      await rec.ds.listCampaigns({ channel: 'sms', search: 'Journée & co/?=#', offset: 20, limit: 10 });
      const request = await rec.only();
      expect(request.query).to.deep.equal([
        ['channel', 'sms'],
        ['search', 'Journée & co/?=#'],
        ['offset', '20'],
        ['limit', '10'],
      ]);
      expect(request.url).to.equal(`${rec.base}/campaigns?channel=sms&search=Journ%C3%A9e+%26+co%2F%3F%3D%23&offset=20&limit=10`);
    });

    it('sends no query string for an empty query', async () => {
      const rec = recording();
      await rec.ds.listCampaigns({ search: '' });
      expect((await rec.only()).url).to.equal(`${rec.base}/campaigns`);
    });

    it('getContactStats sends offset, limit, sort as field:dir pairs, one filter=field:op:value per filter, search', async () => {
      const rec = recording();
      const page = await rec.ds.getContactStats(FINISHED_EMAIL.id, {
        offset: 40,
        limit: 20,
        sort: [
          { field: 'lastName', dir: 'asc' },
          { field: 'clickCount', dir: 'desc' },
        ],
        filters: [
          { field: 'opened', op: 'eq', value: true },
          { field: 'spamReported', op: 'eq', value: false },
          { field: 'clickCount', op: 'gte', value: 0 },
          { field: 'openCount', op: 'lte', value: 12 },
          { field: 'email', op: 'like', value: "d'al:mé, da&x=1" },
        ],
        search: 'élodie',
      });
      expect(page.total).to.be.a('number');
      const request = await rec.only();
      expect(request.query).to.deep.equal([
        ['offset', '40'],
        ['limit', '20'],
        ['sort', 'lastName:asc,clickCount:desc'],
        ['filter', 'opened:eq:true'],
        ['filter', 'spamReported:eq:false'],
        ['filter', 'clickCount:gte:0'],
        ['filter', 'openCount:lte:12'],
        ['filter', "email:like:d'al:mé, da&x=1"],
        ['search', 'élodie'],
      ]);
      expect(request.url).to.contain('sort=lastName%3Aasc%2CclickCount%3Adesc');
      expect(request.url).to.contain('&filter=email%3Alike%3Ad%27al%3Am%C3%A9%2C+da%26x%3D1&');
    });

    it('getContactStats leaves out sort, filters and search when there are none', async () => {
      const rec = recording();
      await rec.ds.getContactStats(FINISHED_EMAIL.id, { offset: 0, limit: 5, sort: [], filters: [], search: '' });
      expect((await rec.only()).query).to.deep.equal([
        ['offset', '0'],
        ['limit', '5'],
      ]);
    });

    it('an empty eq filter value is sent empty and matches absent values', async () => {
      const q: StatsQuery = { offset: 0, limit: 100, filters: [{ field: 'firstName', op: 'eq', value: '' }] };
      const rec = recording();
      const page = await rec.ds.getContactStats(FINISHED_EMAIL.id, q);
      expect((await rec.only()).query).to.deep.include(['filter', 'firstName:eq:']);
      expect(page.total).to.be.greaterThan(0);
      expect(page.total).to.equal((await localDemo().getContactStats(FINISHED_EMAIL.id, q)).total);
    });

    it('refuses a sort or filter field that is not an identifier, without a request', async () => {
      const rec = recording();
      const sorted = await rejection(rec.ds.getContactStats(FINISHED_EMAIL.id, { offset: 0, limit: 5, sort: [{ field: 'last,Name', dir: 'asc' }] }));
      expect(sorted).to.be.instanceOf(TypeError);
      const filtered = await rejection(
        rec.ds.getContactStats(FINISHED_EMAIL.id, { offset: 0, limit: 5, filters: [{ field: 'a:b', op: 'eq', value: 1 }] }),
      );
      expect(filtered).to.be.instanceOf(TypeError);
      expect(await rec.requests()).to.deep.equal([]);
    });

    it('a field the server does not know is a 400, kind unknown with the server detail', async () => {
      const error = await dataSourceError(api().getContactStats(FINISHED_EMAIL.id, { offset: 0, limit: 5, sort: [{ field: 'phone', dir: 'asc' }] }), 'unknown');
      expect(error.status).to.equal(400);
      expect(error.message).to.contain('unknown field "phone"');
    });
  });

  describe('the URL', () => {
    it('encodes a campaign id as one path segment: / ? # % and spaces never change the path', async () => {
      const rec = recording();
      const error = await dataSourceError(rec.ds.getCampaign('a/b?c=1#d %41 é'), 'not-found');
      expect(error.status).to.equal(404);
      expect(error.message).to.contain('No campaign "a/b?c=1#d %41 é"');
      expect((await rec.only()).url).to.equal(`${rec.base}/campaigns/a%2Fb%3Fc%3D1%23d%20%2541%20%C3%A9`);
    });

    it('encodes the id in every endpoint', async () => {
      const rec = recording();
      const campaign: Campaign = { ...FINISHED_EMAIL, id: '../x/?' };
      await dataSourceError(rec.ds.getContactStats(campaign.id, { offset: 0, limit: 1 }), 'not-found');
      await dataSourceError(rec.ds.getSarbacaneAccess(campaign), 'not-found');
      await dataSourceError(rec.ds.getStatsSummary(campaign.id), 'not-found');
      expect((await rec.requests()).map((r) => r.url)).to.deep.equal([
        `${rec.base}/campaigns/..%2Fx%2F%3F/contact-stats?offset=0&limit=1`,
        `${rec.base}/campaigns/..%2Fx%2F%3F/sarbacane-access`,
        `${rec.base}/campaigns/..%2Fx%2F%3F/summary`,
      ]);
    });

    it('never sends an id that a URL parser would read as path navigation', async () => {
      const rec = recording();
      for (const id of ['', '.', '..']) await dataSourceError(rec.ds.getCampaign(id), 'not-found');
      expect(await rec.requests()).to.deep.equal([]);
    });

    it('joins the base URL and the path with one slash', async () => {
      for (const suffix of ['', '/', '///']) {
        const rec = recording();
        const ds = new RestDataSource({ baseUrl: rec.base + suffix });
        await ds.getCampaign(FINISHED_EMAIL.id);
        expect((await rec.only()).url).to.equal(`${rec.base}/campaigns/${FINISHED_EMAIL.id}`);
      }
    });

    it('accepts an absolute base URL', async () => {
      const rec = recording();
      const ds = new RestDataSource({ baseUrl: `${location.origin}${rec.base}/` });
      expect((await ds.getCampaign(FINISHED_EMAIL.id)).id).to.equal(FINISHED_EMAIL.id);
      expect((await rec.only()).url).to.equal(`${rec.base}/campaigns/${FINISHED_EMAIL.id}`);
    });
  });

  describe('headers and credentials', () => {
    it('asks for JSON and sends no Content-Type (no CORS preflight of its own)', async () => {
      const rec = recording();
      await rec.ds.getCampaign(FINISHED_EMAIL.id);
      const { headers } = await rec.only();
      expect(headers.accept).to.equal('application/json');
      expect(headers).not.to.have.property('content-type');
    });

    it('sends static extra headers', async () => {
      const rec = recording({ headers: { Authorization: 'Bearer abc.def', 'X-Hub3E-Module': 'marketing' } });
      await rec.ds.listCampaigns({});
      const { headers } = await rec.only();
      expect(headers.authorization).to.equal('Bearer abc.def');
      expect(headers['x-hub3e-module']).to.equal('marketing');
    });

    it('calls a headers function before every request', async () => {
      let calls = 0;
      const rec = recording({ headers: () => ({ 'X-Request-Number': String(++calls) }) });
      await rec.ds.getCampaign(FINISHED_EMAIL.id);
      await rec.ds.getSarbacaneAccess(FINISHED_EMAIL);
      expect((await rec.requests()).map((r) => r.headers['x-request-number'])).to.deep.equal(['1', '2']);
    });

    describe('cookies', () => {
      beforeEach(() => {
        document.cookie = 'hub3e_session=s3cr3t; path=/; SameSite=Strict';
      });
      afterEach(() => {
        document.cookie = 'hub3e_session=; path=/; max-age=0';
      });

      it('sends the page cookies to its own origin by default (credentials same-origin)', async () => {
        const rec = recording();
        await rec.ds.getCampaign(FINISHED_EMAIL.id);
        expect((await rec.only()).cookies).to.include({ hub3e_session: 's3cr3t' });
      });

      it("sends no cookie with credentials: 'omit'", async () => {
        const rec = recording({ credentials: 'omit' });
        await rec.ds.getCampaign(FINISHED_EMAIL.id);
        expect((await rec.only()).cookies).not.to.have.property('hub3e_session');
      });
    });
  });

  describe('errors', () => {
    const statuses: [number, DataSourceErrorKind, boolean][] = [
      [401, 'access', false],
      [403, 'access', false],
      [404, 'not-found', false],
      [409, 'not-finished', true],
      [400, 'unknown', true],
      [429, 'server', true],
      [500, 'server', true],
      [502, 'server', true],
      [503, 'server', true],
      [504, 'server', true],
    ];
    for (const [status, kind, retryable] of statuses) {
      it(`maps ${status} to ${kind}${retryable ? ' (retryable)' : ''}, with the server's detail in the message`, async () => {
        const ds = new RestDataSource({ baseUrl: `/api-test/status/${status}` });
        const error = await dataSourceError(ds.getCampaign('em-jpo-decembre'), kind);
        expect(error.status).to.equal(status);
        expect(error.retryable).to.equal(retryable);
        expect(error.message).to.contain(`/api-test/status/${status}/campaigns/em-jpo-decembre answered ${status}`);
        expect(error.message).to.contain('Scenario: answered');
      });
    }

    it('maps a status on every endpoint', async () => {
      const ds = new RestDataSource({ baseUrl: '/api-test/status/403' });
      await dataSourceError(ds.listCampaigns({}), 'access');
      await dataSourceError(ds.getCampaign('x'), 'access');
      await dataSourceError(ds.getContactStats('x', { offset: 0, limit: 1 }), 'access');
      await dataSourceError(ds.getStatsSummary('x'), 'access');
      await dataSourceError(ds.getSarbacaneAccess(FINISHED_EMAIL), 'access');
    });

    it('asking statistics of a campaign whose send is not finished is a 409, kind not-finished', async () => {
      const error = await dataSourceError(api().getContactStats('em-ateliers-cv', { offset: 0, limit: 10 }), 'not-finished');
      expect(error.status).to.equal(409);
      expect(error.message).to.contain('is not finished');
      const summary = await dataSourceError(api().getStatsSummary('sms-reunion-parents'), 'not-finished');
      expect(summary.status).to.equal(409);
      expect(summary.message).to.contain('/api/campaigns/sms-reunion-parents/summary answered 409');
    });

    it('an unknown campaign is a 404, kind not-found', async () => {
      const error = await dataSourceError(api().getCampaign('no-such-campaign'), 'not-found');
      expect(error.status).to.equal(404);
      expect(error.retryable).to.equal(false);
      const summary = await dataSourceError(api().getStatsSummary('no-such-campaign'), 'not-found');
      expect(summary.status).to.equal(404);
      expect(summary.message).to.contain('No campaign "no-such-campaign"');
    });

    it('invalid JSON is an invalid-response', async () => {
      const ds = new RestDataSource({ baseUrl: '/api-test/invalid-json' });
      const error = await dataSourceError(ds.listCampaigns({}), 'invalid-response');
      expect(error.message).to.contain('did not answer JSON');
      expect(error.retryable).to.equal(true);
    });

    it('an HTML page (a login page behind a proxy) is an invalid-response', async () => {
      const ds = new RestDataSource({ baseUrl: '/api-test/html' });
      await dataSourceError(ds.getCampaign('em-jpo-decembre'), 'invalid-response');
    });

    it('a wrong shape is an invalid-response that names the field, on every endpoint', async () => {
      const ds = new RestDataSource({ baseUrl: '/api-test/wrong-shape' });
      expect((await dataSourceError(ds.getCampaign('em-jpo-decembre'), 'invalid-response')).message).to.contain('response.status');
      expect((await dataSourceError(ds.listCampaigns({}), 'invalid-response')).message).to.contain('response.total');
      expect((await dataSourceError(ds.getContactStats('em-forum-lyon', { offset: 0, limit: 5 }), 'invalid-response')).message).to.contain(
        'response.rows',
      );
      expect((await dataSourceError(ds.getSarbacaneAccess(FINISHED_EMAIL), 'invalid-response')).message).to.contain('response.hasAccount');
      expect((await dataSourceError(ds.getStatsSummary(FINISHED_EMAIL.id), 'invalid-response')).message).to.contain(
        'response.clickers must be a whole number ≥ 0 (got string)',
      );
    });

    for (const field of ['channel', 'asOf', 'delivery']) {
      it(`a summary without ${field} is an invalid-response naming response.${field}`, async () => {
        const ds = new RestDataSource({ baseUrl: `/api-test/drop/${field}` });
        const error = await dataSourceError(ds.getStatsSummary(FINISHED_EMAIL.id), 'invalid-response');
        expect(error.message).to.contain(`response.${field}`);
      });
    }

    for (const field of ['channel', 'asOf', 'total']) {
      it(`a statistics page without ${field} is an invalid-response naming response.${field}`, async () => {
        const ds = new RestDataSource({ baseUrl: `/api-test/drop/${field}` });
        const error = await dataSourceError(ds.getContactStats('em-forum-lyon', { offset: 0, limit: 5 }), 'invalid-response');
        expect(error.message).to.contain(`response.${field}`);
      });
    }

    it('a connection closed without an answer is a network error', async () => {
      const ds = new RestDataSource({ baseUrl: '/api-test/reset' });
      const error = await dataSourceError(ds.getCampaign('em-jpo-decembre'), 'network');
      expect(error.retryable).to.equal(true);
      expect(error.cause).to.be.instanceOf(TypeError);
    });

    it('a cross-origin API that refuses CORS is a network error', async () => {
      const otherHost = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
      const ds = new RestDataSource({ baseUrl: `${location.protocol}//${otherHost}:${location.port}/api` });
      await dataSourceError(ds.getCampaign('em-jpo-decembre'), 'network');
    });
  });

  describe('timeout and abort', () => {
    it('gives up on a server that never answers with a timeout error', async () => {
      const ds = new RestDataSource({ baseUrl: '/api-test/hang', timeout: 300 });
      const start = performance.now();
      const error = await dataSourceError(ds.getCampaign('em-jpo-decembre'), 'timeout');
      const elapsed = performance.now() - start;
      expect(elapsed).to.be.within(280, 2000);
      expect(error.retryable).to.equal(true);
      expect(error.message).to.contain('no answer within 300 ms');
    });

    it('answers a slow server that answers in time, and times out one that does not', async () => {
      const inTime = new RestDataSource({ baseUrl: '/api-test/slow/100', timeout: 3000 });
      expect((await inTime.getCampaign('em-jpo-decembre')).id).to.equal('em-jpo-decembre');
      const tooSlow = new RestDataSource({ baseUrl: '/api-test/slow/2000', timeout: 200 });
      await dataSourceError(tooSlow.getContactStats('em-forum-lyon', { offset: 0, limit: 5 }), 'timeout');
    });

    it("rejects with an AbortError, quickly, when the caller's signal aborts", async () => {
      const ds = new RestDataSource({ baseUrl: '/api-test/hang', timeout: 10_000 });
      const controller = new AbortController();
      const start = performance.now();
      setTimeout(() => controller.abort(), 100);
      const error = await rejection(ds.getContactStats('em-forum-lyon', { offset: 0, limit: 5 }, { signal: controller.signal }));
      expect(performance.now() - start).to.be.lessThan(1000);
      expect(error).to.be.instanceOf(DOMException);
      expect((error as DOMException).name).to.equal('AbortError');
      expect(error).not.to.be.instanceOf(DataSourceError);
    });

    it('an abort before the timeout stays an abort', async () => {
      const ds = new RestDataSource({ baseUrl: '/api-test/hang', timeout: 300 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('my own reason')), 50);
      const error = await rejection(ds.listCampaigns({}, { signal: controller.signal }));
      expect((error as DOMException).name).to.equal('AbortError');
    });

    it('an already aborted signal rejects at once, without a request', async () => {
      const rec = recording();
      const error = await rejection(rec.ds.getCampaign(FINISHED_EMAIL.id, { signal: AbortSignal.abort() }));
      expect((error as DOMException).name).to.equal('AbortError');
      expect(await rec.requests()).to.deep.equal([]);
    });

    it('a signal aborted after the answer changes nothing', async () => {
      const controller = new AbortController();
      const campaign = await api().getCampaign(FINISHED_EMAIL.id, { signal: controller.signal });
      controller.abort();
      expect(campaign.id).to.equal(FINISHED_EMAIL.id);
    });
  });

  describe('options', () => {
    it('uses an injected fetch, called as a plain function', async () => {
      const urls: string[] = [];
      const instrumented: typeof fetch = (input, init) => {
        urls.push(String(input));
        return fetch(input, init);
      };
      const ds = new RestDataSource({ baseUrl: '/api', fetch: instrumented });
      await ds.getCampaign(FINISHED_EMAIL.id);
      expect(urls).to.deep.equal([`/api/campaigns/${FINISHED_EMAIL.id}`]);
    });

    it('requires a base URL', () => {
      expect(() => new RestDataSource({} as never)).to.throw(TypeError);
    });
  });
});
