import { loadFloatingUi, place, VIEWPORT_PADDING } from './floating-ui.js';

/**
 * The whole text of a focused cell cut by its column's width, under the cell: what the pointer
 * gets from Tabulator's tooltip on hover, for the keyboard. Screen readers already read the
 * cell's whole text, so the tooltip is hidden from them.
 */
export class CellTooltip {
  /** Where the tooltip goes: the table area of the shadow root, where its styles apply. */
  container: HTMLElement | undefined;
  private element: HTMLElement | undefined;
  private shows = 0;

  showIfCut(cell: HTMLElement): void {
    const shown = ++this.shows;
    if (cell.scrollWidth <= cell.clientWidth || !this.container) {
      this.hide();
      return;
    }
    const tooltip = (this.element ??= document.createElement('div'));
    tooltip.className = 'tabulator-popup-container tabulator-tooltip cell-tooltip';
    tooltip.setAttribute('aria-hidden', 'true');
    tooltip.textContent = cell.textContent?.trim() ?? '';
    tooltip.hidden = true;
    if (tooltip.parentElement !== this.container) this.container.append(tooltip);
    void loadFloatingUi().then(
      async (ui) => {
        if (shown !== this.shows) return;
        tooltip.hidden = false;
        await place(ui, cell, tooltip, 'bottom-start', [ui.offset(2), ui.flip({ padding: VIEWPORT_PADDING }), ui.shift({ padding: VIEWPORT_PADDING })]);
      },
      () => undefined,
    );
  }

  hide(): void {
    this.shows++;
    this.element?.remove();
  }
}
