import { css } from 'lit';

export const sarbacaneLinkStyles = css`
  :host {
    display: inline-block;
    vertical-align: top;
    --_link-bg: var(--sarbacane-link-background, var(--_primary));
    --_link-color: var(--sarbacane-link-color, var(--_primary-contrast));
  }

  .base {
    display: inline-flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 4px;
    max-width: 100%;
  }

  .link {
    background: var(--_link-bg);
    border-color: var(--_link-bg);
    color: var(--_link-color);
    text-decoration: none;
  }

  .link:hover:not([aria-disabled='true']) {
    filter: brightness(1.12);
  }

  .link[aria-disabled='true'] {
    background: var(--_surface-alt);
    border-color: var(--_border);
    color: var(--_muted);
    opacity: 1;
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
    gap: 6px;
  }

  .retry {
    min-height: 26px;
    font-size: 0.85em;
  }
`;
