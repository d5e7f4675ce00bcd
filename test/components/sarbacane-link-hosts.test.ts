import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/sarbacane-link.js';
import { ACCESS_CALLS_IN_FLIGHT, inTurn } from '../../src/components/sarbacane-link/access-queue.js';
import type { SarbacaneLink } from '../../src/components/sarbacane-link/sarbacane-link.js';
import type { Campaign, Options, SarbacaneAccess } from '../../src/data/campaign-data-source.js';
import { fr } from '../../src/i18n/fr.js';
import { EMAIL_CAMPAIGN } from '../helpers/fixtures.js';
import { rejection } from '../helpers/rejection.js';
import { TestDataSource } from '../helpers/test-data-source.js';
import { warningsOf } from '../helpers/console.js';

/*
 * What `allowed-hosts` may widen: host names, never a public suffix (anybody's site is under
 * co.uk or github.io) nor a wildcard; and how many getSarbacaneAccess calls the links of a
 * page keep in flight.
 */

const reasonOf = (el: SarbacaneLink) => el.shadowRoot!.querySelector('[part~="reason"]')?.textContent?.trim();
const hrefOf = (el: SarbacaneLink) => el.shadowRoot!.querySelector('[part~="link"]')!.getAttribute('href');


/** A link to `reportUrl` with `allowed-hosts="hosts"`, settled: its tasks, and the check of its hosts. */
async function linkTo(reportUrl: string, hosts: string): Promise<SarbacaneLink> {
  const ds = new TestDataSource([EMAIL_CAMPAIGN]);
  ds.access = { hasAccount: true, reportUrl };
  const el = await fixture<SarbacaneLink>(html`<sarbacane-link allowed-hosts=${hosts} .campaign=${EMAIL_CAMPAIGN} .dataSource=${ds}></sarbacane-link>`);
  await waitUntil(() => reasonOf(el) !== fr.link.checking, 'the link is still checking', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const loadedSuffixList = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('tldts'));

describe('<sarbacane-link> allowed-hosts', () => {
  // First: the list is loaded once per page, by the first link that needs it.
  it('loads no public suffix list when no extra host is given', async () => {
    const el = await linkTo('https://app.sarbacane.com/r/1', '');
    expect(hrefOf(el)).to.equal('https://app.sarbacane.com/r/1');
    expect(loadedSuffixList(), 'tldts was loaded').to.equal(false);
  });

  const publicSuffixes: [string, string][] = [
    ['co.uk', 'https://anything.co.uk/r/1'],
    ['CO.UK', 'https://anything.co.uk/r/1'],
    ['github.io', 'https://attacker.github.io/r/1'],
    ['blogspot.com', 'https://attacker.blogspot.com/'],
    ['公司.cn', 'https://attacker.xn--55qx5d.cn/'],
  ];
  for (const [hosts, url] of publicSuffixes) {
    it(`ignores the public suffix "${hosts}", with one warning: ${url} is refused`, async () => {
      let el!: SarbacaneLink;
      const warnings = await warningsOf(async () => {
        el = await linkTo(url, hosts);
        // Another campaign renders the link again: no second warning.
        el.campaign = { ...EMAIL_CAMPAIGN };
        await el.updateComplete;
      });
      expect(el.enabled).to.equal(false);
      expect(reasonOf(el)).to.equal(fr.link.unsafeUrl);
      const about = warnings.filter((w) => w.includes('public suffix'));
      expect(about, warnings.join('\n')).to.have.length(1);
      expect(about[0]).to.contain('allowed-hosts');
    });
  }

  it('allows a host under a public suffix, and that host only', async () => {
    const el = await linkTo('https://attacker.github.io/r/1', 'reports.example.co.uk attacker.github.io');
    expect(hrefOf(el)).to.equal('https://attacker.github.io/r/1');
    expect((await linkTo('https://stats.reports.example.co.uk/r', 'reports.example.co.uk')).enabled).to.equal(true);
    expect((await linkTo('https://other.github.io/r/1', 'attacker.github.io')).enabled).to.equal(false);
    expect(loadedSuffixList()).to.equal(true);
  });

  for (const hosts of ['*.partner.example', '*', '.partner.example', 'reports.*.example', '*partner.example']) {
    it(`ignores the wildcard "${hosts}", with one warning`, async () => {
      let el!: SarbacaneLink;
      const warnings = await warningsOf(async () => {
        el = await linkTo('https://x.partner.example/r', hosts);
      });
      expect(el.enabled).to.equal(false);
      expect(warnings.filter((w) => w.includes('wildcard'))).to.have.length(1);
    });
  }

  it('applies a narrower list at once: no address is linked on hosts not yet checked', async () => {
    const el = await linkTo('https://stats.reports.example.org/r/1', 'reports.example.org');
    expect(el.enabled).to.equal(true);
    el.allowedHosts = 'co.uk';
    await el.updateComplete;
    expect(el.enabled).to.equal(false);
  });
});

describe('<sarbacane-link> getSarbacaneAccess calls', () => {
  it(`keeps ${ACCESS_CALLS_IN_FLIGHT} in flight per data source across the links of a page`, async () => {
    let running = 0;
    let most = 0;
    const ds = new TestDataSource([EMAIL_CAMPAIGN]);
    ds.getSarbacaneAccess = async (_campaign: Campaign, o: Options = {}): Promise<SarbacaneAccess> => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      o.signal?.throwIfAborted();
      return ds.access;
    };
    const campaigns = Array.from({ length: 40 }, (_, i) => ({ ...EMAIL_CAMPAIGN, id: `c-${i}` }));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>${campaigns.map((c) => html`<sarbacane-link .campaign=${c} .dataSource=${ds}></sarbacane-link>`)}</div>`,
    );
    const links = [...wrapper.querySelectorAll<SarbacaneLink>('sarbacane-link')];
    await waitUntil(() => links.every((l) => l.enabled), 'every link is enabled in the end', { timeout: 5000 });
    expect(most).to.equal(ACCESS_CALLS_IN_FLIGHT);
  });

  it('takes a call out of the queue when its signal aborts, and gives its turn to the next', async () => {
    const source = {};
    const releases: (() => void)[] = [];
    const held = () => new Promise<string>((resolve) => releases.push(() => resolve('done')));
    const running = Array.from({ length: ACCESS_CALLS_IN_FLIGHT }, () => inTurn(source, new AbortController().signal, held));
    const leaving = new AbortController();
    let leftCalled = false;
    const left = inTurn(source, leaving.signal, async () => {
      leftCalled = true;
      return 'left';
    });
    const next = inTurn(source, new AbortController().signal, async () => 'next');
    leaving.abort();
    expect(((await rejection(left)) as DOMException).name).to.equal('AbortError');
    releases[0]!();
    expect(await next).to.equal('next');
    expect(leftCalled).to.equal(false);
    for (const release of releases.slice(1)) release();
    expect(await Promise.all(running)).to.deep.equal(['done', 'done', 'done', 'done']);
    expect(((await rejection(inTurn(source, AbortSignal.abort(), held))) as DOMException).name).to.equal('AbortError');
  });
});
