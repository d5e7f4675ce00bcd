/**
 * `allowed-hosts` read and checked. Imported by `<sarbacane-link>` only when the attribute is
 * set, like the public suffix list it loads (tldts, ~48 KB gzip): most pages set none, and never
 * load either.
 */
import { DEFAULT_ALLOWED_HOSTS } from './report-url.js';

/** An `allowed-hosts` entry left out, and why. */
export interface IgnoredHost {
  entry: string;
  /**
   * `not-a-host`: a scheme, a path, a port, user info, or a single label (`com` would allow a
   * whole top-level domain); `wildcard`: a `*` or a leading `.` (subdomains are always allowed:
   * the host itself is what to write); `public-suffix`: a name under which anybody can have a
   * site (`co.uk`, `github.io`).
   */
  reason: 'not-a-host' | 'wildcard' | 'public-suffix';
}

/**
 * Reads an `allowed-hosts` attribute (space-separated host names) into normalized host names,
 * always including `sarbacane.com`, by their form alone; entries of another form are returned
 * in `ignored`.
 */
export function parseAllowedHosts(value: string | null | undefined): { hosts: string[]; ignored: IgnoredHost[] } {
  const hosts = new Set<string>(DEFAULT_ALLOWED_HOSTS);
  const ignored: IgnoredHost[] = [];
  for (const entry of (value ?? '').split(/\s+/)) {
    if (!entry) continue;
    if (entry.includes('*') || entry.startsWith('.')) {
      ignored.push({ entry, reason: 'wildcard' });
      continue;
    }
    const host = normalizeHost(entry);
    if (host) hosts.add(host);
    else ignored.push({ entry, reason: 'not-a-host' });
  }
  return { hosts: [...hosts], ignored };
}

/** The host name as the URL parser writes it (lower case, punycode), or undefined when `entry` is not a plain multi-label host name. */
function normalizeHost(entry: string): string | undefined {
  if (!/^[^\s/\\?#@:*]+$/.test(entry)) return undefined;
  let hostname: string;
  try {
    hostname = new URL(`https://${entry}/`).hostname;
  } catch {
    return undefined;
  }
  if (hostname.endsWith('.') || hostname.startsWith('[')) return undefined;
  const labels = hostname.split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) return undefined;
  return hostname;
}

type Tldts = typeof import('tldts');
let tldts: Promise<Tldts> | undefined;

/**
 * The hosts a report may be on: the well-formed entries of `allowed-hosts`, less the public
 * suffixes (ICANN's, like `co.uk`, and private ones, like `github.io`): allowing one would
 * allow anybody's site under it. When the list cannot be loaded, no extra host is allowed.
 * `warnings` says, for the developer, what was left out and why (one per entry, by key).
 */
export async function resolveAllowedHosts(value: string): Promise<{ hosts: string[]; warnings: [key: string, text: string][] }> {
  const { hosts, ignored } = parseAllowedHosts(value);
  const extra = hosts.filter((host) => !DEFAULT_ALLOWED_HOSTS.includes(host));
  const warnings = (): [string, string][] => ignored.map((host) => [`host:${host.entry}`, ignoredHostWarning(host)]);
  if (extra.length === 0) return { hosts, warnings: warnings() };
  let list: Tldts;
  try {
    list = await (tldts ??= import('tldts'));
  } catch (error) {
    tldts = undefined;
    const failed: [string, string] = ['public-suffixes', `allowed-hosts: the public suffix list could not be loaded (${String(error)}); only ${DEFAULT_ALLOWED_HOSTS.join(', ')} is allowed.`];
    return { hosts: [...DEFAULT_ALLOWED_HOSTS], warnings: [...warnings(), failed] };
  }
  for (const host of extra) if (list.getPublicSuffix(host, { allowPrivateDomains: true }) === host) ignored.push({ entry: host, reason: 'public-suffix' });
  return { hosts: hosts.filter((host) => !ignored.some((i) => i.entry === host)), warnings: warnings() };
}

function ignoredHostWarning({ entry, reason }: IgnoredHost): string {
  switch (reason) {
    case 'wildcard':
      return `allowed-hosts: "${entry}" is a wildcard; it is ignored. Write the host itself ("${entry.replace(/^[*.]+/, '')}"): its subdomains are always allowed.`;
    case 'public-suffix':
      return `allowed-hosts: "${entry}" is a public suffix (anybody can have a site under it, like co.uk or github.io); it is ignored. Write your own host under it.`;
    default:
      return `allowed-hosts: "${entry}" is not a host name (like "reports.example.com"); it is ignored.`;
  }
}
