import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { expect, userEvent, waitFor } from 'storybook/test';
import { html, nothing } from 'lit';
import '../../src/define/campaign-list.js';
import type { CampaignList } from '../../src/components/campaign-list/campaign-list.js';
import { dataSourceFor, demoSourceArgs, demoSourceArgTypes, LANG_ARG_TYPE, type DemoSourceArgs } from '../support/demo-source.js';

/**
 * Every state of `<campaign-list>` that a designer must review, on the in-memory
 * `DemoDataSource` (one per story, built from the controls and passed as `.dataSource`).
 * The demo has a dozen campaigns per channel, in every status. The fixed clock lays them out
 * from 25/11/2026 21:30 (Paris time), so their dates are stable in screenshots.
 *
 * In these stories "Statistiques par contact" only fires `campaign-stats-open` (see Actions):
 * the grid it drives is in the composed page story.
 */

interface ListArgs extends DemoSourceArgs {
  /** `channel`. */
  channel: 'email' | 'sms';
  /** `lang` on the element; empty = inherited from the toolbar's language. */
  lang: '' | 'fr' | 'en';
  /** `page-size` (named after the attribute: one row with the manifest's). */
  'page-size': number;
  /** Typed in the search box by the story's play function (then Enter); empty = no search. */
  search: string;
  /** Clicks "Suivant" this many times once the list is loaded. */
  nextPages: number;
  /** The data source answers an empty list. */
  noCampaigns: boolean;
  /** Width of the container (CSS length); empty = the whole canvas. */
  width: string;
}

