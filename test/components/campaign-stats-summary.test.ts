import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import type { CampaignStatsSummary } from '../../src/components/campaign-stats-summary/campaign-stats-summary.js';
import type { Campaign, CampaignDataSource } from '../../src/data/campaign-data-source.js';
import { fr } from '../../src/i18n/fr.js';
import { en } from '../../src/i18n/en.js';
import '../../src/define/campaign-stats-grid.js';
import '../../src/define/campaign-stats-summary.js';
import { EMAIL_CAMPAIGN, EMAIL_LINK_ROWS as LINK_ROWS, EMAIL_LINK_SUMMARY as EMAIL_SUMMARY, SENDING_CAMPAIGN, SMS_CAMPAIGN, SMS_LINK_ROWS } from '../helpers/fixtures.js';
import { centreOf, shadow, waitForRows } from '../helpers/grid.js';
import { SummaryTestDataSource, TestDataSource } from '../helpers/test-data-source.js';

function source(): SummaryTestDataSource {
  const ds = new SummaryTestDataSource([EMAIL_CAMPAIGN, SMS_CAMPAIGN, SENDING_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: LINK_ROWS, [SMS_CAMPAIGN.id]: SMS_LINK_ROWS });
  ds.summaries = { [EMAIL_CAMPAIGN.id]: EMAIL_SUMMARY };
  return ds;
}

function percent(value: number, lang = 'fr'): string {
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

function text(element: Element | null | undefined): string {
  return element?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
}

async function renderSummary(ds: CampaignDataSource, campaignId = EMAIL_CAMPAIGN.id, lang = 'fr'): Promise<CampaignStatsSummary> {
  const el = await fixture<CampaignStatsSummary>(html`<campaign-stats-summary lang=${lang} .dataSource=${ds} campaign-id=${campaignId}></campaign-stats-summary>`);
  await waitUntil(() => shadow(el).querySelector('.figures, [part~="state"]:not([part~="state-loading"])'), 'the summary did not settle', { timeout: 5000 });
  return el;
}

/** Each figure's label, value and rate text. */
function figures(el: HTMLElement): Record<string, { value: string; rate: string; button: boolean }> {
  const result: Record<string, { value: string; rate: string; button: boolean }> = {};
  for (const figure of shadow(el).querySelectorAll<HTMLElement>('[part~="figure"]')) {
    result[text(figure.querySelector('.figure-label'))] = {
      value: text(figure.querySelector('.figure-value')),
      rate: text(figure.querySelector('.figure-rate')),
      button: figure.localName === 'button',
    };
  }
  return result;
}

function figureButton(el: HTMLElement, label: string): HTMLButtonElement {
  const button = [...shadow(el).querySelectorAll<HTMLButtonElement>('button.figure')].find((b) => text(b.querySelector('.figure-label')) === label);
  if (!button) throw new Error(`no figure button ${label}`);
  return button;
}

/** A summary and the grid it targets, on one data source. */
async function renderPage(ds: CampaignDataSource, gridAttributes: { threshold?: number; campaignId?: string } = {}) {
  const page = await fixture<HTMLElement>(html`<div>
    <campaign-stats-summary .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id} stats-target="target-grid"></campaign-stats-summary>
    <campaign-stats-grid
      id="target-grid"
      .dataSource=${ds}
      campaign-id=${gridAttributes.campaignId ?? EMAIL_CAMPAIGN.id}
      server-side-threshold=${gridAttributes.threshold ?? 200000}
    ></campaign-stats-grid>
  </div>`);
  const summary = page.querySelector<CampaignStatsSummary>('campaign-stats-summary')!;
  const grid = page.querySelector<CampaignStatsGrid>('campaign-stats-grid')!;
  await waitForRows(grid);
  await waitUntil(() => shadow(summary).querySelector('.figures'), 'no figures', { timeout: 5000 });
  return { summary, grid };
}

function rowCount(grid: HTMLElement): string {
  return text(shadow(grid).querySelector('[part~="row-count"]'));
}

async function waitForCount(grid: HTMLElement, count: string): Promise<void> {
  await waitUntil(() => rowCount(grid) === count, `the row count is not "${count}"`, { timeout: 5000 }).catch(() => {
    throw new Error(`The row count is "${rowCount(grid)}", not "${count}".`);
  });
}

/** A click as a person makes it: on the element, scrolled into view first. */
async function click(element: HTMLElement): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  await sendMouse({ type: 'click', position: centreOf(element) });
}

