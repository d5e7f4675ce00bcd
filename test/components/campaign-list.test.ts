import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/define/campaign-list.js';
import '../../src/define/campaign-stats-grid.js';
import type { CampaignList } from '../../src/components/campaign-list/campaign-list.js';
import type { SarbacaneLink } from '../../src/components/sarbacane-link/sarbacane-link.js';
import type { Campaign, CampaignListQuery, Options } from '../../src/data/campaign-data-source.js';
import { DataSourceError } from '../../src/data/data-source-error.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import { finished, renderList, settle, unfinished } from '../helpers/campaign-list.js';
import { EMAIL_ROWS } from '../helpers/fixtures.js';
import { TestDataSource } from '../helpers/test-data-source.js';
import { warningsOf } from '../helpers/console.js';

const $ = <T extends Element = HTMLElement>(el: CampaignList, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: CampaignList, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const names = (el: CampaignList) => $$(el, 'tbody [part~="name"]').map((n) => n.textContent!.trim());
const rowOf = (el: CampaignList, name: string) => $$(el, 'tbody tr').find((tr) => tr.querySelector('[part~="name"]')!.textContent!.trim() === name)!;
const statsButtonOf = (row: Element) => row.querySelector<HTMLButtonElement>('[part~="stats-button"]')!;
const linkOf = (row: Element) => row.querySelector<SarbacaneLink>('sarbacane-link')!;
const rangeOf = (el: CampaignList) => $(el, '[part~="range"]')?.textContent!.trim();
const listCalls = (ds: TestDataSource) => ds.callsOf('listCampaigns').map((c) => c.args[0] as CampaignListQuery);

/**
 * A short local date and time: day/month on a 24-hour clock in French and English ("26/11/2026
 * 21:00", "26/11/2026, 21:00"), month/day on a 12-hour one in en-US ("11/26/2026, 9:00 PM").
 */
function datePattern(lang: 'fr' | 'en' | 'en-US', date: Date): RegExp {
  const us = lang === 'en-US';
  const d = `0?${date.getDate()}`;
  const m = `0?${date.getMonth() + 1}`;
  const y = `(${date.getFullYear()}|${String(date.getFullYear()).slice(2)})`;
  const hour = us ? `0?${date.getHours() % 12 || 12}` : `0?${date.getHours()}`;
  const minutes = String(date.getMinutes()).padStart(2, '0');
  const day = us ? `${m}/${d}/${y}` : `${d}/${m}/${y}`;
  const time = us ? `${hour}:${minutes}\\s?${date.getHours() < 12 ? 'AM' : 'PM'}` : `${hour}:${minutes}`;
  return new RegExp(`^${day},?\\s+(à\\s+)?${time}$`);
}

/**
 * Compares focus by identity and reports it as text: a failed assertion that carries DOM nodes
 * as actual/expected cannot be serialized by the test runner and takes the browser down.
 */
function expectFocus(root: ShadowRoot, expected: Element | null): void {
  const describe = (e: Element | null) => (e ? `<${e.localName}${e.getAttribute('part') ? ` part="${e.getAttribute('part')}"` : ''}>` : 'nothing');
  expect(root.activeElement === expected, `focus on ${describe(expected)}, not on ${describe(root.activeElement)}`).to.be.true;
}

function isShown(element: Element | null): boolean {
  if (!element) return false;
  const box = element.getBoundingClientRect();
  return box.width > 1 && box.height > 1 && getComputedStyle(element).visibility !== 'hidden';
}

async function clickCenter(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

/** A data source whose answers contain items that are not campaigns. */
class SloppyDataSource extends TestDataSource {
  override async listCampaigns(q: CampaignListQuery, o?: Options) {
    const answer = await super.listCampaigns(q, o);
    const junk = [null, { id: 'no-status', channel: 'email', name: 'Sans statut', recipientCount: 1 }, 'campagne'];
    return { campaigns: [...answer.campaigns, ...junk] as Campaign[], total: answer.total + junk.length };
  }
}

describe('<campaign-list>', () => {
  const originalWarn = console.warn;
  let warnings: string[] = [];
  // No test may open a real tab (a Sarbacane link click): clicks that reach the window are cancelled.
  const guard = (event: MouseEvent) => event.preventDefault();

  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    window.addEventListener('click', guard);
  });

  afterEach(async () => {
    console.warn = originalWarn;
    window.removeEventListener('click', guard);
    await resetMouse();
  });

  describe('content', () => {
    it('lists only the campaigns of its channel, and asks for that channel', async () => {
      const ds = new TestDataSource([...finished('email', 3), ...finished('sms', 2)]);
      const el = await renderList(ds, { channel: 'sms' });
      expect(names(el)).to.deep.equal(['SMS n° 1', 'SMS n° 2']);
      expect(listCalls(ds)).to.deep.equal([{ channel: 'sms', offset: 0, limit: 20 }]);
      expect(ds.callsOf('listCampaigns')[0].signal).to.be.instanceOf(AbortSignal);

      el.channel = 'email';
      await settle(el);
      expect(names(el)).to.deep.equal(['E-mail n° 1', 'E-mail n° 2', 'E-mail n° 3']);
      expect(listCalls(ds)[1]).to.deep.equal({ channel: 'email', offset: 0, limit: 20 });
    });

    it('shows name, status badge, send-finished date and recipients, formatted for French', async () => {
      const [campaign] = finished('email', 1);
      const el = await renderList(new TestDataSource([campaign, unfinished('sending')]));
      const row = rowOf(el, campaign.name);
      expect(row.querySelector('[part~="badge"]')!.textContent!.trim()).to.equal('Envoi terminé');
      expect(row.querySelector('[part~="badge"]')!.getAttribute('part')).to.contain('badge-finished');
      // Day before month in French; the exact options (2- or 4-digit year) are the formatter's business.
      expect(row.querySelector('[part~="date"]')!.textContent!.trim()).to.match(datePattern('fr', new Date(campaign.sendFinishedAt!)));
      expect(row.querySelector('time')!.getAttribute('datetime')).to.equal(campaign.sendFinishedAt);
      expect(row.querySelector('[part~="recipients"]')!.textContent!.trim()).to.equal(new Intl.NumberFormat('fr').format(1234));
      expect(row.querySelector('[part~="recipients"]')!.textContent!.trim()).to.match(/^1\s234$/);

      const sending = rowOf(el, 'Campagne sending');
      expect(sending.querySelector('[part~="badge"]')!.textContent!.trim()).to.equal('Envoi en cours');
      expect(sending.querySelector('[part~="date"]')!.textContent).to.contain(fr.list.noSendFinishedDate);

      // Each action names its campaign for screen readers (said, not shown), so that a list of the
      // page's buttons and links tells them apart.
      const hiddenName = [...statsButtonOf(row).querySelectorAll('.visually-hidden')].map((n) => n.textContent).join('');
      expect(hiddenName).to.contain(campaign.name);
      expect(linkOf(row).textContent).to.contain(campaign.name);

      // Each status has its own colour.
      const colour = (r: Element) => getComputedStyle(r.querySelector('[part~="badge"]')!).color;
      expect(colour(row)).to.not.equal(colour(sending));
    });

    it('keeps the data source order (newest first), never re-sorting a page', async () => {
      const campaigns = finished('email', 4);
      // An order that sorting by date or by name would change: the data source's word is kept.
      const shuffled = [campaigns[2], campaigns[0], campaigns[3], campaigns[1]];
      const el = await renderList(new TestDataSource(shuffled));
      expect(names(el)).to.deep.equal(shuffled.map((c) => c.name));
    });

    it('uses a table with column headers and a row header per campaign', async () => {
      const el = await renderList(new TestDataSource(finished('email', 2)));
      const headers = $$(el, 'thead th').map((th) => [th.getAttribute('scope'), th.textContent!.trim()]);
      expect(headers).to.deep.equal([
        ['col', fr.list.columnName],
        ['col', fr.list.columnStatus],
        ['col', fr.list.columnSendFinishedAt],
        ['col', fr.list.columnRecipients],
        ['col', fr.list.columnActions],
      ]);
      expect($$(el, 'tbody th[scope="row"]')).to.have.length(2);
      expect($(el, 'caption')!.textContent!.trim()).to.equal(fr.list.caption.email);
    });

    it('renders a name containing markup as text', async () => {
      const name = '<img src=x onerror="window.__listXss = 1"><b>gras</b>';
      const el = await renderList(new TestDataSource([{ ...finished('email', 1)[0], name }]));
      expect(names(el)).to.deep.equal([name]);
      expect(el.shadowRoot!.querySelector('tbody img, tbody b')?.outerHTML ?? null).to.be.null;
      expect((window as unknown as { __listXss?: number }).__listXss).to.be.undefined;
    });

    it('passes each campaign to its <sarbacane-link>, which does not fetch it again', async () => {
      const campaigns = finished('email', 3);
      const ds = new TestDataSource(campaigns);
      const el = await renderList(ds);
      const links = $$<SarbacaneLink>(el, 'sarbacane-link');
      expect(links.map((l) => l.campaign?.id)).to.deep.equal(campaigns.map((c) => c.id));
      await waitUntil(() => links.every((l) => l.enabled), 'every link is enabled');
      expect(ds.callsOf('getCampaign')).to.have.length(0);
      expect(ds.callsOf('getSarbacaneAccess')).to.have.length(3);
      expect(links[0].shadowRoot!.querySelector('a')!.textContent).to.contain(fr.link.label);
    });

    it('lets its links open a report host given in sarbacane-allowed-hosts, still checked by the link', async () => {
      const ds = new TestDataSource(finished('email', 2));
      ds.access = { hasAccount: true, reportUrl: 'https://stats.reports.example.org/r/1' };
      const el = await renderList(ds);
      const links = $$<SarbacaneLink>(el, 'sarbacane-link');
      await waitUntil(() => links.every((l) => l.shadowRoot!.querySelector('[part~="reason"]')), 'the links say why they are disabled');
      expect(links.some((l) => l.enabled)).to.equal(false);

      el.setAttribute('sarbacane-allowed-hosts', 'reports.example.org');
      await waitUntil(() => links.every((l) => l.enabled), 'the links are enabled for the allowed host');
      expect(links.map((l) => l.shadowRoot!.querySelector('a')!.getAttribute('href'))).to.deep.equal([
        'https://stats.reports.example.org/r/1',
        'https://stats.reports.example.org/r/1',
      ]);

      el.setAttribute('sarbacane-allowed-hosts', 'javascript: example.org.evil');
      await waitUntil(() => links.every((l) => !l.enabled), 'another host is refused again');
    });

    it('shows the empty state', async () => {
      const el = await renderList(new TestDataSource(finished('sms', 2)), { channel: 'email' });
      const state = $(el, '[part~="state-empty"]')!;
      expect(state.textContent!.trim()).to.equal(fr.list.empty.email);
      expect($(el, 'table')).to.be.null;
    });

    it('leaves out unreadable campaigns and says how many', async () => {
      const el = await renderList(new SloppyDataSource(finished('email', 2)));
      expect(names(el)).to.deep.equal(['E-mail n° 1', 'E-mail n° 2']);
      expect($(el, '[part~="skipped"]')!.textContent!.trim()).to.equal(fr.list.skipped(3, '3'));
    });

    it('holds a source that ignores limit to the page size: rows, and Sarbacane access calls', async () => {
      const ds = new TestDataSource(finished('email', 1500));
      // This source sends every campaign whatever the limit.
      ds.listCampaigns = async () => ({ campaigns: ds.campaigns, total: ds.campaigns.length });
      let el!: CampaignList;
      const warnings = await warningsOf(async () => (el = await renderList(ds, { pageSize: '10' })));
      expect(names(el)).to.have.length(10);
      // The host's developer is told once; the user sees a page of ten.
      expect(warnings.filter((w) => w.includes('1500 campaigns for a limit of 10'))).to.have.length(1);
      await waitUntil(() => ds.callsOf('getSarbacaneAccess').length === 10, 'the links did not ask for their access', { timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(ds.callsOf('getSarbacaneAccess')).to.have.length(10);
    });

    it('refuses a total past 2^53 − 1 as an invalid answer', async () => {
      const ds = new TestDataSource(finished('email', 2));
      ds.listCampaigns = async () => ({ campaigns: ds.campaigns, total: 1e300 });
      const el = await renderList(ds);
      expect($(el, '[part~="state-error"]')?.textContent).to.contain(fr.errors['invalid-response']);
    });

    it('is accessible (axe)', async () => {
      const el = await renderList(new TestDataSource([...finished('email', 2), unfinished('draft')]));
      await waitUntil(() => $$<SarbacaneLink>(el, 'sarbacane-link').filter((l) => l.enabled).length === 2);
      await expect(el).to.be.accessible();
    });
  });

  describe('actions before the send is finished', () => {
    for (const status of ['draft', 'scheduled', 'sending', 'cancelled'] as const) {
      it(`disables both actions of a ${status} campaign, with the reason visible and announced`, async () => {
        const campaign = unfinished(status);
        const ds = new TestDataSource([campaign]);
        const el = await renderList(ds);
        const row = rowOf(el, campaign.name);
        const button = statsButtonOf(row);
        const reason = el.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!)!;
        expect(button.getAttribute('aria-disabled')).to.equal('true');
        expect(reason.textContent!.trim()).to.equal(fr.list.unavailable[status]);
        expect(isShown(reason), 'the reason is visible').to.be.true;
        expect(row.contains(reason)).to.be.true;

        const link = linkOf(row);
        await link.updateComplete;
        expect(link.enabled).to.be.false;
        const inner = link.shadowRoot!.querySelector('[part~="link"]')!;
        expect(inner.getAttribute('aria-disabled')).to.equal('true');
        expect(inner.hasAttribute('href')).to.be.false;
        // The link says the same reason to screen readers; the row shows it once.
        const linkReason = link.shadowRoot!.getElementById(inner.getAttribute('aria-describedby')!)!;
        expect(linkReason.textContent!.trim()).to.equal(fr.link.notFinished[status]);

        let opened = 0;
        el.addEventListener('campaign-stats-open', () => opened++);
        await clickCenter(button);
        button.focus();
        await sendKeys({ press: 'Enter' });
        expect(opened).to.equal(0);
        expect(ds.callsOf('getSarbacaneAccess')).to.have.length(0);
      });
    }

    it('keeps disabled actions in the tab order', async () => {
      const el = await renderList(new TestDataSource([unfinished('draft')]));
      $<HTMLInputElement>(el, 'input[type="search"]')!.focus();
      await sendKeys({ press: 'Tab' });
      expectFocus(el.shadowRoot!, statsButtonOf(rowOf(el, 'Campagne draft')));
    });
  });

  describe('campaign-stats-open and stats-target', () => {
    it('fires campaign-stats-open with the campaign on a real click', async () => {
      const campaigns = finished('email', 2);
      const el = await renderList(new TestDataSource(campaigns));
      const heard = oneEvent(el, 'campaign-stats-open');
      await clickCenter(statsButtonOf(rowOf(el, campaigns[1].name)));
      const event = await heard;
      expect(event.detail.campaign).to.deep.equal(campaigns[1]);
      expect(event.bubbles).to.be.true;
      expect(event.composed).to.be.true;
      expect(event.cancelable).to.be.true;
    });

    it('drives the <campaign-stats-grid> named by stats-target', async () => {
      const campaigns = finished('email', 2);
      const ds = new TestDataSource(campaigns, { [campaigns[1].id]: EMAIL_ROWS });
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <campaign-list stats-target="grid" .dataSource=${ds}></campaign-list>
        <campaign-stats-grid id="grid" .dataSource=${ds}></campaign-stats-grid>
      </div>`);
      const el = wrapper.querySelector('campaign-list')!;
      const grid = wrapper.querySelector('campaign-stats-grid')!;
      await settle(el);
      expect(grid.campaignId).to.equal('');
      await clickCenter(statsButtonOf(rowOf(el, campaigns[1].name)));
      expect(grid.campaignId).to.equal(campaigns[1].id);
      await waitUntil(() => ds.callsOf('getContactStats').length === 1, 'the grid loads the campaign');
      expect(rowOf(el, campaigns[1].name).getAttribute('part')).to.contain('row-current');
    });

    it('finds the grid in the same shadow root', async () => {
      const campaigns = finished('email', 1);
      const ds = new TestDataSource(campaigns);
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<campaign-list stats-target="inner-grid"></campaign-list><campaign-stats-grid id="inner-grid"></campaign-stats-grid>';
      const el = root.querySelector('campaign-list')!;
      el.dataSource = ds;
      root.querySelector('campaign-stats-grid')!.dataSource = ds;
      await settle(el);
      await clickCenter(statsButtonOf(rowOf(el, campaigns[0].name)));
      expect(root.querySelector('campaign-stats-grid')!.campaignId).to.equal(campaigns[0].id);
    });

    it('does not drive the grid when the event is cancelled', async () => {
      const campaigns = finished('email', 1);
      const ds = new TestDataSource(campaigns);
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <campaign-list stats-target="grid2" .dataSource=${ds}></campaign-list>
        <campaign-stats-grid id="grid2" .dataSource=${ds}></campaign-stats-grid>
      </div>`);
      const el = wrapper.querySelector('campaign-list')!;
      const grid = wrapper.querySelector('campaign-stats-grid')!;
      await settle(el);
      let fired = 0;
      wrapper.addEventListener('campaign-stats-open', (e) => {
        fired++;
        e.preventDefault();
      });
      await clickCenter(statsButtonOf(rowOf(el, campaigns[0].name)));
      expect(fired).to.equal(1);
      expect(grid.campaignId).to.equal('');
      expect(ds.callsOf('getCampaign')).to.have.length(0);
    });

    it('warns when stats-target names no grid', async () => {
      const campaigns = finished('email', 1);
      const ds = new TestDataSource(campaigns);
      const el = await fixture<CampaignList>(html`<campaign-list stats-target="nowhere" .dataSource=${ds}></campaign-list>`);
      await settle(el);
      const heard = oneEvent(el, 'campaign-stats-open');
      statsButtonOf(rowOf(el, campaigns[0].name)).click();
      await heard;
      expect(warnings.filter((w) => w.includes('stats-target="nowhere"'))).to.have.length(1);
    });

    it('is usable from the keyboard: Tab to the button, Enter opens', async () => {
      const campaigns = finished('email', 2);
      const el = await renderList(new TestDataSource(campaigns));
      $<HTMLInputElement>(el, 'input[type="search"]')!.focus();
      await sendKeys({ press: 'Tab' });
      const first = statsButtonOf(rowOf(el, campaigns[0].name));
      expectFocus(el.shadowRoot!, first);
      expect(getComputedStyle(first).outlineStyle, 'visible focus').to.equal('solid');
      const heard = oneEvent(el, 'campaign-stats-open');
      await sendKeys({ press: 'Enter' });
      expect((await heard).detail.campaign.id).to.equal(campaigns[0].id);

      // Next stop: the row's Sarbacane link, inside its own shadow root.
      const link = linkOf(rowOf(el, campaigns[0].name));
      await waitUntil(() => link.enabled);
      await sendKeys({ press: 'Tab' });
      expectFocus(el.shadowRoot!, link);
      expectFocus(link.shadowRoot!, link.shadowRoot!.querySelector('a[href]'));
    });
  });

  describe('search', () => {
    it('sends what is typed once typing pauses, and shows the results', async () => {
      const campaigns: Campaign[] = [
        { ...finished('email', 1)[0], id: 'a', name: 'Journée portes ouvertes' },
        { ...finished('email', 1)[0], id: 'b', name: 'Rappel aux tuteurs' },
        { ...finished('email', 1)[0], id: 'c', name: 'Rappel : réunion' },
      ];
      const ds = new TestDataSource(campaigns);
      const el = await renderList(ds);
      expect(names(el)).to.have.length(3);
      const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
      expect(input.labels![0].textContent).to.contain(fr.list.searchLabel);
      input.focus();
      await sendKeys({ type: 'rappel' });
      await waitUntil(() => listCalls(ds).some((q) => q.search === 'rappel'), 'the search is sent');
      await settle(el);
      expect(names(el)).to.deep.equal(['Rappel aux tuteurs', 'Rappel : réunion']);
      // Debounced: one query for the whole word, not one per key.
      expect(listCalls(ds).filter((q) => q.search !== undefined)).to.deep.equal([{ channel: 'email', search: 'rappel', offset: 0, limit: 20 }]);
    });

    it('says when nothing matches', async () => {
      const ds = new TestDataSource(finished('email', 2));
      const el = await renderList(ds);
      $<HTMLInputElement>(el, 'input[type="search"]')!.focus();
      await sendKeys({ type: 'zzz' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => listCalls(ds).some((q) => q.search === 'zzz'));
      await settle(el);
      expect($(el, '[part~="state-no-match"]')!.textContent!.trim()).to.equal(fr.list.noMatch('zzz'));
    });

    it('aborts the previous request when the search or the channel changes', async () => {
      const ds = new TestDataSource([...finished('email', 2), ...finished('sms', 2)]);
      ds.hold('listCampaigns');
      const el = await fixture<CampaignList>(html`<campaign-list .dataSource=${ds}></campaign-list>`);
      await waitUntil(() => listCalls(ds).length === 1);
      el.channel = 'sms';
      await waitUntil(() => listCalls(ds).length === 2);
      expect(ds.callsOf('listCampaigns')[0].signal!.aborted).to.be.true;
      $<HTMLInputElement>(el, 'input[type="search"]')!.focus();
      await sendKeys({ type: 'SMS' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => listCalls(ds).length === 3);
      expect(ds.callsOf('listCampaigns')[1].signal!.aborted).to.be.true;
      expect(listCalls(ds)[2]).to.deep.equal({ channel: 'sms', search: 'SMS', offset: 0, limit: 20 });
      ds.release('listCampaigns');
      await settle(el);
      expect(names(el)).to.deep.equal(['SMS n° 1', 'SMS n° 2']);
    });
  });

  describe('paging', () => {
    it('pages with Précédent / Suivant, showing the position, keyboard and focus included', async () => {
      const ds = new TestDataSource(finished('email', 25));
      const el = await renderList(ds, { pageSize: '10' });
      expect(names(el)).to.have.length(10);
      expect(names(el)[0]).to.equal('E-mail n° 1');
      expect(rangeOf(el)).to.equal('1–10 sur 25');
      const previous = $<HTMLButtonElement>(el, '[part~="previous-button"]')!;
      const next = $<HTMLButtonElement>(el, '[part~="next-button"]')!;
      expect(previous.disabled).to.be.true;
      expect(next.textContent).to.contain(fr.list.next);

      await clickCenter(next);
      await settle(el);
      expect(listCalls(ds).at(-1)).to.deep.equal({ channel: 'email', offset: 10, limit: 10 });
      expect(names(el)[0]).to.equal('E-mail n° 11');
      expect(rangeOf(el)).to.equal('11–20 sur 25');

      next.focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(listCalls(ds).at(-1)).to.deep.equal({ channel: 'email', offset: 20, limit: 10 });
      expect(names(el)).to.deep.equal(['E-mail n° 21', 'E-mail n° 22', 'E-mail n° 23', 'E-mail n° 24', 'E-mail n° 25']);
      expect(rangeOf(el)).to.equal('21–25 sur 25');
      expect(next.disabled).to.be.true;
      // The focused button got disabled: the focus moved to the other one, not to the page.
      expectFocus(el.shadowRoot!, previous);

      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(listCalls(ds).at(-1)).to.deep.equal({ channel: 'email', offset: 10, limit: 10 });
      expect(rangeOf(el)).to.equal('11–20 sur 25');
    });

    it('goes back to the first page when the search changes', async () => {
      const ds = new TestDataSource(finished('email', 25));
      const el = await renderList(ds, { pageSize: '10' });
      await clickCenter($(el, '[part~="next-button"]')!);
      await settle(el);
      $<HTMLInputElement>(el, 'input[type="search"]')!.focus();
      await sendKeys({ type: 'n° 2' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => listCalls(ds).some((q) => q.search === 'n° 2'));
      await settle(el);
      expect(listCalls(ds).at(-1)).to.deep.equal({ channel: 'email', search: 'n° 2', offset: 0, limit: 10 });
    });

    it('has no pager buttons when everything fits on one page', async () => {
      const el = await renderList(new TestDataSource(finished('email', 3)));
      expect(rangeOf(el)).to.equal('1–3 sur 3');
      expect($(el, '[part~="next-button"]')).to.be.null;
    });
  });

  describe('errors and invalid attributes', () => {
    it('shows an error with a retry that works', async () => {
      const ds = new TestDataSource(finished('email', 2));
      ds.failures.set('listCampaigns', new DataSourceError('network', 'offline'));
      const el = await renderList(ds);
      const state = $(el, '[part~="state-error"]')!;
      expect(state.getAttribute('role')).to.equal('alert');
      expect(state.textContent).to.contain(fr.list.errorTitle);
      expect(state.textContent).to.contain(fr.errors.network);
      ds.failures.clear();
      await clickCenter($(el, '[part~="retry-button"]')!);
      await waitUntil(() => listCalls(ds).length === 2);
      await settle(el);
      expect($(el, '[part~="state-error"]')).to.be.null;
      expect(names(el)).to.deep.equal(['E-mail n° 1', 'E-mail n° 2']);
    });

    it('shows an error for an answer of the wrong shape', async () => {
      const ds = new TestDataSource([]);
      ds.listCampaigns = async () => ({ campaigns: 'none' }) as never;
      const el = await renderList(ds);
      expect($(el, '[part~="state-error"]')!.textContent).to.contain(fr.errors['invalid-response']);
    });

    it('falls back to email, with one warning, for an unknown channel', async () => {
      const ds = new TestDataSource([...finished('email', 1), ...finished('sms', 1)]);
      const el = await renderList(ds, { channel: 'fax' });
      el.requestUpdate();
      await settle(el);
      expect(names(el)).to.deep.equal(['E-mail n° 1']);
      expect(listCalls(ds)[0].channel).to.equal('email');
      expect(warnings.filter((w) => w.includes('channel="fax"'))).to.have.length(1);
    });

    for (const pageSize of ['-3', 'abc', '0', '2.5']) {
      it(`uses 20 per page, with one warning, for page-size="${pageSize}"`, async () => {
        const ds = new TestDataSource(finished('email', 25));
        const el = await renderList(ds, { pageSize });
        el.requestUpdate();
        await settle(el);
        expect(listCalls(ds)[0].limit).to.equal(20);
        expect(names(el)).to.have.length(20);
        expect(warnings.filter((w) => w.includes('page-size'))).to.have.length(1);
      });
    }

    it('says so when no data source is set', async () => {
      const el = await fixture<CampaignList>(html`<campaign-list></campaign-list>`);
      expect($(el, '[part~="state-error"]')!.textContent).to.contain(fr.noDataSource);
    });
  });

  describe('English', () => {
    it('speaks English under lang="en", dates and numbers included', async () => {
      const campaigns = [...finished('email', 1), unfinished('scheduled')];
      const ds = new TestDataSource(campaigns);
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><campaign-list .dataSource=${ds}></campaign-list></div>`);
      const el = wrapper.querySelector('campaign-list')!;
      await settle(el);
      expect($$(el, 'thead th').map((th) => th.textContent!.trim())).to.deep.equal(['Campaign', 'Status', 'Send finished', 'Recipients', 'Statistics']);
      const row = rowOf(el, campaigns[0].name);
      expect(row.querySelector('[part~="badge"]')!.textContent!.trim()).to.equal('Send finished');
      expect(statsButtonOf(row).textContent).to.contain('Per-contact statistics');
      expect(row.querySelector('[part~="recipients"]')!.textContent!.trim()).to.equal('1,234');
      expect(row.querySelector('[part~="date"]')!.textContent!.trim()).to.match(datePattern('en', new Date(campaigns[0].sendFinishedAt!)));
      expect(rangeOf(el)).to.equal('1–2 of 2');
      expect(rowOf(el, 'Campagne scheduled').querySelector('[part~="reason"]')!.textContent!.trim()).to.equal(en.list.unavailable.scheduled);
      expect($<HTMLInputElement>(el, 'input[type="search"]')!.labels![0].textContent).to.contain('Search campaigns');
      const link = linkOf(row);
      await waitUntil(() => link.enabled);
      expect(link.shadowRoot!.querySelector('a')!.textContent).to.contain('(opens in a new tab)');
      expect(link.textContent).to.contain('Global statistics on Sarbacane');
    });
  });
});
