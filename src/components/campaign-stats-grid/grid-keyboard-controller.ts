import type { ColumnComponent, RowComponent, Tabulator } from 'tabulator-tables';
import { CellHoverTooltip } from './cell-hover-tooltip.js';
import { CellTooltip } from './cell-tooltip.js';

/** Where the table's rows stand in the whole campaign (server-side mode shows one page of it). */
export interface GridRowsView {
  /** Index, in the whole view, of the table's first row (0 in memory). */
  offset(): number;
  /** Rows of the whole view: filters and search applied (the data source's total when paged). */
  total(): number;
  /** Rows per page when paged; undefined when every row is in memory. */
  pageSize(): number | undefined;
  /** Shows the page holding row `index` of the whole view (paged only). */
  showRow(index: number): Promise<void>;
}

export interface GridKeyboardOptions {
  /** Says a change the user did not see happen at the focus (a column widened). */
  announce(text: string): void;
  /** "Colonne Nom : 14 em", for a widened or narrowed column. */
  widthText(column: string, em: number): string;
}

/** Rows of the header: the titles (sort) and their filters. Body rows are 0 and up. */
const HEADER = -2;
const FILTER = -1;

interface Position {
  row: number;
  col: number;
}

/** How much Shift+Arrow widens or narrows a column, in em of the table's font. */
const RESIZE_STEP_EM = 2;

const FILTER_CONTROL = '.tabulator-header-filter input, .tabulator-header-filter select';

/**
 * The APG grid pattern over Tabulator: the table is one tab stop, and a roving focus moves over
 * its column headers, their filters and its cells. Arrows, Home/End, Ctrl+Home/Ctrl+End and
 * PageUp/PageDown move it through the whole view (rendered on demand by Tabulator's virtual
 * renderer, or fetched page by page); Enter or Space on a header sorts (Tabulator's own click);
 * Enter or F2 on a filter starts editing it, Escape ends; Shift+←/→ narrows or widens the
 * focused column. Rows and cells carry `aria-rowindex`/`aria-colindex` of the whole view, the
 * grid `aria-rowcount`/`aria-colcount`. A focused or hovered cell cut by its column's width
 * shows its whole text in a tooltip (`CellTooltip`, `CellHoverTooltip`). It also owns the rest
 * of the table's ARIA: roles, names, and a loading message that is not an alert.
 */
export class GridKeyboardController {
  private readonly options: GridKeyboardOptions;
  private table: Tabulator | undefined;
  private element: HTMLElement | undefined;
  private view: GridRowsView | undefined;
  private observer: MutationObserver | undefined;
  private readonly tooltip = new CellTooltip();
  /** The same tooltip for the pointer, on hover. */
  private readonly hover = new CellHoverTooltip(this.tooltip);
  private position: Position = { row: HEADER, col: 0 };
  /** A filter control takes the keys (typing, a select's arrows) until Enter or Escape. */
  private editing = false;
  /** The focus is in the grid: a cell re-rendered under it (a refresh, a page) gets it back. */
  private focusInside = false;
  private pointerDown = false;
  /** The body is being given the focus of a position scrolled out of view: it stays where the view is. */
  private parking = false;
  /** Rows are rendered by Tabulator's own ordering: their `RowComponent`, for their position. */
  private readonly rowOf = new WeakMap<Element, RowComponent>();
  /** The move in flight (a page or far rows to render): a newer key press overtakes it. */
  private moves = 0;
  private label = '';

  constructor(options: GridKeyboardOptions) {
    this.options = options;
  }

  /** Takes over a freshly built table's keyboard. */
  attach(table: Tabulator, element: HTMLElement, view: GridRowsView, popupContainer: HTMLElement): void {
    this.detach();
    this.table = table;
    this.element = element;
    this.view = view;
    this.tooltip.container = popupContainer;
    this.hover.attach(element);
    element.addEventListener('keydown', this.onKeydown);
    element.addEventListener('focusin', this.onFocusin);
    element.addEventListener('focusout', this.onFocusout);
    element.addEventListener('pointerdown', this.onPointerdown, true);
    element.addEventListener('focusin', this.onGridFocus);
    // Rows come and go as the table scrolls, sorts, filters and pages: each is marked as it comes.
    const rows = element.querySelector('.tabulator-table');
    this.observer = new MutationObserver(() => {
      this.rowsRendered();
      // Tabulator's loading message is an assertive alert at each page: the grid says it politely instead.
      element.querySelector('.tabulator-alert-msg[role="alert"]')?.setAttribute('role', 'none');
    });
    if (rows) this.observer.observe(rows, { childList: true });
    this.observer.observe(element, { childList: true });
    this.refresh();
  }