describe('<campaign-stats-summary>', () => {
  describe('the send-finished rule', () => {
    for (const status of ['draft', 'scheduled', 'sending', 'cancelled'] as const) {
      it(`asks for no figures while the campaign is ${status}`, async () => {
        const ds = source();
        ds.campaigns = [{ ...SENDING_CAMPAIGN, status }];
        const el = await renderSummary(ds, SENDING_CAMPAIGN.id);
        const state = shadow(el).querySelector('[part~="state-not-available"]')!;
        expect(text(state.querySelector('strong'))).to.equal(status === 'cancelled' ? fr.neverAvailable : fr.notAvailable);
        expect(text(state)).to.contain(fr.notAvailableReason[status]);
        await el.refresh();
        expect(ds.callsOf('getCampaign')).to.have.length(2);
        expect(ds.callsOf('getStatsSummary')).to.have.length(0);
        expect(ds.callsOf('getContactStats')).to.have.length(0);
      });
    }
  });

  describe('figures from the data source', () => {
    it('shows every email figure with what its rate is of', async () => {
      const el = await renderSummary(source());
      const shown = figures(el);
      expect(Object.keys(shown)).to.deep.equal([
        'Destinataires', 'Délivrés', 'Rebonds temporaires', 'Rebonds définitifs', 'Bloqués', 'Ouvreurs', 'Cliqueurs', 'Réactivité', 'Désinscrits', 'Signalements de spam',
      ]);
      expect(shown['Destinataires']).to.deep.equal({ value: '4', rate: '', button: false });
      expect(shown['Délivrés']).to.deep.equal({ value: '3', rate: `${percent(0.75)} des destinataires`, button: true });
      expect(shown['Rebonds définitifs']).to.deep.equal({ value: '1', rate: `${percent(0.25)} des destinataires`, button: true });
      expect(shown['Ouvreurs']).to.deep.equal({ value: '3', rate: `${percent(1)} des délivrés`, button: true });
      expect(shown['Cliqueurs']).to.deep.equal({ value: '2', rate: `${percent(2 / 3)} des délivrés`, button: true });
      // A ratio, not a set of contacts: its figure is the rate, and it filters nothing.
      expect(shown['Réactivité']).to.deep.equal({ value: percent(2 / 3), rate: fr.summary.rateOf.openers, button: false });
      expect(shown['Désinscrits']!.value).to.equal('1');
      expect(shown['Signalements de spam']!.value).to.equal('1');
    });

    it('shows the links as text, most clickers first, with clicks, clickers and rate', async () => {
      const el = await renderSummary(source());
      const rows = [...shadow(el).querySelectorAll('[part~="links"] tbody tr')].map((tr) => [...tr.children].map(text));
      expect(rows).to.deep.equal([
        ['=Prendre rendez-vous https://www.ecole-exemple.fr/rdv', '4', '2', percent(2 / 3)],
        ['<b>Programme</b> de la formation https://www.ecole-exemple.fr/programme', '3', '1', percent(1 / 3)],
      ]);
      // Markup in a label stays text, and no URL is a live link.
      expect(shadow(el).querySelector('[part~="links"] b')?.outerHTML ?? null).to.equal(null);
      expect(shadow(el).querySelector('a')?.outerHTML ?? null).to.equal(null);
    });

    it('charts the activity per hour, then per day, with its data as a table behind a button', async () => {
      const el = await renderSummary(source());
      const charts = [...shadow(el).querySelectorAll('[part~="chart"]')];
      expect(charts.map((c) => text(c.querySelector('figcaption')))).to.deep.equal([fr.summary.activityHourly, fr.summary.activityDaily]);
      const alt = charts[0]!.querySelector('svg[role="img"]')!.getAttribute('aria-label')!;
      expect(alt).to.contain(fr.summary.seriesTotal('Ouvertures', '3'));
      expect(alt).to.contain(fr.summary.seriesTotal('Clics', '4'));
      expect(charts[0]!.querySelectorAll('rect.bar')).to.have.length(4);
      const toggle = shadow(el).querySelector<HTMLButtonElement>('[part~="table-toggle"]')!;
      const table = shadow(el).getElementById(toggle.getAttribute('aria-controls')!)!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(table.hidden).to.equal(true);
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(table.hidden).to.equal(false);
      expect([...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].slice(1).map(text))).to.deep.equal([
        ['2', '1'],
        ['1', '3'],
        ['1', '5'],
      ]);
    });

    it('shows the SMS figures: no opens, STOP instead of unsubscribed', async () => {
      const ds = source();
      ds.summaries[SMS_CAMPAIGN.id] = { asOf: EMAIL_SUMMARY.asOf, recipients: 3, delivery: { delivered: 2, failed: 1 }, openers: 9, clickers: 1, unsubscribed: 1 };
      const el = await renderSummary(ds, SMS_CAMPAIGN.id);
      expect(Object.keys(figures(el))).to.deep.equal(['Destinataires', 'Délivrés', 'Échecs', 'Cliqueurs', 'STOP']);
      expect(figures(el)['STOP']).to.deep.equal({ value: '1', rate: `${percent(0.5)} des délivrés`, button: true });
    });

    it('says in English what each rate is of', async () => {
      const el = await renderSummary(source(), EMAIL_CAMPAIGN.id, 'en');
      expect(figures(el)['Clickers']).to.deep.equal({ value: '2', rate: `${percent(2 / 3, 'en')} ${en.summary.rateOf.delivered}`, button: true });
    });

    it('reports a summary of the wrong shape as a clear error, with a retry', async () => {
      const ds = source();
      ds.summaries[EMAIL_CAMPAIGN.id] = { ...EMAIL_SUMMARY, clickers: 'many' };
      const errors: CustomEvent[] = [];
      const el = await fixture<CampaignStatsSummary>(
        html`<campaign-stats-summary .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id} @campaign-stats-error=${(e: CustomEvent) => errors.push(e)}></campaign-stats-summary>`,
      );
      await waitUntil(() => shadow(el).querySelector('[part~="state-error"]'), 'no error state', { timeout: 5000 });
      const state = shadow(el).querySelector('[part~="state-error"]')!;
      expect(state.getAttribute('role')).to.equal('alert');
      expect(text(state)).to.contain(fr.errors['invalid-response']);
      expect(errors[0]!.detail.operation).to.equal('getStatsSummary');
      expect(errors[0]!.detail.error.message).to.contain('response.clickers');
      ds.summaries[EMAIL_CAMPAIGN.id] = EMAIL_SUMMARY;
      shadow(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => shadow(el).querySelector('.figures'), 'no figures after the retry', { timeout: 5000 });
    });

    it('keeps the figures when a refresh fails, and says so', async () => {
      const ds = source();
      const el = await renderSummary(ds);
      ds.failures.set('getStatsSummary', new Error('down'));
      await el.refresh().catch(() => undefined);
      await el.updateComplete;
      expect(figures(el)['Cliqueurs']!.value).to.equal('2');
      expect(text(shadow(el).querySelector('.banner[role="alert"]'))).to.contain(fr.refreshFailed);
    });
  });

  describe('figures computed in the browser (no getStatsSummary)', () => {
    it('counts the email figures from every row, and says so', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: LINK_ROWS });
      const el = await renderSummary(ds);
      const shown = figures(el);
      expect(shown['Destinataires']!.value).to.equal(String(LINK_ROWS.length));
      expect(shown['Délivrés']!.value).to.equal(String(LINK_ROWS.filter((r) => r.delivery === 'delivered').length));
      expect(shown['Rebonds définitifs']!.value).to.equal(String(LINK_ROWS.filter((r) => r.delivery === 'hard_bounce').length));
      expect(shown['Ouvreurs']!.value).to.equal(String(LINK_ROWS.filter((r) => r.opened).length));
      expect(shown['Cliqueurs']!.value).to.equal(String(LINK_ROWS.filter((r) => r.clickCount > 0).length));
      expect(shown['Désinscrits']!.value).to.equal(String(LINK_ROWS.filter((r) => r.unsubscribed).length));
      expect(shown['Signalements de spam']!.value).to.equal(String(LINK_ROWS.filter((r) => r.spamReported).length));
      expect(text(shadow(el).querySelector('[part~="help"]'))).to.contain(fr.summary.computed(4, '4'));
      // Clickers per link from `clickedLinks`; clicks per link are not known, and not shown.
      const rows = [...shadow(el).querySelectorAll('[part~="links"] tbody tr')].map((tr) => [...tr.children].map(text));
      expect(rows).to.deep.equal([
        ['l-rdv', '2', percent(2 / 3)],
        ['l-prog', '1', percent(1 / 3)],
      ]);
      expect(ds.callsOf('getContactStats')).to.have.length(1);
    });

    it('counts the SMS figures from every row', async () => {
      const el = await renderSummary(new TestDataSource([SMS_CAMPAIGN], { [SMS_CAMPAIGN.id]: SMS_LINK_ROWS }), SMS_CAMPAIGN.id);
      const shown = figures(el);
      expect(shown['Délivrés']!.value).to.equal('2');
      expect(shown['Échecs']!.value).to.equal('1');
      expect(shown['Cliqueurs']!.value).to.equal('1');
      expect(shown['STOP']!.value).to.equal('1');
    });

    it('says that the figures are not available for a campaign too large to load whole; the console says why', async () => {
      const ds = new TestDataSource([EMAIL_CAMPAIGN]);
      ds.getContactStats = async () => ({ rows: LINK_ROWS, total: 1_000_000, asOf: EMAIL_SUMMARY.asOf });
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      try {
        const el = await renderSummary(ds);
        expect(text(shadow(el).querySelector('[part~="state-unavailable"]'))).to.equal(fr.summary.unavailable(new Intl.NumberFormat('fr').format(200_000)));
        expect(warnings.filter((w) => w.includes('getStatsSummary()'))).to.have.length(1);
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('a figure is a way into its contacts', () => {
    it('a click on each figure fires the cancelable event, then the grid shows exactly its contacts', async () => {
      const ds = source();
      const { summary, grid } = await renderPage(ds);
      const expected: Record<string, number> = { Délivrés: 3, 'Rebonds temporaires': 0, 'Rebonds définitifs': 1, Bloqués: 0, Ouvreurs: 3, Cliqueurs: 2, Désinscrits: 1, 'Signalements de spam': 1 };
      for (const [label, count] of Object.entries(expected)) {
        const button = figureButton(summary, label);
        const event = oneEvent(summary, 'campaign-stats-summary-select');
        await click(button);
        const { detail } = await event;
        expect(detail.campaign.id).to.equal(EMAIL_CAMPAIGN.id);
        expect(detail.filter.label).to.equal(label);
        expect(detail.filter.count).to.equal(count);
        await waitForCount(grid, `${count} sur 4 contacts`);
        expect(text(shadow(grid).querySelector('[part~="summary-filter"]'))).to.contain(fr.summaryFilter(label));
        expect(text(shadow(summary).querySelector('[part~="status"]'))).to.equal(fr.summary.shownInGrid(label, String(count)));
      }
      // The export writes exactly the figure's contacts.
      await click(figureButton(summary, 'Cliqueurs'));
      await waitForCount(grid, '2 sur 4 contacts');
      const file = await grid.exportExcel({ download: false });
      expect(file.rowCount).to.equal(2);
    });

    it('a link activated from the keyboard shows its clickers; the links column says which links each clicked', async () => {
      const { summary, grid } = await renderPage(source());
      const link = [...shadow(summary).querySelectorAll<HTMLButtonElement>('[part~="link-button"]')].find((b) => text(b) === '<b>Programme</b> de la formation')!;
      link.focus();
      const event = oneEvent(summary, 'campaign-stats-summary-select');
      await sendKeys({ press: 'Enter' });
      expect((await event).detail.filter).to.include({ field: 'clickedLinks', op: 'eq', value: 'l-prog', figure: 'link', count: 1 });
      await waitForCount(grid, '1 sur 4 contacts');
      const cells = [...shadow(grid).querySelectorAll('.tabulator-row .tabulator-cell[tabulator-field="clickedLinks"]')].map(text);
      expect(cells).to.deep.equal(['<b>Programme</b> de la formation, =Prendre rendez-vous']);
    });

    it('says so when the grid counts other contacts than the figure, the figures having moved', async () => {
      const ds = source();
      // The summary was read when one contact only had clicked; the rows have two clickers now.
      ds.summaries[EMAIL_CAMPAIGN.id] = { ...EMAIL_SUMMARY, clickers: 1 };
      const { summary, grid } = await renderPage(ds);
      await click(figureButton(summary, 'Cliqueurs'));
      await waitForCount(grid, '2 sur 4 contacts');
      const banner = text(shadow(grid).querySelector('[part~="summary-filter"]'));
      expect(banner).to.contain(fr.summaryFilter('Cliqueurs'));
      expect(banner).to.contain('La synthèse en comptait 1 (données au');
      // Of the same time, the counts agree, and nothing more is said.
      ds.summaries[EMAIL_CAMPAIGN.id] = EMAIL_SUMMARY;
      await summary.refresh();
      await click(figureButton(summary, 'Cliqueurs'));
      await grid.updateComplete;
      expect(text(shadow(grid).querySelector('[part~="summary-filter"]'))).to.not.contain('La synthèse en comptait');
    });

    it('a cancelled event leaves the grid as it was', async () => {
      const { summary, grid } = await renderPage(source());
      summary.addEventListener('campaign-stats-summary-select', (e) => e.preventDefault(), { once: true });
      await click(figureButton(summary, 'Cliqueurs'));
      await grid.updateComplete;
      expect(rowCount(grid)).to.equal('4 contacts');
      expect(shadow(grid).querySelector('[part~="summary-filter"]')?.outerHTML ?? null).to.equal(null);
    });

    it('replaces the search and the other filters, and the banner clears it in one action', async () => {
      const { summary, grid } = await renderPage(source());
      const search = shadow(grid).querySelector<HTMLInputElement>('[part~="search"]')!;
      search.focus();
      await sendKeys({ type: 'zoé' });
      await waitForCount(grid, '1 sur 4 contacts');
      await click(figureButton(summary, 'Ouvreurs'));
      await waitForCount(grid, '3 sur 4 contacts');
      expect(search.value).to.equal('');
      const clear = shadow(grid).querySelector<HTMLButtonElement>('[part~="clear-summary-filter-button"]')!;
      await click(clear);
      await waitForCount(grid, '4 contacts');
      expect(shadow(grid).querySelector('[part~="summary-filter"]')?.outerHTML ?? null).to.equal(null);
      // The button is gone: the focus goes to the search box, not to the page.
      await waitUntil(() => shadow(grid).activeElement === search, 'the focus is not on the search box');
      expect(text(shadow(grid).querySelector('[part~="status"]'))).to.equal(fr.summaryFilterCleared);
    });

    it('switches the grid to the summary campaign first, then filters it', async () => {
      const ds = source();
      const { summary, grid } = await renderPage(ds, { campaignId: SMS_CAMPAIGN.id });
      await click(figureButton(summary, 'Cliqueurs'));
      await waitUntil(() => grid.campaignId === EMAIL_CAMPAIGN.id, 'the grid did not switch', { timeout: 5000 });
      await waitForCount(grid, '2 sur 4 contacts');
    });

    it('in server-side mode, the figure reaches the data source as a StatsQuery filter, alone', async () => {
      const ds = source();
      const { summary, grid } = await renderPage(ds, { threshold: 1 });
      for (const [label, filter, count] of [
        ['Cliqueurs', { field: 'clickCount', op: 'gte', value: 1 }, 2],
        ['Ouvreurs', { field: 'opened', op: 'eq', value: true }, 3],
      ] as const) {
        await click(figureButton(summary, label));
        await waitForCount(grid, `${count} sur 4 contacts`);
        const last = ds.callsOf('getContactStats').at(-1)!.args[1] as { filters?: unknown[]; search?: string };
        expect(last.filters).to.deep.equal([filter]);
        expect(last.search).to.equal(undefined);
      }
      const link = [...shadow(summary).querySelectorAll<HTMLButtonElement>('[part~="link-button"]')].find((b) => text(b).startsWith('<b>'))!;
      await click(link);
      await waitForCount(grid, '1 sur 4 contacts');
      expect((ds.callsOf('getContactStats').at(-1)!.args[1] as { filters?: unknown[] }).filters).to.deep.equal([{ field: 'clickedLinks', op: 'eq', value: 'l-prog' }]);
      const file = await grid.exportExcel({ download: false });
      expect(file.rowCount).to.equal(1);
    });
  });

  describe('announcements', () => {
    it('says the end of a campaign\'s load in its live region, there from the loading state on; a refresh is not said', async () => {
      const ds = source();
      ds.hold('getStatsSummary');
      const el = await fixture<CampaignStatsSummary>(html`<campaign-stats-summary lang="fr" .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-summary>`);
      await waitUntil(() => shadow(el).querySelector('[part~="state-loading"]'), 'no loading state');
      const region = shadow(el).querySelector('[part~="status"]')!;
      expect(region.getAttribute('role')).to.equal('status');
      expect(text(region)).to.equal('');
      ds.release('getStatsSummary');
      await waitUntil(() => shadow(el).querySelector('.figures'), 'not loaded');
      expect(shadow(el).querySelector('[part~="status"]'), 'the same live region').to.equal(region);
      const n = new Intl.NumberFormat('fr').format(EMAIL_SUMMARY.recipients);
      expect(text(region)).to.equal(fr.summary.loaded(EMAIL_SUMMARY.recipients, n));
      const said: string[] = [];
      const observer = new MutationObserver(() => said.push(text(region)));
      observer.observe(region, { childList: true, subtree: true, characterData: true });
      await el.refresh();
      await el.updateComplete;
      observer.disconnect();
      expect(said).to.deep.equal([]);
    });
  });

  describe('accessibility (axe)', () => {
    it('is accessible with its figures, in French and in English', async () => {
      for (const lang of ['fr', 'en']) {
        const el = await renderSummary(source(), EMAIL_CAMPAIGN.id, lang);
        shadow(el).querySelector<HTMLButtonElement>('[part~="table-toggle"]')!.click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
      }
    });

    it('is accessible computed from rows, not yet available, and in error', async () => {
      const computed = await renderSummary(new TestDataSource([EMAIL_CAMPAIGN], { [EMAIL_CAMPAIGN.id]: LINK_ROWS }));
      await expect(computed).to.be.accessible();
      const ds = source();
      ds.campaigns = [...ds.campaigns, { ...SENDING_CAMPAIGN, id: 'c-draft', status: 'draft' } as Campaign];
      await expect(await renderSummary(ds, 'c-draft')).to.be.accessible();
      ds.failures.set('getStatsSummary', new Error('down'));
      await expect(await renderSummary(ds)).to.be.accessible();
    });
  });
});
