import type { Middleware, Placement, ReferenceElement } from '@floating-ui/dom';

/** The least distance kept between a popup (menu, tooltip) and the viewport's edges. */
export const VIEWPORT_PADDING = 8;

export type FloatingUi = Pick<typeof import('@floating-ui/dom'), 'autoUpdate' | 'computePosition' | 'flip' | 'offset' | 'shift'>;

let floatingUi: Promise<FloatingUi> | undefined;

/**
 * Floating UI (about 6 KB gzip), fetched when a popup first opens rather than with the page: a
 * grid whose menus and tooltips stay closed never loads it. A failed fetch is tried again at
 * the next opening.
 */
export function loadFloatingUi(): Promise<FloatingUi> {
  // Destructured, so that bundlers leave out the rest of the library.
  floatingUi ??= import('@floating-ui/dom').then(
    ({ autoUpdate, computePosition, flip, offset, shift }) => ({ autoUpdate, computePosition, flip, offset, shift }),
    (error: unknown) => {
      floatingUi = undefined;
      throw error;
    },
  );
  return floatingUi;
}

/**
 * Places `floating` next to `reference` through the CSSOM, never a `style` attribute: a
 * Content-Security-Policy without `'unsafe-inline'` for styles refuses those. `absolute`: the
 * popups live in the shadow root's positioned table area and scroll with the page.
 */
export async function place(ui: FloatingUi, reference: ReferenceElement, floating: HTMLElement, placement: Placement, middleware: Middleware[]): Promise<void> {
  const { x, y } = await ui.computePosition(reference, floating, { placement, middleware, strategy: 'absolute' });
  floating.style.left = `${x}px`;
  floating.style.top = `${y}px`;
}
