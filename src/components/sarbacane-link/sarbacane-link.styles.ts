import { css } from 'lit';

export const sarbacaneLinkStyles = css`
  :host {
    display: inline-block;
    max-width: 100%;
    vertical-align: top;
    --_link-bg: var(--sarbacane-link-background, var(--_primary));
    --_link-color: var(--sarbacane-link-color, var(--_primary-contrast));
  }

  /* Positioned, so that the visually hidden texts stay inside a scrolling ancestor. */
  .base {
    position: relative;
    display: inline-flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.3em;
    max-width: 100%;
  }

  /* The label wraps rather than overflowing a narrow container. */
  .link {
    max-width: 100%;
    background: var(--_link-bg);
    border-color: var(--_link-bg);
    color: var(--_link-color);
    text-decoration: none;
    white-space: normal;
  }

  .link:hover:not([aria-disabled='true']) {
    filter: brightness(1.12);
  }

  .icon {
    font-size: 1.05em;
    line-height: 1;
  }

  .reason {
    margin: 0;
    font-size: 0.85em;
    line-height: 1.35;
    color: var(--_muted);
    white-space: normal;
  }

  .reason.error {
    color: var(--_danger);
  }

  .error-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
  }

  .retry {
    min-height: 2.2em;
    font-size: 0.85em;
  }
`;
