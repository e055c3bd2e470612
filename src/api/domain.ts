// Turns what a person types as "BoldDesk domain" into an origin the API key may be sent to.
// https only; plain http only for a literal loopback address (127.0.0.0/8, [::1]: the local fake, tunnels) — never
// for the name "localhost", which hosts files, DNS search domains or proxies may send elsewhere. Reasons say what to
// enter instead.

import * as l10n from '@vscode/l10n';

export type DomainResult = { ok: true; origin: string; host: string } | { ok: false; reason: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** A literal loopback address as URL.hostname gives it: 127.0.0.0/8 or [::1]. Names (localhost) are not. */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === '[::1]') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  return m !== null && m.slice(1).every((n) => Number(n) <= 255);
}

function refuse(reason: string): DomainResult {
  return { ok: false, reason };
}

function example(): string {
  return l10n.t('Enter just the domain, e.g. acme.bolddesk.com or https://acme.bolddesk.com.');
}

/** A reason followed by what to type instead. */
function refuseWithExample(reason: string): DomainResult {
  return refuse(`${reason} ${example()}`);
}

/** The typed host part (between "//" and the next "/", "?" or "#"), before any URL normalisation. */
function rawAuthority(withScheme: string): string {
  // Extra slashes ("https:////host", "//host") are skipped by the URL parser, so skip them here too.
  const rest = withScheme.slice(withScheme.indexOf('//') + 2).replace(/^[/\\]+/, '');
  return rest.split(/[/?#\\]/, 1)[0];
}

function checkHostname(hostname: string): string | undefined {
  if (hostname.startsWith('[')) return undefined; // IPv6 literal, already validated by URL
  if (IPV4.test(hostname)) return undefined;
  if (hostname.endsWith('.')) return l10n.t('Remove the trailing dot from "{0}".', hostname);
  const labels = hostname.split('.');
  if (hostname.length > 253 || !labels.every((l) => LABEL.test(l))) {
    return `${l10n.t('"{0}" is not a valid domain name: use only letters, digits, hyphens and dots.', hostname)} ${example()}`;
  }
  if (labels.length < 2 && hostname !== 'localhost') {
    return l10n.t('"{0}" is not a full domain name. Did you mean {0}.bolddesk.com?', hostname);
  }
  return undefined;
}

function noCredentials(): string {
  return l10n.t("Remove the user name or password from the domain: the API key is stored separately with 'BoldDesk: Set API Key'.");
}

export function parseDomain(input: string): DomainResult {
  const text = (input ?? '').trim();
  const withScheme = checkText(text);
  if (typeof withScheme !== 'string') return withScheme;
  const authority = rawAuthority(withScheme);
  if (authority.includes('@')) {
    return refuse(noCredentials());
  }

  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return refuseWithExample(l10n.t('"{0}" is not a valid domain.', text));
  }
  return checkParts(url, text) ?? checkHost(url, authority) ?? checkTransport(url) ?? { ok: true, origin: url.origin, host: url.host };
}

/** The text as typed: not empty, no spaces or control characters, https:// or http:// or none. The URL to parse, or why not. */
function checkText(text: string): string | DomainResult {
  if (text === '') return refuseWithExample(l10n.t('The BoldDesk domain is empty.'));
  if (/\s/.test(text)) return refuseWithExample(l10n.t('The domain must not contain spaces.'));
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return refuseWithExample(l10n.t('The domain contains control characters.'));

  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  const scheme = schemeMatch ? schemeMatch[1].toLowerCase() : undefined;
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') {
    return refuseWithExample(l10n.t('"{0}://" is not supported: BoldDesk is reached over https.', scheme));
  }
  if (scheme === undefined && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) {
    return refuseWithExample(l10n.t('"{0}" is not a domain.', text));
  }
  return scheme === undefined ? `https://${text}` : text;
}

/** Only the origin: no user name or password, query, fragment or path. */
function checkParts(url: URL, text: string): DomainResult | undefined {
  if (url.username || url.password) {
    return refuse(noCredentials());
  }
  if (url.search || url.hash || /[?#]/.test(text)) {
    return refuseWithExample(l10n.t('Remove the "?…" or "#…" part: only the domain is needed.'));
  }
  if (url.pathname !== '/' || /\\/.test(text)) {
    return refuse(
      /^\/api(\/|$)/i.test(url.pathname)
        ? l10n.t('Remove the path "{0}" (the extension adds /api/v1 itself). Enter only {1}, e.g. https://{1}.', url.pathname, url.host)
        : l10n.t('Remove the path "{0}". Enter only {1}, e.g. https://{1}.', url.pathname, url.host),
    );
  }
  return undefined;
}

/** The host as typed: ASCII only, no escapes, no IPv4 shorthand, a valid name or address, not port 0. */
function checkHost(url: URL, authority: string): DomainResult | undefined {
  // Unicode (IDN) hosts are refused: a lookalike of your tenant could receive the key. The URL parser has
  // already converted them to punycode, which we show so someone who really means it can enter that.
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u007f]/.test(authority)) {
    return refuse(
      l10n.t('"{0}" contains non-ASCII characters, which can imitate another domain. If this really is your BoldDesk domain, enter its ASCII form: {1}.', authority, url.host),
    );
  }
  // The URL parser decodes "%2e" and expands IPv4 shorthand ("0" → 0.0.0.0, "2130706433" → 127.0.0.1, "0x7f.1"): the key must go
  // only to the host as typed, so anything but a full dotted address is refused with the expanded form shown.
  const typedHost = authority.replace(/:\d*$/, '').toLowerCase();
  if (typedHost.includes('%')) return refuseWithExample(l10n.t('Remove the "%" escapes from "{0}": type the domain as it is.', typedHost));
  if (IPV4.test(url.hostname) && typedHost !== url.hostname) {
    return refuseWithExample(l10n.t('"{0}" is not a complete address (it would mean {1}).', typedHost, url.hostname));
  }
  const hostProblem = checkHostname(url.hostname);
  if (hostProblem) return refuse(hostProblem);
  // Port 0 is "any port" to a socket API, never a server's address.
  if (/^0+$/.test(authority.replace(/^.*\]/, '').split(':')[1] ?? '')) return refuseWithExample(l10n.t('Port 0 is not a port a server listens on.'));
  return undefined;
}

/** https, or http for a loopback address only (never the name localhost). */
function checkTransport(url: URL): DomainResult | undefined {
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && url.hostname === 'localhost') {
    return refuse(
      l10n.t(
        'http:// is accepted only for a loopback address, not the name localhost (which your system may send elsewhere). Use http://127.0.0.1{0}.',
        url.port ? `:${url.port}` : '',
      ),
    );
  }
  if (url.protocol === 'http:' && !loopback) {
    return refuse(
      l10n.t(
        'http:// is not allowed for {0}: the API key must travel encrypted. Use https://{1} (http is accepted only for 127.0.0.1 and [::1]).',
        url.host,
        url.hostname + (url.port ? `:${url.port}` : ''),
      ),
    );
  }
  return undefined;
}
