/**
 * The library's Trusted Types policy, `campaign-stats-elements`, for the few string sinks that a
 * library it uses reaches whatever it is given (a page with `require-trusted-types-for 'script'`
 * refuses any plain string there, the empty one included):
 *
 * - Tabulator writes its `headerSortElement` option with `innerHTML`: it gets an empty
 *   TrustedHTML, and the sort arrow is added as an element (tabulator.ts). Only the empty string
 *   is accepted: no text of the data, of the host or of the library becomes markup.
 * - `new Worker(url)` takes a TrustedScriptURL: only URLs of the page's origin are accepted (a
 *   worker cannot start from another origin anyway), the export worker's file or its Blob URL.
 *
 * Made once per page and shared by every copy of the library on it: a second policy of the same
 * name is refused where the host's CSP has `trusted-types` without `'allow-duplicates'`.
 */

const NAME = 'campaign-stats-elements';
const KEY = Symbol.for('hub3e.campaign-stats.trusted-types-policy');

interface Policy {
  createHTML(input: string): TrustedHTML;
  createScriptURL(input: string): TrustedScriptURL;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML(input: string): string; createScriptURL(input: string): string }): Policy;
}

/** A policy's value, only ever made by it: what a Trusted Types sink accepts in place of a string. */
export type TrustedHTML = { readonly brand: 'TrustedHTML' };
export type TrustedScriptURL = { readonly brand: 'TrustedScriptURL' };

type Registry = { [KEY]?: Policy | null };

function refuse(what: string, input: string): never {
  throw new TypeError(`The ${NAME} Trusted Types policy does not accept ${what} ${JSON.stringify(input.slice(0, 80))}.`);
}

/** The page's policy; null where the browser has no Trusted Types, or where the host's CSP does not allow it (said once). */
function policy(): Policy | null {
  const registry = globalThis as Registry;
  if (registry[KEY] !== undefined) return registry[KEY];
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  let made: Policy | null = null;
  try {
    made =
      factory?.createPolicy(NAME, {
        createHTML: (input) => (input === '' ? input : refuse('the markup', input)),
        createScriptURL: (input) => (new URL(input, document.baseURI).origin === location.origin ? input : refuse('the script URL', input)),
      }) ?? null;
  } catch {
    console.warn(
      `campaign-stats-elements: the page's Content-Security-Policy does not allow the Trusted Types policy "${NAME}": ` +
        `add it to the trusted-types directive (trusted-types lit-html ${NAME}), else the grid cannot build its table nor start its export worker.`,
    );
  }
  registry[KEY] = made;
  return made;
}

/** An empty HTML value that an `innerHTML` sink accepts under Trusted Types (a plain '' where there are none). */
export function emptyHTML(): TrustedHTML | '' {
  return policy()?.createHTML('') ?? '';
}

/** `url` (of the page's origin) as a Worker accepts it under Trusted Types; the string itself where there are none. */
export function trustedScriptURL(url: string | URL): TrustedScriptURL | string {
  const text = String(url);
  return policy()?.createScriptURL(text) ?? text;
}
