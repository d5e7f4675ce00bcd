import { expect } from '@open-wc/testing';
import { activityBuckets, bucketIndex } from '../../src/data/activity-buckets.js';
import {
  CAMPAIGN_STATUSES,
  CHANNELS,
  type Campaign,
  type Channel,
  type ContactStats,
  type EmailContactStats,
  type SmsContactStats,
  type StatsQuery,
  type StatsSummary,
} from '../../src/data/campaign-data-source.js';
import { DataSourceError } from '../../src/data/data-source-error.js';
import { drawContact, emailOf, hashString, newDraw } from '../../src/data/demo-contacts.js';
import { DemoDataSource, type DemoDataSourceOptions } from '../../src/data/demo-data-source.js';
import { demoLinks, drawClickLinks } from '../../src/data/demo-links.js';
import { applyStatsQuery, foldText } from '../../src/data/stats-query.js';
import { validateCampaign, validateStatsPage, validateStatsSummary } from '../../src/data/validate.js';
import { rejection } from '../helpers/rejection.js';

const REFERENCE = '2026-11-26T20:30:00.000Z';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A demo data source on a clock the test moves. */
function clocked(options: DemoDataSourceOptions = {}, at: string | number = REFERENCE) {
  const clock = { now: new Date(at).getTime() };
  const ds = new DemoDataSource({ referenceTime: REFERENCE, now: () => new Date(clock.now), ...options });
  return { ds, clock };
}

async function allRows(ds: DemoDataSource, campaignId: string, q: Partial<StatsQuery> = {}): Promise<ContactStats[]> {
  return (await ds.getContactStats(campaignId, { offset: 0, limit: 1_000_000, ...q })).rows;
}

/** A contact's index in its campaign (ids end with index + 1). */
const index = (row: ContactStats) => Number(row.contactId.split('-').at(-1)) - 1;

const sum = (rows: ContactStats[], field: 'openCount' | 'clickCount') =>
  rows.reduce((total, row) => total + ((row as unknown as Record<string, number>)[field] ?? 0), 0);

/** The summary's figures counted from every row, as a grid would count them. */
function countRows(rows: ContactStats[], channel: Channel) {
  const delivery: Record<string, number> = {};
  const linkClickers: Record<string, number> = {};
  const counted = { recipients: rows.length, delivery, openers: 0, clickers: 0, unsubscribed: 0, spamReported: 0, linkClickers };
  for (const row of rows) {
    delivery[row.delivery] = (delivery[row.delivery] ?? 0) + 1;
    if (row.clickCount >= 1) counted.clickers++;
    if (row.unsubscribed) counted.unsubscribed++;
    if (channel === 'email' && (row as EmailContactStats).opened) counted.openers++;
    if (channel === 'email' && (row as EmailContactStats).spamReported) counted.spamReported++;
    for (const id of row.clickedLinks!) linkClickers[id] = (linkClickers[id] ?? 0) + 1;
  }
  return counted;
}

/**
 * Every click per link, and the opens and clicks per activity bucket, counted one contact at a
 * time from the demo's draws (each event in the bucket of its time, if it happened by `asOf`).
 */
function countEvents(campaign: Campaign, asOf: string) {
  const hash = hashString(campaign.id);
  const links = demoLinks(campaign.id);
  const finished = Date.parse(campaign.sendFinishedAt!);
  const elapsed = Date.parse(asOf) - finished;
  const spans = activityBuckets(finished, Date.parse(asOf));
  const opens = spans.map(() => 0);
  const clicks = spans.map(() => 0);
  const linkClicks: Record<string, number> = {};
  const draw = newDraw();
  for (let i = 0; i < campaign.recipientCount; i++) {
    drawContact(campaign.channel, hash, i, draw);
    const onLinks = drawClickLinks(hash, i, draw.clicks.length, links.length, []);
    draw.clicks.forEach((t, k) => {
      if (t > elapsed) return;
      clicks[bucketIndex(finished, finished + t, spans.length)]!++;
      const id = links[onLinks[k]!]!.linkId;
      linkClicks[id] = (linkClicks[id] ?? 0) + 1;
    });
    for (const t of draw.opens) if (t <= elapsed) opens[bucketIndex(finished, finished + t, spans.length)]!++;
  }
  return { spans, opens, clicks, linkClicks };
}

/** The link texts the grid shows (label, else URL), by link id. */
const linkTexts = (summary: StatsSummary) => new Map(summary.links!.map((link) => [link.linkId, link.label ?? link.url]));

