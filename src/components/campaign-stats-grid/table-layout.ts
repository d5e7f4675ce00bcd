/** What the stats table's layout needs measured or set outside Tabulator: row height, text widths, scroll. */

/**
 * The height of one row in the table's styles and font, from a probe row of Tabulator's classes
 * holding each kind of cell (cells never wrap, so every row is that tall); undefined when it
 * cannot be measured.
 */
export function measureRowHeight(element: HTMLElement): number | undefined {
  const probe = document.createElement('div');
  probe.className = 'tabulator-row';
  probe.setAttribute('aria-hidden', 'true');
  // A text cell, and the badges (delivery and yes/no), whose inline boxes can stand taller than text.
  for (const badge of ['', 'delivery delivery-delivered', 'flag flag-yes']) {
    const cell = document.createElement('div');
    cell.className = 'tabulator-cell';
    const content = badge ? document.createElement('span') : cell;
    if (badge) {
      content.className = badge;
      cell.append(content);
    }
    content.textContent = 'Ég';
    probe.append(cell);
  }
  // In the table's own font and styles (Tabulator adds the class to the element anyway).
  element.classList.add('tabulator');
  element.append(probe);
  const height = probe.getBoundingClientRect().height;
  probe.remove();
  return height > 0 ? Math.ceil(height) : undefined;
}

/** Text widths in an element's font, for columns sized from their content. */
export class TextMeasure {
  private canvas: CanvasRenderingContext2D | null | undefined;
  /** The element's font as the canvas reads it, without its weight: read once per `reset`. */
  private font: string | undefined;
  private element: HTMLElement | undefined;

  /** Measures in `element`'s font of now (a theme or the language may have changed it). */
  reset(element: HTMLElement | undefined): void {
    this.element = element;
    this.font = undefined;
  }

  /** `text`'s width (bold: a header's); 0 without an element or a canvas. */
  width(text: string, bold: boolean): number {
    if (!this.element) return 0;
    this.canvas ??= document.createElement('canvas').getContext('2d');
    if (!this.canvas) return 0;
    if (!this.font) {
      const style = getComputedStyle(this.element);
      this.font = `${style.fontSize} ${style.fontFamily}`;
    }
    this.canvas.font = `${bold ? 600 : 400} ${this.font}`;
    return this.canvas.measureText(text).width;
  }
}

export interface ScrollPosition {
  top: number;
  left: number;
}

function rowsHolder(element: HTMLElement | undefined): HTMLElement | null {
  return element?.querySelector<HTMLElement>('.tabulator-tableholder') ?? null;
}

/** Where the table's rows are scrolled to; undefined before they are rendered. */
export function scrollPosition(element: HTMLElement | undefined): ScrollPosition | undefined {
  const holder = rowsHolder(element);
  return holder ? { top: holder.scrollTop, left: holder.scrollLeft } : undefined;
}

/**
 * Scrolls the rows back to `scroll`. `announced`: Tabulator is told of it at once, and of where
 * it was before (as its own resetScroll does): after a paged table's `replaceData`, it renders
 * the new page from its top yet keeps the old offset in mind, so scrolling back would not render.
 */
export function restoreScroll(element: HTMLElement | undefined, scroll: ScrollPosition, announced = false): void {
  const holder = rowsHolder(element);
  if (!holder) return;
  if (announced) holder.dispatchEvent(new Event('scroll'));
  holder.scrollTop = scroll.top;
  holder.scrollLeft = scroll.left;
  if (announced) holder.dispatchEvent(new Event('scroll'));
}