const meta = {
  title: 'Components/campaign-list',
  component: 'campaign-list',
  decorators: [withActions],
  parameters: {
    actions: { handles: ['campaign-stats-open', 'sarbacane-navigate'] },
    docs: {
      description: {
        component:
          "Les campagnes d'un canal, des plus récentes aux plus anciennes, avec recherche et pagination. " +
          '« Statistiques par contact » et le lien Sarbacane sont désactivés tant que l’envoi n’est pas terminé, ' +
          'avec la raison écrite dessous. Les histoires utilisent la `DemoDataSource` (latence et pannes réglables ' +
          'dans les contrôles).',
      },
    },
  },
  args: {
    channel: 'email',
    lang: '',
    'page-size': 20,
    search: '',
    nextPages: 0,
    noCampaigns: false,
    width: '',
    ...demoSourceArgs,
  },
  argTypes: {
    channel: {
      description: 'Canal listé (attribut `channel`).',
      control: { type: 'inline-radio', labels: { email: 'e-mail', sms: 'SMS' } },
      options: ['email', 'sms'],
      table: { category: 'attributes', defaultValue: { summary: 'email' } },
    },
    lang: LANG_ARG_TYPE,
    'page-size': {
      description: 'Campagnes par page, de 1 à 100 (attribut `page-size`).',
      control: { type: 'number', min: 1, max: 100, step: 1 },
      table: { category: 'attributes', defaultValue: { summary: '20' } },
    },
    search: {
      description: 'Texte saisi dans la zone de recherche au chargement de l’histoire (fonction play) ; vide = aucune recherche.',
      control: 'text',
      table: { category: 'story' },
    },
    nextPages: {
      description: 'Nombre de clics sur « Suivant » au chargement de l’histoire (fonction play).',
      control: { type: 'number', min: 0, max: 20, step: 1 },
      table: { category: 'story' },
    },
    noCampaigns: {
      description: 'La source de données ne renvoie aucune campagne (état vide).',
      control: 'boolean',
      table: { category: 'demo data source' },
    },
    width: {
      description: 'Largeur du conteneur (longueur CSS) ; vide = toute la largeur.',
      control: 'text',
      table: { category: 'story' },
    },
    ...demoSourceArgTypes(),
  },
  render: (args) => html`
    <div style=${args.width ? `width: ${args.width}; outline: 1px dashed #b0b8c4; outline-offset: 4px;` : nothing}>
      <campaign-list
        channel=${args.channel}
        lang=${args.lang || nothing}
        page-size=${args['page-size']}
        .requestTimeout=${Number(args.requestTimeout) || 0}
        .dataSource=${dataSourceFor(args, { noCampaigns: args.noCampaigns })}
      ></campaign-list>
    </div>
  `,
  play: async ({ canvasElement, args, step }) => {
    if (!args.search && !(args.nextPages > 0)) return;
    const list = canvasElement.querySelector<CampaignList>('campaign-list')!;
    const root = () => list.shadowRoot!;
    // Wait for the first page (or a state panel): searching or paging before that would race it.
    await waitFor(
      () => {
        if (!root().querySelector('[part~="table"], [part~="state-empty"], [part~="state-error"]')) throw new Error('The list is not loaded yet.');
      },
      { timeout: 15_000 },
    );
    if (args.search) {
      await step(`Search « ${args.search} »`, async () => {
        const input = root().querySelector<HTMLInputElement>('input[type="search"]')!;
        const before = root().querySelector('[part~="range"]')?.textContent;
        await userEvent.type(input, `${args.search}{Enter}`);
        // Done when the "no match" state shows or the range ("1–3 sur 3") has changed.
        await waitFor(
          () => {
            const range = root().querySelector('[part~="range"]')?.textContent;
            if (!root().querySelector('[part~="state-no-match"]') && range === before) throw new Error('The search has not answered yet.');
          },
          { timeout: 15_000 },
        );
      });
    }
    for (let page = 0; page < args.nextPages; page++) {
      await step('Next page', async () => {
        const next = await waitFor(() => {
          const button = root().querySelector<HTMLButtonElement>('button.next');
          if (!button) throw new Error('No pager.');
          return button;
        });
        if (next.disabled) return;
        const before = root().querySelector('[part~="range"]')?.textContent;
        await userEvent.click(next);
        await waitFor(() => expect(root().querySelector('[part~="range"]')?.textContent).not.toBe(before), { timeout: 15_000 });
      });
    }
  },
} satisfies Meta<ListArgs>;

export default meta;
type Story = StoryObj<ListArgs>;

/** The e-mail campaigns: drafts, scheduled and sending ones first (actions disabled, with why), then finished ones. */
export const EmailList: Story = {
  name: 'Email list',
};

/** The SMS campaigns. */
export const SmsList: Story = {
  name: 'SMS list',
  args: { channel: 'sms' },
};

/** `lang="en"` on the element: English texts, dates and numbers formatted for English. */
export const English: Story = {
  args: { lang: 'en' },
};

/** A search that matches nothing: "Aucune campagne ne correspond à « … »". */
export const SearchNoMatch: Story = {
  name: 'Search — no match',
  args: { search: 'Erasmus' },
};

/** A search that matches (the demo data source ignores accents and case: « journee » finds « Journée portes ouvertes »). */
export const SearchMatch: Story = {
  name: 'Search — matches',
  args: { search: 'journee' },
};

/** `page-size="5"`: the pager, on the first page ("Précédent" disabled). */
export const Paging: Story = {
  name: 'Paging — page size 5',
  args: { 'page-size': 5 },
};

/** `page-size="5"`, after one click on "Suivant": both pager buttons enabled. */
export const PagingNextPage: Story = {
  name: 'Paging — second page',
  args: { 'page-size': 5, nextPages: 1 },
};

/** `listCampaigns` never answers (and never times out): the loading state stays. */
export const Loading: Story = {
  args: { hangOperations: ['listCampaigns'], requestTimeout: 0 },
  // The loading state is the state to check: the a11y check does not wait for a load (.storybook/preview.ts).
  parameters: { waitForLoad: false },
};

/** A data source with no campaign for the channel. */
export const Empty: Story = {
  args: { noCampaigns: true },
};

/** `listCampaigns` fails (503): the error state with its retry button. */
export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  args: { failOperations: ['listCampaigns'] },
};

/**
 * In a 420 px wide container (below 54em): one card per campaign, its date and recipients
 * labelled, its two actions full width; the table's roles and headers stay for screen readers.
 */
export const NarrowContainer: Story = {
  name: 'Narrow container (420 px): cards',
  args: { width: '420px' },
};

/** A phone's width, 288 px: what a 320 px screen leaves once the page has its margins. */
export const PhoneWidth: Story = {
  name: 'Phone width (288 px): cards',
  args: { width: '288px' },
};

/** 900 px: the table, the two actions of a row stacked (below 78em). */
export const MediumContainer: Story = {
  name: 'Medium container (900 px): stacked actions',
  args: { width: '900px' },
};

/** A school brand written only with the `--campaign-stats-*` tokens (toolbar theme "École verte"). */
export const Themed: Story = {
  globals: { theme: 'green' },
};
