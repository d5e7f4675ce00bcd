import type { Decorator, Preview, StoryContext } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { THEMES, isTheme } from './themes.js';

// The tags, defined once for every story (idempotent: see src/internal/define.ts).
import '../src/define/campaign-stats-grid.js';

// `npm run analyze` writes custom-elements.json (JSDoc: attributes, events, parts, css props);
// when it is there, autodocs show it. The glob is empty, not an error, when it is missing.
const manifests = import.meta.glob<{ default: unknown }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

/**
 * Language and theme from the toolbar. The language goes on the story root (the elements read
 * the nearest `[lang]` ancestor) and on `<html>` (the page language, for screen readers and a11y
 * checks); a story's own `lang` argument, on the element, still wins.
 */
const withLanguageAndTheme: Decorator = (story, { globals }) => {
  const lang = globals.locale === 'en' ? 'en' : 'fr';
  const theme = isTheme(globals.theme) ? globals.theme : 'default';
  document.documentElement.lang = lang;
  const { tokens, css } = THEMES[theme];
  return html`${css ? html`<style>${css}</style>` : nothing}
    <div class="story-root" lang=${lang} data-theme=${theme} style=${styleMap(tokens)}>${story()}</div>`;
};

/** The elements whose first load the a11y check waits for. */
const ELEMENTS = 'campaign-stats-grid, campaign-stats-summary, campaign-list, sarbacane-link';
/** Longest wait for a load (a story whose data source hangs shows its loading state then). */
const LOAD_WAIT_MS = 15_000;

/** Whether `element` has finished loading: no loading panel nor busy part, and a grid's table (or a state panel) shown. */
function settled(element: Element): boolean {
  const root = element.shadowRoot;
  if (!root) return false;
  if (root.querySelector('[part~="state-loading"], [aria-busy="true"]')) return false;
  if (element.localName !== 'campaign-stats-grid') return true;
  // A grid's table area holds its table: loaded once Tabulator has drawn rows (or says none
  // match, or shows a page's error); not while Tabulator says a page is loading.
  const grid = root.querySelector('.grid');
  if (!grid) return true;
  if (root.querySelector('.tabulator-alert-state-msg')) return false;
  return root.querySelector('.tabulator-row, [part~="state-no-match"], .tabulator-alert-state-error') !== null;
}

/**
 * Waits, after the story's `play`, until every element of the canvas has finished loading, so
 * that the a11y addon scans what the user sees: the table's rows or a state panel, not the
 * loading spinner of a data source with latency (the grid's table is drawn after its data came).
 * The addon runs its check in its own `afterEach`, which Storybook runs after this one (the
 * project's `afterEach` hooks run in reverse order of registration, the addons' first
 * registered, so last run). A story can opt out with `parameters.waitForLoad: false` (the
 * Loading story, whose loading state is the state to check).
 */
async function waitForLoad({ canvasElement, parameters, viewMode, abortSignal }: StoryContext): Promise<void> {
  if (viewMode !== 'story' || parameters.waitForLoad === false) return;
  const started = performance.now();
  while (performance.now() - started < LOAD_WAIT_MS && !abortSignal.aborted) {
    const elements = [...canvasElement.querySelectorAll(ELEMENTS)];
    await Promise.all(elements.map((element) => (element as Element & { updateComplete?: Promise<unknown> }).updateComplete));
    if (elements.every(settled)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Let Tabulator finish laying out the rows it has just drawn.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

const preview: Preview = {
  decorators: [withLanguageAndTheme],
  afterEach: waitForLoad,
  tags: ['autodocs'],
  initialGlobals: { locale: 'fr', theme: 'default' },
  globalTypes: {
    locale: {
      description: 'Langue des éléments (attribut lang)',
      toolbar: {
        title: 'Langue',
        icon: 'globe',
        items: [
          { value: 'fr', title: 'Français', right: 'fr' },
          { value: 'en', title: 'English', right: 'en' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Thème (tokens --campaign-stats-*)',
      toolbar: {
        title: 'Thème',
        icon: 'paintbrush',
        items: Object.entries(THEMES).map(([value, { label }]) => ({ value, title: label })),
        dynamicTitle: true,
      },
    },
  },
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    a11y: {
      // Report violations in the panel; CI may turn this into 'error' once the backlog is clean.
      test: 'todo',
    },
    options: { storySort: { order: ['Components', ['campaign-stats-grid', 'campaign-list', 'sarbacane-link'], 'Pages'] } },
  },
};

export default preview;
