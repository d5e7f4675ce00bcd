// The demo page: the three elements composed as a Hub3E page would, on the in-memory demo
// data or on the same data over HTTP (`npm start` serves it under /api, see server/demo-api.ts).
//
// URL parameters (each also a control of the page): `lang=en` (default fr), `source=rest`
// (default: the in-memory demo), `channel=sms` (default email), `campaign=<id>` (shown at once),
// `fail=1` (the demo's getContactStats and getStatsSummary fail: the error states) and
// `sarbacane=0` (the demo user has no Sarbacane account). The last two change the in-memory
// demo only: the REST API's answers are the server's.
import { DemoDataSource, RestDataSource, setDefaultDataSource, type Channel } from '../src/index.js';
import '../src/define/campaign-list.js';
import '../src/define/campaign-stats-grid.js';
import '../src/define/sarbacane-link.js';
import '../src/define/campaign-stats-summary.js';

const params = new URLSearchParams(location.search);

/** The page's simulation switches, for the in-memory demo data. */
const simulation = { fail: params.get('fail') === '1', noSarbacane: params.get('sarbacane') === '0' };
let source: 'demo' | 'rest' = 'demo';

/** The in-memory demo data as the switches say; a new one at each change (its options are fixed). */
function demoDataSource(): DemoDataSource {
  return new DemoDataSource({
    // A little latency, so that loading states are visible.
    latency: 350,
    // The grid's and the summary's own calls: the list still answers, so that a campaign can be picked.
    failOperations: simulation.fail ? ['getContactStats', 'getStatsSummary'] : [],
    hasSarbacaneAccount: !simulation.noSarbacane,
  });
}
const rest = new RestDataSource({ baseUrl: '/api' });

const list = document.querySelector('campaign-list')!;
const grid = document.querySelector('campaign-stats-grid')!;
const sarbacane = document.querySelector('sarbacane-link')!;
const summary = document.querySelector('campaign-stats-summary')!;
const campaignNames = document.querySelectorAll('.campaign-name');

const PAGE_TEXTS = {
  fr: {
    title: 'Statistiques des campagnes', channel: 'Canal', email: 'E-mailing', sms: 'SMSing', source: 'Données', sourceDemo: 'Démo en mémoire', sourceRest: 'API REST (/api)',
    simulate: 'Simulation', fail: 'Simuler une panne', noSarbacane: 'Sans compte Sarbacane', simulateNote: 'Données de démo seulement',
    campaigns: 'Campagnes', summary: 'Synthèse', perContact: 'Statistiques par contact',
  },
  en: {
    title: 'Campaign statistics', channel: 'Channel', email: 'Emailing', sms: 'SMSing', source: 'Data', sourceDemo: 'In-memory demo', sourceRest: 'REST API (/api)',
    simulate: 'Simulation', fail: 'Simulate an outage', noSarbacane: 'No Sarbacane account', simulateNote: 'In-memory demo only',
    campaigns: 'Campaigns', summary: 'Summary', perContact: 'Per-contact statistics',
  },
};

function setLang(lang: 'fr' | 'en'): void {
  // The elements follow <html lang> by themselves; the page's own texts are switched here.
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = PAGE_TEXTS[lang][element.dataset.i18n as keyof (typeof PAGE_TEXTS)['fr']];
  }
}

function setChannel(channel: Channel): void {
  list.channel = channel;
  showCampaign('');
}

/** The data source of the page: the REST API, or the demo data as the switches say; the elements reload. */
function applySource(): void {
  setDefaultDataSource(source === 'rest' ? rest : demoDataSource());
  // The switches change the in-memory demo only.
  for (const box of switches) box.disabled = source === 'rest';
  document.querySelector<HTMLElement>('#simulate-note')!.hidden = source !== 'rest';
}

const switches = [...document.querySelectorAll<HTMLInputElement>('input[name="fail"], input[name="no-sarbacane"]')];
for (const box of switches) {
  const key = box.name === 'fail' ? 'fail' : 'noSarbacane';
  box.checked = simulation[key];
  box.addEventListener('change', () => {
    simulation[key] = box.checked;
    applySource();
  });
}

function onRadio(name: string, handler: (value: string) => void, initial: string): void {
  for (const radio of document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
    radio.checked = radio.value === initial;
    radio.addEventListener('change', () => radio.checked && handler(radio.value));
  }
  handler(initial);
}

/** The campaign the page shows: the summary above the grid, and the Sarbacane link beside it. */
function showCampaign(campaignId: string): void {
  grid.campaignId = campaignId;
  summary.campaignId = campaignId;
  sarbacane.campaignId = campaignId;
  if (!campaignId) for (const name of campaignNames) name.textContent = '';
}

// The list drives the grid through `stats-target`; the page mirrors the choice in its summary,
// its headings and its Sarbacane link. The summary drives the grid through its own `stats-target`.
list.addEventListener('campaign-stats-open', (event) => {
  sarbacane.campaign = event.detail.campaign;
  showCampaign(event.detail.campaign.id);
});
grid.addEventListener('campaign-stats-load', (event) => {
  for (const name of campaignNames) name.textContent = event.detail.campaign.name;
});

onRadio('lang', (lang) => setLang(lang === 'en' ? 'en' : 'fr'), params.get('lang') === 'en' ? 'en' : 'fr');
onRadio(
  'source',
  (value) => {
    source = value === 'rest' ? 'rest' : 'demo';
    applySource();
  },
  params.get('source') === 'rest' ? 'rest' : 'demo',
);
onRadio('channel', (channel) => setChannel(channel === 'sms' ? 'sms' : 'email'), params.get('channel') === 'sms' ? 'sms' : 'email');

const initial = params.get('campaign');
if (initial) showCampaign(initial);
