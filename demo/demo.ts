import { DemoDataSource, setDefaultDataSource } from '../src/index.js';
import '../src/define/campaign-stats-grid.js';

// The in-memory demo data, with a little latency so that loading states are visible.
const dataSource = new DemoDataSource({ latency: 350 });
setDefaultDataSource(dataSource);

const grid = document.querySelector('campaign-stats-grid')!;
const picker = document.querySelector<HTMLSelectElement>('#campaign')!;

const { campaigns } = await dataSource.listCampaigns({});
const statusLabel: Record<string, string> = {
  finished: 'terminée',
  sending: 'en cours',
  scheduled: 'programmée',
  draft: 'brouillon',
  cancelled: 'annulée',
};
for (const channel of ['email', 'sms'] as const) {
  const group = document.createElement('optgroup');
  group.label = channel === 'email' ? 'E-mail' : 'SMS';
  for (const c of campaigns.filter((c) => c.channel === channel)) {
    group.append(new Option(`${c.name} (${statusLabel[c.status]}, ${c.recipientCount.toLocaleString('fr')} contacts)`, c.id));
  }
  picker.append(group);
}

const params = new URLSearchParams(location.search);
picker.value = params.get('campaign') ?? 'em-alternance-rentree';
grid.campaignId = picker.value;
picker.addEventListener('change', () => (grid.campaignId = picker.value));

const lang = params.get('lang') === 'en' ? 'en' : 'fr';
document.documentElement.lang = lang;
document.querySelector<HTMLInputElement>(`input[name="lang"][value="${lang}"]`)!.checked = true;
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="lang"]')) {
  radio.addEventListener('change', () => (document.documentElement.lang = radio.value));
}
