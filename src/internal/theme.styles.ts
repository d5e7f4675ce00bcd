import { css } from 'lit';

/**
 * Global design tokens (`--campaign-stats-*`) with defaults, so the elements look right with
 * no theme at all; each element reads them through private `--_*` properties.
 *
 * The defaults meet WCAG 2.1 AA on the surface and on the tints the elements put under text:
 * text 4.5:1 (muted 5.8:1, success 5.1:1 on its badge tint), the boundaries of controls 3:1
 * (`control-border` 4.3:1; `border` is only decorative). Sizes are in rem and em, so that the
 * elements follow the reader's default font size.
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
    --_control-border: var(--campaign-stats-color-control-border, #6f7a89);
    --_focus: var(--campaign-stats-color-focus, #2563eb);
    --_success: var(--campaign-stats-color-success, #18753a);
    --_warning: var(--campaign-stats-color-warning, #9a5b00);
    --_danger: var(--campaign-stats-color-danger, #b42318);
    --_font: var(--campaign-stats-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--campaign-stats-font-size, 0.875rem);
    --_radius: var(--campaign-stats-radius, 6px);
    --_space: var(--campaign-stats-spacing, 0.5rem);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  /* Said, not shown. Absolutely placed, it is clipped only by a scroll box that is positioned
     (or inside a positioned box): elsewhere it widens the page. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.3em;
    box-sizing: border-box;
    padding: 0.3em calc(var(--_space) * 1.5);
    border: 1px solid var(--_control-border);
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

  /* Greyed with colours rather than opacity, which would take the text below 4.5:1. */
  .button:disabled,
  .button[aria-disabled='true'] {
    background: var(--_surface-alt);
    border-color: var(--_border);
    color: var(--_muted);
    cursor: not-allowed;
  }

  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Forced colours replace the tokens: system colours keep controls, their state and the
     focus apart. */
  @media (forced-colors: active) {
    .button:not(:disabled):not([aria-disabled='true']) {
      border-color: ButtonText;
    }

    .button:disabled,
    .button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }

    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
