/**
 * The element named by a `stats-target` attribute: in `from`'s document or shadow root, else
 * in the page; only a `<campaign-stats-grid>` counts. Any copy of the library's grid does, so
 * it is typed by what the caller uses of it.
 */
export function findStatsGrid<T extends HTMLElement>(from: Element, id: string): T | null {
  if (!id) return null;
  const root = from.getRootNode();
  const scopes: (Document | ShadowRoot)[] = root instanceof ShadowRoot || root instanceof Document ? [root] : [];
  if (root !== document) scopes.push(document);
  for (const scope of scopes) {
    const element = scope.getElementById(id);
    if (element?.localName === 'campaign-stats-grid') return element as T;
  }
  return null;
}
