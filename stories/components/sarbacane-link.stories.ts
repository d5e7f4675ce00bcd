import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { html, nothing } from 'lit';
import '../../src/define/sarbacane-link.js';
import { dataSourceFor, demoSourceArgs, demoSourceArgTypes, LANG_ARG_TYPE, type DemoSourceArgs } from '../support/demo-source.js';

/**
 * Every state of `<sarbacane-link>` that a designer must review, on the in-memory
 * `DemoDataSource` (one per story, built from the controls and passed as `.dataSource`).
 * Enabled only when the send is finished, the user has a Sarbacane account and the report
 * address is `https:` on Sarbacane (or an `allowed-hosts` host); otherwise disabled, with why.
 */

/** The demo campaigns (src/data/demo-data-source.ts), as the `campaign-id` control offers them. */
const CAMPAIGNS: Record<string, string> = {
  'em-alternance-rentree': "E-mail · terminée · sur Sarbacane · Offres d'alternance",
  'em-jpo-decembre': 'E-mail · terminée · sur Sarbacane · JPO samedi 6 décembre',
  'em-forum-lyon': 'E-mail · terminée · pas sur Sarbacane · Forum Lyon',
  'em-taxe-apprentissage': "E-mail · envoi en cours · Taxe d'apprentissage",
  'em-ateliers-cv': 'E-mail · programmée · Ateliers CV',
  'em-voeux': 'E-mail · brouillon · Vœux',
  'em-studyrama': 'E-mail · annulée · Salon Studyrama',
  'sms-jpo-rappel': 'SMS · terminée · sur Sarbacane · Rappel JPO',
  'sms-entretien': "SMS · terminée · pas sur Sarbacane · Entretien d'admission",
  'sms-accueil-alternants': 'SMS · envoi en cours · Accueil des alternants',
  'sms-reunion-parents': 'SMS · programmée · Réunion parents-professeurs',
  'sms-forum': 'SMS · brouillon · Forum des métiers',
  'sms-greve': 'SMS · annulée · Grève des transports',
  'em-inconnue': 'Campagne inexistante (erreur 404)',
};

interface LinkArgs extends DemoSourceArgs {
  /** `campaign-id` (args named after the attributes: one row each with the manifest's). */
  'campaign-id': string;
  /** `lang` on the element; empty = inherited from the toolbar's language. */
  lang: '' | 'fr' | 'en';
  /** The slotted label; empty = the default label. */
  label: string;
  /** `allowed-hosts`, space-separated. */
  'allowed-hosts': string;
  /** Replaces the report address the demo data source gives; empty = the demo's own. */
  reportUrl: string;
  /** Cancel `sarbacane-navigate`: the click is logged in Actions, no tab opens. */
  cancelNavigation: boolean;
}

function cancelIf(cancel: boolean) {
  return (event: Event) => {
    if (cancel) event.preventDefault();
  };
}

const meta = {
  title: 'Components/sarbacane-link',
  component: 'sarbacane-link',
  decorators: [withActions],
  parameters: {
    actions: { handles: ['sarbacane-navigate'] },
    docs: {
      description: {
        component:
          'Lien vers les statistiques globales de la campagne sur Sarbacane. Actif seulement quand l’envoi est ' +
          'terminé, que l’utilisateur a un compte Sarbacane et que l’adresse du rapport est sûre ; sinon désactivé, ' +
          'avec la raison écrite dessous. Les histoires utilisent la `DemoDataSource` (latence, pannes et compte ' +
          'Sarbacane réglables dans les contrôles).',
      },
    },
  },
  args: {
    'campaign-id': 'em-alternance-rentree',
    lang: '',
    label: '',
    'allowed-hosts': '',
    reportUrl: '',
    cancelNavigation: true,
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
    'allowed-hosts': {
      description: 'Hôtes autorisés en plus de `sarbacane.com` (et de leurs sous-domaines), séparés par des espaces.',
      control: 'text',
      table: { category: 'attributes' },
    },
    label: {
      description: 'Contenu du slot (le libellé du lien) ; vide = « Statistiques globales sur Sarbacane ».',
      control: 'text',
      table: { category: 'slots' },
    },
    reportUrl: {
      description:
        'Remplace l’adresse du rapport que donne `getSarbacaneAccess` (vide = celle de la démo, ' +
        '`https://app.sarbacane.com/…`). Essayez `http://…`, `javascript:…`, `https://sarbacane.com.evil.example/x`.',
      control: 'text',
      table: { category: 'demo data source' },
    },
    cancelNavigation: {
      description: "Annule l'événement `sarbacane-navigate` : le clic est journalisé dans Actions, aucun onglet ne s'ouvre.",
      control: 'boolean',
      table: { category: 'events' },
    },
    ...demoSourceArgTypes(),
    // The link shows no date: the demo clock changes nothing here.
    fixedClock: { table: { disable: true } },
  },
  render: (args) => html`
    <sarbacane-link
      campaign-id=${args['campaign-id']}
      lang=${args.lang || nothing}
      allowed-hosts=${args['allowed-hosts'] || nothing}
      .requestTimeout=${Number(args.requestTimeout) || 0}
      .dataSource=${dataSourceFor(args, { reportUrl: args.reportUrl })}
      @sarbacane-navigate=${cancelIf(args.cancelNavigation)}
      >${args.label || nothing}</sarbacane-link
    >
  `,
} satisfies Meta<LinkArgs>;

