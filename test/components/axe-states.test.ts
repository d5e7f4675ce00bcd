import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import type { Campaign } from '../../src/data/campaign-data-source.js';
import { DataSourceError } from '../../src/data/data-source-error.js';
import '../../src/define/campaign-list.js';
import '../../src/define/campaign-stats-grid.js';
import '../../src/define/campaign-stats-summary.js';
import '../../src/define/sarbacane-link.js';
import {
  EMAIL_CAMPAIGN,
  EMAIL_LINK_ROWS,
  EMAIL_LINK_SUMMARY,
  EMPTY_CAMPAIGN,
  SENDING_CAMPAIGN,
  SMS_CAMPAIGN,
  SMS_LINK_ROWS,
} from '../helpers/fixtures.js';
import { shadow } from '../helpers/grid.js';
import { SummaryTestDataSource, TestDataSource } from '../helpers/test-data-source.js';

/**
 * axe-core (WCAG 2.1 A and AA rules) on every state of every element, in French and in
 * English: each state is reached as a user reaches it, then checked once it has settled.
 */

const CANCELLED: Campaign = { ...SENDING_CAMPAIGN, id: 'c-cancelled', name: 'Salon annulé', status: 'cancelled' };
const MANY = Array.from({ length: 300 }, (_, i) => ({ ...EMAIL_LINK_ROWS[i % EMAIL_LINK_ROWS.length]!, contactId: `ct-${i + 1}` }));

function source(): SummaryTestDataSource {
  const ds = new SummaryTestDataSource([EMAIL_CAMPAIGN, SMS_CAMPAIGN, SENDING_CAMPAIGN, CANCELLED, EMPTY_CAMPAIGN, { ...EMAIL_CAMPAIGN, id: 'c-many', recipientCount: 300 }], {
    [EMAIL_CAMPAIGN.id]: EMAIL_LINK_ROWS,
    [SMS_CAMPAIGN.id]: SMS_LINK_ROWS,
    [EMPTY_CAMPAIGN.id]: [],
    'c-many': MANY,
  });
  ds.summaries = { [EMAIL_CAMPAIGN.id]: EMAIL_LINK_SUMMARY };
  return ds;
}

const settled = (el: Element, selector: string) =>
  waitUntil(() => el.shadowRoot!.querySelector(selector), `${el.localName}: no ${selector}`, { timeout: 5000 });

interface State {
  name: string;
  render: (lang: string, ds: SummaryTestDataSource) => TemplateResult;
  /** Brings the element to the state, once rendered. */
  reach: (el: HTMLElement, ds: SummaryTestDataSource) => Promise<unknown>;
  /** Changes to the data source before rendering. */
  arrange?: (ds: SummaryTestDataSource) => void;
}

const grid = (lang: string, ds: SummaryTestDataSource, campaign: string, threshold = 200_000) =>
  html`<campaign-stats-grid lang=${lang} server-side-threshold=${threshold} .dataSource=${ds} campaign-id=${campaign}></campaign-stats-grid>`;
const summary = (lang: string, ds: SummaryTestDataSource, campaign: string) =>
  html`<campaign-stats-summary lang=${lang} .dataSource=${ds} campaign-id=${campaign}></campaign-stats-summary>`;

