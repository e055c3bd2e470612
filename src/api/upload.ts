// Uploading a file for a reply, note or ticket: `POST /api/v1/attachments`, multipart/form-data with the file in the
// part `uploadFiles`, answered with `{ token, url }` (or `{ result: [{ token }] }`); the tokens then go,
// comma-separated, into the `attachments` field (confirmed: S1; docs/BOLDDESK-API.md). Shipped in dist/extras.js.
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ClientOptions } from './api';
import { AuthError, CancelledError, NetworkError, ProtocolError, TimeoutError } from './errors';
import fetch from './nodeFetch';

function quoted(name: string): string {
  return name.replace(/["\\\r\n]/g, '_');
}

/** How many bytes of the file go to the connection at a time (each one reported to `onProgress`). */
const CHUNK_BYTES = 64 * 1024;

/** The multipart body as a stream: the file in chunks, each reported when the connection takes it (backpressure). */
function streamedBody(head: Buffer, bytes: Uint8Array, tail: Buffer, onProgress?: (sent: number, total: number) => void): Readable {
  return Readable.from((function* () {
    yield head;
    let percent = 0;
    for (let at = 0; at < bytes.byteLength; at += CHUNK_BYTES) {
      const chunk = Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(CHUNK_BYTES, bytes.byteLength - at));
      yield chunk;
      // Runs when the next chunk is asked for, so this one was taken; once per whole percent.
      const sent = at + chunk.byteLength;
      if (Math.floor((sent * 100) / bytes.byteLength) > percent) {
        percent = Math.floor((sent * 100) / bytes.byteLength);
        onProgress?.(sent, bytes.byteLength);
      }
    }
    yield tail;
  })(), { objectMode: false });
}

/** The token BoldDesk gave the uploaded file; `onProgress` hears the file's bytes sent so far and its size. */
export async function uploadFile(o: ClientOptions, name: string, bytes: Uint8Array, contentType: string, signal?: AbortSignal,
  onProgress?: (sent: number, total: number) => void): Promise<string> {
  const boundary = `----bolddesk${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="uploadFiles"; filename="${quoted(name)}"\r\nContent-Type: ${contentType || 'application/octet-stream'}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = streamedBody(head, bytes, tail, onProgress);
  const length = head.byteLength + bytes.byteLength + tail.byteLength; // a Content-Length, not a chunked upload
  const host = new URL(o.origin).host;
  const timer = new AbortController();
  // Uploads take longer than a JSON call: a minute more on top of the request timeout.
  const timeout = setTimeout(() => timer.abort(), o.timeoutMs + 60_000);
  const onAbort = () => timer.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await fetch(`${o.origin}/api/v1/attachments`, {
      method: 'POST', body, redirect: 'manual', signal: timer.signal,
      headers: { 'x-api-key': o.apiKey, Accept: 'application/json', 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(length) },
    });
    o.log?.(`POST /api/v1/attachments → ${res.status} (upload, ${bytes.byteLength} bytes)`);
    const chunks: Buffer[] = [];
    for await (const c of (res.body as Readable | null) ?? []) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    const text = Buffer.concat(chunks).toString('utf8');
    if (res.status === 401) throw new AuthError(l10n.t('BoldDesk did not accept the API key for the upload.'), 401);
    if (!res.ok) throw new ProtocolError(l10n.t('BoldDesk refused the file {0} ({1}).', name, String(res.status)), res.status);
    let json: { token?: unknown; result?: { token?: unknown }[] } = {};
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      // handled below
    }
    const token = json.token ?? json.result?.[0]?.token;
    if (typeof token !== 'string' && typeof token !== 'number') throw new ProtocolError(l10n.t('BoldDesk accepted {0} but gave no token for it.', name), res.status);
    return String(token);
  } catch (e) {
    if (e instanceof ProtocolError || e instanceof AuthError) throw e;
    if (signal?.aborted) throw new CancelledError(l10n.t('Cancelled.'));
    if (timer.signal.aborted) throw new TimeoutError(l10n.t('{0} did not take the file {1} in time.', host, name));
    throw new NetworkError(l10n.t('Could not upload {0} to {1}.', name, host));
  } finally {
    clearTimeout(timeout);
    signal?.removeEventListener('abort', onAbort);
  }
}
