import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/define/sarbacane-link.js';
import type { SarbacaneLink } from '../../src/components/sarbacane-link/sarbacane-link.js';
import { parseAllowedHosts } from '../../src/components/sarbacane-link/allowed-hosts.js';
import { checkReportUrl } from '../../src/components/sarbacane-link/report-url.js';
import type { Campaign, CampaignStatus } from '../../src/data/campaign-data-source.js';
import { DataSourceError } from '../../src/data/data-source-error.js';
import { en } from '../../src/i18n/en.js';
import { fr } from '../../src/i18n/fr.js';
import { EMAIL_CAMPAIGN } from '../helpers/fixtures.js';
import { TestDataSource } from '../helpers/test-data-source.js';
import { settle } from '../helpers/sarbacane-link.js';


const linkOf = (el: SarbacaneLink) => el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="link"]')!;
const reasonOf = (el: SarbacaneLink) => el.shadowRoot!.querySelector<HTMLElement>('[part~="reason"]');
const retryOf = (el: SarbacaneLink) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]');

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

/** The disabled state as a user meets it: no href, aria-disabled, focusable, reason visible and referenced. */
function expectDisabledWith(el: SarbacaneLink, reason: string): void {
  const link = linkOf(el);
  expect(link.hasAttribute('href'), 'a disabled link has no href').to.be.false;
  expect(link.getAttribute('aria-disabled')).to.equal('true');
  expect(link.getAttribute('role')).to.equal('link');
  expect(link.tabIndex).to.equal(0);
  const reasonElement = reasonOf(el)!;
  expect(reasonElement.textContent!.trim()).to.equal(reason);
  expect(isShown(reasonElement), 'the reason is visible').to.be.true;
  expect(link.getAttribute('aria-describedby')).to.equal(reasonElement.id);
  expect(el.enabled).to.be.false;
}

async function renderLink(ds: TestDataSource, campaignId = EMAIL_CAMPAIGN.id): Promise<SarbacaneLink> {
  const el = await fixture<SarbacaneLink>(html`<sarbacane-link campaign-id=${campaignId} .dataSource=${ds}></sarbacane-link>`);
  await settle(el);
  return el;
}

