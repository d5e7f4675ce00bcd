/**
 * The toolbar themes. "default" sets nothing: the elements must look right with no theme.
 * "green" is a school brand written only with the public `--campaign-stats-*` tokens (and one
 * `::part` rule), the way a host page would theme the elements.
 */
export const THEMES = {
  default: { label: 'Par défaut (aucun thème)', tokens: {} as Record<string, string>, css: '' },
  green: {
    label: 'École verte (tokens personnalisés)',
    tokens: {
      '--campaign-stats-color-primary': '#1d6b3f',
      '--campaign-stats-color-primary-contrast': '#ffffff',
      '--campaign-stats-color-text': '#14241b',
      '--campaign-stats-color-muted': '#4d6356',
      '--campaign-stats-color-surface': '#ffffff',
      '--campaign-stats-color-surface-alt': '#eef6f0',
      '--campaign-stats-color-border': '#b9d3c1',
      '--campaign-stats-color-focus': '#c47f00',
      '--campaign-stats-color-success': '#1d6b3f',
      '--campaign-stats-font-family': "Georgia, 'Times New Roman', serif",
      '--campaign-stats-font-size': '15px',
      '--campaign-stats-radius': '12px',
      '--campaign-stats-spacing': '10px',
      '--campaign-stats-grid-header-background': '#dcefe2',
      '--campaign-stats-grid-row-hover-background': '#e6f3ea',
      '--campaign-stats-grid-row-alt-background': '#f7fbf8',
    } as Record<string, string>,
    css: `[data-theme='green'] campaign-stats-grid::part(help) { font-style: italic; }`,
  },
} as const;

export type ThemeName = keyof typeof THEMES;

export function isTheme(name: unknown): name is ThemeName {
  return typeof name === 'string' && name in THEMES;
}