  detach(): void {
    const element = this.element;
    if (element) {
      element.removeEventListener('keydown', this.onKeydown);
      element.removeEventListener('focusin', this.onFocusin);
      element.removeEventListener('focusout', this.onFocusout);
      element.removeEventListener('pointerdown', this.onPointerdown, true);
      element.removeEventListener('focusin', this.onGridFocus);
    }
    this.observer?.disconnect();
    this.observer = undefined;
    this.hover.detach();
    this.tooltip.hide();
    this.table = undefined;
    this.element = undefined;
    this.view = undefined;
  }

  /** Tabulator's `rowFormatter`: remembers each row element's row. */
  readonly rowFormatter = (row: RowComponent): void => {
    this.rowOf.set(row.getElement(), row);
  };

  /**
   * Marks the header and the rendered rows, and puts the tab stop on the focused position.
   * Called on attach and whenever columns, rows or their count change.
   */
  refresh(): void {
    const element = this.element;
    if (!element || !this.table) return;
    const grid = this.grid();
    const body = this.body();
    if (!grid || !body) return;
    // The grid role moves from Tabulator's element, whose children include the paginator, to
    // its header, which owns the body: a grid's children are then only rows and row groups.
    element.removeAttribute('role');
    element.removeAttribute('aria-owns');
    grid.setAttribute('role', 'grid');
    if (this.label) grid.setAttribute('aria-label', this.label);
    body.id ||= `${element.querySelector('.tabulator-table')?.id || 'tabulator-table'}-holder`;
    grid.setAttribute('aria-owns', body.id);
    // The scrolling body is the row group, focusable only by script (Chromium would make a
    // scroller a tab stop): the focus goes to its cells.
    body.setAttribute('role', 'rowgroup');
    body.tabIndex = -1;
    element.querySelector('.tabulator-table')?.setAttribute('role', 'none');
    const columns = this.columns();
    grid.setAttribute('aria-colcount', String(columns.length));
    element.querySelector('.tabulator-headers')?.setAttribute('aria-rowindex', '1');
    columns.forEach((column, index) => {
      const header = column.getElement();
      header.setAttribute('aria-colindex', String(index + 1));
      header.tabIndex = -1;
      const title = header.querySelector('.tabulator-col-title')?.textContent?.trim();
      // Named by its title alone: without it, the header's name would include its filter's text.
      if (title) header.setAttribute('aria-label', title);
      const control = header.querySelector<HTMLElement>(FILTER_CONTROL);
      if (control) control.tabIndex = -1;
    });
    this.position = this.clamp(this.position);
    this.rowsRendered();
  }

  /** The grid's accessible name. */
  setLabel(label: string): void {
    this.label = label;
    this.grid()?.setAttribute('aria-label', label);
  }

  /** The element with the grid role (see `refresh`). */
  private grid(): HTMLElement | null {
    return this.element?.querySelector<HTMLElement>('.tabulator-header') ?? null;
  }

  private body(): HTMLElement | null {
    return this.element?.querySelector<HTMLElement>('.tabulator-tableholder') ?? null;
  }

  /** Puts the focus back where it was after the table replaced what had it (new columns, rows). */
  restoreFocus(): void {
    if (this.focusInside) void this.focus(this.position, false);
  }

  private columns(): ColumnComponent[] {
    return this.table?.getColumns().filter((column) => column.isVisible()) ?? [];
  }

