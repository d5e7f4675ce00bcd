import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { expect, waitFor } from 'storybook/test';
import { html, nothing } from 'lit';
import type { CampaignStatsSummary } from '../../src/components/campaign-stats-summary/campaign-stats-summary.js';
import '../../src/define/campaign-stats-summary.js';
import { demoSourceArgs, demoSourceArgTypes, LANG_ARG_TYPE, type DemoSourceArgs } from '../support/demo-source.js';
import { summarySourceFor } from '../support/summary-source.js';

/**
 * Every state of `<campaign-stats-summary>` that a designer must review, on the in-memory
 * `DemoDataSource` (fixed clock: figures read 24 h after the campaigns' layout), with and
 * without the data source's `getStatsSummary`.
 */

const CAMPAIGNS: Record<string, string> = {
  'em-relance-meef': 'E-mail · terminée · 1 200 contacts · Relance Master MEEF',
  'em-alternance-rentree': "E-mail · terminée · 5 000 contacts · Offres d'alternance (récente)",
  'em-newsletter-novembre': 'E-mail · terminée · 25 000 contacts · Newsletter (12 liens)',
  'em-jpo-decembre': 'E-mail · terminée · 100 000 contacts · JPO samedi 6 décembre',
  'em-reseau-ecoles-rentree': 'E-mail · terminée · 300 000 contacts · Lettre de rentrée',
  'em-reseau-national-orientation': "E-mail · terminée · 1 000 000 contacts · Salons de l'orientation",
  'em-jury-diplomes': 'E-mail · terminée · 3 contacts · Jury des diplômes (aucun clic)',
  'em-tuteurs-stage': 'E-mail · terminée · 0 contact · Rappel aux tuteurs',
  'em-taxe-apprentissage': "E-mail · envoi en cours · Taxe d'apprentissage",
  'em-studyrama': 'E-mail · annulée · Salon Studyrama',
  'sms-jpo-rappel': 'SMS · terminée · 2 400 contacts · Rappel JPO',
  'sms-resultats-admission': "SMS · terminée · 12 000 contacts · Résultats d'admission",
  'sms-reunion-parents': 'SMS · programmée · Réunion parents-professeurs',
  'em-inconnue': 'Campagne inexistante (erreur 404)',
};

interface SummaryArgs extends DemoSourceArgs {
  'campaign-id': string;
  lang: '' | 'fr' | 'en';
  'refresh-interval': number;
  /** The data source has no `getStatsSummary`: the figures are counted from the rows. */
  withoutSummary: boolean;
  /** Made-up links replacing the demo's (0 = the demo's own). */
  links: number;
}

const meta = {
  title: 'Components/campaign-stats-summary',
  component: 'campaign-stats-summary',
  decorators: [withActions],
  parameters: {
    actions: { handles: ['campaign-stats-summary-select', 'campaign-stats-error'] },
    docs: {
      description: {
        component:
          "Synthèse d'une campagne dont l'envoi est terminé : chiffres clés avec leurs taux, clics par lien, " +
          "activité dans le temps (graphique et tableau). Chaque chiffre et chaque lien filtre la grille `stats-target` " +
          'sur ses contacts (événement annulable `campaign-stats-summary-select`, visible dans Actions).',
      },
    },
  },
  args: {
    'campaign-id': 'em-relance-meef',
    lang: '',
    'refresh-interval': 0,
    withoutSummary: false,
    links: 0,
    ...demoSourceArgs,
  },
  argTypes: {
    'campaign-id': {
      description: 'Campagne de la DemoDataSource (attribut `campaign-id`).',
      control: { type: 'select', labels: CAMPAIGNS },
      options: Object.keys(CAMPAIGNS),
      table: { category: 'attributes' },
    },
    lang: LANG_ARG_TYPE,
    'refresh-interval': {
      description: 'Actualisation automatique, en secondes (0 = désactivée, minimum 5).',
      control: { type: 'number', min: 0, step: 5 },
      table: { category: 'attributes', defaultValue: { summary: '0' } },
    },
    withoutSummary: {
      description: 'La source de données n’a pas `getStatsSummary` : les chiffres sont comptés dans le navigateur à partir des lignes.',
      control: 'boolean',
      table: { category: 'demo data source' },
    },
    links: {
      description: 'Remplace les liens de la démo par ce nombre de liens fictifs (0 = ceux de la démo).',
      control: { type: 'number', min: 0, max: 60 },
      table: { category: 'demo data source' },
    },
    ...demoSourceArgTypes(),
    hasSarbacaneAccount: { table: { disable: true } },
  },
  render: (args) => html`
    <campaign-stats-summary
      campaign-id=${args['campaign-id']}
      lang=${args.lang || nothing}
      refresh-interval=${args['refresh-interval']}
      .requestTimeout=${Number(args.requestTimeout) || 0}
      .dataSource=${summarySourceFor(args, { withoutSummary: args.withoutSummary, links: Number(args.links) || 0 })}
    ></campaign-stats-summary>
  `,
} satisfies Meta<SummaryArgs>;

