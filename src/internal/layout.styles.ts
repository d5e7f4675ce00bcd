import { css } from 'lit';

/** The layout the elements share: a column of a toolbar, then the content or a state panel; the data time and refresh button. */
export const layoutStyles = css`
  /* Positioned: the visually hidden texts (absolute) stay inside the element, not at the page's edge. */
  .base {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    background: var(--_surface);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .as-of {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .as-of-relative {
    color: var(--_muted);
  }

  .as-of-relative::before {
    content: '·' / '';
    margin-inline-end: 0.4em;
  }

  .updated {
    padding: 0 0.5em;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_success) 14%, var(--_surface));
    color: var(--_success);
    font-weight: 600;
  }

  .refresh-icon {
    display: inline-block;
  }

  .refreshing .refresh-icon {
    animation: spin 1s linear infinite;
  }

  @media (prefers-reduced-motion: reduce) {
    .refreshing .refresh-icon {
      animation: none;
    }
  }
`;
