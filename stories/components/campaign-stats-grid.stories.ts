import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { expect, waitFor } from 'storybook/test';
import { html, nothing } from 'lit';
import type { CampaignStatsGrid } from '../../src/components/campaign-stats-grid/campaign-stats-grid.js';
import type { CampaignDataSource } from '../../src/data/campaign-data-source.js';
import { demoDataSourceFor, demoSourceArgTypes, LANG_ARG_TYPE, LaterDataSource, type DemoSourceArgs, type LaterChange } from '../support/demo-source.js';

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
  /** `campaign-id` (args named after the attributes: one row each with the manifest's). */
  'campaign-id': string;
  /** `lang` on the element; empty = inherited from the toolbar's language. */
  lang: '' | 'fr' | 'en';
  /** `height`, a CSS length. */
  height: string;
  /** `refresh-interval`, in seconds (0 = off, minimum 5). */
  'refresh-interval': number;
  /** `server-side-threshold`: above this many contacts, the grid reads page by page. */
  'server-side-threshold': number;
  /** Not a control: the story's change to the demo data source after its first calls (LaterDataSource). */
  later?: LaterChange;
}

/** The demo data source of the controls, wrapped in a `LaterDataSource` when the story says so. */
function gridSource(args: GridArgs): CampaignDataSource {
  const demo = demoDataSourceFor(args);
  return args.later ? new LaterDataSource(demo, args.later) : demo;
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
    'campaign-id': 'em-alternance-rentree',
    lang: '',
    height: '480px',
    'refresh-interval': 0,
    'server-side-threshold': 200_000,
    latency: 300,
    failureRate: 0,
    failOperations: [],
    hangOperations: [],
    requestTimeout: 30_000,
    fixedClock: true,
  },
  argTypes: {
    'campaign-id': {
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
    'refresh-interval': {
      description: 'Actualisation automatique, en secondes (0 = désactivée, minimum 5).',
      control: { type: 'number', min: 0, step: 5 },
      table: { category: 'attributes', defaultValue: { summary: '0' } },
    },
    'server-side-threshold': {
      description: 'Au-delà de ce nombre de contacts, le tableau lit la campagne page par page (mode serveur).',
      control: { type: 'number', min: 0, step: 10_000 },
      table: { category: 'attributes', defaultValue: { summary: '200000' } },
    },
    later: { table: { disable: true }, control: false },
    ...demoSourceArgTypes(),
    // The grid never asks for Sarbacane access.
    hasSarbacaneAccount: { table: { disable: true } },
  },
  render: (args) => html`
    <campaign-stats-grid
      campaign-id=${args['campaign-id']}
      lang=${args.lang || nothing}
      height=${args.height}
      refresh-interval=${args['refresh-interval']}
      server-side-threshold=${args['server-side-threshold']}
      .requestTimeout=${Number(args.requestTimeout) || 0}
      .dataSource=${gridSource(args)}
    ></campaign-stats-grid>
  `,
} satisfies Meta<GridArgs>;

export default meta;
type Story = StoryObj<GridArgs>;

/** A finished e-mail campaign of 5,000 contacts, read a day after its send. */
export const LoadedEmail: Story = {
  name: 'Loaded — email',
  args: { 'campaign-id': 'em-alternance-rentree' },
};

/** SMS columns: phone, delivery, clicks, STOP; no "opened" (carriers do not report reads). */
export const LoadedSms: Story = {
  name: 'Loaded — SMS',
  args: { 'campaign-id': 'sms-jpo-rappel' },
};

/** `lang="en"` on the element: English labels, dates and numbers formatted for English. */
export const English: Story = {
  args: { 'campaign-id': 'em-alternance-rentree', lang: 'en' },
};

/** `getContactStats` never answers (and never times out): the loading state stays. */
export const Loading: Story = {
  args: { hangOperations: ['getContactStats'], requestTimeout: 0 },
  // The loading state is the state to check: the a11y check does not wait for a load (.storybook/preview.ts).
  parameters: { waitForLoad: false },
};

/** The send is still running: statistics are not fetched (send-finished rule). */
export const NotYetAvailableSending: Story = {
  name: 'Not yet available — sending',
  args: { 'campaign-id': 'em-taxe-apprentissage' },
};

/** A scheduled campaign: not yet sent, no statistics. */
export const NotYetAvailableScheduled: Story = {
  name: 'Not yet available — scheduled',
  args: { 'campaign-id': 'sms-reunion-parents' },
};

/** A finished campaign that had no contact. */
export const EmptyCampaign: Story = {
  name: 'Empty campaign',
  args: { 'campaign-id': 'em-tuteurs-stage' },
};

/** `getContactStats` fails (503): the error state with its retry button. */
export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  args: { failOperations: ['getContactStats'] },
};

/** 100,000 contacts: loaded whole, virtual rendering; sort and filter stay fast. */
export const LargeCampaign: Story = {
  name: 'Large campaign — 100,000 contacts',
  args: { 'campaign-id': 'em-jpo-decembre', latency: 0, height: '560px' },
};

