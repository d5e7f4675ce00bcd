import { loadFloatingUi, place, VIEWPORT_PADDING } from './floating-ui.js';

/** What asked for the tooltip: the keyboard focus (`GridKeyboardController`) or the pointer (`CellHoverTooltip`). */
export type TooltipSource = 'focus' | 'hover';

/**
 * The whole text of a cell cut by its column's width, under the cell: for the focused cell and
 * for the hovered one. One element for both, so that never two tooltips show at once: the
 * latest request wins, and a source hides only its own tooltip (the pointer leaving a cell does
 * not hide the focused cell's, the focus moving on does not hide the hovered cell's). When the
 * hovered cell's tooltip goes, the focused cell's comes back if it is cut.
 *
 * Text only (`textContent`), placed by Floating UI through the CSSOM (no `style` attribute,
 * allowed under a strict CSP). Screen readers already read the cell's whole text, so the
 * tooltip is hidden from them.
 */
export class CellTooltip {
  /** Where the tooltip goes: the table area of the shadow root, where its styles apply. */
  container: HTMLElement | undefined;
  /** The tooltip, made once; in the container while shown. */
  readonly element: HTMLElement = document.createElement('div');
  private shows = 0;
  private shownBy: TooltipSource | undefined;
  private shownFor: HTMLElement | undefined;
  /** The focused cell asked for (cut or not), to come back to when the pointer's tooltip goes. */
  private focused: HTMLElement | undefined;

  constructor() {
    this.element.className = 'cell-tooltip';
    this.element.setAttribute('aria-hidden', 'true');
  }

  /** The source of the tooltip shown, if any. */
  get source(): TooltipSource | undefined {
    return this.shownBy;
  }

  /** The cell whose text the tooltip shows, if any. */
  get cell(): HTMLElement | undefined {
    return this.shownFor;
  }

  /**
   * Shows `cell`'s whole text under it when its column cuts it, for `source`; otherwise hides
   * `source`'s tooltip. True when the cell is cut (the tooltip shows once Floating UI is loaded).
   */
  showIfCut(cell: HTMLElement, source: TooltipSource = 'focus'): boolean {
    if (source === 'focus') this.focused = cell;
    if (!isCut(cell) || !this.container) {
      this.hide(source);
      return false;
    }
    const shown = ++this.shows;
    const tooltip = this.element;
    this.shownBy = source;
    this.shownFor = cell;
    tooltip.textContent = cell.textContent?.trim() ?? '';
    tooltip.hidden = true;
    if (tooltip.parentElement !== this.container) this.container.append(tooltip);
    void loadFloatingUi().then(
      async (ui) => {
        if (shown !== this.shows || !cell.isConnected) return;
        tooltip.hidden = false;
        await place(ui, cell, tooltip, 'bottom-start', [ui.offset(2), ui.flip({ padding: VIEWPORT_PADDING }), ui.shift({ padding: VIEWPORT_PADDING })]);
      },
      () => undefined,
    );
    return true;
  }

  /**
   * Hides the tooltip: `source`'s only when given (another source's stays), whichever otherwise
   * (Escape, the table going). The pointer's going brings the focused cell's back.
   */
  hide(source?: TooltipSource): void {
    if (source === 'focus') this.focused = undefined;
    if (source && this.shownBy && source !== this.shownBy) return;
    const wasHover = this.shownBy === 'hover';
    this.shows++;
    this.shownBy = undefined;
    this.shownFor = undefined;
    this.element.remove();
    if (source === undefined) this.focused = undefined;
    else if (wasHover && this.focused?.isConnected && this.focused.matches(':focus')) this.showIfCut(this.focused, 'focus');
  }
}

/** Whether a cell's text is wider than its column shows (its end is cut, with an ellipsis). */
export function isCut(cell: HTMLElement): boolean {
  return cell.scrollWidth > cell.clientWidth;
}
