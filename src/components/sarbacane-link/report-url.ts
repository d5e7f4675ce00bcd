/**
 * The rule a Sarbacane report address must pass before `<sarbacane-link>` turns it into a
 * link. The address comes from the data source, which is untrusted: a wrong or hostile value
 * must never become a clickable `javascript:` link or send the user to a look-alike site.
 *
 * An address is accepted only when all of these hold:
 * - it parses as an absolute URL (relative addresses are refused: there is no base to trust);
 * - its scheme is `https:` (never `http:`, `javascript:`, `data:`, `blob:`, …);
 * - it has no user name and no password (`https://sarbacane.com@evil.example/` is a link to
 *   `evil.example`; any user info is refused, even on an allowed host, because it is only ever
 *   used to make an address look like another one);
 * - it uses the default port: `https://app.sarbacane.com:8443/` is refused. Sarbacane's report
 *   addresses never carry a port, and another port of an allowed host may be another service
 *   (`:443`, the default, is dropped by the URL parser and so accepted);
 * - its host is an allowed host or a subdomain of one, label by label: with `sarbacane.com`
 *   allowed, `sarbacane.com` and `app.sarbacane.com` pass, `sarbacane.com.evil.example` and
 *   `evilsarbacane.com` do not. A trailing dot (`sarbacane.com.`) does not match either.
 *
 * The accepted address is returned as the URL parser serialized it (`url.href`), so the link
 * points exactly at what was checked.
 */

/** Sarbacane's own domain, always allowed (with its subdomains). */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['sarbacane.com'];

export type ReportUrlRefusal =
  /** No address, or not a string. */
  | 'missing'
  /** Not an absolute URL. */
  | 'invalid'
  /** A scheme other than `https:`. */
  | 'scheme'
  /** A user name or password in the address. */
  | 'credentials'
  /** A port other than the default one. */
  | 'port'
  /** A host that is neither allowed nor a subdomain of an allowed host. */
  | 'host';

export type ReportUrlCheck = { ok: true; url: string } | { ok: false; reason: ReportUrlRefusal };

function hostAllowed(hostname: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.some((allowed) => hostname === allowed || hostname.endsWith(`.${allowed}`));
}

/** Checks `value` against the rule above; `allowedHosts` are normalized host names (see `parseAllowedHosts` in allowed-hosts.ts). */
export function checkReportUrl(value: unknown, allowedHosts: readonly string[] = DEFAULT_ALLOWED_HOSTS): ReportUrlCheck {
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'missing' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'scheme' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials' };
  if (url.port !== '') return { ok: false, reason: 'port' };
  if (!hostAllowed(url.hostname, allowedHosts)) return { ok: false, reason: 'host' };
  return { ok: true, url: url.href };
}