/**
 * 1,000,000 contacts, above `server-side-threshold` (200,000): the grid holds one page of 250
 * rows and asks the data source for each page with its sort, filters and search; paginator.
 */
export const ServerSideCampaign: Story = {
  name: 'Server-side mode — 1,000,000 contacts',
  args: { 'campaign-id': 'em-reseau-national-orientation', height: '560px' },
};

/** A school brand written only with the `--campaign-stats-*` tokens (toolbar theme "École verte"). */
export const Themed: Story = {
  globals: { theme: 'green' },
  args: { 'campaign-id': 'em-alternance-rentree' },
};

/** Right-click on a row: the context menu Exporter ▸ Excel (.xlsx), submenu open, focus on Excel. */
export const ContextMenuOpen: Story = {
  name: 'Context menu open',
  args: { 'campaign-id': 'em-alternance-rentree', latency: 0 },
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

// ---- States reached by a play function: a load first, then what the user (or the host) does.

const TIMEOUT = { timeout: 20_000 };

function gridIn(canvasElement: HTMLElement): CampaignStatsGrid {
  return canvasElement.querySelector<CampaignStatsGrid>('campaign-stats-grid')!;
}

/** The first element of the grid's shadow root that matches `selector`, once it is there. */
function inGrid<T extends Element = HTMLElement>(grid: CampaignStatsGrid, selector: string, what: string, options = TIMEOUT): Promise<T> {
  return waitFor(() => {
    const found = grid.shadowRoot?.querySelector<T>(selector);
    if (!found) throw new Error(`${what} (${selector}) is not shown yet.`);
    return found;
  }, options);
}

/** Resolves once the table's rows are rendered. */
function rowsOf(grid: CampaignStatsGrid): Promise<HTMLElement> {
  return inGrid(grid, '.tabulator-row', 'The rows');
}

/** The paged campaign of 1,000,000 contacts: an export reads it page by page (5,000 rows a call). */
const PAGED = 'em-reseau-national-orientation';
/**
 * An export that stalls: 25,000 contacts read page by page (`server-side-threshold` 0), the
 * load's page and the export's first two pages (10,000 rows) at once, every later page 60 s late.
 */
const STALLED_EXPORT: Partial<GridArgs> = {
  'campaign-id': 'em-newsletter-novembre',
  'server-side-threshold': 0,
  latency: 100,
  later: { operations: ['getContactStats'], after: 3, delay: 60_000 },
};
/** The load's first page answered (server-side mode reads one), every later page a 503. */
const FAIL_AFTER_FIRST_PAGE: LaterChange = { operations: ['getContactStats'], after: 1, fail: true };
/** Every call answered until the play function calls `changeNow()`, then 503s. */
const FAIL_FROM_NOW: LaterChange = { operations: ['getContactStats'], after: Infinity, fail: true };

/**
 * An export running: `exportExcel({ download: false })` started on a campaign read page by
 * page whose pages stall after the first 10,000 rows (of 25,000): the progress bar part-filled (40 % once both pages are written), the
 * count written, the estimate, and the cancel button.
 */
export const ExportInProgress: Story = {
  name: 'Export in progress',
  args: STALLED_EXPORT,
  play: async ({ canvasElement }) => {
    const grid = gridIn(canvasElement);
    await rowsOf(grid);
    void grid.exportExcel({ download: false }).catch(() => undefined);
    const progress = await inGrid(grid, '[part~="export-progress"]', 'The export progress');
    await waitFor(() => expect(progress.querySelector('progress')?.value ?? 0).toBeGreaterThanOrEqual(5_000), TIMEOUT);
    await expect(progress.querySelector('[part~="cancel-export-button"]')).not.toBeNull();
  },
};

/**
 * The keyboard's focus on a cell (the grid is one Tab stop; arrows move the focus): its ring,
 * and the whole text of an address cut by its column in a tooltip under it.
 */
export const KeyboardFocusedCell: Story = {
  name: 'Keyboard focus on a cut cell',
  args: { 'campaign-id': 'em-alternance-rentree', latency: 0 },
  play: async ({ canvasElement }) => {
    const grid = gridIn(canvasElement);
    await rowsOf(grid);
    const cut = await waitFor(() => {
      const cells = [...grid.shadowRoot!.querySelectorAll<HTMLElement>('.tabulator-row .tabulator-cell[tabulator-field="email"]')];
      const found = cells.find((cell) => cell.scrollWidth > cell.clientWidth);
      if (!found) throw new Error('No address is cut by its column.');
      return found;
    }, TIMEOUT);
    cut.focus();
    await waitFor(() => expect(grid.shadowRoot!.querySelector('.cell-tooltip:not([hidden])')?.textContent).toBe(cut.textContent!.trim()), TIMEOUT);
  },
};

/** An export finished (5,000 contacts, in memory): the status line names the file written. */
export const ExportDone: Story = {
  name: 'Export done',
  args: { 'campaign-id': 'em-alternance-rentree', latency: 0 },
  play: async ({ canvasElement }) => {
    const grid = gridIn(canvasElement);
    await rowsOf(grid);
    const result = await grid.exportExcel({ download: false });
    await expect(result.rowCount).toBe(5_000);
    const status = await inGrid(grid, '.status.done', 'The status line of a written export');
    await expect(status.textContent).toContain(result.fileName);
  },
};

/** The cancel button of a running export clicked: nothing is saved, the status line says it was cancelled. */
export const ExportCancelled: Story = {
  name: 'Export cancelled',
  args: STALLED_EXPORT,
  play: async ({ canvasElement }) => {
    const grid = gridIn(canvasElement);
    await rowsOf(grid);
    const running = grid.exportExcel({ download: false }).then(
      () => 'written',
      (error: unknown) => (error instanceof DOMException ? error.name : String(error)),
    );
    const cancel = await inGrid(grid, '[part~="cancel-export-button"]', 'The cancel button');
    cancel.click();
    await expect(await running).toBe('AbortError');
    await inGrid(grid, '.status.warning', 'The status line of a cancelled export');
    await expect(grid.shadowRoot!.querySelector('[part~="export-progress"]')).toBeNull();
  },
};

/** A page of the export fails (server-side mode, every page after the load's first is a 503): the status line says so. */
export const ExportFailed: Story = {
  name: 'Export failed',
  args: { 'campaign-id': PAGED, later: FAIL_AFTER_FIRST_PAGE },
  play: async ({ canvasElement }) => {
    const grid = gridIn(canvasElement);
    await rowsOf(grid);
    await expect(grid.exportExcel({ download: false })).rejects.toBeDefined();
    // The status line of a failed export (or its alert with a retry, where the grid has one).
    await inGrid(grid, '.status.error, [part~="export-error"]', 'The failed-export message');
  },
};

/**
 * A refresh that fails: the first load is fine, the data source then answers 503 and
 * `refresh()` is called: the previous figures stay, under a banner with a retry.
 */
export const RefreshFailed: Story = {
  name: 'Refresh failed',
  args: { 'campaign-id': 'em-alternance-rentree', later: FAIL_FROM_NOW },
  play: async ({ canvasElement }) => {
    const grid = gridIn(canvasElement);
    await rowsOf(grid);
    (grid.dataSource as LaterDataSource).changeNow();
    await expect(grid.refresh()).rejects.toBeDefined();
    const banner = await inGrid(grid, '.banner.error:not([part~="export-error"])', 'The refresh-failed banner');
    await expect(banner.querySelector('button')).not.toBeNull();
    await expect(grid.shadowRoot!.querySelector('.tabulator-row')).not.toBeNull();
  },
};

/** A search that matches no contact: the table's "no match" panel. */
export const NoMatch: Story = {
  name: 'No match',
  args: { 'campaign-id': 'em-alternance-rentree', latency: 0 },
  play: async ({ canvasElement }) => {
    const grid = gridIn(canvasElement);
    await rowsOf(grid);
    const search = await inGrid<HTMLInputElement>(grid, 'input.search', 'The search box');
    search.value = 'zzzz-aucun-contact';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await inGrid(grid, '[part~="state-no-match"]', 'The no-match panel');
  },
};

/** A draft: never sent, no statistics. */
export const NotYetAvailableDraft: Story = {
  name: 'Not yet available — draft',
  args: { 'campaign-id': 'em-voeux' },
  play: async ({ canvasElement }) => {
    await inGrid(gridIn(canvasElement), '[part~="state-not-available"]', 'The not-available state');
  },
};

/** A cancelled campaign: its send never happened, no statistics. */
export const NotAvailableCancelled: Story = {
  name: 'Not available — cancelled',
  args: { 'campaign-id': 'em-studyrama' },
  play: async ({ canvasElement }) => {
    await inGrid(gridIn(canvasElement), '[part~="state-not-available"]', 'The not-available state');
  },
};

/**
 * Server-side mode, a page that fails: the first page is fine, the next one (paginator ▸
 * next) is a 503: the banner with a retry, and the page shown stays the first one.
 */
export const ServerSidePageError: Story = {
  name: 'Server-side mode — page error',
  args: { 'campaign-id': PAGED, height: '560px', later: FAIL_AFTER_FIRST_PAGE },
  play: async ({ canvasElement }) => {
    const grid = gridIn(canvasElement);
    await rowsOf(grid);
    const next = await inGrid(grid, '.tabulator-page[data-page="next"]', 'The next-page button');
    next.click();
    await inGrid(grid, '.banner.error:not([part~="export-error"])', 'The page-error banner');
  },
};

/** Every call takes 3 s, `requestTimeout` is 1 s: the load times out, the error state says so and offers a retry. */
export const Timeout: Story = {
  args: { latency: 3_000, requestTimeout: 1_000 },
  play: async ({ canvasElement }) => {
    const grid = gridIn(canvasElement);
    await inGrid(grid, '[part~="state-error"]', 'The error state');
    await inGrid(grid, '[part~="retry-button"]', 'The retry button');
  },
};

/** The recently finished campaign on the real clock, refreshed every 10 s: watch opens and clicks arrive. */
export const AutoRefresh: Story = {
  name: 'Auto-refresh (10 s)',
  args: { 'campaign-id': 'em-alternance-rentree', 'refresh-interval': 10, fixedClock: false },
};
