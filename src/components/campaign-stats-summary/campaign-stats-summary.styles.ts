import { css } from 'lit';

export const summaryStyles = css`
  :host {
    display: block;
    --_opens: var(--campaign-stats-summary-opens-color, color-mix(in srgb, var(--_primary) 40%, var(--_surface)));
  }

  .spacer {
    flex: 1;
  }

  .help,
  .note {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
    line-height: 1.4;
  }

  .section {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    margin-top: var(--_space);
  }

  .section > .button {
    align-self: flex-start;
  }

  .heading {
    font-weight: 600;
    font-size: 1.1em;
  }

  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10.5em, 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .figures li {
    display: flex;
  }

  .figure {
    display: flex;
    flex: 1;
    flex-direction: column;
    align-items: flex-start;
    gap: 2px;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    text-align: start;
  }

  .figure.interactive {
    cursor: pointer;
  }

  .figure.interactive:hover {
    background: var(--_surface-alt);
    border-color: var(--_primary);
  }

  .figure-label {
    color: var(--_muted);
  }

  .figure-value {
    font-size: 1.6em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    color: var(--_primary);
  }

  .figure-rate {
    font-size: 0.9em;
    color: var(--_muted);
  }

  .table-scroll {
    max-width: 100%;
    overflow-x: auto;
  }

  .data-table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  .data-table th,
  .data-table td {
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  .data-table thead th {
    background: var(--_surface-alt);
    font-weight: 600;
  }

  .data-table tbody th {
    font-weight: normal;
  }

  .data-table .number {
    text-align: end;
    white-space: nowrap;
  }

  .link-button {
    padding: 0;
    border: none;
    background: none;
    color: var(--_primary);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }

  .link-url {
    display: block;
    color: var(--_muted);
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .legend li {
    display: flex;
    align-items: center;
    gap: 6px;
  }

  .swatch {
    display: inline-block;
    width: 12px;
    height: 12px;
    border-radius: 2px;
  }

  .chart {
    margin: 0;
  }

  .chart-caption {
    margin-bottom: 4px;
    color: var(--_muted);
  }

  .chart-frame {
    position: relative;
    padding-top: 1.4em;
    border-bottom: 1px solid var(--_border);
  }

  .chart-max {
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    font-size: 0.8em;
    color: var(--_muted);
  }

  .bars {
    display: block;
    height: 120px;
  }

  .bar-opens {
    fill: var(--_opens);
    background: var(--_opens);
  }

  .bar-clicks,
  .bar-lastActivity {
    fill: var(--_primary);
    background: var(--_primary);
  }

  /* Room for its two dates even under a short chart, never wider than the summary (320 px). */
  .chart-axis {
    display: block;
    min-width: min(26em, 100%);
    max-width: 100%;
    overflow: visible;
    font-size: 0.8em;
    fill: var(--_muted);
  }

  .status {
    min-height: 1.4em;
    margin: 0;
    color: var(--_muted);
  }

  /* Under a state panel, the empty status line takes no room. */
  .state + .status:empty {
    min-height: 0;
  }

  @media (forced-colors: active) {
    .figure.interactive {
      border-color: ButtonText;
    }
    .bar-opens {
      fill: GrayText;
      background: GrayText;
    }
    .bar-clicks,
    .bar-lastActivity {
      fill: CanvasText;
      background: CanvasText;
    }
    .swatch {
      forced-color-adjust: none;
    }
  }
`;
