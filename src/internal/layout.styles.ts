import { css } from 'lit';

/** The layout the elements share: a column of a toolbar, then the content or a state panel; the data time and refresh button. */
export const layoutStyles = css`
  .base {
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
