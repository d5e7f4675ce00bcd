import type { CellTooltip } from './cell-tooltip.js';

/** How long the pointer rests on a cut cell before its tooltip shows (ms). */
export const HOVER_DELAY = 400;
/**
 * How long the tooltip stays once the pointer has left its cell (ms): time to cross the gap
 * between the cell and the tooltip, over the cell below, and reach the tooltip.
 */
export const HOVER_GRACE = 150;

const BODY_CELL = '.tabulator-row .tabulator-cell';

/**
 * The tooltip of a cut cell for the pointer (mouse, pen; not touch), in the `CellTooltip` the
 * keyboard focus uses. Content on hover as WCAG 1.4.13 wants it: shown after the pointer rests
 * on the cell for `HOVER_DELAY`; hoverable (the pointer can move onto it, it stays); persistent
 * until the pointer leaves the cell and the tooltip, the table's body scrolls, or Escape is
 * pressed; dismissable with Escape without moving the pointer (it then stays hidden until the
 * pointer enters another cell).
 *
 * Tabulator's own tooltips (its TooltipModule and PopupModule) are not used: they could not be
 * dismissed (their Escape check compares `KeyboardEvent.key` with 27), not be hovered
 * (`pointer-events: none`), and cost about 3 KB gzip.
 */
export class CellHoverTooltip {
  private readonly tooltip: CellTooltip;
  private element: HTMLElement | undefined;
  private holder: HTMLElement | null = null;
  /** The body cell under the pointer. */
  private hovered: HTMLElement | undefined;
  /** The cell whose tooltip Escape dismissed, while the pointer stays on it. */
  private dismissed: HTMLElement | undefined;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private listening = false;

  constructor(tooltip: CellTooltip) {
    this.tooltip = tooltip;
    tooltip.element.addEventListener('pointerenter', this.onTooltipEnter);
    tooltip.element.addEventListener('pointerleave', this.onTooltipLeave);
  }

  /** Watches the pointer over a freshly built table's cells. */
  attach(element: HTMLElement): void {
    this.detach();
    this.element = element;
    this.holder = element.querySelector<HTMLElement>('.tabulator-tableholder');
    element.addEventListener('pointerover', this.onPointerover);
    element.addEventListener('pointerout', this.onPointerout);
  }

  detach(): void {
    this.element?.removeEventListener('pointerover', this.onPointerover);
    this.element?.removeEventListener('pointerout', this.onPointerout);
    this.hideNow();
    this.element = undefined;
    this.holder = null;
    this.hovered = undefined;
    this.dismissed = undefined;
  }

  /** Rows were rendered: a tooltip whose cell is gone goes too. */
  rendered(): void {
    const cell = this.shownCell();
    if (cell && !cell.isConnected) this.hideNow();
  }

  private shownCell(): HTMLElement | undefined {
    return this.tooltip.source === 'hover' ? this.tooltip.cell : undefined;
  }

  private readonly onPointerover = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    const target = event.target as Element;
    const cell = target.closest<HTMLElement>(BODY_CELL) ?? undefined;
    this.enter(cell && this.element?.contains(cell) ? cell : undefined);
  };

  private readonly onPointerout = (event: PointerEvent): void => {
    const next = event.relatedTarget as Node | null;
    // Within the table, the pointerover that follows says where the pointer went.
    if (next && this.element?.contains(next)) return;
    this.enter(undefined);
  };

  /** The pointer is now over `cell` (undefined: over no body cell of the table). */
  private enter(cell: HTMLElement | undefined): void {
    if (cell === this.hovered) return;
    this.hovered = cell;
    clearTimeout(this.showTimer);
    this.showTimer = undefined;
    if (cell !== this.dismissed) this.dismissed = undefined;
    const shown = this.shownCell();
    if (shown && cell === shown) {
      clearTimeout(this.hideTimer);
      return;
    }
    if (shown) this.hideSoon();
    if (cell && cell !== this.dismissed) this.showTimer = setTimeout(() => this.show(cell), HOVER_DELAY);
  }

  private show(cell: HTMLElement): void {
    this.showTimer = undefined;
    if (cell !== this.hovered || !cell.isConnected) return;
    clearTimeout(this.hideTimer);
    if (this.tooltip.showIfCut(cell, 'hover')) this.listen(true);
    else this.hideNow();
  }

  private hideSoon(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hideNow(), HOVER_GRACE);
  }

  private hideNow(): void {
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    this.showTimer = this.hideTimer = undefined;
    this.tooltip.hide('hover');
    this.listen(false);
  }

  /** Escape and the body's scroll, listened to only while the pointer's tooltip shows. */
  private listen(on: boolean): void {
    if (on === this.listening) return;
    this.listening = on;
    // Captured: the focus may be anywhere on the page, and a handler may stop the key.
    if (on) {
      document.addEventListener('keydown', this.onKeydown, true);
      this.holder?.addEventListener('scroll', this.onScroll, { passive: true });
    } else {
      document.removeEventListener('keydown', this.onKeydown, true);
      this.holder?.removeEventListener('scroll', this.onScroll);
    }
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    // The keyboard's tooltip took the element's place: nothing of the pointer's to dismiss.
    if (!this.shownCell()) return this.listen(false);
    if (event.key !== 'Escape') return;
    this.dismissed = this.hovered;
    // Whichever source: Escape dismisses what shows, the focused cell's tooltip included.
    clearTimeout(this.hideTimer);
    this.tooltip.hide();
    this.listen(false);
  };

  private readonly onScroll = (): void => {
    this.hideNow();
  };

  private readonly onTooltipEnter = (): void => {
    if (this.shownCell()) clearTimeout(this.hideTimer);
  };

  private readonly onTooltipLeave = (event: PointerEvent): void => {
    const shown = this.shownCell();
    const next = event.relatedTarget as Node | null;
    if (shown && !(next && shown.contains(next))) this.hideSoon();
  };
}