async function clickCenter(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

describe('<sarbacane-link>', () => {
  // Every click that reaches the window is recorded (was it cancelled?) and then prevented, so
  // that no test opens a real tab. This listener runs after the element's own.
  let clicks: { type: string; defaultPrevented: boolean }[] = [];
  const guard = (event: MouseEvent) => {
    clicks.push({ type: event.type, defaultPrevented: event.defaultPrevented });
    event.preventDefault();
  };
  const originalWarn = console.warn;
  let warnings: string[] = [];

  beforeEach(() => {
    clicks = [];
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    window.addEventListener('click', guard);
    window.addEventListener('auxclick', guard);
  });

  afterEach(async () => {
    console.warn = originalWarn;
    window.removeEventListener('click', guard);
    window.removeEventListener('auxclick', guard);
    await resetMouse();
  });

  describe('enabled', () => {
    it('links the report in a new tab, without opener or referrer, with the account note', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN]);
      ds.access = { hasAccount: true, reportUrl: 'https://app.sarbacane.com/campaigns/sb-1/report' };
      const el = await renderLink(ds);
      const link = linkOf(el);
      expect(el.enabled).to.be.true;
      expect(link.localName).to.equal('a');
      expect(link.getAttribute('href')).to.equal('https://app.sarbacane.com/campaigns/sb-1/report');
      expect(link.getAttribute('target')).to.equal('_blank');
      const rel = link.getAttribute('rel')!.split(/\s+/);
      expect(rel).to.include('noopener');
      expect(rel).to.include('noreferrer');
      expect(link.hasAttribute('aria-disabled')).to.be.false;
      // The user has an account: no note says that one is needed.
      expect(el.shadowRoot!.textContent).to.not.contain(fr.link.noAccount);
      expect(link.hasAttribute('aria-describedby')).to.be.false;
      expect(reasonOf(el)).to.be.null;
      expect(ds.callsOf('getCampaign')).to.have.length(1);
      expect(ds.callsOf('getSarbacaneAccess')).to.have.length(1);
      expect(ds.callsOf('getSarbacaneAccess')[0].args[0]).to.deep.equal(EMAIL_CAMPAIGN);
      expect(ds.callsOf('getSarbacaneAccess')[0].signal).to.be.instanceOf(AbortSignal);
    });

    it('uses the campaign property instead of fetching the campaign', async () => {
      const ds = new TestDataSource([]);
      const el = await fixture<SarbacaneLink>(html`<sarbacane-link .campaign=${EMAIL_CAMPAIGN} .dataSource=${ds}></sarbacane-link>`);
      await settle(el);
      expect(ds.callsOf('getCampaign')).to.have.length(0);
      expect(ds.callsOf('getSarbacaneAccess')).to.have.length(1);
      expect(linkOf(el).getAttribute('href')).to.equal('https://app.sarbacane.com/r/1');
    });

    it('shows the default label in the link, French by default', async () => {
      const el = await renderLink(new TestDataSource([EMAIL_CAMPAIGN]));
      const slot = linkOf(el).querySelector('slot')!;
      expect(slot.textContent!.trim()).to.equal('Statistiques globales sur Sarbacane');
      expect(linkOf(el).textContent).to.contain('Statistiques globales sur Sarbacane');
      expect(linkOf(el).textContent).to.contain(fr.link.newTab);
    });

    it('puts slotted content in the link as its label', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN]);
      const el = await fixture<SarbacaneLink>(
        html`<sarbacane-link campaign-id="c-email" .dataSource=${ds}><b>Voir le rapport</b></sarbacane-link>`,
      );
      await settle(el);
      const slot = linkOf(el).querySelector('slot')!;
      const assigned = slot.assignedElements();
      expect(assigned).to.have.length(1);
      expect(assigned[0].textContent).to.equal('Voir le rapport');
      expect(isShown(assigned[0])).to.be.true;
    });

    it('speaks English under lang="en"', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN]);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en"><sarbacane-link campaign-id="c-email" .dataSource=${ds}></sarbacane-link></div>`,
      );
      const el = wrapper.querySelector('sarbacane-link')!;
      await settle(el);
      expect(linkOf(el).querySelector('slot')!.textContent!.trim()).to.equal('Global statistics on Sarbacane');
      expect(linkOf(el).textContent).to.contain(en.link.newTab);
    });

    it('is accessible (axe)', async () => {
      const el = await renderLink(new TestDataSource([EMAIL_CAMPAIGN]));
      await expect(el).to.be.accessible();
    });
  });

  describe('the send-finished rule', () => {
    for (const status of ['draft', 'scheduled', 'sending', 'cancelled'] as const) {
      it(`is disabled for a ${status} campaign, says why, and never asks Sarbacane`, async () => {
        const campaign: Campaign = { ...EMAIL_CAMPAIGN, id: `c-${status}`, status, sendFinishedAt: undefined };
        const ds = new TestDataSource([campaign]);
        const el = await renderLink(ds, campaign.id);
        expectDisabledWith(el, fr.link.notFinished[status as Exclude<CampaignStatus, 'finished'>]);
        expect(ds.callsOf('getCampaign')).to.have.length(1);
        expect(ds.callsOf('getSarbacaneAccess')).to.have.length(0);
      });
    }

    it('says why at once for a given unfinished campaign, without any call', async () => {
      const ds = new TestDataSource([]);
      const campaign: Campaign = { ...EMAIL_CAMPAIGN, status: 'sending', sendFinishedAt: undefined };
      const el = await fixture<SarbacaneLink>(html`<sarbacane-link .campaign=${campaign} .dataSource=${ds}></sarbacane-link>`);
      expectDisabledWith(el, fr.link.notFinished.sending);
      await settle(el);
      expectDisabledWith(el, fr.link.notFinished.sending);
      expect(ds.calls).to.have.length(0);
    });

    it('is accessible while disabled (axe)', async () => {
      const campaign: Campaign = { ...EMAIL_CAMPAIGN, status: 'draft' };
      const el = await renderLink(new TestDataSource([campaign]));
      await expect(el).to.be.accessible();
    });
  });

  describe('the Sarbacane-account rule', () => {
    it('is disabled without a Sarbacane account', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN]);
      ds.access = { hasAccount: false, reportUrl: 'https://app.sarbacane.com/r/1' };
      expectDisabledWith(await renderLink(ds), fr.link.noAccount);
    });

    it('is disabled when the campaign is not on Sarbacane (no report address)', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN]);
      ds.access = { hasAccount: true };
      expectDisabledWith(await renderLink(ds), fr.link.noReport);
    });

    it('says it in English under lang="en"', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN]);
      ds.access = { hasAccount: false };
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en"><sarbacane-link campaign-id="c-email" .dataSource=${ds}></sarbacane-link></div>`,
      );
      const el = wrapper.querySelector('sarbacane-link')!;
      await settle(el);
      expectDisabledWith(el, en.link.noAccount);
    });
  });

  describe('the address rule', () => {
    const refused = [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://sarbacane.com/x',
      'https://sarbacane.com.evil.example/',
      'https://evilsarbacane.com/',
      'https://sarbacane.com@evil.example/',
      'https://user:pw@app.sarbacane.com/',
      'https://app.sarbacane.com:8443/r/1',
      '/relative/report',
      'https://app.sarbacane.com./r/1',
    ];
    for (const url of refused) {
      it(`refuses ${url}`, async () => {
        const ds = new TestDataSource([EMAIL_CAMPAIGN]);
        ds.access = { hasAccount: true, reportUrl: url };
        const el = await renderLink(ds);
        expectDisabledWith(el, fr.link.unsafeUrl);
        expect(el.shadowRoot!.querySelector('a[href]')?.outerHTML ?? null).to.be.null;
        expect(warnings.some((w) => w.includes('<sarbacane-link>'))).to.be.true;
      });
    }

    for (const url of ['https://sarbacane.com/reports/1', 'https://app.sarbacane.com/campaigns/sb-1/report?tab=clicks#top']) {
      it(`accepts ${url}`, async () => {
        const ds = new TestDataSource([EMAIL_CAMPAIGN]);
        ds.access = { hasAccount: true, reportUrl: url };
        const el = await renderLink(ds);
        expect(el.enabled).to.be.true;
        expect(linkOf(el).getAttribute('href')).to.equal(url);
      });
    }

    it('widens the allowed hosts with allowed-hosts, subdomains included', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN]);
      ds.access = { hasAccount: true, reportUrl: 'https://stats.reports.example.org/r/1' };
      const el = await fixture<SarbacaneLink>(
        html`<sarbacane-link campaign-id="c-email" allowed-hosts="partner.example  reports.example.org" .dataSource=${ds}></sarbacane-link>`,
      );
      await settle(el);
      expect(linkOf(el).getAttribute('href')).to.equal('https://stats.reports.example.org/r/1');

      // The parent domain of an allowed host is not allowed.
      ds.access = { hasAccount: true, reportUrl: 'https://example.org/r/1' };
      el.campaign = { ...EMAIL_CAMPAIGN };
      await settle(el);
      expectDisabledWith(el, fr.link.unsafeUrl);

      // sarbacane.com stays allowed.
      ds.access = { hasAccount: true, reportUrl: 'https://app.sarbacane.com/r/2' };
      el.campaign = { ...EMAIL_CAMPAIGN };
      await settle(el);
      expect(linkOf(el).getAttribute('href')).to.equal('https://app.sarbacane.com/r/2');

      // Without the attribute, the other host is refused.
      ds.access = { hasAccount: true, reportUrl: 'https://stats.reports.example.org/r/1' };
      el.allowedHosts = '';
      el.campaign = { ...EMAIL_CAMPAIGN };
      await settle(el);
      expectDisabledWith(el, fr.link.unsafeUrl);
    });

    it('checks addresses with a pure rule', () => {
      const hosts = parseAllowedHosts('Reports.Example.org *.partner.example com https://x.example/ bad host:8080').hosts;
      expect(hosts).to.deep.equal(['sarbacane.com', 'reports.example.org']);
      expect(parseAllowedHosts('com https://x.example/ host:8080 a@b.example *.x.example .y.example').ignored).to.deep.equal([
        { entry: 'com', reason: 'not-a-host' },
        { entry: 'https://x.example/', reason: 'not-a-host' },
        { entry: 'host:8080', reason: 'not-a-host' },
        { entry: 'a@b.example', reason: 'not-a-host' },
        { entry: '*.x.example', reason: 'wildcard' },
        { entry: '.y.example', reason: 'wildcard' },
      ]);
      expect(checkReportUrl('https://APP.Sarbacane.com/r')).to.deep.equal({ ok: true, url: 'https://app.sarbacane.com/r' });
      expect(checkReportUrl('https://app.sarbacane.com:443/r')).to.deep.equal({ ok: true, url: 'https://app.sarbacane.com/r' });
      expect(checkReportUrl(undefined)).to.deep.equal({ ok: false, reason: 'missing' });
      expect(checkReportUrl(42)).to.deep.equal({ ok: false, reason: 'missing' });
      expect(checkReportUrl('not a url')).to.deep.equal({ ok: false, reason: 'invalid' });
      expect(checkReportUrl('javascript:alert(1)')).to.deep.equal({ ok: false, reason: 'scheme' });
      expect(checkReportUrl('JavaScript:alert(1)')).to.deep.equal({ ok: false, reason: 'scheme' });
      expect(checkReportUrl('  javascript:alert(1)')).to.deep.equal({ ok: false, reason: 'scheme' });
      expect(checkReportUrl('https://sarbacane.com@evil.example/')).to.deep.equal({ ok: false, reason: 'credentials' });
      expect(checkReportUrl('https://:pw@sarbacane.com/')).to.deep.equal({ ok: false, reason: 'credentials' });
      expect(checkReportUrl('https://app.sarbacane.com:8443/')).to.deep.equal({ ok: false, reason: 'port' });
      expect(checkReportUrl('https:\\\\evil.example\\sarbacane.com')).to.deep.equal({ ok: false, reason: 'host' });
      expect(checkReportUrl('https://xn--sarbacne-4ya.com/')).to.deep.equal({ ok: false, reason: 'host' });
      expect(checkReportUrl('https://sarbacane.com%2eevil.example/').ok).to.be.false;
    });
  });

  describe('sarbacane-navigate', () => {
    it('fires before opening, with the campaign and the address, on a real click', async () => {
      const el = await renderLink(new TestDataSource([EMAIL_CAMPAIGN]));
      const heard = oneEvent(el, 'sarbacane-navigate');
      await clickCenter(linkOf(el));
      const event = await heard;
      expect(event.detail.url).to.equal('https://app.sarbacane.com/r/1');
      expect(event.detail.campaign).to.deep.equal(EMAIL_CAMPAIGN);
      expect(event.bubbles).to.be.true;
      expect(event.composed).to.be.true;
      expect(event.cancelable).to.be.true;
      expect(clicks).to.deep.equal([{ type: 'click', defaultPrevented: false }]);
    });

    it('keeps the page where it is when cancelled', async () => {
      const el = await renderLink(new TestDataSource([EMAIL_CAMPAIGN]));
      let fired = 0;
      el.addEventListener('sarbacane-navigate', (e) => {
        fired++;
        e.preventDefault();
      });
      await clickCenter(linkOf(el));
      await waitUntil(() => clicks.length === 1);
      expect(fired).to.equal(1);
      expect(clicks[0].defaultPrevented, 'the click is cancelled, so nothing opens').to.be.true;
    });

    it('is reachable with Tab and fires on Enter', async () => {
      const el = await renderLink(new TestDataSource([EMAIL_CAMPAIGN]));
      const before = await fixture<HTMLButtonElement>(html`<button>avant</button>`);
      before.parentElement!.append(el);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expectFocus(el.shadowRoot!, linkOf(el));
      const heard = oneEvent(el, 'sarbacane-navigate');
      await sendKeys({ press: 'Enter' });
      expect((await heard).detail.url).to.equal('https://app.sarbacane.com/r/1');
    });

    it('does nothing when the link is disabled, but stays reachable with Tab', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN]);
      ds.access = { hasAccount: false };
      const el = await renderLink(ds);
      let fired = 0;
      el.addEventListener('sarbacane-navigate', () => fired++);
      await clickCenter(linkOf(el));
      linkOf(el).focus();
      expectFocus(el.shadowRoot!, linkOf(el));
      await sendKeys({ press: 'Enter' });
      expect(fired).to.equal(0);
    });
  });

  describe('loading and errors', () => {
    it('says it is checking while the access is asked for', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN]);
      ds.hold('getSarbacaneAccess');
      const el = await fixture<SarbacaneLink>(html`<sarbacane-link campaign-id="c-email" .dataSource=${ds}></sarbacane-link>`);
      await waitUntil(() => ds.callsOf('getSarbacaneAccess').length === 1);
      await el.updateComplete;
      expectDisabledWith(el, fr.link.checking);
      ds.release('getSarbacaneAccess');
      await settle(el);
      expect(el.enabled).to.be.true;
    });

    it('shows the error with a retry that works', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN]);
      ds.failures.set('getSarbacaneAccess', new DataSourceError('server', 'HTTP 500', { status: 500 }));
      const el = await renderLink(ds);
      expectDisabledWith(el, `${fr.link.error} ${fr.errors.server}`);
      const retry = retryOf(el)!;
      expect(retry.textContent!.trim()).to.equal(fr.retry);
      ds.failures.clear();
      await clickCenter(retry);
      await waitUntil(() => ds.callsOf('getSarbacaneAccess').length === 2);
      await settle(el);
      expect(el.enabled).to.be.true;
      expect(retryOf(el)).to.be.null;
    });

    it('fails after requestTimeout when the data source never answers', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN]);
      ds.hold('getSarbacaneAccess');
      const el = await fixture<SarbacaneLink>(html`<sarbacane-link campaign-id="c-email" .requestTimeout=${50} .dataSource=${ds}></sarbacane-link>`);
      await settle(el);
      expectDisabledWith(el, `${fr.link.error} ${fr.errors.timeout}`);
      expect(retryOf(el)).to.exist;
    });

    it('aborts the old request when the campaign changes', async () => {
      const other: Campaign = { ...EMAIL_CAMPAIGN, id: 'c-other', sarbacaneCampaignId: 'sb-2' };
      const ds = new TestDataSource([EMAIL_CAMPAIGN, other]);
      ds.hold('getSarbacaneAccess');
      const el = await fixture<SarbacaneLink>(html`<sarbacane-link campaign-id="c-email" .dataSource=${ds}></sarbacane-link>`);
      await waitUntil(() => ds.callsOf('getSarbacaneAccess').length === 1);
      el.campaignId = 'c-other';
      await waitUntil(() => ds.callsOf('getSarbacaneAccess').length === 2);
      expect(ds.callsOf('getSarbacaneAccess')[0].signal!.aborted).to.be.true;
      ds.release('getSarbacaneAccess');
      await settle(el);
      expect(el.enabled).to.be.true;
      expect((ds.callsOf('getSarbacaneAccess')[1].args[0] as Campaign).id).to.equal('c-other');
    });

    it('refuses a campaign property that is not a campaign, without any call', async () => {
      const ds = new TestDataSource([]);
      const el = await fixture<SarbacaneLink>(
        html`<sarbacane-link .campaign=${{ id: 'x', name: '<img src=x onerror=alert(1)>' } as unknown as Campaign} .dataSource=${ds}></sarbacane-link>`,
      );
      await settle(el);
      expectDisabledWith(el, fr.errors['invalid-campaign']);
      expect(ds.calls).to.have.length(0);
      expect(el.shadowRoot!.querySelector('img')?.outerHTML ?? null).to.be.null;
    });

    it('says so when the campaign cannot be found (no retry: it will not help)', async () => {
      const el = await renderLink(new TestDataSource([]), 'missing');
      expectDisabledWith(el, `${fr.link.error} ${fr.errors['not-found']}`);
      expect(retryOf(el)).to.be.null;
    });
  });
});
