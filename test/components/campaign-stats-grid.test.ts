import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import { DataSourceError } from '../../src/data/data-source-error.js';
import { setDefaultDataSource } from '../../src/data/default-data-source.js';
import '../../src/define/campaign-stats-grid.js';
import { fr } from '../../src/i18n/fr.js';
import { EMAIL_CAMPAIGN, EMAIL_ROWS, EMPTY_CAMPAIGN, SENDING_CAMPAIGN, SMS_CAMPAIGN, SMS_ROWS } from '../helpers/fixtures.js';
import { columnTexts, headerTitles, renderLoadedGrid, shadow, waitForRows, waitForState } from '../helpers/grid.js';
import { TestDataSource } from '../helpers/test-data-source.js';

function dataSource(): TestDataSource {
  return new TestDataSource([EMAIL_CAMPAIGN, SMS_CAMPAIGN, SENDING_CAMPAIGN, EMPTY_CAMPAIGN], {
    [EMAIL_CAMPAIGN.id]: EMAIL_ROWS,
    [SMS_CAMPAIGN.id]: SMS_ROWS,
    [EMPTY_CAMPAIGN.id]: [],
  });
}

function text(grid: HTMLElement, selector: string): string {
  return shadow(grid).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

describe('<campaign-stats-grid>', () => {
  describe('the send-finished rule', () => {
    for (const status of ['draft', 'scheduled', 'sending', 'cancelled'] as const) {
      it(`never asks for statistics while the campaign is ${status}`, async () => {
        const ds = dataSource();
        ds.campaigns = [{ ...SENDING_CAMPAIGN, status }];
        const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid .dataSource=${ds} campaign-id=${SENDING_CAMPAIGN.id}></campaign-stats-grid>`);
        const state = await waitForState(grid, 'not-available');
        // Not yet while the campaign may still be sent; never once it was cancelled.
        expect(state.querySelector('strong')!.textContent).to.equal(status === 'cancelled' ? fr.neverAvailable : fr.notAvailable);
        expect(state.textContent).to.contain(fr.notAvailableReason[status]);
        await grid.refresh();
        expect(ds.callsOf('getCampaign')).to.have.length(2);
        expect(ds.callsOf('getContactStats')).to.have.length(0);
        expect(shadow(grid).querySelector('.tabulator')?.outerHTML ?? null).to.equal(null);
      });
    }

    it('asks for statistics once the send is finished', async () => {
      const ds = dataSource();
      await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
      expect(ds.callsOf('getContactStats')).to.have.length(1);
      expect(ds.callsOf('getContactStats')[0]!.args[0]).to.equal(EMAIL_CAMPAIGN.id);
    });
  });

  describe('states', () => {
    it('shows a loading state until the data arrives, then the table', async () => {
      const ds = dataSource();
      ds.hold('getContactStats');
      const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
      const loading = await waitForState(grid, 'loading');
      expect(loading.textContent).to.contain('Chargement des statistiques');
      expect(loading.getAttribute('role')).to.equal('status');
      ds.release('getContactStats');
      await waitForRows(grid);
      expect(shadow(grid).querySelector('[part~="state-loading"]')?.outerHTML ?? null).to.equal(null);
    });

    it('shows the empty state for a campaign without contacts', async () => {
      const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid .dataSource=${dataSource()} campaign-id=${EMPTY_CAMPAIGN.id}></campaign-stats-grid>`);
      const empty = await waitForState(grid, 'empty');
      expect(empty.textContent).to.contain("Cette campagne n'a aucun contact.");
      expect(text(grid, '[part="row-count"]')).to.equal('0 contact');
      expect(shadow(grid).querySelector('[part~="export-button"]')!.getAttribute('aria-disabled')).to.equal('true');
    });

    it('shows an error with a retry that works', async () => {
      const ds = dataSource();
      ds.failures.set('getContactStats', new DataSourceError('server', 'boom', { status: 503 }));
      const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
      const error = await waitForState(grid, 'error');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('Impossible de charger les statistiques');
      expect(error.textContent).to.contain('Le serveur a rencontré une erreur');
      ds.failures.clear();
      error.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitForRows(grid);
      expect(columnTexts(grid, 'email')).to.have.length(4);
    });

    it('reports which operation failed', async () => {
      const ds = dataSource();
      ds.failures.set('getContactStats', new DataSourceError('access', 'nope', { status: 403 }));
      const grid = document.createElement('campaign-stats-grid');
      grid.dataSource = ds;
      const event = oneEvent(grid, 'campaign-stats-error');
      grid.campaignId = EMAIL_CAMPAIGN.id;
      document.body.append(grid);
      const { detail } = await event;
      expect(detail.operation).to.equal('getContactStats');
      expect((detail.error as DataSourceError).kind).to.equal('access');
      const error = await waitForState(grid, 'error');
      expect(error.textContent).to.contain("Vous n'avez pas accès");
      // Access errors do not go away by retrying.
      expect(error.querySelector('[part~="retry-button"]')?.outerHTML ?? null).to.equal(null);
      grid.remove();
    });

    it('times out a data source that never answers, then retries', async () => {
      const ds = dataSource();
      ds.hold('getCampaign');
      const grid = await fixture<CampaignStatsGrid>(
        html`<campaign-stats-grid .requestTimeout=${200} .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`,
      );
      const error = await waitForState(grid, 'error');
      expect(error.textContent).to.contain("Le serveur n'a pas répondu à temps");
      expect(ds.callsOf('getCampaign')[0]!.signal!.aborted).to.equal(true);
      ds.release('getCampaign');
      error.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitForRows(grid);
    });

    it('tells the user in plain words when there is no data source, the developer in the console', async () => {
      setDefaultDataSource(undefined);
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: string) => warnings.push(message);
      try {
        const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid campaign-id="x"></campaign-stats-grid>`);
        const error = await waitForState(grid, 'error');
        expect(error.textContent).to.contain(fr.noDataSource);
        expect(error.textContent).to.not.match(/dataSource|\(\)/);
        expect(warnings.filter((w) => w.includes('setDefaultDataSource()'))).to.have.length(1);
      } finally {
        console.warn = warn;
      }
    });

    it('uses the page-wide default data source and follows its changes', async () => {
      const ds = dataSource();
      setDefaultDataSource(ds);
      try {
        const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid campaign-id=${SMS_CAMPAIGN.id}></campaign-stats-grid>`);
        await waitForRows(grid);
        expect(ds.callsOf('getCampaign')).to.have.length(1);
        const other = dataSource();
        setDefaultDataSource(other);
        await waitUntil(() => other.callsOf('getContactStats').length === 1, 'the new default was not used');
      } finally {
        setDefaultDataSource(undefined);
      }
    });

    it('asks to choose a campaign when none is set', async () => {
      const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid .dataSource=${dataSource()}></campaign-stats-grid>`);
      await waitForState(grid, 'no-campaign');
      expect(text(grid, '[part~="state"]')).to.contain('Choisissez une campagne');
    });
  });

  describe('columns and formats', () => {
    it('shows the email columns in French with French formats', async () => {
      const grid = await renderLoadedGrid(dataSource(), EMAIL_CAMPAIGN.id);
      expect(headerTitles(grid)).to.deep.equal([
        'Nom',
        'Prénom',
        'E-mail',
        'Délivrabilité',
        'Ouvert',
        'Ouvertures',
        'Clics',
        'Signalé comme spam',
        'Désinscrit',
        'Dernière activité',
      ]);
      expect(columnTexts(grid, 'delivery')).to.deep.equal(['Délivré', 'Rebond définitif', 'Délivré', 'Délivré']);
      expect(columnTexts(grid, 'opened')).to.deep.equal(['Oui', 'Non', 'Oui', 'Oui']);
      const expectedDate = new Intl.DateTimeFormat('fr', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(EMAIL_ROWS[0]!.lastActivityAt!));
      expect(columnTexts(grid, 'lastActivityAt')[0]).to.equal(expectedDate);
      expect(expectedDate).to.match(/^\d\d\/\d\d\/2026 \d\d:\d\d$/);
      expect(columnTexts(grid, 'lastActivityAt')[1]).to.equal('');
      expect(columnTexts(grid, 'firstName')[1]).to.equal('');
      expect(text(grid, '[part="row-count"]')).to.equal('4 contacts');
      const asOf = new Date(new TestDataSource([]).asOf);
      const time = new Intl.DateTimeFormat('fr', { hour: '2-digit', minute: '2-digit' }).format(asOf);
      expect(text(grid, '[part="as-of"]')).to.equal(`Données au 26/11/2026 à ${time}`);
      expect(text(grid, '[part="help"]')).to.contain('Sarbacane');
    });

    it('shows the SMS columns, with no "opened" column', async () => {
      const grid = await renderLoadedGrid(dataSource(), SMS_CAMPAIGN.id);
      expect(headerTitles(grid)).to.deep.equal(['Nom', 'Prénom', 'Téléphone', 'Délivrabilité', 'Clics', 'STOP', 'Dernière activité']);
      expect(columnTexts(grid, 'phone')).to.deep.equal(['+33612345678', '+33798765432', '+33600000001']);
      expect(columnTexts(grid, 'delivery')).to.deep.equal(['Délivré', 'Échec', 'Délivré']);
      expect(text(grid, '[part="help"]')).to.contain('lecture');
    });

    it('speaks English under lang="en", with English formats', async () => {
      const grid = await renderLoadedGrid(dataSource(), EMAIL_CAMPAIGN.id, { lang: 'en' });
      expect(headerTitles(grid)).to.deep.equal([
        'Last name',
        'First name',
        'Email',
        'Delivery',
        'Opened',
        'Opens',
        'Clicks',
        'Reported as spam',
        'Unsubscribed',
        'Last activity',
      ]);
      expect(columnTexts(grid, 'opened')).to.deep.equal(['Yes', 'No', 'Yes', 'Yes']);
      expect(columnTexts(grid, 'delivery')[1]).to.equal('Hard bounce');
      // International English: day before month, a 24-hour clock (en-US is American: test/i18n/).
      expect(text(grid, '[part="as-of"]')).to.match(/^Data as of 26\/11\/2026 at \d\d:\d\d$/);
      expect(text(grid, '[part="row-count"]')).to.equal('4 contacts');
    });

    it('follows a language change of an ancestor, keeping the sort and the search', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"></div>`);
      const grid = document.createElement('campaign-stats-grid');
      grid.dataSource = dataSource();
      grid.campaignId = EMAIL_CAMPAIGN.id;
      grid.removeAttribute('lang');
      wrapper.append(grid);
      await waitForRows(grid);
      shadow(grid).querySelector<HTMLElement>('.tabulator-col[tabulator-field="clickCount"] .tabulator-col-title')!.click();
      const sorted = columnTexts(grid, 'clickCount');
      wrapper.lang = 'en';
      await waitUntil(() => headerTitles(grid)[0] === 'Last name', 'headers did not switch to English');
      expect(columnTexts(grid, 'clickCount')).to.deep.equal(sorted);
      expect(text(grid, '[part~="refresh-button"]')).to.equal('⟳Refresh');

      const search = shadow(grid).querySelector<HTMLInputElement>('[part="search"]')!;
      search.focus();
      await sendKeys({ type: 'jerome' });
      await waitUntil(() => columnTexts(grid, 'email').length === 1, 'the search did not filter');
      wrapper.lang = 'fr';
      await waitUntil(() => headerTitles(grid)[0] === 'Nom', 'headers did not switch back to French');
      expect(columnTexts(grid, 'lastName')).to.deep.equal(['Bréval']);
      expect(text(grid, '[part="row-count"]')).to.equal('1 sur 4 contacts');
    });

    it('formats numbers with the language', async () => {
      const ds = dataSource();
      ds.stats[EMAIL_CAMPAIGN.id] = [{ ...EMAIL_ROWS[0]!, openCount: 12345 }];
      const fr = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
      expect(columnTexts(fr, 'openCount')[0]).to.equal(new Intl.NumberFormat('fr').format(12345));
      expect(columnTexts(fr, 'openCount')[0]).to.equal('12\u202f345');
      const en = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id, { lang: 'en' });
      expect(columnTexts(en, 'openCount')[0]).to.equal('12,345');
    });
  });

  describe('untrusted data', () => {
    it('renders markup in data as text and cleans wrong types', async () => {
      const ds = dataSource();
      ds.stats[EMAIL_CAMPAIGN.id] = [
        { ...EMAIL_ROWS[0], lastName: '<img src=x onerror="window.__injected=1">', firstName: '<b>Léa</b>' },
        { contactId: 7, email: 42, delivery: 'exploded', opened: 'yes', openCount: '3', clickCount: -4, spamReported: null, unsubscribed: 1 },
        'not a row',
        null,
      ];
      const grid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
      expect(shadow(grid).querySelector('.tabulator-row img')?.outerHTML ?? null).to.equal(null);
      expect(shadow(grid).querySelector('.tabulator-row b')?.outerHTML ?? null).to.equal(null);
      expect(columnTexts(grid, 'lastName')[0]).to.equal('<img src=x onerror="window.__injected=1">');
      expect((window as unknown as { __injected?: number }).__injected).to.equal(undefined);
      expect(columnTexts(grid, 'email')[1]).to.equal('42');
      expect(columnTexts(grid, 'delivery')[1]).to.equal('En attente');
      expect(columnTexts(grid, 'opened')[1]).to.equal('Non');
      expect(columnTexts(grid, 'openCount')[1]).to.equal('3');
      expect(columnTexts(grid, 'clickCount')[1]).to.equal('0');
      expect(columnTexts(grid, 'unsubscribed')[1]).to.equal('Oui');
      expect(text(grid, '[part="row-count"]')).to.equal('2 contacts');
    });

    it('takes all the rows of a data source that ignores the page size', async () => {
      const ds = dataSource();
      const total = 200_000;
      const campaign = { ...EMAIL_CAMPAIGN, recipientCount: total };
      ds.campaigns = [campaign];
      const all = Array.from({ length: total }, (_, i) => ({ ...EMAIL_ROWS[0]!, contactId: `k${i}`, email: `k${i}@example.org` }));
      // Every row from the offset on, whatever the limit: one array made once, as a server's table.
      ds.getContactStats = async (_id, query) => ({ rows: all.slice(query.offset), total, asOf: ds.asOf });
      const grid = await renderLoadedGrid(ds, campaign.id);
      expect(text(grid, '[part="row-count"]')).to.equal('200 000 contacts');
    });

    it('drops a row whose properties throw when read, and shows the others', async () => {
      const ds = dataSource();
      const hostile = Object.defineProperty({ ...EMAIL_ROWS[0]!, contactId: 'ct-hostile' }, 'email', {
        enumerable: true,
        get() {
          throw new Error('getter');
        },
      });
      ds.stats[EMAIL_CAMPAIGN.id] = [...EMAIL_ROWS, hostile];
      const grid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
      expect(text(grid, '[part~="row-count"]')).to.equal(`${EMAIL_ROWS.length} contacts`);
      expect(columnTexts(grid, 'email')).to.deep.equal(EMAIL_ROWS.map((row) => row.email));
    });

    it('shows a clear error for a campaign of the wrong shape', async () => {
      const ds = dataSource();
      ds.campaigns = [{ ...EMAIL_CAMPAIGN, status: 'exploded' as never }];
      const event = new Promise<CustomEvent>((resolve) => document.addEventListener('campaign-stats-error', (e) => resolve(e as CustomEvent), { once: true }));
      const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
      const { detail } = await event;
      expect(detail.error.message).to.contain('campaign.status');
      const error = await waitForState(grid, 'error');
      expect(error.textContent).to.contain('données illisibles');
      expect(ds.callsOf('getContactStats')).to.have.length(0);
    });

    it('survives a data source that rejects with a non-error', async () => {
      const ds = dataSource();
      ds.failures.set('getCampaign', undefined as never);
      ds.getCampaign = () => Promise.reject('nope');
      const grid = await fixture<CampaignStatsGrid>(html`<campaign-stats-grid .dataSource=${ds} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`);
      const error = await waitForState(grid, 'error');
      expect(error.textContent).to.contain("Une erreur inattendue s'est produite");
    });

    it('warns about a bad refresh-interval or height and keeps working', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: string) => warnings.push(message);
      try {
        const grid = await fixture<CampaignStatsGrid>(
          html`<campaign-stats-grid refresh-interval="soon" height="tall" .dataSource=${dataSource()} campaign-id=${EMAIL_CAMPAIGN.id}></campaign-stats-grid>`,
        );
        await waitForRows(grid);
        expect(warnings.some((w) => w.includes('refresh-interval'))).to.equal(true);
        expect(warnings.some((w) => w.includes('height="tall"'))).to.equal(true);
        expect(shadow(grid).querySelector<HTMLElement>('.tabulator')!.style.height).to.equal('480px');
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('switching campaigns', () => {
    it('aborts the old requests and never shows the old campaign\'s rows', async () => {
      const ds = dataSource();
      const grid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
      expect(columnTexts(grid, 'email')).to.have.length(4);

      ds.hold('getContactStats');
      grid.campaignId = SMS_CAMPAIGN.id;
      await grid.updateComplete;
      // At once: the email rows are gone, a loading state stands in their place.
      expect(shadow(grid).querySelector('.tabulator')?.outerHTML ?? null).to.equal(null);
      await waitForState(grid, 'loading');
      await waitUntil(() => ds.callsOf('getContactStats').length === 2);
      const smsCall = ds.callsOf('getContactStats')[1]!;

      // Switch back to email while the SMS answer is still held: the SMS request is aborted.
      grid.campaignId = EMAIL_CAMPAIGN.id;
      await grid.updateComplete;
      await waitUntil(() => smsCall.signal!.aborted, 'the SMS request was not aborted');
      ds.release('getContactStats');
      await waitForRows(grid);
      await aTimeout(50);
      expect(headerTitles(grid)).to.include('E-mail');
      expect(columnTexts(grid, 'email')).to.have.length(4);
      expect(shadow(grid).querySelector('.tabulator-cell[tabulator-field="phone"]')?.outerHTML ?? null).to.equal(null);
    });
  });

  describe('search, sort and filters', () => {
    it('searches names, emails and phones, accent-insensitively, and counts what is shown', async () => {
      const grid = await renderLoadedGrid(dataSource(), EMAIL_CAMPAIGN.id);
      const search = shadow(grid).querySelector<HTMLInputElement>('[part="search"]')!;
      search.focus();
      await sendKeys({ type: 'jerome' });
      await waitUntil(() => columnTexts(grid, 'email').length === 1, 'the search did not filter');
      expect(columnTexts(grid, 'lastName')).to.deep.equal(['Bréval']);
      expect(text(grid, '[part="row-count"]')).to.equal('1 sur 4 contacts');
      search.select();
      await sendKeys({ type: 'zzz' });
      await waitUntil(() => shadow(grid).querySelector('[part~="state-no-match"]'), 'no "no match" message');
      expect(text(grid, '[part~="state-no-match"]')).to.equal('Aucun contact ne correspond à la recherche ou aux filtres.');
    });

    it('sorts a column on a header click, empty values last', async () => {
      const grid = await renderLoadedGrid(dataSource(), EMAIL_CAMPAIGN.id);
      const header = shadow(grid).querySelector<HTMLElement>('.tabulator-col[tabulator-field="lastActivityAt"] .tabulator-col-title')!;
      header.click();
      await waitUntil(() => columnTexts(grid, 'lastName')[0] === 'Bréval');
      expect(columnTexts(grid, 'lastName')).to.deep.equal(['Bréval', "d'Almeida", 'Martin', '=HYPERLINK("http://x","y")']);
      header.click();
      await waitUntil(() => columnTexts(grid, 'lastName')[0] === 'Martin');
      expect(columnTexts(grid, 'lastName')).to.deep.equal(['Martin', "d'Almeida", 'Bréval', '=HYPERLINK("http://x","y")']);
    });

    it('sorts texts in French order, equal-collating names in their row order, and labels by their words', async () => {
      const ds = dataSource();
      const names = ['Zoé', 'élodie', 'abel', undefined, 'Élodie', 'Émile', 'ELODIE'];
      const deliveries = ['delivered', 'hard_bounce', 'pending', 'soft_bounce', 'blocked', 'delivered', 'pending'] as const;
      ds.stats[EMAIL_CAMPAIGN.id] = names.map((lastName, i) => ({
        ...EMAIL_ROWS[0]!,
        contactId: `s-${i}`,
        lastName,
        email: `s${i}@example.org`,
        delivery: deliveries[i]!,
      }));
      const grid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
      const title = (field: string) => shadow(grid).querySelector<HTMLElement>(`.tabulator-col[tabulator-field="${field}"] .tabulator-col-title`)!;
      const emails = () => columnTexts(grid, 'email');

      title('lastName').click();
      await waitUntil(() => columnTexts(grid, 'lastName')[0] === 'abel', 'not sorted by name');
      expect(columnTexts(grid, 'lastName')).to.deep.equal(['abel', 'élodie', 'Élodie', 'ELODIE', 'Émile', 'Zoé', '']);
      title('lastName').click();
      await waitUntil(() => columnTexts(grid, 'lastName')[0] === 'Zoé', 'not sorted by name, descending');
      // Equal for the collation: the rows keep their order, in both directions.
      expect(columnTexts(grid, 'lastName')).to.deep.equal(['Zoé', 'Émile', 'élodie', 'Élodie', 'ELODIE', 'abel', '']);

      // A name that arrives with a refresh takes its place.
      ds.stats[EMAIL_CAMPAIGN.id] = [...ds.stats[EMAIL_CAMPAIGN.id]!, { ...EMAIL_ROWS[0]!, contactId: 's-new', lastName: 'Bernard', email: 'new@example.org' }];
      await grid.refresh();
      await waitUntil(() => columnTexts(grid, 'lastName').includes('Bernard'), 'the new row is not shown');
      expect(columnTexts(grid, 'lastName')).to.deep.equal(['Zoé', 'Émile', 'élodie', 'Élodie', 'ELODIE', 'Bernard', 'abel', '']);

      // Délivrabilité sorts by the words shown: Bloqué, Délivré, En attente, Rebond définitif, Rebond temporaire.
      title('delivery').click();
      await waitUntil(() => columnTexts(grid, 'delivery')[0] === 'Bloqué', 'not sorted by delivery');
      expect(emails().slice(0, 7)).to.deep.equal(['s4@example.org', 's0@example.org', 's5@example.org', 'new@example.org', 's2@example.org', 's6@example.org', 's1@example.org']);
      expect(columnTexts(grid, 'delivery')).to.deep.equal(['Bloqué', 'Délivré', 'Délivré', 'Délivré', 'En attente', 'En attente', 'Rebond définitif', 'Rebond temporaire']);
    });

    it('filters from header controls fit to each type', async () => {
      const grid = await renderLoadedGrid(dataSource(), EMAIL_CAMPAIGN.id);
      const filterOf = (field: string) => shadow(grid).querySelector<HTMLInputElement & HTMLSelectElement>(`.tabulator-col[tabulator-field="${field}"] .header-filter`)!;
      expect(filterOf('lastName').type).to.equal('search');
      expect(filterOf('delivery').tagName).to.equal('SELECT');
      expect(filterOf('opened').tagName).to.equal('SELECT');
      expect(filterOf('clickCount').type).to.equal('number');
      expect(filterOf('lastActivityAt').tagName).to.equal('SELECT');
      expect(filterOf('clickCount').getAttribute('aria-label')).to.contain('Clics');

      filterOf('clickCount').focus();
      await sendKeys({ type: '2' });
      await waitUntil(() => columnTexts(grid, 'email').length === 2, 'the number filter did not apply');
      expect(columnTexts(grid, 'lastName')).to.deep.equal(["d'Almeida", 'Martin']);

      const delivery = filterOf('delivery');
      delivery.value = 'hard_bounce';
      delivery.dispatchEvent(new Event('change'));
      await waitUntil(() => columnTexts(grid, 'email').length === 0, 'the two filters did not combine');
      delivery.value = '';
      delivery.dispatchEvent(new Event('change'));
      const spam = filterOf('spamReported');
      spam.value = 'true';
      spam.dispatchEvent(new Event('change'));
      await waitUntil(() => columnTexts(grid, 'email').length === 0);
      filterOf('clickCount').value = '';
      filterOf('clickCount').dispatchEvent(new Event('change'));
      await waitUntil(() => columnTexts(grid, 'email').length === 1);
      expect(columnTexts(grid, 'lastName')).to.deep.equal(['Bréval']);
    });

    it('filters the last activity by period, counted back from the data time', async () => {
      const grid = await renderLoadedGrid(dataSource(), EMAIL_CAMPAIGN.id);
      const activity = shadow(grid).querySelector<HTMLSelectElement>('.tabulator-col[tabulator-field="lastActivityAt"] .header-filter')!;
      expect([...activity.options].map((o) => o.text)).to.deep.equal([
        'Tous',
        'Dernière heure',
        'Dernières 24\u00a0h',
        '7 derniers jours',
        '30 derniers jours',
        'Aucune activité',
      ]);
      const choose = async (label: string, expected: string[]) => {
        activity.value = [...activity.options].find((o) => o.text === label)!.value;
        activity.dispatchEvent(new Event('change'));
        await waitUntil(() => columnTexts(grid, 'lastName').join() === expected.join(), `${label}: ${columnTexts(grid, 'lastName').join()}`);
      };
      // The data is from 2026-11-26 20:30 UTC; activities on the 20th, 21st and 22nd.
      await choose('Aucune activité', ['=HYPERLINK("http://x","y")']);
      await choose('7 derniers jours', ["d'Almeida", 'Bréval', 'Martin']);
      await choose('Dernières 24\u00a0h', []);
    });
  });

  describe('refresh', () => {
    it('shows new figures and keeps sort, filters, search and scroll position', async () => {
      const ds = dataSource();
      const many = Array.from({ length: 300 }, (_, i) => ({
        ...EMAIL_ROWS[0]!,
        contactId: `ct-${i}`,
        lastName: `Nom ${String(i).padStart(3, '0')}`,
        email: `contact${i}@ecole.fr`,
        clickCount: i % 10,
      }));
      ds.stats[EMAIL_CAMPAIGN.id] = many;
      const grid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id, { height: '300px' });
      shadow(grid).querySelector<HTMLElement>('.tabulator-col[tabulator-field="lastName"] .tabulator-col-title')!.click();
      shadow(grid).querySelector<HTMLElement>('.tabulator-col[tabulator-field="lastName"] .tabulator-col-title')!.click();
      await waitUntil(() => columnTexts(grid, 'lastName')[0] === 'Nom 299', 'not sorted descending');
      const min = shadow(grid).querySelector<HTMLInputElement>('.tabulator-col[tabulator-field="clickCount"] .header-filter')!;
      min.focus();
      await sendKeys({ type: '5' });
      await waitUntil(() => text(grid, '[part="row-count"]') === '150 sur 300 contacts', 'filter not applied');
      const holder = shadow(grid).querySelector<HTMLElement>('.tabulator-tableholder')!;
      holder.scrollTop = 1200;
      await waitUntil(() => !columnTexts(grid, 'lastName').includes('Nom 299'), 'did not scroll');
      const visibleBefore = columnTexts(grid, 'lastName');

      ds.asOf = '2026-11-26T21:45:00.000Z';
      ds.stats[EMAIL_CAMPAIGN.id] = many.map((row) => ({ ...row, openCount: row.openCount + 1 }));
      const loaded = oneEvent(grid, 'campaign-stats-load');
      await grid.refresh();
      const { detail } = await loaded;
      expect(detail.asOf).to.equal('2026-11-26T21:45:00.000Z');
      await aTimeout(50);

      expect(holder.isConnected).to.equal(true);
      expect(holder.scrollTop).to.equal(1200);
      expect(columnTexts(grid, 'lastName')).to.deep.equal(visibleBefore);
      expect(columnTexts(grid, 'openCount')[0]).to.equal('4');
      expect(text(grid, '[part="row-count"]')).to.equal('150 sur 300 contacts');
      expect(min.value).to.equal('5');
      const time = new Intl.DateTimeFormat('fr', { hour: '2-digit', minute: '2-digit' }).format(new Date(detail.asOf));
      expect(text(grid, '[part="as-of"]')).to.equal(`Données au 26/11/2026 à ${time}`);
    });

    it('keeps the previous figures and says so when a refresh fails', async () => {
      const ds = dataSource();
      const grid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
      ds.failures.set('getContactStats', new DataSourceError('network', 'down'));
      let rejected: unknown;
      await grid.refresh().catch((error: unknown) => (rejected = error));
      expect((rejected as DataSourceError).kind).to.equal('network');
      await grid.updateComplete;
      expect(columnTexts(grid, 'email')).to.have.length(4);
      expect(text(grid, '.banner')).to.contain("L'actualisation a échoué");
      expect(text(grid, '.banner')).to.contain('injoignable');
    });

    it('refreshes itself on refresh-interval (5 s at the least)', async function () {
      this.timeout(15000);
      const ds = dataSource();
      const grid = await renderLoadedGrid(ds, EMAIL_CAMPAIGN.id);
      grid.refreshInterval = 1;
      await grid.updateComplete;
      const started = Date.now();
      await waitUntil(() => ds.callsOf('getContactStats').length === 2, 'the interval did not refresh', { timeout: 8000 });
      expect(Date.now() - started).to.be.greaterThan(4500);
      grid.refreshInterval = 0;
      await grid.updateComplete;
    });
  });
});
