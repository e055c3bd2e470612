// Which URLs customer HTML may keep. Pure (URL only), shared by the sanitizer hooks and unit tests.
// Links: absolute http(s) or mailto with only address/subject/body/cc (relative ones resolve against the BoldDesk
// origin, not the webview); command:, vscode:, file: and every other scheme are dropped.
// Images: only from the BoldDesk origin itself; everything else (other hosts, data:, cid:) is dropped.

const MAX_URL = 2048;

function parse(raw: string, origin: string): URL | undefined {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > MAX_URL) return undefined;
  try {
    return new URL(trimmed, `${origin.replace(/\/+$/, '')}/`);
  } catch {
    return undefined;
  }
}

/** mailto: parameters a customer's link may set; `attach=`, `bcc=`, `from=` and the rest are dropped. */
export const MAILTO_PARAMS = new Set(['subject', 'body', 'cc']);

/** The address and only subject/body/cc (a mail client may attach a local file for `attach=`). */
function safeMailto(u: URL): string | undefined {
  if (u.pathname.includes('?')) return undefined;
  const kept: string[] = [];
  for (const [k, v] of u.searchParams) {
    if (MAILTO_PARAMS.has(k.toLowerCase())) kept.push(`${k.toLowerCase()}=${encodeURIComponent(v)}`);
  }
  return `mailto:${u.pathname}${kept.length ? `?${kept.join('&')}` : ''}`;
}

export function resolveLinkUrl(raw: string, origin: string): string | undefined {
  const u = parse(raw, origin);
  if (!u) return undefined;
  if (u.protocol === 'mailto:') return safeMailto(u);
  if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '') return u.href;
  return undefined;
}

export function resolveImageUrl(raw: string, origin: string): string | undefined {
  const u = parse(raw, origin);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return undefined;
  let allowed: string;
  try {
    allowed = new URL(origin).origin;
  } catch {
    return undefined;
  }
  return u.origin === allowed ? u.href : undefined;
}
