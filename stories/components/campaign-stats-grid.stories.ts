import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { expect, waitFor } from 'storybook/test';
import { html, nothing } from 'lit';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import { demoDataSourceFor, demoSourceArgTypes, LANG_ARG_TYPE, type DemoSourceArgs } from '../support/demo-source.js';

/**
 * Every state of `<campaign-stats-grid>` that a designer must review, on the in-memory
 * `DemoDataSource` (one per story, built from the controls and passed as `.dataSource`).
 *
 * The demo clock is fixed (campaigns laid out from 25/11/2026 21:30, Paris time, figures read
 * 24 h later) so that screenshots are stable; only "Auto-refresh" runs on the real clock.
 */

/** The demo campaigns (src/data/demo-data-source.ts), as the `campaign` control offers them. */
const CAMPAIGNS: Record<string, string> = {
  'em-reseau-national-orientation': "E-mail · terminée · 1 000 000 contacts · Salons de l'orientation (page par page)",
  'em-reseau-ecoles-rentree': 'E-mail · terminée · 300 000 contacts · Lettre de rentrée (page par page)',
  'sms-reseau-national-inscriptions': 'SMS · terminée · 1 000 000 contacts · Ouverture des inscriptions (page par page)',
  'em-jpo-decembre': 'E-mail · terminée · 100 000 contacts · JPO samedi 6 décembre',
  'em-alternance-rentree': "E-mail · terminée · 5 000 contacts · Offres d'alternance (récente)",
  'em-newsletter-novembre': 'E-mail · terminée · 25 000 contacts · Newsletter novembre',
  'em-relance-meef': 'E-mail · terminée · 1 200 contacts · Relance Master MEEF',
  'em-forum-lyon': 'E-mail · terminée · 48 contacts · Forum Lyon (sans Sarbacane)',
  'em-jury-diplomes': 'E-mail · terminée · 3 contacts · Jury des diplômes',
  'em-tuteurs-stage': 'E-mail · terminée · 0 contact · Rappel aux tuteurs',
  'em-taxe-apprentissage': "E-mail · envoi en cours · Taxe d'apprentissage",
  'em-ateliers-cv': 'E-mail · programmée · Ateliers CV',
  'em-voeux': 'E-mail · brouillon · Vœux',
  'em-studyrama': 'E-mail · annulée · Salon Studyrama',
  'sms-resultats-admission': "SMS · terminée · 12 000 contacts · Résultats d'admission",
  'sms-relance-dossier': 'SMS · terminée · 100 000 contacts · Relance dossier',
  'sms-jpo-rappel': 'SMS · terminée · 2 400 contacts · Rappel JPO',
  'sms-entretien': "SMS · terminée · 150 contacts · Entretien d'admission",
  'sms-stage-urgent': 'SMS · terminée · 8 contacts · Stage cybersécurité',
  'sms-convocation-vide': 'SMS · terminée · 0 contact · Convocation (liste vide)',
  'sms-accueil-alternants': 'SMS · envoi en cours · Accueil des alternants',
  'sms-reunion-parents': 'SMS · programmée · Réunion parents-professeurs',
  'sms-forum': 'SMS · brouillon · Forum des métiers',
  'sms-greve': 'SMS · annulée · Grève des transports',
  'em-inconnue': 'Campagne inexistante (erreur 404)',
};

interface GridArgs extends DemoSourceArgs {
  /** `campaign-id`. */
  campaign: string;
  /** `lang` on the element; empty = inherited from the toolbar's language. */
  lang: '' | 'fr' | 'en';
  /** `height`, a CSS length. */
  height: string;
  /** `refresh-interval`, in seconds (0 = off, minimum 5). */
  refreshInterval: number;
}

const meta = {
  title: 'Components/campaign-stats-grid',
  component: 'campaign-stats-grid',
  decorators: [withActions],
  parameters: {
    actions: {
      handles: ['campaign-stats-load', 'campaign-stats-error', 'campaign-stats-export', 'campaign-stats-exported'],
    },
    docs: {
      description: {
        component:
          "Statistiques par contact d'une campagne dont l'envoi est terminé : tri, filtres, recherche, " +
          'actualisation, et export Excel par clic droit ▸ Exporter ▸ Excel (.xlsx). Les histoires utilisent ' +
          'la `DemoDataSource` (latence et pannes réglables dans les contrôles).',
      },
    },
  },
  args: {
    campaign: 'em-alternance-rentree',
    lang: '',
    height: '480px',
    refreshInterval: 0,
    latency: 300,
    failureRate: 0,
    failOperations: [],
    hangOperations: [],
    requestTimeout: 30_000,
    fixedClock: true,
  },
  argTypes: {
    campaign: {
      name: 'campaign-id',
      description: 'Campagne de la DemoDataSource (attribut `campaign-id`).',
      control: { type: 'select', labels: CAMPAIGNS },
      options: Object.keys(CAMPAIGNS),
      table: { category: 'attributes' },
    },
    lang: LANG_ARG_TYPE,
    height: {
      description: 'Hauteur du tableau, une longueur CSS (attribut `height`).',
      control: 'text',
      table: { category: 'attributes', defaultValue: { summary: '480px' } },
    },
    refreshInterval: {
      name: 'refresh-interval',
      description: 'Actualisation automatique, en secondes (0 = désactivée, minimum 5).',
      control: { type: 'number', min: 0, step: 5 },
      table: { category: 'attributes', defaultValue: { summary: '0' } },
    },
    ...demoSourceArgTypes(),
    // The grid never asks for Sarbacane access.
    hasSarbacaneAccount: { table: { disable: true } },
  },
  render: (args) => html`
    <campaign-stats-grid
      campaign-id=${args.campaign}
      lang=${args.lang || nothing}
      height=${args.height}
      refresh-interval=${args.refreshInterval}
      .requestTimeout=${Number(args.requestTimeout) || 0}
      .dataSource=${demoDataSourceFor(args)}
    ></campaign-stats-grid>
  `,
} satisfies Meta<GridArgs>;

