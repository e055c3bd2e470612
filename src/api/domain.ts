// Turns what a person types as "BoldDesk domain" into an origin the API key may be sent to.
// https only; plain http only for loopback (the local fake, tunnels). Reasons say what to enter instead.

export type DomainResult = { ok: true; origin: string; host: string } | { ok: false; reason: string };

const EXAMPLE = 'Enter just the domain, e.g. acme.bolddesk.com or https://acme.bolddesk.com';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

function refuse(reason: string): DomainResult {
  return { ok: false, reason };
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
  if (hostname.endsWith('.')) return `Remove the trailing dot from "${hostname}".`;
  const labels = hostname.split('.');
  if (hostname.length > 253 || !labels.every((l) => LABEL.test(l))) {
    return `"${hostname}" is not a valid domain name: use only letters, digits, hyphens and dots. ${EXAMPLE}.`;
  }
  if (labels.length < 2 && !isLoopbackHost(hostname)) {
    return `"${hostname}" is not a full domain name. Did you mean ${hostname}.bolddesk.com?`;
  }
  return undefined;
}

export function parseDomain(input: string): DomainResult {
  const text = (input ?? '').trim();
  if (text === '') return refuse(`The BoldDesk domain is empty. ${EXAMPLE}.`);
  if (/\s/.test(text)) return refuse(`The domain must not contain spaces. ${EXAMPLE}.`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return refuse(`The domain contains control characters. ${EXAMPLE}.`);

  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  const scheme = schemeMatch ? schemeMatch[1].toLowerCase() : undefined;
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') {
    return refuse(`"${scheme}://" is not supported: BoldDesk is reached over https. ${EXAMPLE}.`);
  }
  if (scheme === undefined && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) {
    return refuse(`"${text}" is not a domain. ${EXAMPLE}.`);
  }
  const withScheme = scheme === undefined ? `https://${text}` : text;
  const authority = rawAuthority(withScheme);
  if (authority.includes('@')) {
    return refuse(
      "Remove the user name or password from the domain: the API key is stored separately with 'BoldDesk: Set API Key'.",
    );
  }

  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return refuse(`"${text}" is not a valid domain. ${EXAMPLE}.`);
  }
  if (url.username || url.password) {
    return refuse("Remove the user name or password from the domain: the API key is stored separately with 'BoldDesk: Set API Key'.");
  }
  if (url.search || url.hash || /[?#]/.test(text)) {
    return refuse(`Remove the "?…" or "#…" part: only the domain is needed. ${EXAMPLE}.`);
  }
  if (url.pathname !== '/' || /\\/.test(text)) {
    const hint = /^\/api(\/|$)/i.test(url.pathname) ? ' (the extension adds /api/v1 itself)' : '';
    return refuse(`Remove the path "${url.pathname}"${hint}. Enter only ${url.host}, e.g. https://${url.host}.`);
  }
  // Unicode (IDN) hosts are refused: a lookalike of your tenant could receive the key. The URL parser has
  // already converted them to punycode, which we show so someone who really means it can enter that.
  // eslint-disable-next-line no-control-regex
  if (/[^\u0000-\u007f]/.test(authority)) {
    return refuse(
      `"${authority}" contains non-ASCII characters, which can imitate another domain. ` +
        `If this really is your BoldDesk domain, enter its ASCII form: ${url.host}.`,
    );
  }
  // The URL parser decodes "%2e" and expands IPv4 shorthand ("0" → 0.0.0.0, "2130706433" → 127.0.0.1, "0x7f.1"): the key must go
  // only to the host as typed, so anything but a full dotted address is refused with the expanded form shown.
  const typedHost = authority.replace(/:\d*$/, '').toLowerCase();
  if (typedHost.includes('%')) return refuse(`Remove the "%" escapes from "${typedHost}": type the domain as it is. ${EXAMPLE}.`);
  if (IPV4.test(url.hostname) && typedHost !== url.hostname) {
    return refuse(`"${typedHost}" is not a complete address (it would mean ${url.hostname}). ${EXAMPLE}.`);
  }
  const hostProblem = checkHostname(url.hostname);
  if (hostProblem) return refuse(hostProblem);

  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    return refuse(
      `http:// is not allowed for ${url.host}: the API key must travel encrypted. Use https://${url.hostname}` +
        (url.port ? `:${url.port}` : '') +
        ' (http is accepted only for 127.0.0.1, localhost and [::1]).',
    );
  }
  return { ok: true, origin: url.origin, host: url.host };
}
