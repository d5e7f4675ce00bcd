import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import { html, nothing } from 'lit';
import '../src/define/campaign-list.js';
import '../src/define/campaign-stats-grid.js';
import '../src/define/sarbacane-link.js';
import '../src/define/campaign-stats-summary.js';
import type { CampaignList } from '../src/components/campaign-list/campaign-list.js';
import type { CampaignStatsGrid } from '../src/components/campaign-stats-grid/campaign-stats-grid.js';
import type { CampaignStatsSummary } from '../src/components/campaign-stats-summary/campaign-stats-summary.js';
import type { SarbacaneLink } from '../src/components/sarbacane-link/sarbacane-link.js';
import type { Channel } from '../src/data/campaign-data-source.js';
import { dataSourceFor, demoSourceArgs, demoSourceArgTypes, uniqueId, type DemoSourceArgs } from './support/demo-source.js';

/**
 * The three elements composed as a Hub3E page would: `<campaign-list stats-target>` drives
 * `<campaign-stats-grid>`, and the page's `<sarbacane-link>` follows the `campaign-stats-open`
 * event. One `DemoDataSource` (from the controls) is passed to all three as `.dataSource`.
 *
 * The grid's id is unique per render (a docs page shows several of these stories at once, and
 * `stats-target` is looked up with `getElementById`).
 */

interface PageArgs extends DemoSourceArgs {
  /** The list's initial `channel` (the page's switch changes it). */
  channel: Channel;
  /** `lang` on the page; empty = the toolbar's language. */
  lang: '' | 'fr' | 'en';
  /** The list's `page-size`. */
  pageSize: number;
  /** The grid's `height`. */
  height: string;
  /** The grid's `refresh-interval`, in seconds. */
  refreshInterval: number;
  /** Name of a campaign whose "Statistiques par contact" the play function clicks; empty = none. */
  open: string;
}

const TEXTS = {
  fr: {
    brand: 'Hub3E · Marketing Automation',
    title: 'Statistiques des campagnes',
    channel: 'Canal',
    email: 'E-mailing',
    sms: 'SMSing',
    campaigns: 'Campagnes',
    summary: 'Synthèse',
    perContact: 'Statistiques par contact',
  },
  en: {
    brand: 'Hub3E · Marketing Automation',
    title: 'Campaign statistics',
    channel: 'Channel',
    email: 'Emailing',
    sms: 'SMSing',
    campaigns: 'Campaigns',
    summary: 'Summary',
    perContact: 'Per-contact statistics',
  },
} as const;

/** The host page's own styles (the elements style themselves); borders follow the theme's tokens. */
const PAGE_STYLES = html`<style>
  .hub3e-page {
    display: grid;
    gap: 20px;
    font-family: var(--campaign-stats-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--campaign-stats-color-text, #1c2430);
  }
  .hub3e-page .page-header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 16px;
    padding-bottom: 12px;
    border-bottom: 1px solid var(--campaign-stats-color-border, #d5dbe3);
  }
  .hub3e-page .brand {
    margin: 0 0 4px;
    font-size: 13px;
    color: var(--campaign-stats-color-muted, #5b6675);
  }
  .hub3e-page h1 {
    margin: 0;
    font-size: 22px;
  }
  .hub3e-page h2 {
    margin: 0 0 12px;
    font-size: 17px;
  }
  .hub3e-page .campaign-name:not(:empty)::before {
    content: ' — ';
  }
  .hub3e-page fieldset.switch {
    display: flex;
    align-items: center;
    gap: 12px;
    margin: 0;
    padding: 0;
    border: none;
  }
  .hub3e-page fieldset.switch legend {
    float: left;
    padding: 0;
    color: var(--campaign-stats-color-muted, #5b6675);
  }
  .hub3e-page .panel {
    min-width: 0;
    padding: 16px;
    border: 1px solid var(--campaign-stats-color-border, #d5dbe3);
    border-radius: var(--campaign-stats-radius, 8px);
    background: var(--campaign-stats-color-surface, #ffffff);
  }
  .hub3e-page .panel-header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 12px;
  }
</style>`;

