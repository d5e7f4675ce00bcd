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
    gap: 6px var(--_space);
    font-weight: 600;
  }

  .search {
    width: 280px;
    max-width: 100%;
    min-height: 32px;
    box-sizing: border-box;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font: inherit;
    font-weight: normal;
    color: inherit;
    background: var(--_surface);
  }

  .busy {
    display: inline-flex;
  }

  .table-wrap {
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
    padding: 2px 8px;
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
    gap: 6px var(--_space);
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

  /* In a narrow container the actions stack and the columns give up some width. */
  @container campaign-list (max-width: 1100px) {
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

  .stats-button[aria-disabled='true'] {
    background: var(--_surface-alt);
    border-color: var(--_border);
    color: var(--_muted);
    opacity: 1;
  }

  /* The row says once why both actions are disabled; the link's own reason is only said. */
  sarbacane-link.not-finished::part(reason) {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }

  .reason {
    margin: 4px 0 0;
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
`;