describe('DemoDataSource', () => {
  describe('determinism', () => {
    it('two instances on the same clock give identical campaigns and rows', async () => {
      const a = clocked({}, Date.parse(REFERENCE) + 5 * HOUR).ds;
      const b = clocked({}, Date.parse(REFERENCE) + 5 * HOUR).ds;
      expect(await a.listCampaigns({})).to.deep.equal(await b.listCampaigns({}));
      for (const id of ['em-relance-meef', 'sms-jpo-rappel']) {
        const rowsA = await a.getContactStats(id, { offset: 0, limit: 5000 });
        const rowsB = await b.getContactStats(id, { offset: 0, limit: 5000 });
        expect(rowsA).to.deep.equal(rowsB);
      }
    });

    it('another reference time moves the dates but keeps the contacts', async () => {
      const a = new DemoDataSource({ referenceTime: REFERENCE, now: () => new Date(REFERENCE) });
      const later = new Date(Date.parse(REFERENCE) + 24 * HOUR);
      const b = new DemoDataSource({ referenceTime: later, now: () => later });
      const [ca, cb] = [await a.getCampaign('em-forum-lyon'), await b.getCampaign('em-forum-lyon')];
      expect(Date.parse(cb.sendFinishedAt!) - Date.parse(ca.sendFinishedAt!)).to.equal(24 * HOUR);
      expect((await allRows(a, 'em-forum-lyon')).map((r) => r.contactId)).to.deep.equal((await allRows(b, 'em-forum-lyon')).map((r) => r.contactId));
    });

    it('two sources made in the same minute (a grid\'s and a summary\'s) agree on campaigns and figures', async () => {
      const minute = Date.parse(REFERENCE) - (Date.parse(REFERENCE) % 60_000);
      let clock = minute + 1_000;
      const a = new DemoDataSource({ now: () => new Date(clock) });
      clock = minute + 58_000;
      const b = new DemoDataSource({ now: () => new Date(clock) });
      clock = minute + 59_000;
      expect(await b.getCampaign('em-jpo-decembre')).to.deep.equal(await a.getCampaign('em-jpo-decembre'));
      expect((await b.getStatsSummary('em-alternance-rentree')).clickers).to.equal((await a.getStatsSummary('em-alternance-rentree')).clickers);
      const page = { offset: 0, limit: 50 };
      expect(await b.getContactStats('em-alternance-rentree', page)).to.deep.equal(await a.getContactStats('em-alternance-rentree', page));
    });
  });

  describe('campaigns', () => {
    it('has campaigns of both channels in every status, all valid', async () => {
      const { campaigns, total } = await clocked().ds.listCampaigns({});
      expect(total).to.equal(campaigns.length);
      for (const campaign of campaigns) expect(validateCampaign(campaign)).to.deep.equal(campaign);
      for (const channel of CHANNELS) {
        for (const status of CAMPAIGN_STATUSES) {
          expect(
            campaigns.some((c) => c.channel === channel && c.status === status),
            `${channel} ${status}`,
          ).to.equal(true);
        }
      }
    });

    it('has finished campaigns from 0 to 100,000 contacts, each with that many rows', async () => {
      const { ds } = clocked();
      const finished = (await ds.listCampaigns({})).campaigns.filter((c) => c.status === 'finished');
      const counts = finished.map((c) => c.recipientCount);
      expect(Math.min(...counts)).to.equal(0);
      expect(Math.max(...counts)).to.be.at.least(100_000);
      expect(counts.some((n) => n > 0 && n < 10)).to.equal(true);
      for (const campaign of finished) {
        expect(campaign.sendFinishedAt, campaign.id).to.be.a('string');
        const page = await ds.getContactStats(campaign.id, { offset: 0, limit: 3 });
        expect(page.total, campaign.id).to.equal(campaign.recipientCount);
      }
    });

    it('lists newest first, by channel, with an accent-insensitive search and paging', async () => {
      const { ds } = clocked();
      const all = (await ds.listCampaigns({})).campaigns;
      const finishedTimes = all.filter((c) => c.sendFinishedAt).map((c) => Date.parse(c.sendFinishedAt!));
      expect(finishedTimes).to.deep.equal([...finishedTimes].sort((a, b) => b - a));
      const sms = await ds.listCampaigns({ channel: 'sms' });
      expect(sms.campaigns.every((c) => c.channel === 'sms')).to.equal(true);
      expect(sms.total).to.equal(all.filter((c) => c.channel === 'sms').length);
      const found = await ds.listCampaigns({ search: 'JOURNEE portes' });
      expect(found.campaigns.map((c) => c.id)).to.deep.equal(['em-jpo-decembre']);
      const page = await ds.listCampaigns({ offset: 2, limit: 3 });
      expect(page.campaigns).to.deep.equal(all.slice(2, 5));
      expect(page.total).to.equal(all.length);
    });

    it('getCampaign answers a campaign, or a not-found error', async () => {
      const { ds } = clocked();
      expect((await ds.getCampaign('sms-entretien')).channel).to.equal('sms');
      const error = (await rejection(ds.getCampaign('nope'))) as DataSourceError;
      expect(error).to.be.instanceOf(DataSourceError);
      expect(error.kind).to.equal('not-found');
      expect(error.status).to.equal(404);
    });

    it('refuses statistics before the send is finished (not-finished, 409)', async () => {
      const { ds } = clocked();
      for (const id of ['em-taxe-apprentissage', 'em-ateliers-cv', 'em-voeux', 'sms-greve']) {
        const error = (await rejection(ds.getContactStats(id, { offset: 0, limit: 10 }))) as DataSourceError;
        expect(error.kind, id).to.equal('not-finished');
        expect(error.status).to.equal(409);
        expect(error.retryable).to.equal(true);
      }
    });
  });

  describe('statistics', () => {
    it('rows have the shape of their channel and pass validation untouched', async () => {
      const { ds } = clocked({}, Date.parse(REFERENCE) + HOUR);
      const email = await ds.getContactStats('em-relance-meef', { offset: 0, limit: 2000 });
      const cleanEmail = validateStatsPage(email, 'email');
      expect(cleanEmail.dropped).to.equal(0);
      expect(email.rows.every((r) => typeof (r as EmailContactStats).email === 'string' && (r as EmailContactStats).email.includes('@'))).to.equal(true);
      const sms = (await ds.getContactStats('sms-jpo-rappel', { offset: 0, limit: 3000 })).rows as SmsContactStats[];
      expect(sms.every((r) => /^\+33[67]\d{8}$/.test(r.phone) && !('opened' in r))).to.equal(true);
      expect(new Set(sms.map((r) => r.contactId)).size).to.equal(sms.length);
    });

    it('read the pages and the summary asked together at one time, though the minute turns between them', async () => {
      const { ds, clock } = clocked({}, Date.parse(REFERENCE) + 59_500);
      const id = 'em-alternance-rentree';
      const first = await ds.getContactStats(id, { offset: 0, limit: 5000 });
      clock.now += 1_000; // the clock's minute has turned
      const second = await ds.getContactStats(id, { offset: 5000, limit: 5000 });
      const summary = await ds.getStatsSummary(id);
      expect([first.asOf, second.asOf, summary.asOf]).to.deep.equal([REFERENCE, REFERENCE, REFERENCE]);
      // A call after a pause reads the new minute.
      clock.now += 20_000;
      const later = await ds.getContactStats(id, { offset: 0, limit: 1 });
      expect(later.asOf).to.equal(new Date(Date.parse(REFERENCE) + 60_000).toISOString());
      // Calls that never pause are held one minute at most.
      let last = later.asOf;
      for (let k = 0; k < 30; k++) {
        clock.now += 5_000;
        last = (await ds.getContactStats(id, { offset: 0, limit: 1 })).asOf;
      }
      expect(Date.parse(last)).to.be.at.least(clock.now - 2 * 60_000);
      expect(Date.parse(last)).to.be.greaterThan(Date.parse(later.asOf));
    });

    it('grow with time: later figures are never lower, and higher for a recent campaign', async () => {
      const { ds, clock } = clocked();
      const id = 'em-alternance-rentree'; // sent 35 minutes before the reference time
      const before = await ds.getContactStats(id, { offset: 0, limit: 5000 });
      clock.now += 24 * HOUR;
      const after = await ds.getContactStats(id, { offset: 0, limit: 5000 });
      expect(after.asOf).to.equal(new Date(clock.now).toISOString());
      expect(Date.parse(after.asOf)).to.be.greaterThan(Date.parse(before.asOf));
      for (const field of ['openCount', 'clickCount'] as const) {
        expect(sum(after.rows, field), field).to.be.greaterThan(sum(before.rows, field));
      }
      after.rows.forEach((row, i) => {
        const old = before.rows[i] as EmailContactStats;
        const now = row as EmailContactStats;
        expect(now.contactId).to.equal(old.contactId);
        expect(now.openCount).to.be.at.least(old.openCount);
        expect(now.clickCount).to.be.at.least(old.clickCount);
        if (old.unsubscribed) expect(now.unsubscribed).to.equal(true);
      });
    });

    it('sorts on several keys, empty values last', async () => {
      const { ds } = clocked();
      const rows = (await allRows(ds, 'em-relance-meef', {
        sort: [
          { field: 'clickCount', dir: 'desc' },
          { field: 'lastName', dir: 'asc' },
        ],
      })) as EmailContactStats[];
      for (let i = 1; i < rows.length; i++) {
        expect(rows[i - 1]!.clickCount).to.be.at.least(rows[i]!.clickCount);
      }
      for (const dir of ['asc', 'desc'] as const) {
        const byName = (await allRows(ds, 'em-relance-meef', { sort: [{ field: 'lastName', dir }] })).map((r) => r.lastName);
        const firstEmpty = byName.indexOf(undefined);
        expect(firstEmpty, dir).to.be.greaterThan(0);
        expect(byName.slice(firstEmpty).every((n) => n === undefined), dir).to.equal(true);
        const named = byName.slice(0, firstEmpty);
        const first = dir === 'asc' ? named[0] : named.at(-1);
        expect(first!.localeCompare(dir === 'asc' ? named.at(-1)! : named[0]!, 'fr'), dir).to.be.below(0);
      }
    });

    it('filters with eq, like, gte and lte, and searches without accents or case', async () => {
      const { ds } = clocked({}, Date.parse(REFERENCE) + 48 * HOUR);
      const id = 'em-relance-meef';
      const all = (await allRows(ds, id)) as EmailContactStats[];
      const opened = (await allRows(ds, id, { filters: [{ field: 'opened', op: 'eq', value: true }] })) as EmailContactStats[];
      expect(opened.length).to.equal(all.filter((r) => r.opened).length);
      expect(opened.length).to.be.greaterThan(0);
      const range = (await allRows(ds, id, {
        filters: [
          { field: 'openCount', op: 'gte', value: 2 },
          { field: 'openCount', op: 'lte', value: 3 },
        ],
      })) as EmailContactStats[];
      expect(range.length).to.be.greaterThan(0);
      expect(range.every((r) => r.openCount >= 2 && r.openCount <= 3)).to.equal(true);
      const like = (await allRows(ds, id, { filters: [{ field: 'email', op: 'like', value: 'ORANGE.fr' }] })) as EmailContactStats[];
      expect(like.length).to.be.greaterThan(0);
      expect(like.every((r) => r.email.endsWith('@orange.fr'))).to.equal(true);
      const accented = all.find((r) => r.firstName && foldText(r.firstName) !== r.firstName.toLowerCase())!;
      const found = await allRows(ds, id, { search: foldText(accented.firstName).toUpperCase() });
      expect(found.map((r) => r.contactId)).to.include(accented.contactId);
    });

    it('pages with offset and limit, total counting every match', async () => {
      const { ds } = clocked();
      const q = { sort: [{ field: 'email', dir: 'asc' as const }] };
      const all = await allRows(ds, 'em-relance-meef', q);
      const page = await ds.getContactStats('em-relance-meef', { offset: 100, limit: 25, ...q });
      expect(page.rows).to.deep.equal(all.slice(100, 125));
      expect(page.total).to.equal(1200);
      const beyond = await ds.getContactStats('em-relance-meef', { offset: 5000, limit: 25 });
      expect(beyond.rows).to.deep.equal([]);
      expect(beyond.total).to.equal(1200);
    });

    it('answers a campaign of 100,000 contacts', async () => {
      const { ds } = clocked();
      const page = await ds.getContactStats('sms-relance-dossier', { offset: 99_995, limit: 10 });
      expect(page.total).to.equal(100_000);
      expect(page.rows).to.have.length(5);
      expect(page.rows[4]!.contactId).to.match(/-100000$/);
    });
  });

  describe('campaigns of 300,000 and 1,000,000 contacts', () => {
    const HUGE = [
      { id: 'em-reseau-ecoles-rentree', channel: 'email', size: 300_000 },
      { id: 'em-reseau-national-orientation', channel: 'email', size: 1_000_000 },
      { id: 'sms-reseau-national-inscriptions', channel: 'sms', size: 1_000_000 },
    ] as const;
    const AT = Date.parse(REFERENCE) + 5 * HOUR + 37_123;
    const MILLION = 'em-reseau-national-orientation';

    /** Times a call, printed (not asserted: the machine is shared). */
    async function timed<T>(label: string, call: () => Promise<T>): Promise<T> {
      const start = performance.now();
      const result = await call();
      console.log(`DemoDataSource, ${label}: ${Math.round(performance.now() - start)} ms`);
      return result;
    }

    it('are finished, on Sarbacane, listed newest first with the others, and answer their size', async () => {
      const { ds } = clocked({}, AT);
      const all = (await ds.listCampaigns({})).campaigns;
      for (const { id, channel, size } of HUGE) {
        const campaign = all.find((c) => c.id === id)!;
        expect(campaign, id).to.deep.include({ channel, status: 'finished', recipientCount: size });
        expect(campaign.sarbacaneCampaignId).to.match(/^sb-/);
        const last = await ds.getContactStats(id, { offset: size - 2, limit: 10 });
        expect(last.total).to.equal(size);
        expect(last.rows.map((r) => r.contactId.split('-').at(-1))).to.deep.equal([String(size - 1), String(size)]);
        expect(validateStatsPage(last, channel).dropped).to.equal(0);
      }
    });

    it('read their statistics at the minute, so that the pages of one load and its summary come from the same figures', async () => {
      const { ds } = clocked({}, AT);
      expect((await ds.getContactStats(MILLION, { offset: 0, limit: 1 })).asOf).to.equal(new Date(AT - (AT % 60_000)).toISOString());
      expect((await ds.getContactStats('em-relance-meef', { offset: 0, limit: 1 })).asOf).to.equal(new Date(AT - (AT % 60_000)).toISOString());
      expect((await ds.getStatsSummary('em-relance-meef')).asOf).to.equal(new Date(AT - (AT % 60_000)).toISOString());
    });

    it('have one address per contact: homonyms are told apart by a number', async function () {
      this.timeout(30_000);
      const ds = new DemoDataSource();
      const campaign = await ds.getCampaign('em-reseau-ecoles-rentree');
      const hash = hashString(campaign.id);
      const draw = newDraw();
      const addresses = new Set<string>();
      for (let i = 0; i < campaign.recipientCount; i++) {
        drawContact('email', hash, i, draw);
        addresses.add(emailOf(draw.first, draw.last, draw.domain, i));
      }
      expect(addresses.size).to.equal(campaign.recipientCount);
      const first = await ds.getContactStats(campaign.id, { offset: 0, limit: 2500 });
      const names = new Set(first.rows.map((row) => `${(row as EmailContactStats).email.split('@')[0]}`));
      expect(names.size, 'the first 2,500 contacts: 2,500 names, no number').to.equal(2500);
      expect([...names].filter((name) => /[0-9]/.test(name))).to.deep.equal([]);
    });

    it('are deterministic, and a sorted page holds the very rows of their plain pages', async () => {
      const q: StatsQuery = {
        offset: 123_456,
        limit: 40,
        sort: [
          { field: 'lastName', dir: 'asc' },
          { field: 'clickCount', dir: 'desc' },
        ],
        filters: [{ field: 'delivery', op: 'eq', value: 'delivered' }],
      };
      const a = await clocked({}, AT).ds.getContactStats(MILLION, q);
      const other = clocked({}, AT).ds;
      const b = await other.getContactStats(MILLION, q);
      expect(a).to.deep.equal(b);
      expect(a.rows).to.have.length(40);
      for (const row of a.rows.slice(0, 5)) {
        const index = Number(row.contactId.split('-').at(-1)) - 1;
        expect((await other.getContactStats(MILLION, { offset: index, limit: 1 })).rows[0]).to.deep.equal(row);
      }
    });

    it('keep contacts without activity last when sorted by activity, newest first', async function () {
      this.timeout(30_000);
      const { ds } = clocked({}, AT);
      const sort = [{ field: 'lastActivityAt', dir: 'desc' as const }];
      const first = await ds.getContactStats(MILLION, { offset: 0, limit: 250, sort });
      const times = first.rows.map((row) => row.lastActivityAt);
      expect(times.every((t) => t !== undefined)).to.equal(true);
      expect(times).to.deep.equal([...times].sort().reverse());
      const last = await ds.getContactStats(MILLION, { offset: first.total - 250, limit: 250, sort });
      expect(last.rows.every((row) => row.lastActivityAt === undefined)).to.equal(true);
    });

    it('sort and filter a million contacts correctly, pages after a sort or filter in well under a second', async function () {
      this.timeout(60_000);
      const { ds } = clocked({}, AT);
      const sms = await timed('1M SMS, sort on the phone number at once (columns drawn first), last page', () =>
        ds.getContactStats('sms-reseau-national-inscriptions', { offset: 999_750, limit: 250, sort: [{ field: 'phone', dir: 'asc' }] }),
      );
      const phones = (sms.rows as SmsContactStats[]).map((row) => row.phone);
      expect(phones).to.have.length(250);
      expect(phones).to.deep.equal([...phones].sort());

      await timed('1M email, plain first page', () => ds.getContactStats(MILLION, { offset: 0, limit: 250 }));
      // The columns are drawn while the user reads the first page.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const bySort = (sort: StatsQuery['sort'], filters?: StatsQuery['filters'], search?: string, offset = 0) =>
        ds.getContactStats(MILLION, { offset, limit: 250, sort, filters, search });
      const clicksDesc = [{ field: 'clickCount', dir: 'desc' as const }];
      const sorted = await timed('1M email, sort on clicks', () => bySort(clicksDesc));
      await timed('1M email, same sort, page 2000', () => bySort(clicksDesc, undefined, undefined, 500_000));
      const rows = sorted.rows as EmailContactStats[];
      rows.forEach((row, i) => {
        if (i === 0) return;
        const previous = rows[i - 1]!;
        expect(previous.clickCount).to.be.at.least(row.clickCount);
        // Ties keep the contacts' order.
        if (previous.clickCount === row.clickCount) expect(index(previous)).to.be.below(index(row));
      });
      const filters: StatsQuery['filters'] = [
        { field: 'opened', op: 'eq', value: true },
        { field: 'lastName', op: 'like', value: 'mar' },
        { field: 'lastActivityAt', op: 'gte', value: new Date(AT - 3 * DAY).toISOString() },
      ];
      const filtered = await timed('1M email, three filters + sort on the last activity', () => bySort([{ field: 'lastActivityAt', dir: 'desc' }], filters));
      expect(filtered.total).to.be.greaterThan(100).and.below(1_000_000);
      const activities = (filtered.rows as EmailContactStats[]).map((row) => {
        expect(row.opened).to.equal(true);
        expect(foldText(row.lastName)).to.contain('mar');
        return Date.parse(row.lastActivityAt!);
      });
      expect(activities.every((t) => t >= AT - 3 * DAY)).to.equal(true);
      expect(activities).to.deep.equal([...activities].sort((x, y) => y - x));
      const searched = await timed('1M email, search "élodie" + sort on the address', () => bySort([{ field: 'email', dir: 'asc' }], undefined, 'élodie'));
      expect(searched.total).to.be.greaterThan(1000);
      expect(searched.rows.every((row) => [row.firstName, row.lastName, (row as EmailContactStats).email].some((v) => foldText(v).includes('elodie')))).to.equal(true);
      await timed('1M email, the same search, page 50', () => bySort([{ field: 'email', dir: 'asc' }], undefined, 'élodie', 49 * 250));
    });

    it('summarize a million contacts as their rows count (openers, clickers, each link)', async function () {
      this.timeout(60_000);
      const { ds } = clocked({}, AT);
      const summary = await ds.getStatsSummary(MILLION);
      expect(summary.asOf).to.equal((await ds.getContactStats(MILLION, { offset: 0, limit: 1 })).asOf);
      expect(summary.recipients).to.equal(1_000_000);
      const total = async (filters: StatsQuery['filters']) => (await ds.getContactStats(MILLION, { offset: 0, limit: 0, filters })).total;
      expect(summary.openers).to.equal(await total([{ field: 'opened', op: 'eq', value: true }]));
      expect(summary.clickers).to.equal(await total([{ field: 'clickCount', op: 'gte', value: 1 }]));
      expect(summary.delivery.delivered).to.equal(await total([{ field: 'delivery', op: 'eq', value: 'delivered' }]));
      expect(summary.links).to.have.length(8);
      for (const link of summary.links!) {
        expect(link.clickers, link.linkId).to.equal(await total([{ field: 'clickedLinks', op: 'eq', value: link.linkId }]));
      }
      expect(summary.activity!.reduce((n, bucket) => n + bucket.clicks, 0)).to.equal(summary.links!.reduce((n, link) => n + link.clickCount, 0));
      expect(await ds.getStatsSummary(MILLION)).to.deep.equal(summary);
    });

    for (const [id, channel] of [
      ['em-newsletter-novembre', 'email'],
      ['sms-resultats-admission', 'sms'],
    ] as const) {
      it(`answer like a brute-force query over every row (${id})`, async function () {
        this.timeout(60_000);
        const { ds } = clocked({}, Date.parse(REFERENCE) + 3 * HOUR);
        const everyRow = await allRows(ds, id);
        const asOf = (await ds.getContactStats(id, { offset: 0, limit: 1 })).asOf;
        const text = channel === 'email' ? 'email' : 'phone';
        const queries: Partial<StatsQuery>[] = [
          { sort: [{ field: text, dir: 'asc' }] },
          { sort: [{ field: text, dir: 'desc' }] },
          { sort: [{ field: 'lastActivityAt', dir: 'desc' }] },
          { sort: [{ field: 'lastName', dir: 'asc' }, { field: 'firstName', dir: 'desc' }, { field: 'clickCount', dir: 'desc' }] },
          { sort: [{ field: 'delivery', dir: 'asc' }, { field: 'unsubscribed', dir: 'desc' }] },
          { sort: [{ field: 'contactId', dir: 'desc' }] },
          { sort: [{ field: 'unknownField', dir: 'desc' }] },
          { filters: [{ field: 'clickCount', op: 'gte', value: 1 }, { field: 'clickCount', op: 'lte', value: '2' }] },
          { filters: [{ field: 'lastActivityAt', op: 'eq', value: '' }], sort: [{ field: 'lastName', dir: 'desc' }] },
          { filters: [{ field: 'lastActivityAt', op: 'gte', value: new Date(Date.parse(asOf) - 2 * HOUR).toISOString() }] },
          { filters: [{ field: 'lastActivityAt', op: 'lte', value: '2026-11-23' }] },
          { filters: [{ field: 'firstName', op: 'eq', value: '' }] },
          { filters: [{ field: 'lastName', op: 'gte', value: 'm' }, { field: 'delivery', op: 'eq', value: 'delivered' }] },
          { filters: [{ field: text, op: 'like', value: channel === 'email' ? '3@GMAIL' : '+3361' }] },
          { filters: [{ field: 'contactId', op: 'like', value: '-12' }] },
          { filters: [{ field: 'opened', op: 'eq', value: true }, { field: 'spamReported', op: 'eq', value: false }] },
          { search: ' ÉLO ' },
          { search: 'mar', sort: [{ field: text, dir: 'asc' }], filters: [{ field: 'unsubscribed', op: 'eq', value: false }] },
          { search: '0612' },
          { search: 'n@edu' },
          { search: 'martin1', sort: [{ field: text, dir: 'desc' }] },
          { filters: [{ field: 'clickedLinks', op: 'eq', value: 'lk-1' }] },
          { filters: [{ field: 'clickedLinks', op: 'eq', value: 'lk-2' }, { field: 'clickedLinks', op: 'eq', value: 'lk-1' }] },
          { filters: [{ field: 'clickedLinks', op: 'eq', value: '' }], sort: [{ field: 'lastName', dir: 'asc' }] },
          { filters: [{ field: 'clickedLinks', op: 'eq', value: 'no-such-link' }] },
          { filters: [{ field: 'clickedLinks', op: 'like', value: 'LK-1' }] },
          { sort: [{ field: 'clickedLinks', dir: 'asc' }] },
          { sort: [{ field: 'clickedLinks', dir: 'desc' }, { field: 'clickCount', dir: 'desc' }] },
          { sort: [{ field: 'clickCount', dir: 'desc' }, { field: 'clickedLinks', dir: 'asc' }] },
          { sort: [{ field: 'clickedLinks', dir: 'asc' }], filters: [{ field: 'clickedLinks', op: 'eq', value: 'lk-2' }], search: 'ma' },
        ];
        // The grid sorts the list of links on the texts it shows: compare with rows carrying those.
        const texts = linkTexts(await ds.getStatsSummary(id));
        const shown = everyRow.map((row) => ({ ...row, clickedLinks: row.clickedLinks!.map((linkId) => texts.get(linkId)!) }));
        const byId = new Map(everyRow.map((row) => [row.contactId, row]));
        for (const query of queries) {
          const full = { offset: 0, limit: everyRow.length, ...query };
          let expected = applyStatsQuery(everyRow, full).rows.map((r) => r.contactId);
          if (query.sort?.some((key) => key.field === 'clickedLinks')) {
            // Filtered on the ids, then sorted on the texts (a filter keeps the rows' order).
            const kept = new Set(expected);
            expected = applyStatsQuery(
              shown.filter((row) => kept.has(row.contactId)),
              { offset: 0, limit: everyRow.length, sort: query.sort },
            ).rows.map((r) => r.contactId);
          }
          const answer = await ds.getContactStats(id, full);
          expect(answer.total, JSON.stringify(query)).to.equal(expected.length);
          expect(answer.rows.map((r) => r.contactId), JSON.stringify(query)).to.deep.equal(expected);
          const page = await ds.getContactStats(id, { ...query, offset: 37, limit: 20 });
          expect(page.rows, JSON.stringify(query)).to.deep.equal(expected.slice(37, 57).map((contactId) => byId.get(contactId)));
        }
      });
    }
  });

  describe('summary (v2)', () => {
    const LATER = Date.parse(REFERENCE) + 3 * HOUR;

    for (const id of ['em-forum-lyon', 'em-alternance-rentree', 'sms-entretien', 'sms-jpo-rappel']) {
      it(`counts what every row of getContactStats counts (${id})`, async function () {
        this.timeout(30_000);
        const { ds } = clocked({}, LATER);
        const campaign = await ds.getCampaign(id);
        const summary = await ds.getStatsSummary(id);
        const page = await ds.getContactStats(id, { offset: 0, limit: 100_000 });
        expect(summary.asOf).to.equal(page.asOf);
        const rows = countRows(page.rows, campaign.channel);
        expect(summary.recipients).to.equal(rows.recipients);
        expect(summary.delivery).to.deep.equal(rows.delivery);
        expect(summary.clickers).to.equal(rows.clickers);
        expect(summary.unsubscribed).to.equal(rows.unsubscribed);
        if (campaign.channel === 'email') {
          expect(summary.openers).to.equal(rows.openers);
          expect(summary.spamReported).to.equal(rows.spamReported);
        } else {
          expect(summary).not.to.have.any.keys('openers', 'spamReported');
        }
        expect(rows.clickers, 'some contacts clicked').to.be.greaterThan(0);

        // Links: the message's, most clickers first; clickers as a filter finds them, every click counted.
        const links = summary.links!;
        expect(links.map((link) => link.linkId).sort()).to.deep.equal(demoLinks(id).map((link) => link.linkId).sort());
        expect(links.map((link) => link.clickers)).to.deep.equal(links.map((link) => link.clickers).sort((a, b) => b - a));
        const events = countEvents(campaign, summary.asOf);
        for (const link of links) {
          expect(link.clickers, link.linkId).to.equal(rows.linkClickers[link.linkId] ?? 0);
          const filtered = await ds.getContactStats(id, { offset: 0, limit: 100_000, filters: [{ field: 'clickedLinks', op: 'eq', value: link.linkId }] });
          expect(filtered.total, link.linkId).to.equal(link.clickers);
          expect(filtered.rows.every((row) => row.clickedLinks!.includes(link.linkId))).to.equal(true);
          expect(link.clickCount, link.linkId).to.equal(events.linkClicks[link.linkId] ?? 0);
          expect(link.clickCount, link.linkId).to.be.at.least(link.clickers);
        }
        expect(links.reduce((n, link) => n + link.clickCount, 0)).to.equal(sum(page.rows, 'clickCount'));
        expect(links[0]!.clickers).to.be.greaterThan(0);

        // Activity: the buckets of activityBuckets, each event in the bucket of its time.
        const activity = summary.activity!;
        expect(activity.map((b) => [Date.parse(b.start), b.hours])).to.deep.equal(events.spans.map((s) => [s.start, s.hours]));
        expect(activity.map((b) => b.clicks)).to.deep.equal(events.clicks);
        expect(activity.reduce((n, b) => n + b.clicks, 0)).to.equal(sum(page.rows, 'clickCount'));
        if (campaign.channel === 'email') {
          expect(activity.map((b) => b.opens)).to.deep.equal(events.opens);
          expect(activity.reduce((n, b) => n + b.opens!, 0)).to.equal(sum(page.rows, 'openCount'));
        } else {
          expect(activity.every((b) => !('opens' in b))).to.equal(true);
        }
        expect(validateStatsSummary(summary, campaign.channel)).to.deep.equal(summary);
      });
    }

    it('rows carry the ids of the links clicked by then, in the order of the message', async () => {
      const { ds } = clocked({}, LATER);
      const order = demoLinks('em-newsletter-novembre').map((link) => link.linkId);
      expect(order).to.have.length(12);
      const rows = await allRows(ds, 'em-newsletter-novembre');
      for (const row of rows) {
        expect(row.clickedLinks!.length === 0, row.contactId).to.equal(row.clickCount === 0);
        expect(row.clickedLinks!.length).to.be.at.most(row.clickCount);
        const positions = row.clickedLinks!.map((linkId) => order.indexOf(linkId));
        expect(positions, row.contactId).to.deep.equal([...new Set(positions)].sort((a, b) => a - b));
        expect(positions.includes(-1)).to.equal(false);
      }
      expect(rows.some((row) => row.clickedLinks!.length > 1)).to.equal(true);
    });

    it('every finished campaign has its links: 2 to 8, about 12 for the newsletter, https URLs', async () => {
      const { ds } = clocked();
      const finished = (await ds.listCampaigns({})).campaigns.filter((c) => c.status === 'finished');
      for (const campaign of finished) {
        const links = demoLinks(campaign.id);
        if (campaign.id === 'em-newsletter-novembre') expect(links).to.have.length(12);
        else expect(links.length, campaign.id).to.be.within(2, 8);
        expect(links.every((link) => link.url.startsWith('https://')), campaign.id).to.equal(true);
        expect(new Set(links.map((link) => link.linkId)).size).to.equal(links.length);
      }
      const jury = await ds.getStatsSummary('em-jury-diplomes');
      expect(jury.clickers, 'a small campaign without any click').to.equal(0);
      expect(jury.links!.every((link) => link.clickCount === 0)).to.equal(true);
      const empty = await ds.getStatsSummary('sms-convocation-vide');
      expect(empty).to.deep.include({ recipients: 0, clickers: 0, unsubscribed: 0, delivery: {} });
    });

    it('grows with time: a later clock never lowers a figure', async () => {
      const { ds, clock } = clocked();
      const id = 'em-alternance-rentree'; // sent 35 minutes before the reference time
      const figures = (s: StatsSummary) => ({ openers: s.openers!, clickers: s.clickers, unsubscribed: s.unsubscribed, spamReported: s.spamReported!, delivered: s.delivery.delivered ?? 0 });
      let before = await ds.getStatsSummary(id);
      for (const step of [10 * 60_000, HOUR, 6 * HOUR, 2 * DAY]) {
        clock.now += step;
        const after = await ds.getStatsSummary(id);
        expect(Date.parse(after.asOf)).to.be.greaterThan(Date.parse(before.asOf));
        expect(after.recipients).to.equal(before.recipients);
        for (const [name, value] of Object.entries(figures(after))) expect(value, name).to.be.at.least(figures(before)[name as keyof ReturnType<typeof figures>]);
        for (const link of before.links!) {
          const now = after.links!.find((l) => l.linkId === link.linkId)!;
          expect(now.clickers, link.linkId).to.be.at.least(link.clickers);
          expect(now.clickCount, link.linkId).to.be.at.least(link.clickCount);
        }
        expect(after.activity!.length).to.be.at.least(before.activity!.length);
        before.activity!.forEach((bucket, i) => {
          expect(after.activity![i]!.start).to.equal(bucket.start);
          expect(after.activity![i]!.clicks).to.be.at.least(bucket.clicks);
          expect(after.activity![i]!.opens).to.be.at.least(bucket.opens!);
        });
        expect(after.clickers + after.openers!).to.be.greaterThan(0);
        before = after;
      }
      expect(before.activity!.at(-1)!.hours).to.equal(24);
      expect(before.activity!.filter((b) => b.hours === 1)).to.have.length(48);
    });

    it('refuses a summary before the send is finished (not-finished, 409), and for an unknown campaign (404)', async () => {
      const { ds } = clocked();
      for (const id of ['em-taxe-apprentissage', 'em-ateliers-cv', 'em-voeux', 'sms-greve']) {
        const error = (await rejection(ds.getStatsSummary(id))) as DataSourceError;
        expect(error.kind, id).to.equal('not-finished');
        expect(error.status).to.equal(409);
      }
      const error = (await rejection(ds.getStatsSummary('nope'))) as DataSourceError;
      expect(error.kind).to.equal('not-found');
      expect(error.status).to.equal(404);
    });

    it('answers a copy: changing an answer changes no later one', async () => {
      const { ds } = clocked({}, LATER);
      const first = await ds.getStatsSummary('em-relance-meef');
      const clickers = first.clickers;
      first.clickers = -1;
      first.links!.length = 0;
      const second = await ds.getStatsSummary('em-relance-meef');
      expect(second.clickers).to.equal(clickers);
      expect(second.links).to.have.length(4);
    });

    it('fails, hangs and aborts as the other operations do', async () => {
      const failing = clocked({ failOperations: ['getStatsSummary'] }).ds;
      const error = (await rejection(failing.getStatsSummary('em-forum-lyon'))) as DataSourceError;
      expect(error.kind).to.equal('server');
      expect(error.status).to.equal(503);
      const hanging = clocked({ hangOperations: ['getStatsSummary'] }).ds;
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      expect(((await rejection(hanging.getStatsSummary('em-forum-lyon', { signal: controller.signal }))) as DOMException).name).to.equal('AbortError');
      // Aborted while the table of a big campaign is drawn: the caller is answered at once.
      const { ds } = clocked();
      const start = performance.now();
      const abort = new AbortController();
      setTimeout(() => abort.abort(), 20);
      expect(((await rejection(ds.getStatsSummary('sms-reseau-national-inscriptions', { signal: abort.signal }))) as DOMException).name).to.equal('AbortError');
      expect(performance.now() - start).to.be.lessThan(300);
    });
  });

  describe('Sarbacane access', () => {
    it('gives a report URL on app.sarbacane.com for a campaign on Sarbacane', async () => {
      const { ds } = clocked();
      const campaign = await ds.getCampaign('em-jpo-decembre');
      const access = await ds.getSarbacaneAccess(campaign);
      expect(access.hasAccount).to.equal(true);
      expect(new URL(access.reportUrl!).origin).to.equal('https://app.sarbacane.com');
      expect(await ds.getSarbacaneAccess(await ds.getCampaign('em-forum-lyon'))).to.deep.equal({ hasAccount: true });
    });

    it('gives no report without a Sarbacane account', async () => {
      const { ds } = clocked({ hasSarbacaneAccount: false });
      expect(await ds.getSarbacaneAccess(await ds.getCampaign('em-jpo-decembre'))).to.deep.equal({ hasAccount: false });
    });
  });

  describe('latency, failures and abort', () => {
    it('waits the configured latency', async () => {
      const { ds } = clocked({ latency: 150 });
      const start = performance.now();
      await ds.getCampaign('em-forum-lyon');
      expect(performance.now() - start).to.be.at.least(140);
    });

    it('fails the configured operations with a retryable server error', async () => {
      const { ds } = clocked({ failOperations: ['getContactStats'] });
      const campaign: Campaign = await ds.getCampaign('em-forum-lyon');
      const error = (await rejection(ds.getContactStats(campaign.id, { offset: 0, limit: 5 }))) as DataSourceError;
      expect(error.kind).to.equal('server');
      expect(error.status).to.equal(503);
      expect(error.retryable).to.equal(true);
    });

    it('fails every call with failureRate 1, none with 0', async () => {
      const failing = clocked({ failureRate: 1 }).ds;
      for (let i = 0; i < 5; i++) expect(await rejection(failing.listCampaigns({}))).to.be.instanceOf(DataSourceError);
      const sound = clocked({ failureRate: 0 }).ds;
      for (let i = 0; i < 5; i++) expect((await sound.listCampaigns({})).total).to.be.greaterThan(0);
    });

    it('hangs the configured operations until the caller aborts', async () => {
      const { ds } = clocked({ hangOperations: ['getCampaign'] });
      const controller = new AbortController();
      let settled = false;
      const pending = ds.getCampaign('em-forum-lyon', { signal: controller.signal }).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(settled).to.equal(false);
      controller.abort();
      const error = await rejection(pending);
      expect((error as DOMException).name).to.equal('AbortError');
    });

    it('rejects with an AbortError when aborted before or during the latency', async () => {
      const { ds } = clocked({ latency: 5000 });
      expect(((await rejection(ds.listCampaigns({}, { signal: AbortSignal.abort() }))) as DOMException).name).to.equal('AbortError');
      const controller = new AbortController();
      const start = performance.now();
      setTimeout(() => controller.abort(), 50);
      const error = await rejection(ds.getContactStats('em-forum-lyon', { offset: 0, limit: 5 }, { signal: controller.signal }));
      expect((error as DOMException).name).to.equal('AbortError');
      expect(performance.now() - start).to.be.lessThan(1000);
    });
  });
});
