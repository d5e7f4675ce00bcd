import type { Decorator, Preview } from '@storybook/web-components-vite';
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

const preview: Preview = {
  decorators: [withLanguageAndTheme],
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