export default meta;
type Story = StoryObj<SummaryArgs>;

/** The figures, the links and the activity of a finished e-mail campaign, from `getStatsSummary`. */
export const LoadedEmail: Story = { name: 'Loaded — email' };

/** SMS: delivery, failures, clickers and STOP; clicks only in the activity. */
export const LoadedSms: Story = { name: 'Loaded — SMS', args: { 'campaign-id': 'sms-jpo-rappel' } };

/** `lang="en"`: English labels, numbers and dates. */
export const English: Story = { args: { lang: 'en' } };

/** SMS in English. */
export const EnglishSms: Story = { name: 'English — SMS', args: { lang: 'en', 'campaign-id': 'sms-resultats-admission' } };

/** No `getStatsSummary`: counted from the rows; clickers per link only; the activity is each contact's last one. */
export const ComputedFromRows: Story = { name: 'Computed from rows (no getStatsSummary)', args: { withoutSummary: true } };

/** No `getStatsSummary`, SMS. */
export const ComputedFromRowsSms: Story = { name: 'Computed from rows — SMS', args: { withoutSummary: true, 'campaign-id': 'sms-jpo-rappel' } };

/** No `getStatsSummary` and 300,000 contacts, too many to load whole: the summary says it is not available. */
export const UnavailableWithoutSummary: Story = {
  name: 'Not available without getStatsSummary — 300,000 contacts',
  args: { withoutSummary: true, 'campaign-id': 'em-reseau-ecoles-rentree' },
};

/** 1,000,000 contacts: the data source counts them; nothing is loaded in the browser. */
export const MillionContacts: Story = { name: '1,000,000 contacts', args: { 'campaign-id': 'em-reseau-national-orientation' } };

/** A campaign without any click: the links table says so, the chart shows the opens. */
export const NoClicks: Story = { name: 'No clicks', args: { 'campaign-id': 'em-jury-diplomes' } };

/** 30 links: the table grows with the message (labels missing on some: the URL is shown). */
export const ThirtyLinks: Story = { name: '30 links', args: { links: 30 } };

/** `getStatsSummary` never answers. */
// The loading state is the state to check: the a11y check does not wait for a load (.storybook/preview.ts).
export const Loading: Story = { args: { hangOperations: ['getStatsSummary'], requestTimeout: 0 }, parameters: { waitForLoad: false } };

/** The send is running: nothing is asked for (send-finished rule). */
export const NotYetAvailableSending: Story = { name: 'Not yet available — sending', args: { 'campaign-id': 'em-taxe-apprentissage' } };

/** A scheduled SMS campaign. */
export const NotYetAvailableScheduled: Story = { name: 'Not yet available — scheduled', args: { 'campaign-id': 'sms-reunion-parents' } };

/** A cancelled campaign: there will be no statistics. */
export const Cancelled: Story = { args: { 'campaign-id': 'em-studyrama' } };

/** A finished campaign without contacts. */
export const EmptyCampaign: Story = { name: 'Empty campaign', args: { 'campaign-id': 'em-tuteurs-stage' } };

/** `getStatsSummary` fails (503): the error state and its retry button. */
export const ErrorWithRetry: Story = { name: 'Error with retry', args: { failOperations: ['getStatsSummary'] } };

/** An unknown campaign (404): not retryable. */
export const NotFound: Story = { name: 'Not found', args: { 'campaign-id': 'em-inconnue' } };

/** The "École verte" theme of the toolbar: the same `--campaign-stats-*` tokens as the other elements. */
export const Themed: Story = { globals: { theme: 'green' } };

/** The activity's data shown as a table (the chart's text alternative for everyone). */
export const ActivityTable: Story = {
  name: 'Activity as a table',
  args: { latency: 0 },
  play: async ({ canvasElement }) => {
    const summary = canvasElement.querySelector<CampaignStatsSummary>('campaign-stats-summary')!;
    const toggle = await waitFor(
      () => {
        const button = summary.shadowRoot!.querySelector<HTMLButtonElement>('[part~="table-toggle"]');
        if (!button) throw new Error('The activity is not rendered yet.');
        return button;
      },
      { timeout: 15_000 },
    );
    toggle.click();
    await waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('true'));
  },
};
