import { css } from 'lit';

/**
 * Global design tokens (`--campaign-stats-*`) with defaults, so the elements look right with
 * no theme at all; each element reads them through private `--_*` properties.
 */
export const themeStyles = css`
  :host {
    --_primary: var(--campaign-stats-color-primary, #1f4e79);
    --_primary-contrast: var(--campaign-stats-color-primary-contrast, #ffffff);
    --_text: var(--campaign-stats-color-text, #1c2430);
    --_muted: var(--campaign-stats-color-muted, #5b6675);
    --_surface: var(--campaign-stats-color-surface, #ffffff);
    --_surface-alt: var(--campaign-stats-color-surface-alt, #f4f6f9);
    --_border: var(--campaign-stats-color-border, #d5dbe3);
    --_focus: var(--campaign-stats-color-focus, #2563eb);
    --_success: var(--campaign-stats-color-success, #1b7f3b);
    --_warning: var(--campaign-stats-color-warning, #9a5b00);
    --_danger: var(--campaign-stats-color-danger, #b42318);
    --_font: var(--campaign-stats-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--campaign-stats-font-size, 14px);
    --_radius: var(--campaign-stats-radius, 6px);
    --_space: var(--campaign-stats-spacing, 8px);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 32px;
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
    white-space: nowrap;
  }

  .button:hover:not(:disabled):not([aria-disabled='true']) {
    background: var(--_surface-alt);
  }

  .button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_primary-contrast);
  }

  .button.primary:hover:not(:disabled):not([aria-disabled='true']) {
    background: var(--_primary);
    filter: brightness(1.12);
  }

  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;
