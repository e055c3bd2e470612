// Which URLs customer HTML may keep. Pure (URL only), shared by the sanitizer hooks and unit tests.
// Links: absolute http(s) or mailto (relative ones resolve against the BoldDesk origin, not the webview).
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

export function resolveLinkUrl(raw: string, origin: string): string | undefined {
  const u = parse(raw, origin);
  if (!u) return undefined;
  if (u.protocol === 'mailto:') return u.href;
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
