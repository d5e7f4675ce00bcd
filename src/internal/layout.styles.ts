import { css } from 'lit';

/** The layout the list and the grid share: a column of a toolbar, then the content or a state panel. */
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
`;