function renderPage(args: PageArgs, context: StoryContext<PageArgs>) {
  const lang = args.lang || (context.globals.locale === 'en' ? 'en' : 'fr');
  const t = TEXTS[lang];
  const gridId = uniqueId('stats-grid', context.id);
  const source = dataSourceFor(args);
  const timeout = Number(args.requestTimeout) || 0;

  const page = (event: Event) => (event.currentTarget as HTMLElement).closest<HTMLElement>('.hub3e-page')!;
  // The page's Sarbacane link follows the campaign opened in the list (the list drives the grid itself).
  const onOpen = (event: HTMLElementEventMap['campaign-stats-open']) => {
    const link = page(event).querySelector<SarbacaneLink>('sarbacane-link')!;
    link.campaign = event.detail.campaign;
    link.campaignId = event.detail.campaign.id;
    page(event).querySelector<CampaignStatsSummary>('campaign-stats-summary')!.campaignId = event.detail.campaign.id;
  };
  const onLoad = (event: HTMLElementEventMap['campaign-stats-load']) => {
    page(event).querySelector('.campaign-name')!.textContent = event.detail.campaign.name;
  };
  // Email/SMS switch: another channel's list, and nothing chosen yet.
  const onChannel = (event: Event) => {
    const radio = event.target as HTMLInputElement;
    if (!radio.checked) return;
    const root = page(event);
    root.querySelector<CampaignList>('campaign-list')!.channel = radio.value === 'sms' ? 'sms' : 'email';
    root.querySelector<CampaignStatsGrid>('campaign-stats-grid')!.campaignId = '';
    root.querySelector<CampaignStatsSummary>('campaign-stats-summary')!.campaignId = '';
    const link = root.querySelector<SarbacaneLink>('sarbacane-link')!;
    link.campaign = undefined;
    link.campaignId = '';
    root.querySelector('.campaign-name')!.textContent = '';
  };

  return html`${PAGE_STYLES}
    <div class="hub3e-page" lang=${args.lang || nothing} @campaign-stats-open=${onOpen} @campaign-stats-load=${onLoad}>
      <header class="page-header">
        <div>
          <p class="brand">${t.brand}</p>
          <h1>${t.title}</h1>
        </div>
        <fieldset class="switch" @change=${onChannel}>
          <legend>${t.channel}</legend>
          <label><input type="radio" name=${`channel-${gridId}`} value="email" .checked=${args.channel !== 'sms'} /> ${t.email}</label>
          <label><input type="radio" name=${`channel-${gridId}`} value="sms" .checked=${args.channel === 'sms'} /> ${t.sms}</label>
        </fieldset>
      </header>
      <section class="panel" aria-labelledby=${`${gridId}-campaigns`}>
        <h2 id=${`${gridId}-campaigns`}>${t.campaigns}</h2>
        <campaign-list
          channel=${args.channel}
          stats-target=${gridId}
          page-size=${args.pageSize}
          .requestTimeout=${timeout}
          .dataSource=${source}
        ></campaign-list>
      </section>
      <section class="panel" aria-labelledby=${`${gridId}-summary`}>
        <div class="panel-header">
          <h2 id=${`${gridId}-summary`}>${t.summary}</h2>
          <sarbacane-link .requestTimeout=${timeout} .dataSource=${source}></sarbacane-link>
        </div>
        <campaign-stats-summary stats-target=${gridId} .requestTimeout=${timeout} .dataSource=${source}></campaign-stats-summary>
      </section>
      <section class="panel" aria-labelledby=${`${gridId}-stats`}>
        <h2 id=${`${gridId}-stats`}>${t.perContact}<span class="campaign-name"></span></h2>
        <campaign-stats-grid
          id=${gridId}
          height=${args.height}
          refresh-interval=${args.refreshInterval}
          .requestTimeout=${timeout}
          .dataSource=${source}
        ></campaign-stats-grid>
      </section>
    </div>`;
}

