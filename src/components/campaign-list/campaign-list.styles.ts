import { css } from 'lit';

export const campaignListStyles = css`
  :host {
    display: block;
    --_header-bg: var(--campaign-list-header-background, var(--_surface-alt));
    --_row-hover: var(--campaign-list-row-hover-background, color-mix(in srgb, var(--_primary) 4%, var(--_surface)));
    --_row-current: var(--campaign-list-row-current-background, color-mix(in srgb, var(--_primary) 10%, var(--_surface)));
  }

  .base {
    container: campaign-list / inline-size;
  }

  .search-field {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em var(--_space);
    max-width: 100%;
    font-weight: 600;
  }

  .search {
    width: 20em;
    max-width: 100%;
    min-height: 2.3em;
    box-sizing: border-box;
    padding: 0 var(--_space);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    font: inherit;
    font-weight: normal;
    color: inherit;
    background: var(--_surface);
  }

  .search::placeholder {
    color: var(--_muted);
    opacity: 1;
  }

  .busy {
    display: inline-flex;
  }

  /* Positioned, so that the visually hidden texts inside stay in its scroll box. */
  .table-wrap {
    position: relative;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    transition: opacity 0.15s;
  }

  .table-wrap.pending {
    opacity: 0.6;
  }

  .table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }

  .table th,
  .table td {
    padding: calc(var(--_space) * 0.75) var(--_space);
    text-align: left;
    vertical-align: top;
    border-bottom: 1px solid var(--_border);
  }

  .table tbody tr:last-child > * {
    border-bottom: none;
  }

  .table thead th {
    background: var(--_header-bg);
    font-weight: 600;
    white-space: nowrap;
  }

  .table tbody tr:hover {
    background: var(--_row-hover);
  }

  .table tbody tr.current {
    background: var(--_row-current);
  }

  .table .name {
    font-weight: 600;
    min-width: 12em;
    overflow-wrap: break-word;
  }

  /* When the table scrolls sideways, the campaign's name stays in view. */
  .table tbody .name {
    position: sticky;
    left: 0;
    z-index: 1;
    background: var(--_surface);
  }

  .table thead th:first-child {
    position: sticky;
    left: 0;
    z-index: 2;
  }

  .table tbody tr:hover > .name {
    background: var(--_row-hover);
  }

  .table tbody tr.current > .name {
    background: var(--_row-current);
  }

  .table .number {
    text-align: right;
    white-space: nowrap;
  }

  .date {
    white-space: nowrap;
  }

  .badge {
    display: inline-block;
    padding: 0.15em 0.65em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
    color: var(--_muted);
    background: color-mix(in srgb, currentColor 8%, var(--_surface));
  }

  .badge-finished {
    color: var(--_success);
  }

  .badge-sending {
    color: var(--_warning);
  }

  .badge-scheduled {
    color: var(--_primary);
  }

  .badge-draft {
    color: var(--_muted);
  }

  .badge-cancelled {
    color: var(--_danger);
  }

  .actions {
    display: flex;
    align-items: flex-start;
    gap: 0.4em var(--_space);
  }

  /* Side by side when the table is wide enough; the wrapper scrolls sideways when it is not. */
  .actions > * {
    flex: none;
  }

  /* The link's reason wraps under it rather than overflowing the cell. */
  .actions sarbacane-link {
    flex: 0 1 auto;
    min-width: 14em;
    max-width: 24em;
  }

  /* On one line, as the other button: the table gives the cell its width from its content. */
  .actions sarbacane-link::part(link) {
    white-space: nowrap;
  }

  /* The row says once why both actions are disabled: the link's own reason stays its
     description (a hidden element referenced by aria-describedby is still read), but is
     neither shown nor read a second time in the row. */
  sarbacane-link.not-finished::part(reason) {
    display: none;
  }

  .reason {
    margin: 0.3em 0 0;
    font-size: 0.85em;
    line-height: 1.35;
    color: var(--_muted);
  }

  .skipped {
    margin: 0;
    font-size: 0.9em;
    color: var(--_warning);
  }

  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--_space);
  }

  .range {
    margin-right: auto;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  /* In a narrower container the actions stack and the columns give up some width. */
  @container campaign-list (max-width: 78em) {
    .actions {
      flex-wrap: wrap;
    }

    .table .name {
      min-width: 8em;
    }

    .date {
      white-space: normal;
    }
  }

  /* Narrower still, too narrow for five columns: one card per campaign. */
  @container campaign-list (max-width: 54em) {
    .table-wrap {
      overflow: visible;
      border: none;
    }

    .table,
    .table tbody {
      display: block;
    }

    .table tbody {
      display: flex;
      flex-direction: column;
      gap: var(--_space);
    }

    /* The header row is only said: each value has its own visible label. */
    .table thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    .table tbody tr {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 9em), 1fr));
      gap: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
      padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }

    .table tbody tr > * {
      display: block;
      padding: 0;
      border: none;
    }

    .table tbody .name,
    .table tbody .status,
    .table tbody .actions-cell {
      grid-column: 1 / -1;
    }

    .table tbody .name,
    .table tbody tr:hover > .name,
    .table tbody tr.current > .name {
      position: static;
      min-width: 0;
      background: none;
    }

    .table tbody .number {
      text-align: left;
    }

    .table tbody [data-label]::before {
      content: attr(data-label) / '';
      display: block;
      margin-bottom: 0.15em;
      font-size: 0.85em;
      font-weight: 600;
      color: var(--_muted);
    }

    .actions {
      flex-direction: column;
      align-items: stretch;
    }

    .actions > .button,
    .actions sarbacane-link::part(link) {
      justify-content: center;
      text-align: center;
      white-space: normal;
    }

    .actions sarbacane-link {
      min-width: 0;
      max-width: none;
    }

    .actions sarbacane-link::part(base) {
      display: flex;
      align-items: stretch;
    }

    /* The position on its own line, the two pager buttons sharing the next one. */
    .range {
      flex-basis: 100%;
    }

    .pager > .button {
      flex: 1;
      justify-content: center;
    }
  }

  @media (forced-colors: active) {
    .badge {
      border-color: CanvasText;
    }

    /* Backgrounds are dropped: the campaign last opened gets a frame, on its name in the table
       (a row's own outline would pass under the sticky name), on the whole card in cards. */
    .table tbody tr.current > .name {
      outline: 2px solid Highlight;
      outline-offset: -2px;
    }

    @container campaign-list (max-width: 54em) {
      .table tbody tr.current {
        outline: 2px solid Highlight;
      }

      .table tbody tr.current > .name {
        outline: none;
      }
    }
  }
`;
