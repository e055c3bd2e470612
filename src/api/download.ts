// Attachment content: BoldDesk gives each attachment a `fileUrl` (confirmed: S1 message/attachment shapes; see
// docs/BOLDDESK-API.md "Attachments (issue 15)"). The extension host fetches it with the API key — only when the
// URL is on the configured BoldDesk origin, so the key never goes anywhere else — following same-origin redirects
// only, and never reading more than a cap. The webview never sees the URL or the key.
import * as l10n from '@vscode/l10n';
import type { Readable } from 'node:stream';
import type { ClientOptions, Downloaded } from './api';
import { CancelledError, NetworkError, ProtocolError, RedirectError, TimeoutError } from './errors';
import fetch from './nodeFetch';

const MAX_REDIRECTS = 3;

/** Thrown when the file is larger than the cap: `size` in bytes when the server declared it. */
export class TooLargeError extends ProtocolError {
  constructor(message: string, readonly size?: number) {
    super(message);
  }
}

/** The absolute URL of a `fileUrl` when it is on `origin`; undefined otherwise (never fetched with the key). */
export function sameOriginUrl(fileUrl: string, origin: string): URL | undefined {
  try {
    const u = new URL(fileUrl, origin);
    return u.origin === origin && (u.protocol === 'https:' || u.protocol === 'http:') ? u : undefined;
  } catch {
    return undefined;
  }
}

function mb(bytes: number): string {
  return (bytes / 1048576).toFixed(bytes < 1048576 ? 1 : 0);
}

export async function downloadFile(o: ClientOptions, fileUrl: string, maxBytes: number, signal?: AbortSignal): Promise<Downloaded> {
  let url = sameOriginUrl(fileUrl, o.origin);
  const host = new URL(o.origin).host;
  if (!url) throw new RedirectError(l10n.t('The file is not stored on {0}; the API key is only sent to {0}, so it was not downloaded.', host));
  for (let hop = 0; ; hop++) {
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), o.timeoutMs);
    const onAbort = () => timer.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const res = await fetch(url.href, { method: 'GET', headers: { 'x-api-key': o.apiKey, Accept: '*/*' }, redirect: 'manual', signal: timer.signal });
      o.log?.(`GET ${url.pathname} → ${res.status} (attachment)`);
      const stream = res.body as Readable | null;
      if (res.status >= 300 && res.status < 400) {
        stream?.destroy();
        const next = sameOriginUrl(res.headers.get('location') ?? '', url.origin);
        if (!next || hop >= MAX_REDIRECTS) throw new RedirectError(l10n.t('{0} sent the file somewhere else; the API key is only sent to {0}, so it was not downloaded.', host), res.status);
        url = next;
        continue;
      }
      if (!res.ok) {
        stream?.destroy();
        throw new ProtocolError(l10n.t('BoldDesk answered {0} when asked for the file.', String(res.status)), res.status);
      }
      const tooBig = (size?: number) => {
        stream?.destroy();
        return new TooLargeError(l10n.t('The file is larger than {0} MB, too large to open here. Use Save As… or open the ticket in the browser.', mb(maxBytes)), size);
      };
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) throw tooBig(declared);
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of stream ?? []) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        total += buf.length;
        if (total > maxBytes) throw tooBig();
        chunks.push(buf);
      }
      return { bytes: Buffer.concat(chunks), contentType: (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase() };
    } catch (e) {
      if (e instanceof ProtocolError || e instanceof RedirectError) throw e;
      if (signal?.aborted) throw new CancelledError(l10n.t('Cancelled.'));
      if (timer.signal.aborted) throw new TimeoutError(l10n.t('{0} did not send the file in time.', host));
      throw new NetworkError(l10n.t('Could not download the file from {0}.', host));
    } finally {
      clearTimeout(timeout);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
