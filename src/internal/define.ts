type VersionedElement = CustomElementConstructor & { version?: string };

const warned = new Set<string>();

/**
 * Defines `tag` unless it already is: several separately bundled copies of the library may
 * share a page. Another version already defined wins, with one warning per tag.
 */
export function defineElement(tag: string, element: VersionedElement): void {
  const existing = customElements.get(tag) as VersionedElement | undefined;
  if (!existing) {
    customElements.define(tag, element);
    return;
  }
  if (existing !== element && existing.version !== element.version && !warned.has(tag)) {
    warned.add(tag);
    console.warn(
      `<${tag}>: version ${existing.version ?? 'unknown'} is already defined on this page; version ${element.version ?? 'unknown'} is not used.`,
    );
  }
}