const meta = {
  title: 'Pages/Hub3E campaign statistics',
  decorators: [withActions],
  parameters: {
    layout: 'padded',
    actions: {
      handles: ['campaign-stats-open', 'campaign-stats-summary-select', 'campaign-stats-load', 'campaign-stats-error', 'campaign-stats-export', 'campaign-stats-exported', 'sarbacane-navigate'],
    },
    docs: {
      description: {
        component:
          'Les trois éléments composés comme dans une page Hub3E : la liste pilote le tableau par `stats-target`, ' +
          'le lien Sarbacane de la page suit l’événement `campaign-stats-open`. Une seule `DemoDataSource` ' +
          '(réglable dans les contrôles) sert les trois éléments.',
      },
    },
  },
  args: {
    channel: 'email',
    lang: '',
    pageSize: 5,
    height: '420px',
    refreshInterval: 0,
    open: '',
    ...demoSourceArgs,
  },
  argTypes: {
    channel: {
      description: 'Canal affiché au départ (`channel` de la liste) ; le sélecteur de la page le change ensuite.',
      control: { type: 'inline-radio', labels: { email: 'e-mail', sms: 'SMS' } },
      options: ['email', 'sms'],
      table: { category: 'page' },
    },
    lang: {
      description: "Attribut `lang` de la page ; vide = langue de la barre d'outils.",
      control: { type: 'inline-radio', labels: { '': 'hérité', fr: 'fr', en: 'en' } },
      options: ['', 'fr', 'en'],
      table: { category: 'page' },
    },
    pageSize: {
      name: 'page-size',
      description: '`page-size` de la liste.',
      control: { type: 'number', min: 1, max: 100, step: 1 },
      table: { category: 'campaign-list' },
    },
    height: {
      description: '`height` du tableau (longueur CSS).',
      control: 'text',
      table: { category: 'campaign-stats-grid' },
    },
    refreshInterval: {
      name: 'refresh-interval',
      description: '`refresh-interval` du tableau, en secondes (0 = désactivée, minimum 5).',
      control: { type: 'number', min: 0, step: 5 },
      table: { category: 'campaign-stats-grid' },
    },
    open: {
      description:
        'Début du nom d’une campagne terminée, sur la première page de la liste, dont la fonction play clique ' +
        '« Statistiques par contact » ; vide = aucune (la page attend un choix).',
      control: 'text',
      table: { category: 'story' },
    },
    ...demoSourceArgTypes(),
  },
  render: renderPage,
  play: async ({ canvasElement, args, step }) => {
    if (!args.open) return;
    const list = canvasElement.querySelector<CampaignList>('campaign-list')!;
    const grid = canvasElement.querySelector<CampaignStatsGrid>('campaign-stats-grid')!;
    const link = canvasElement.querySelector<SarbacaneLink>('sarbacane-link')!;
    await step(`Open « ${args.open} » from the list`, async () => {
      const button = await waitFor(
        () => {
          const row = [...list.shadowRoot!.querySelectorAll('tbody tr')].find((tr) =>
            tr.querySelector('[part~="name"]')?.textContent?.trim().startsWith(args.open),
          );
          const found = row?.querySelector<HTMLButtonElement>('button.stats-button:not([aria-disabled="true"])');
          if (!found) throw new Error(`No enabled "Statistiques par contact" for « ${args.open} » yet.`);
          return found;
        },
        { timeout: 15_000 },
      );
      await userEvent.click(button);
      // The list drove the grid (stats-target), the page drove its Sarbacane link.
      await waitFor(() => {
        expect(grid.campaignId).not.toBe('');
        expect(link.campaignId).toBe(grid.campaignId);
      });
    });
  },
} satisfies Meta<PageArgs>;

export default meta;
type Story = StoryObj<PageArgs>;

/** The e-mail page, "Offres d'alternance de la rentrée" opened from the list. */
export const Email: Story = {
  args: { open: "Offres d'alternance" },
};

/** The page as it first shows: no campaign chosen yet. */
export const NothingChosen: Story = {
  name: 'Nothing chosen yet',
};

/** The SMS page, "Résultats d'admission en ligne" opened: no "Ouvert" column (carriers do not report reads). */
export const Sms: Story = {
  name: 'SMS',
  args: { channel: 'sms', open: "Résultats d'admission" },
};

/** The page in English. */
export const English: Story = {
  args: { lang: 'en', open: "Offres d'alternance" },
};

/** The user has no Sarbacane account: the per-contact grid works, the page's Sarbacane link says why not. */
export const NoSarbacaneAccount: Story = {
  name: 'No Sarbacane account',
  args: { hasSarbacaneAccount: false, open: "Offres d'alternance" },
};

/** A school brand written only with the `--campaign-stats-*` tokens (toolbar theme "École verte"). */
export const Themed: Story = {
  globals: { theme: 'green' },
  args: { open: "Offres d'alternance" },
};
