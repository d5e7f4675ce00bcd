/**
 * WCAG 2.1 contrast of what Chromium renders: colours read with getComputedStyle, backgrounds
 * composited up the flat tree (slots and shadow hosts included), ratios from relative luminance.
 */

export type Rgba = [number, number, number, number];

/** Parses a computed colour: `rgb()`, `rgba()` or `color(srgb …)` (what `color-mix()` computes to). */
export function parseColor(value: string): Rgba {
  const rgb = /^rgba?\(([^)]+)\)$/.exec(value);
  if (rgb) {
    const [r, g, b, a = 1] = rgb[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [r, g, b, a];
  }
  const srgb = /^color\(srgb ([^)]+)\)$/.exec(value);
  if (srgb) {
    const [r, g, b, a = 1] = srgb[1].split(/[\s/]+/).filter(Boolean).map(Number);
    return [r * 255, g * 255, b * 255, a];
  }
  throw new Error(`Unparsed colour: ${value}`);
}

/** `top` painted over an opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The parent in the flat tree: a slotted node's slot, a shadow root's host. */
function flatParent(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The opaque colour behind `element`'s content: its and its ancestors' backgrounds over the white canvas. */
export function backgroundOf(element: Element): Rgba {
  const layers: Rgba[] = [];
  for (let e: Element | null = element; e; e = flatParent(e)) {
    const layer = parseColor(getComputedStyle(e).backgroundColor);
    if (layer[3] > 0) layers.push(layer);
    if (layer[3] === 1) break;
  }
  return layers.reduceRight<Rgba>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}

/** Product of the opacities of `element` and its ancestors. */
function opacityOf(element: Element): number {
  let opacity = 1;
  for (let e: Element | null = element; e; e = flatParent(e)) opacity *= Number(getComputedStyle(e).opacity);
  return opacity;
}

/** Whether `element` is inside a box of 1 px or less that hides its overflow (a visually hidden text). */
function clippedAway(element: Element): boolean {
  for (let e: Element | null = element; e; e = flatParent(e)) {
    const box = e.getBoundingClientRect();
    if ((box.width <= 1 || box.height <= 1) && getComputedStyle(e).overflow !== 'visible') return true;
  }
  return false;
}

export interface TextContrast {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

function measure(text: string, styled: Element, pseudo?: string): TextContrast {
  const background = backgroundOf(styled);
  const [r, g, b, a] = parseColor(getComputedStyle(styled, pseudo).color);
  const color = over([r, g, b, a * opacityOf(styled)], background);
  const css = (c: Rgba) => `rgb(${c.slice(0, 3).map(Math.round).join(' ')})`;
  return { text, ratio: contrastRatio(color, background), color: css(color), background: css(background) };
}

/**
 * Every visible text under `root` (into shadow roots, slotted text styled by its slot), and
 * the `::before` texts of elements in `withBefore`, with its contrast against what is behind it.
 * Texts said but not shown (a 1 px visually hidden box) are left out.
 */
export function textContrasts(root: ParentNode, withBefore: readonly Element[] = []): TextContrast[] {
  const found: TextContrast[] = [];
  const visit = (node: ParentNode) => {
    for (const child of node.childNodes) {
      if (child instanceof Element) {
        visit(child);
        if (child.shadowRoot) visit(child.shadowRoot);
      } else if (child instanceof Text && child.data.trim()) {
        const styled = child.assignedSlot ?? child.parentElement;
        if (!styled) continue;
        const range = document.createRange();
        range.selectNodeContents(child);
        const box = range.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1 || getComputedStyle(styled).visibility === 'hidden' || clippedAway(styled)) continue;
        found.push(measure(child.data.trim(), styled));
      }
    }
  };
  visit(root);
  for (const element of withBefore) {
    const content = getComputedStyle(element, '::before').content;
    if (content && content !== 'none') found.push(measure(`::before of ${element.localName}`, element, '::before'));
  }
  return found;
}

/** The texts below `minimum`, as readable lines for an assertion message. */
export function failures(contrasts: readonly TextContrast[], minimum: number): string[] {
  return contrasts
    .filter((c) => c.ratio < minimum)
    .map((c) => `"${c.text}" ${c.color} on ${c.background}: ${c.ratio.toFixed(2)}:1`);
}

/** Contrast of a control's boundary (its border colour, else its background) with what is around it. */
export function boundaryContrast(control: Element): number {
  const style = getComputedStyle(control);
  const outside = backgroundOf(flatParent(control)!);
  const border = parseColor(style.borderTopColor);
  const fill = parseColor(style.backgroundColor);
  const borderRatio = Number.parseFloat(style.borderTopWidth) > 0 ? contrastRatio(over(border, outside), outside) : 0;
  return Math.max(borderRatio, contrastRatio(over(fill, outside), outside));
}
