import { css, unsafeCSS } from 'lit';
import tabulatorCss from 'tabulator-tables/dist/css/tabulator.min.css?inline';

/** Tabulator's own stylesheet: page CSS does not reach into the shadow root. */
export const tabulatorStyles = unsafeCSS(tabulatorCss);

export const gridStyles = css`
  :host {
    display: block;
    --_header-bg: var(--campaign-stats-grid-header-background, var(--_surface-alt));
    --_row-hover: var(--campaign-stats-grid-row-hover-background, #eef3fa);
    --_row-alt: var(--campaign-stats-grid-row-alt-background, #fafbfc);
  }

  .search {
    flex: 0 1 21em;
    min-width: 13em;
    min-height: 2.3em;
    padding: 0 var(--_space);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    font: inherit;
    color: inherit;
    background: var(--_surface);
  }

  .count {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .spacer {
    flex: 1;
  }

  .banner-note {
    flex-basis: 100%;
    color: var(--_text);
    font-size: 0.9em;
  }

  .help {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
    line-height: 1.4;
  }

  .table-area {
    position: relative;
  }

  .state.overlay {
    position: absolute;
    inset: 80px 1px 1px 1px;
    min-height: 0;
    border: none;
    background: color-mix(in srgb, var(--_surface) 92%, transparent);
    pointer-events: none;
  }

  .status {
    min-height: 1.4em;
    margin: 0;
    color: var(--_muted);
  }

  .status:empty {
    padding: 0;
    border: none;
  }

  /* Under a loading or error state, the empty status line takes no room. */
  .state + .status:empty {
    min-height: 0;
  }

  /* Tabulator, themed with the tokens. */
  .tabulator {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  .tabulator .tabulator-header {
    background: var(--_header-bg);
    border-bottom: 1px solid var(--_border);
    color: var(--_text);
  }

  .tabulator .tabulator-header .tabulator-col {
    background: var(--_header-bg);
    border-right-color: var(--_border);
  }

  .tabulator .tabulator-header .tabulator-col .tabulator-col-content {
    padding: 6px 8px;
  }

  .tabulator .tabulator-col-title {
    font-weight: 600;
  }

  /* The sort arrow's room, as column widths count it (TITLE_EXTRA): the title never runs under it. */
  .tabulator .tabulator-header .tabulator-col.tabulator-sortable .tabulator-col-title {
    padding-right: 18px;
  }

  .tabulator-row {
    background: var(--_surface);
  }

  .tabulator-row.tabulator-row-even {
    background: var(--_row-alt);
  }

  .tabulator-row.tabulator-selectable:hover,
  .tabulator-row:hover {
    background: var(--_row-hover);
  }

  .tabulator-row .tabulator-cell {
    padding: 6px 8px;
    border-right-color: color-mix(in srgb, var(--_border) 60%, transparent);
  }

  /*
   * The roving focus of the keyboard (a header, a filter, a cell): an inset ring drawn above the
   * neighbouring cells and rows, which would otherwise paint over an outline.
   */
  .tabulator .tabulator-col:focus-visible,
  .tabulator-row .tabulator-cell:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
    position: relative;
    z-index: 2;
  }

  .tabulator .tabulator-header-filter :is(input, select):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }

  /* The whole text of a focused or hovered cell cut by its column (cell-tooltip.ts), placed by
     Floating UI (left and top set through the CSSOM). Its size does not depend on where it
     lands; the pointer can move onto it (WCAG 1.4.13). */
  .cell-tooltip {
    position: absolute;
    top: 0;
    left: 0;
    z-index: 20;
    box-sizing: border-box;
    width: max-content;
    max-width: min(40em, calc(100vw - 16px));
    padding: 4px 8px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_surface);
    box-shadow: 0 4px 12px rgb(16 24 40 / 16%);
    color: var(--_text);
    font-size: var(--_font-size);
    line-height: 1.4;
    white-space: normal;
    overflow-wrap: anywhere;
  }

  .cell-tooltip[hidden] {
    display: none;
  }

  /* The paginator of server-side mode, and the message shown while a page loads. */
  .tabulator .tabulator-footer {
    background: var(--_header-bg);
    border-top: 1px solid var(--_border);
    color: var(--_text);
    font-weight: normal;
    white-space: normal;
  }

  .tabulator .tabulator-footer .tabulator-footer-contents {
    flex-wrap: wrap;
    gap: var(--_space);
    padding: calc(var(--_space) * 0.75) var(--_space);
  }

  .tabulator .tabulator-footer .tabulator-page-counter {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .tabulator .tabulator-footer .tabulator-paginator {
    color: var(--_text);
  }

  .tabulator .tabulator-footer .tabulator-page {
    min-width: 2.3em;
    min-height: 2.15em;
    margin: 0 2px;
    padding: 0 0.7em;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-variant-numeric: tabular-nums;
  }

  .tabulator .tabulator-footer .tabulator-page:not(:disabled):hover {
    background: var(--_surface-alt);
    color: var(--_text);
    cursor: pointer;
  }

  .tabulator .tabulator-footer .tabulator-page.active,
  .tabulator .tabulator-footer .tabulator-page.active:hover {
    border-color: var(--_primary);
    background: var(--_primary);
    color: var(--_primary-contrast);
    font-weight: 600;
  }

  /* Greyed by colour, not opacity: its text stays readable (WCAG 1.4.3). */
  .tabulator .tabulator-footer .tabulator-page:disabled {
    border-color: var(--_border);
    background: var(--_surface-alt);
    color: var(--_muted);
    opacity: 1;
    cursor: not-allowed;
  }

  .tabulator .tabulator-footer .tabulator-page:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }

  .tabulator .tabulator-alert {
    background: color-mix(in srgb, var(--_surface) 55%, transparent);
  }

  .tabulator .tabulator-alert .tabulator-alert-msg {
    padding: var(--_space) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 8px 24px rgb(16 24 40 / 18%);
    color: var(--_text);
    font-size: 1em;
    font-weight: 600;
  }

  .tabulator .tabulator-alert .tabulator-alert-msg.tabulator-alert-state-error {
    border-color: var(--_danger);
    color: var(--_danger);
  }

  .header-filter {
    box-sizing: border-box;
    width: 100%;
    min-height: 1.9em;
    padding: 0.15em 0.45em;
    border: 1px solid var(--_control-border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_surface);
    font: inherit;
    font-size: 0.9em;
    font-weight: normal;
    color: var(--_text);
  }

  .col-number {
    font-variant-numeric: tabular-nums;
  }

  .flag,
  .delivery {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }

  .flag-no {
    color: var(--_muted);
  }

  .flag-yes {
    font-weight: 600;
  }

  .delivery::before {
    content: '';
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_muted);
    flex: none;
  }

  .delivery-delivered::before {
    background: var(--_success);
  }

  .delivery-soft_bounce::before,
  .delivery-undelivered::before {
    background: var(--_warning);
  }

  .delivery-hard_bounce::before,
  .delivery-blocked::before,
  .delivery-failed::before,
  .delivery-rejected::before {
    background: var(--_danger);
  }

  /* A shape per kind as well as a colour (WCAG 1.4.1, and forced colours): delivered ●, to be
     retried ▲, lost ■, pending ○. */
  .delivery-soft_bounce::before,
  .delivery-undelivered::before {
    border-radius: 0;
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
    width: 9px;
    height: 9px;
  }

  .delivery-hard_bounce::before,
  .delivery-blocked::before,
  .delivery-failed::before,
  .delivery-rejected::before {
    border-radius: 1px;
  }

  .delivery-pending::before {
    box-sizing: border-box;
    border: 2px solid var(--_muted);
    background: transparent;
  }

  /* The export menus, placed by Floating UI (left and top set through the CSSOM). Their size
     must not depend on where they land: at the top left, at their content's width. */
  .menu {
    position: absolute;
    top: 0;
    left: 0;
    z-index: 20;
    width: max-content;
    min-width: 160px;
    margin: 0;
    padding: 4px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 8px 24px rgb(16 24 40 / 18%);
  }

  .menu-item {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 16px;
    width: 100%;
    padding: 6px 10px;
    border: none;
    border-radius: calc(var(--_radius) - 2px);
    background: none;
    color: var(--_text);
    font: inherit;
    text-align: left;
    cursor: pointer;
  }

  /* The open parent is tinted; the item with focus (or the pointer) is solid. */
  .menu-item[aria-expanded='true'] {
    background: color-mix(in srgb, var(--_primary) 14%, var(--_surface));
  }

  .menu-item:hover,
  .menu-item:focus {
    background: var(--_primary);
    color: var(--_primary-contrast);
    outline: none;
  }

  .menu-item[aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }

  .export-progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  .export-progress progress {
    flex: 1 1 200px;
    max-width: 360px;
    height: 10px;
    accent-color: var(--_primary);
  }

  .export-progress-text {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  /* Windows high contrast: the markers, the sort arrows and the menu's focused item in system colours. */
  @media (forced-colors: active) {
    .delivery::before {
      forced-color-adjust: none;
      background: CanvasText;
    }

    .delivery-pending::before {
      border-color: CanvasText;
      background: transparent;
    }

    .tabulator .tabulator-header .tabulator-col .tabulator-col-sorter .tabulator-arrow {
      forced-color-adjust: none;
      border-left-color: transparent;
      border-right-color: transparent;
    }

    .tabulator .tabulator-header .tabulator-col.tabulator-sortable[aria-sort='none'] .tabulator-col-content .tabulator-col-sorter .tabulator-arrow {
      border-bottom-color: GrayText;
    }

    .tabulator .tabulator-header .tabulator-col.tabulator-sortable[aria-sort='ascending'] .tabulator-col-content .tabulator-col-sorter .tabulator-arrow {
      border-bottom-color: CanvasText;
    }

    .tabulator .tabulator-header .tabulator-col.tabulator-sortable[aria-sort='descending'] .tabulator-col-content .tabulator-col-sorter .tabulator-arrow {
      border-top-color: CanvasText;
    }

    .tabulator .tabulator-col:focus-visible,
    .tabulator-row .tabulator-cell:focus-visible {
      outline-color: Highlight;
    }

    .menu-item:hover,
    .menu-item:focus {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }

    .menu-item[aria-expanded='true']:not(:focus) {
      outline: 1px solid CanvasText;
    }

    .menu-item[aria-disabled='true'] {
      opacity: 1;
      color: GrayText;
    }
  }
`;