export default meta;
type Story = StoryObj<GridArgs>;

/** A finished e-mail campaign of 5,000 contacts, read a day after its send. */
export const LoadedEmail: Story = {
  name: 'Loaded — email',
  args: { campaign: 'em-alternance-rentree' },
};

/** SMS columns: phone, delivery, clicks, STOP; no "opened" (carriers do not report reads). */
export const LoadedSms: Story = {
  name: 'Loaded — SMS',
  args: { campaign: 'sms-jpo-rappel' },
};

/** `lang="en"` on the element: English labels, dates and numbers formatted for English. */
export const English: Story = {
  args: { campaign: 'em-alternance-rentree', lang: 'en' },
};

/** `getContactStats` never answers (and never times out): the loading state stays. */
export const Loading: Story = {
  args: { hangOperations: ['getContactStats'], requestTimeout: 0 },
};

/** The send is still running: statistics are not fetched (send-finished rule). */
export const NotYetAvailableSending: Story = {
  name: 'Not yet available — sending',
  args: { campaign: 'em-taxe-apprentissage' },
};

/** A scheduled campaign: not yet sent, no statistics. */
export const NotYetAvailableScheduled: Story = {
  name: 'Not yet available — scheduled',
  args: { campaign: 'sms-reunion-parents' },
};

/** A finished campaign that had no contact. */
export const EmptyCampaign: Story = {
  name: 'Empty campaign',
  args: { campaign: 'em-tuteurs-stage' },
};

/** `getContactStats` fails (503): the error state with its retry button. */
export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  args: { failOperations: ['getContactStats'] },
};

/** 100,000 contacts: loaded whole, virtual rendering; sort and filter stay fast. */
export const LargeCampaign: Story = {
  name: 'Large campaign — 100,000 contacts',
  args: { campaign: 'em-jpo-decembre', latency: 0, height: '560px' },
};

/**
 * 1,000,000 contacts, above `server-side-threshold` (200,000): the grid holds one page of 250
 * rows and asks the data source for each page with its sort, filters and search; paginator.
 */
export const ServerSideCampaign: Story = {
  name: 'Server-side mode — 1,000,000 contacts',
  args: { campaign: 'em-reseau-national-orientation', height: '560px' },
};

/** A school brand written only with the `--campaign-stats-*` tokens (toolbar theme "École verte"). */
export const Themed: Story = {
  globals: { theme: 'green' },
  args: { campaign: 'em-alternance-rentree' },
};

/** Right-click on a row: the context menu Exporter ▸ Excel (.xlsx), submenu open, focus on Excel. */
export const ContextMenuOpen: Story = {
  name: 'Context menu open',
  args: { campaign: 'em-alternance-rentree', latency: 0 },
  play: async ({ canvasElement, step }) => {
    const grid = canvasElement.querySelector<CampaignStatsGrid>('campaign-stats-grid')!;
    const root = () => grid.shadowRoot!;
    const cell = await waitFor(
      () => {
        // The second cell (Prénom) of the third row.
        const found = root().querySelectorAll('.tabulator-row')[2]?.querySelectorAll<HTMLElement>('.tabulator-cell')[1];
        if (!found) throw new Error('The rows are not rendered yet.');
        return found;
      },
      { timeout: 15_000 },
    );
    await step('Right-click on a row', async () => {
      const rect = cell.getBoundingClientRect();
      cell.dispatchEvent(
        new MouseEvent('contextmenu', {
          bubbles: true,
          composed: true,
          cancelable: true,
          button: 2,
          buttons: 2,
          clientX: rect.left + 24,
          clientY: rect.top + rect.height / 2,
          view: window,
        }),
      );
      const exporter = await waitFor(() => {
        const item = root().querySelector<HTMLElement>('[role="menu"] [role="menuitem"][data-level="0"]');
        if (!item) throw new Error('The menu did not open.');
        return item;
      });
      // Focus is inside the shadow root: `toHaveFocus()` would look at document.activeElement (the host).
      await waitFor(() => expect(root().activeElement).toBe(exporter));
    });
    await step('Open Exporter ▸', async () => {
      root().querySelector<HTMLElement>('[role="menuitem"][data-level="0"]')!.click();
      await waitFor(() => {
        const excel = root().querySelector('[role="menuitem"][data-level="1"]');
        expect(excel).not.toBeNull();
        expect(root().activeElement).toBe(excel);
      });
    });
  },
};

/** The recently finished campaign on the real clock, refreshed every 10 s: watch opens and clicks arrive. */
export const AutoRefresh: Story = {
  name: 'Auto-refresh (10 s)',
  args: { campaign: 'em-alternance-rentree', refreshInterval: 10, fixedClock: false },
};
