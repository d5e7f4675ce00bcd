type VersionedElement = CustomElementConstructor & { version?: string };

/** One warning per page, whichever copy of the library comes second: shared on globalThis. */
const WARNED = Symbol.for('hub3e.campaign-stats.version-warned');
type Registry = { [WARNED]?: boolean };

/**
 * Defines `tag` unless it already is: several separately bundled copies of the library may
 * share a page. Another version already defined wins, with one warning per page.
 */
export function defineElement(tag: string, element: VersionedElement): void {
  const existing = customElements.get(tag) as VersionedElement | undefined;
  if (!existing) {
    customElements.define(tag, element);
    return;
  }
  const registry = globalThis as Registry;
  if (existing !== element && existing.version !== element.version && !registry[WARNED]) {
    registry[WARNED] = true;
    console.warn(
      `<${tag}> and the other campaign statistics elements: version ${existing.version ?? 'unknown'} is already defined on this page; version ${element.version ?? 'unknown'} is not used.`,
    );
  }
}
