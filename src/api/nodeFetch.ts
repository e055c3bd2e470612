// The small part of fetch() that http.ts uses, on node:http / node:https: one request, redirects NOT followed,
// the body as a Node stream (decompressed). Replaces node-fetch, which cost ~90 KB of the bundle (with its
// web-streams polyfill) and measurable time per request (bench/, docs/BENCHMARKS.md).
// VS Code's proxy support patches node:http/https, so requests still honour http.proxy like before.
import * as http from 'node:http';
import * as https from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import * as zlib from 'node:zlib';

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  /** Already serialised. */
  body?: string;
  signal?: AbortSignal;
  /** Redirects are never followed here: http.ts decides (same-origin only), so 'manual' is the only mode. */
  redirect?: 'manual';
}

export interface Response {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  /** Ends with an error when the signal aborts or the connection breaks mid-body. */
  body: Readable;
}

function abortError(): Error {
  const e = new Error('The request was aborted.');
  e.name = 'AbortError';
  return e;
}

/** gzip / deflate / br bodies are inflated (we ask for them, like node-fetch did); others pass through. */
function decoded(res: http.IncomingMessage, method: string): Readable {
  const status = res.statusCode ?? 0;
  if (method === 'HEAD' || status === 204 || status === 304) return res;
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  // Lenient flushing, as browsers and node-fetch do: a body cut short still yields what arrived.
  const lenient = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  let inflate: zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined;
  if (encoding === 'gzip' || encoding === 'x-gzip') inflate = zlib.createGunzip(lenient);
  else if (encoding === 'deflate') inflate = zlib.createInflate(lenient);
  else if (encoding === 'br') inflate = zlib.createBrotliDecompress();
  if (!inflate) return res;
  return pipeline(res, inflate, () => undefined); // errors reach the returned stream's reader
}

export default function fetch(url: string, init: FetchInit): Promise<Response> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!transport) return reject(new TypeError(`Unsupported protocol ${target.protocol}`));
    if (init.signal?.aborted) return reject(abortError());
    const headers: Record<string, string> = { 'User-Agent': 'bolddesk-vscode', 'Accept-Encoding': 'gzip, deflate, br', ...init.headers };
    if (init.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(init.body));
    const req = transport.request(target, { method: init.method, headers });
    const onAbort = () => req.destroy(abortError());
    const done = () => init.signal?.removeEventListener('abort', onAbort);
    init.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (e) => {
      done();
      reject(e);
    });
    req.on('response', (res) => {
      res.on('close', done);
      const status = res.statusCode ?? 0;
      resolve({
        status,
        ok: status >= 200 && status < 300,
        headers: {
          get(name: string): string | null {
            const v = res.headers[name.toLowerCase()];
            return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
          },
        },
        body: decoded(res, init.method),
      });
    });
    req.end(init.body);
  });
}