const STATES: State[] = [
  { name: 'grid loading', arrange: (ds) => ds.hold('getContactStats'), render: (l, ds) => grid(l, ds, EMAIL_CAMPAIGN.id), reach: (el) => settled(el, '[part~="state-loading"]') },
  { name: 'grid not yet available', render: (l, ds) => grid(l, ds, SENDING_CAMPAIGN.id), reach: (el) => settled(el, '[part~="state-not-available"]') },
  { name: 'grid never available', render: (l, ds) => grid(l, ds, CANCELLED.id), reach: (el) => settled(el, '[part~="state-not-available"]') },
  { name: 'grid empty', render: (l, ds) => grid(l, ds, EMPTY_CAMPAIGN.id), reach: (el) => settled(el, '[part~="state-empty"]') },
  {
    name: 'grid error',
    arrange: (ds) => ds.failures.set('getContactStats', new DataSourceError('server', 'down', { status: 503 })),
    render: (l, ds) => grid(l, ds, EMAIL_CAMPAIGN.id),
    reach: (el) => settled(el, '[part~="state-error"]'),
  },
  { name: 'grid loaded, e-mail', render: (l, ds) => grid(l, ds, EMAIL_CAMPAIGN.id), reach: (el) => settled(el, '.tabulator-row') },
  { name: 'grid loaded, SMS', render: (l, ds) => grid(l, ds, SMS_CAMPAIGN.id), reach: (el) => settled(el, '.tabulator-row') },
  { name: 'grid server-side', render: (l, ds) => grid(l, ds, 'c-many', 50), reach: (el) => settled(el, '.tabulator-page-counter') },
  {
    name: 'grid no match',
    render: (l, ds) => grid(l, ds, EMAIL_CAMPAIGN.id),
    reach: async (el) => {
      await settled(el, '.tabulator-row');
      shadow(el).querySelector<HTMLInputElement>('[part~="search"]')!.focus();
      await sendKeys({ type: 'zzzz' });
      await settled(el, '[part~="state-no-match"]');
    },
  },
  {
    name: 'grid menu open',
    render: (l, ds) => grid(l, ds, EMAIL_CAMPAIGN.id),
    reach: async (el) => {
      await settled(el, '.tabulator-row');
      shadow(el).querySelector<HTMLElement>('.tabulator-row .tabulator-cell')!.focus();
      await sendKeys({ press: 'Shift+F10' });
      await settled(el, '[role="menu"]');
      await sendKeys({ press: 'ArrowRight' });
      await settled(el, '[part~="submenu"]');
    },
  },
  {
    name: 'grid export running',
    render: (l, ds) => grid(l, ds, 'c-many', 50),
    reach: async (el, ds) => {
      await settled(el, '.tabulator-row');
      ds.hold('getContactStats');
      void (el as CampaignStatsGrid).exportExcel({ download: false }).catch(() => undefined);
      await settled(el, '[part~="export-progress"]');
    },
  },
  {
    name: 'grid refresh failed',
    render: (l, ds) => grid(l, ds, EMAIL_CAMPAIGN.id),
    reach: async (el, ds) => {
      await settled(el, '.tabulator-row');
      ds.failures.set('getContactStats', new DataSourceError('network', 'offline'));
      await (el as CampaignStatsGrid).refresh().catch(() => undefined);
      await settled(el, '.banner.error');
    },
  },
  { name: 'summary loading', arrange: (ds) => ds.hold('getStatsSummary'), render: (l, ds) => summary(l, ds, EMAIL_CAMPAIGN.id), reach: (el) => settled(el, '[part~="state-loading"]') },
  { name: 'summary not yet available', render: (l, ds) => summary(l, ds, SENDING_CAMPAIGN.id), reach: (el) => settled(el, '[part~="state"]:not([part~="state-loading"])') },
  { name: 'summary loaded, e-mail', render: (l, ds) => summary(l, ds, EMAIL_CAMPAIGN.id), reach: (el) => settled(el, '.figures') },
  {
    name: 'summary loaded, SMS (counted from rows: a source without getStatsSummary)',
    render: (l) => summary(l, new TestDataSource([SMS_CAMPAIGN], { [SMS_CAMPAIGN.id]: SMS_LINK_ROWS }) as SummaryTestDataSource, SMS_CAMPAIGN.id),
    reach: (el) => settled(el, '.figures'),
  },
  {
    name: 'summary activity as a table',
    render: (l, ds) => summary(l, ds, EMAIL_CAMPAIGN.id),
    reach: async (el) => {
      await settled(el, '.figures');
      shadow(el).querySelector<HTMLButtonElement>('[part~="table-toggle"]')!.click();
      await settled(el, '#activity-data');
    },
  },
  {
    name: 'summary error',
    arrange: (ds) => ds.failures.set('getStatsSummary', new DataSourceError('server', 'down', { status: 503 })),
    render: (l, ds) => summary(l, ds, EMAIL_CAMPAIGN.id),
    reach: (el) => settled(el, '[part~="state-error"]'),
  },
  { name: 'list loading', arrange: (ds) => ds.hold('listCampaigns'), render: (l, ds) => html`<campaign-list lang=${l} .dataSource=${ds}></campaign-list>`, reach: (el) => settled(el, '[part~="state-loading"]') },
  {
    name: 'list loaded (every status)',
    render: (l, ds) => html`<campaign-list lang=${l} .dataSource=${ds}></campaign-list>`,
    reach: (el) => waitUntil(() => el.shadowRoot!.querySelectorAll('sarbacane-link').length > 0 && [...el.shadowRoot!.querySelectorAll('sarbacane-link')].every((link) => link.shadowRoot?.querySelector('[part~="link"], [part~="reason"]'))),
  },
  {
    name: 'list error',
    arrange: (ds) => ds.failures.set('listCampaigns', new DataSourceError('network', 'offline')),
    render: (l, ds) => html`<campaign-list lang=${l} .dataSource=${ds}></campaign-list>`,
    reach: (el) => settled(el, '[part~="state-error"], .banner.error'),
  },
  {
    name: 'link without a Sarbacane account',
    arrange: (ds) => (ds.access = { hasAccount: false }),
    render: (l, ds) => html`<sarbacane-link lang=${l} .dataSource=${ds} .campaign=${EMAIL_CAMPAIGN}></sarbacane-link>`,
    reach: (el) => settled(el, '[part~="reason"]'),
  },
  {
    name: 'link enabled',
    render: (l, ds) => html`<sarbacane-link lang=${l} .dataSource=${ds} .campaign=${EMAIL_CAMPAIGN}></sarbacane-link>`,
    reach: (el) => waitUntil(() => (el as HTMLElement & { enabled: boolean }).enabled, 'the link stays disabled'),
  },
];

describe('axe on every state, in French and English', () => {
  for (const lang of ['fr', 'en']) {
    for (const state of STATES) {
      it(`${state.name} (${lang})`, async () => {
        const ds = source();
        state.arrange?.(ds);
        const el = await fixture<HTMLElement>(state.render(lang, ds));
        await state.reach(el, ds);
        await expect(el).to.be.accessible();
      });
    }
  }
});