  private rowsRendered(): void {
    const element = this.element;
    const view = this.view;
    if (!element || !view) return;
    const total = view.total();
    this.grid()?.setAttribute('aria-rowcount', String(total + 1));
    const offset = view.offset();
    for (const rowElement of element.querySelectorAll('.tabulator-table > .tabulator-row')) {
      const position = renderedPosition(this.rowOf.get(rowElement));
      if (typeof position !== 'number') continue;
      rowElement.setAttribute('aria-rowindex', String(offset + position + 1));
      let index = 0;
      for (const cell of rowElement.children) {
        if (!cell.classList.contains('tabulator-cell')) continue;
        cell.setAttribute('aria-colindex', String(++index));
        (cell as HTMLElement).tabIndex = -1;
      }
    }
    this.syncTabStop();
    this.hover.rendered();
    // A refresh or a page re-rendered the focused cell: the focus goes on with the new one.
    const root = element.getRootNode() as ShadowRoot | Document;
    if (this.focusInside && !element.contains(root.activeElement)) {
      const cell = this.elementAt(this.position);
      if (cell) cell.focus({ preventScroll: true });
      else {
        // Scrolled away from (a wheel, a scrollbar): the body holds the focus where the view
        // is; the next key goes on from the position.
        this.parking = true;
        this.body()?.focus({ preventScroll: true });
        this.parking = false;
      }
    }
  }

  /** The one element of the grid in the tab order: the focused position's, or the body while that is not rendered. */
  private syncTabStop(): void {
    const element = this.element;
    if (!element) return;
    for (const stop of element.querySelectorAll<HTMLElement>('[tabindex="0"]')) {
      if (!stop.closest('.tabulator-footer')) stop.tabIndex = -1;
    }
    const stop = this.elementAt(this.position) ?? this.body();
    if (stop) stop.tabIndex = 0;
  }

  /** The element of a position, when rendered. */
  private elementAt({ row, col }: Position): HTMLElement | undefined {
    const column = this.columns()[col];
    if (!column) return undefined;
    if (row === HEADER) return column.getElement();
    if (row === FILTER) return column.getElement().querySelector<HTMLElement>(FILTER_CONTROL) ?? undefined;
    // Among the rendered rows only (a few dozen): this runs at each render while scrolling.
    const position = row - (this.view?.offset() ?? 0) + 1;
    for (const rowElement of this.element?.querySelectorAll('.tabulator-table > .tabulator-row') ?? []) {
      const component = this.rowOf.get(rowElement);
      if (!component || renderedPosition(component) !== position) continue;
      const cell = component.getCell(column.getField());
      return cell ? cell.getElement() : undefined;
    }
    return undefined;
  }

  /** The table's row `local` (0-based) as shown, filters and sort applied. */
  private rowAt(local: number): RowComponent | undefined {
    // 'display' (the rows in their shown order, the current page's when paged) is missing from Tabulator's types.
    const rows = (this.table?.getRows as ((lookup: string) => RowComponent[]) | undefined)?.call(this.table, 'display') ?? [];
    return rows[local];
  }

  private hasFilter(col: number): boolean {
    return this.columns()[col]?.getElement().querySelector(FILTER_CONTROL) != null;
  }

  /** A position inside the table as it is now (fewer rows after a filter, fewer columns). */
  private clamp({ row, col }: Position): Position {
    const columns = this.columns().length;
    const total = this.view?.total() ?? 0;
    const clampedCol = Math.max(0, Math.min(col, columns - 1));
    let clampedRow = Math.min(row, total - 1);
    if (clampedRow < 0 && row >= 0) clampedRow = HEADER;
    if (clampedRow === FILTER && !this.hasFilter(clampedCol)) clampedRow = HEADER;
    return { row: clampedRow, col: clampedCol };
  }

  private readonly onPointerdown = (): void => {
    this.pointerDown = true;
    setTimeout(() => (this.pointerDown = false));
  };

  /** The body focused in place of a position not rendered: the focus goes on to the position. */
  private readonly onGridFocus = (event: FocusEvent): void => {
    // A click on the body's blank space leaves the focus there, the view where it is.
    if (event.target === this.body() && !this.pointerDown && !this.parking) void this.focus(this.position, true);
  };

  private readonly onFocusin = (event: FocusEvent): void => {
    this.focusInside = true;
    const target = event.target as HTMLElement;
    const position = this.positionOf(target);
    if (!position) return;
    const moved = position.row !== this.position.row || position.col !== this.position.col;
    this.position = position;
    // A filter clicked is being edited; one reached with the arrows is only passed over.
    if (position.row === FILTER) this.editing = this.pointerDown || (!moved && this.editing);
    else this.editing = false;
    this.syncTabStop();
    if (position.row >= 0) this.tooltip.showIfCut(target);
    else this.tooltip.hide('focus');
  };