export default meta;
type Story = StoryObj<LinkArgs>;

/** A finished campaign on Sarbacane, the user has an account: the link, and the "account needed" note. */
export const Enabled: Story = {};

/** Draft: the send has not started, the link is disabled (send-finished rule; Sarbacane is not asked). */
export const NotFinishedDraft: Story = {
  name: 'Disabled — draft',
  args: { 'campaign-id': 'em-voeux' },
};

/** Scheduled: not sent yet. */
export const NotFinishedScheduled: Story = {
  name: 'Disabled — scheduled',
  args: { 'campaign-id': 'em-ateliers-cv' },
};

/** The send is running. */
export const NotFinishedSending: Story = {
  name: 'Disabled — sending',
  args: { 'campaign-id': 'em-taxe-apprentissage' },
};

/** The send was cancelled: no statistics will ever exist. */
export const NotFinishedCancelled: Story = {
  name: 'Disabled — cancelled',
  args: { 'campaign-id': 'em-studyrama' },
};

/** The data source says the user has no Sarbacane account (Sarbacane-account rule). */
export const NoSarbacaneAccount: Story = {
  name: 'Disabled — no Sarbacane account',
  args: { hasSarbacaneAccount: false },
};

/** A finished campaign that was not sent through Sarbacane: no report address. */
export const NotOnSarbacane: Story = {
  name: 'Disabled — campaign not on Sarbacane',
  args: { 'campaign-id': 'em-forum-lyon' },
};

/** The data source gives a look-alike address (`sarbacane.com.evil.example`): refused, never linked. */
export const UnsafeAddress: Story = {
  name: 'Disabled — unsafe report address',
  args: { reportUrl: 'https://sarbacane.com.evil.example/x' },
};

/** `getSarbacaneAccess` never answers (and never times out): the "checking" state stays. */
export const Loading: Story = {
  args: { hangOperations: ['getSarbacaneAccess'], requestTimeout: 0 },
  // The loading state is the state to check: the a11y check does not wait for a load (.storybook/preview.ts).
  parameters: { waitForLoad: false },
};

/** `getSarbacaneAccess` fails (503): the error, with a retry button. */
export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  args: { failOperations: ['getSarbacaneAccess'] },
};

/** The label in the default slot, as a host page words it. */
export const CustomLabel: Story = {
  name: 'Custom label (slot)',
  args: { label: 'Voir le rapport Sarbacane' },
};

/** `lang="en"` on the element: English label, note and reasons. */
export const English: Story = {
  args: { lang: 'en' },
};

/** English, disabled: the reason in English too. */
export const EnglishDisabled: Story = {
  name: 'English — disabled (sending)',
  args: { lang: 'en', 'campaign-id': 'sms-accueil-alternants' },
};

/** In a 200 px wide container: the label wraps rather than overflowing, enabled and disabled. */
export const NarrowContainer: Story = {
  name: 'Narrow container (200 px)',
  render: (args) => {
    const link = (campaign: string) => html`<sarbacane-link
      campaign-id=${campaign}
      lang=${args.lang || nothing}
      .requestTimeout=${Number(args.requestTimeout) || 0}
      .dataSource=${dataSourceFor(args, { reportUrl: args.reportUrl })}
      @sarbacane-navigate=${cancelIf(args.cancelNavigation)}
      >${args.label || nothing}</sarbacane-link
    >`;
    return html`<div style="width: 200px; display: grid; gap: 16px; outline: 1px dashed #b0b8c4; outline-offset: 4px;">
      ${link(args['campaign-id'])} ${link('em-taxe-apprentissage')}
    </div>`;
  },
};

/**
 * A school brand written only with the `--campaign-stats-*` tokens (toolbar theme "École verte"),
 * enabled and disabled side by side.
 */
export const Themed: Story = {
  globals: { theme: 'green' },
  render: (args) => {
    const link = (campaign: string) => html`<sarbacane-link
      campaign-id=${campaign}
      lang=${args.lang || nothing}
      allowed-hosts=${args['allowed-hosts'] || nothing}
      .requestTimeout=${Number(args.requestTimeout) || 0}
      .dataSource=${dataSourceFor(args, { reportUrl: args.reportUrl })}
      @sarbacane-navigate=${cancelIf(args.cancelNavigation)}
      >${args.label || nothing}</sarbacane-link
    >`;
    return html`<div style="display: flex; flex-wrap: wrap; gap: 32px; align-items: flex-start;">
      ${link(args['campaign-id'])} ${link('em-taxe-apprentissage')}
    </div>`;
  },
};
