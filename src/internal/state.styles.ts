import { css } from 'lit';

/** The state panels (loading, empty, error…), banners and spinner every element shows alike. */
export const stateStyles = css`
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-height: 11.5em;
    padding: calc(var(--_space) * 3);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    text-align: center;
    color: var(--_muted);
  }

  .state strong {
    color: var(--_text);
    font-size: 1.1em;
  }

  .state.error strong {
    color: var(--_danger);
  }

  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin: 0;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 6%, var(--_surface));
  }

  .banner.info {
    color: var(--_primary);
    background: color-mix(in srgb, var(--_primary) 6%, var(--_surface));
  }

  .banner.info > span {
    color: var(--_text);
  }

  .banner.warning {
    color: var(--_warning);
    background: color-mix(in srgb, var(--_warning) 6%, var(--_surface));
  }

  .spinner {
    width: 1.85em;
    height: 1.85em;
    border: 3px solid var(--_border);
    border-top-color: var(--_primary);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }

  .spinner.small {
    width: 1em;
    height: 1em;
    border-width: 2px;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;