  private readonly onFocusout = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && this.element?.contains(next)) return;
    this.tooltip.hide('focus');
    const target = event.target as HTMLElement;
    const left = () => {
      this.focusInside = false;
      this.editing = false;
    };
    if (next) return left();
    // Nowhere: the focused cell is being removed by a re-render (it is gone a moment later,
    // and its replacement gets the focus), or the page lost the focus.
    setTimeout(() => {
      if (target.isConnected) left();
    });
  };

  /** The position of a header, a filter control or a cell of the table. */
  private positionOf(target: HTMLElement): Position | undefined {
    const columns = this.columns();
    if (target.matches(FILTER_CONTROL)) {
      const col = columns.findIndex((column) => column.getElement().contains(target));
      return col < 0 ? undefined : { row: FILTER, col };
    }
    if (target.classList.contains('tabulator-col')) {
      const col = columns.findIndex((column) => column.getElement() === target);
      return col < 0 ? undefined : { row: HEADER, col };
    }
    if (target.classList.contains('tabulator-cell')) {
      const rowElement = target.closest('.tabulator-row');
      const position = rowElement ? renderedPosition(this.rowOf.get(rowElement)) : undefined;
      const col = [...(target.parentElement?.children ?? [])].filter((c) => c.classList.contains('tabulator-cell')).indexOf(target);
      if (typeof position !== 'number' || col < 0) return undefined;
      return { row: (this.view?.offset() ?? 0) + position - 1, col };
    }
    return undefined;
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (!this.table || event.defaultPrevented || event.isComposing) return;
    const target = event.target as HTMLElement;
    // Keys inside the paginator and the tooltip are theirs.
    if (target.closest('.tabulator-footer')) return;
    if (this.position.row === FILTER && target.matches(FILTER_CONTROL) && this.filterKey(event, target)) return;
    const next = this.nextPosition(event);
    if (next) {
      event.preventDefault();
      void this.focus(next, true);
      return;
    }
    if (this.position.row === HEADER && (event.key === 'Enter' || event.key === ' ') && !hasModifier(event)) {
      event.preventDefault();
      // Tabulator's own click handler: the same sort cycle (and aria-sort) as with a pointer.
      this.columns()[this.position.col]?.getElement().click();
      return;
    }
    if (event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      event.preventDefault();
      this.resize(event.key === 'ArrowRight' ? 1 : -1);
      return;
    }
    if (event.key === 'Escape') this.tooltip.hide();
  };

  /**
   * Keys on a filter control: true when the control keeps the key (typing, editing), false
   * when the grid moves on.
   */
  private filterKey(event: KeyboardEvent, control: HTMLElement): boolean {
    const isSelect = control instanceof HTMLSelectElement;
    if (this.editing) {
      if (event.key === 'Escape' || event.key === 'Enter') {
        // Escape would also empty a search box: the filter stays, only the editing ends.
        event.preventDefault();
        this.editing = false;
        return true;
      }
      // A one-line box has no use for ↑/↓: they leave it, as they leave a cell.
      if (!isSelect && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        this.editing = false;
        return false;
      }
      return true;
    }
    if ((event.key === 'Enter' || event.key === 'F2') && !hasModifier(event)) {
      // Then a select's arrows choose its option, as a native one's do.
      event.preventDefault();
      this.editing = true;
      return true;
    }
    const typing = (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) || event.key === 'Backspace' || event.key === 'Delete';
    if (typing) {
      // Typing in a text box starts editing it; a select picks the option typed, as natively.
      if (!isSelect) this.editing = true;
      return true;
    }
    return false;
  }

  /** Where a navigation key goes from the focused position; undefined for other keys. */
  private nextPosition(event: KeyboardEvent): Position | undefined {
    const { row, col } = this.position;
    const lastCol = this.columns().length - 1;
    const lastRow = (this.view?.total() ?? 0) - 1;
    const ctrl = event.ctrlKey || event.metaKey;
    if (event.altKey || event.shiftKey) return undefined;
    const below = (from: number): number => {
      if (from === HEADER && this.hasFilter(col)) return FILTER;
      if (lastRow < 0) return from;
      return from < 0 ? 0 : Math.min(from + 1, lastRow);
    };
    const above = (from: number): number => {
      if (from > 0) return from - 1;
      if (from === 0 && this.hasFilter(col)) return FILTER;
      return HEADER;
    };
    const pageRows = this.rowsPerScreen();
    switch (event.key) {
      case 'ArrowRight':
        return ctrl ? undefined : { row, col: Math.min(col + 1, lastCol) };
      case 'ArrowLeft':
        return ctrl ? undefined : { row, col: Math.max(col - 1, 0) };
      case 'ArrowDown':
        return ctrl ? undefined : { row: below(row), col };
      case 'ArrowUp':
        return ctrl ? undefined : { row: above(row), col };
      case 'Home':
        return ctrl ? { row: lastRow >= 0 ? 0 : HEADER, col: 0 } : { row, col: 0 };
      case 'End':
        return ctrl ? { row: lastRow >= 0 ? lastRow : HEADER, col: lastCol } : { row, col: lastCol };
      case 'PageDown':
        return lastRow < 0 ? undefined : { row: Math.min(Math.max(row, 0) + (row < 0 ? pageRows - 1 : pageRows), lastRow), col };
      case 'PageUp':
        return row <= 0 ? { row: HEADER, col } : { row: Math.max(row - pageRows, 0), col };
      default:
        return undefined;
    }
  }

  /** Rows that fit the table's body: the step of PageUp/PageDown. */
  private rowsPerScreen(): number {
    const holder = this.element?.querySelector<HTMLElement>('.tabulator-tableholder');
    const row = this.element?.querySelector<HTMLElement>('.tabulator-table > .tabulator-row');
    if (!holder || !row || row.offsetHeight === 0) return 10;
    return Math.max(1, Math.floor(holder.clientHeight / row.offsetHeight) - 1);
  }

  /** Moves the focus to a position: its page fetched and its row rendered first when needed. */
  private async focus(position: Position, scroll: boolean): Promise<void> {
    const move = ++this.moves;
    const table = this.table;
    const view = this.view;
    if (!table || !view) return;
    const target = this.clamp(position);
    this.position = target;
    this.editing = false;
    if (target.row >= 0) {
      const local = target.row - view.offset();
      const pageSize = view.pageSize();
      if (pageSize !== undefined && (local < 0 || local >= pageSize)) {
        await view.showRow(target.row);
        if (move !== this.moves || this.table !== table) return;
      }
      const row = this.rowAt(target.row - view.offset());
      if (row && !row.getElement().isConnected) {
        await table.scrollToRow(row, 'nearest', false);
        if (move !== this.moves || this.table !== table) return;
      }
    }
    const element = this.elementAt(target);
    this.syncTabStop();
    if (!element) return;
    element.focus({ preventScroll: !scroll });
    if (scroll) element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** Widens (1) or narrows (-1) the focused column by a step, and says its new width. */
  private resize(direction: 1 | -1): void {
    const column = this.columns()[this.position.col];
    const element = this.element;
    if (!column || !element) return;
    const em = parseFloat(getComputedStyle(element).fontSize) || 16;
    // Tabulator keeps the column at its minimum width (its title's longest word, its values).
    column.setWidth(Math.round(column.getWidth() + direction * RESIZE_STEP_EM * em));
    const title = column.getElement().getAttribute('aria-label') ?? column.getField();
    this.options.announce(this.options.widthText(title, Math.round(column.getWidth() / em)));
    const focused = this.elementAt(this.position);
    if (focused) this.tooltip.showIfCut(focused);
  }
}

/**
 * A rendered row's position among the displayed rows (1-based). `getPosition()` first checks
 * that the row is displayed by a search through every displayed row (100,000 in memory), for
 * each rendered row at each render; a rendered row is displayed, and Tabulator 6.5 keeps its
 * position on the row (`_row.position`, renumbered whenever the displayed rows change).
 */
function renderedPosition(component: RowComponent | undefined): number | false | undefined {
  const position = (component as unknown as { _row?: { position?: unknown } } | undefined)?._row?.position;
  return typeof position === 'number' ? position : component?.getPosition();
}

function hasModifier(event: KeyboardEvent): boolean {
  return event.ctrlKey || event.metaKey || event.altKey || event.shiftKey;
}
