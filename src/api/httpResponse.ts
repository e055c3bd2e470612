// One answer of BoldDesk as HttpTransport (http.ts) reads it: a redirect followed only to the same origin (never for a
// write), the body read up to its size cap, the JSON parsed or the failure typed (httpErrors.ts), and the word the
// log line ends with. No vscode import.
import * as l10n from '@vscode/l10n';
import type { Readable } from 'node:stream';
import type { Response } from './nodeFetch';
import { BoldDeskError, RedirectError } from './errors';
import { errorFromResponse, protocolError, type RequestContext } from './httpErrors';
import type { Json } from './parse';

const MAX_REDIRECTS = 3;

export function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** Follow only same-origin redirects: a fetch that follows redirects would carry x-api-key to any host. */
export function redirectTarget(res: Response, from: URL, hop: number, ctx: RequestContext, to: { origin: string; host: string }): URL {
  const location = res.headers.get('location');
  let next: URL | undefined;
  try {
    next = location ? new URL(location, from) : undefined;
  } catch {
    next = undefined;
  }
  if (!next) throw protocolError(l10n.t('BoldDesk answered {0} with a redirect without a valid target.', `${ctx.method} ${ctx.path}`), ctx, res.status);
  if (next.origin !== to.origin) {
    throw new RedirectError(
      l10n.t(
        '{0} redirected the request to {1}. The API key is only sent to {0}, so the request was stopped. Check the domain setting: use the address your browser shows for BoldDesk.',
        to.host,
        next.host || next.protocol,
      ),
      res.status,
    );
  }
  if (hop >= MAX_REDIRECTS) throw new RedirectError(l10n.t('{0} redirected too many times. Check the domain setting.', to.host), res.status);
  // A write is never re-sent along a redirect: 301/302/303 would turn it into a GET without its body, and 307/308
  // would send it a second time (BoldDesk may already have applied it). Refuse; nothing is sent again.
  if (ctx.method !== 'GET') {
    throw new RedirectError(l10n.t('{0} redirected a change to another address; nothing was saved. Check the domain setting.', to.host), res.status);
  }
  return next;
}


/** The body as text, refusing to buffer more than maxBodyBytes. */
export async function readBody(res: Response, ctx: RequestContext, maxBodyBytes: number): Promise<string> {
  const stream = res.body as Readable | null;
  if (!stream) return '';
  const tooBig = () => {
    stream.destroy();
    return protocolError(
      l10n.t("BoldDesk's answer to {0} is larger than {1} MB; it was not read.", `${ctx.method} ${ctx.path}`, Math.round(maxBodyBytes / 1048576)),
      ctx,
      res.status,
      res.ok,
    );
  };
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBodyBytes) throw tooBig();
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > maxBodyBytes) throw tooBig();
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}


export function interpretBody(res: Response, text: string, ctx: RequestContext): Json {
  let parsed: Json | undefined;
  let parseFailed = false;
  if (text.trim() !== '') {
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      parseFailed = true;
    }
  }
  if (!res.ok) throw errorFromResponse(res.status, parsed, res.headers, ctx);
  if (parseFailed) {
    const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
    const request = `${ctx.method} ${ctx.path}`;
    const text = /html/i.test(type)
      ? l10n.t("BoldDesk's answer to {0} was not valid JSON ({1}). It sent a web page: check that the domain setting is your BoldDesk site.", request, type)
      : type
        ? l10n.t("BoldDesk's answer to {0} was not valid JSON ({1}).", request, type)
        : l10n.t("BoldDesk's answer to {0} was not valid JSON.", request);
    throw protocolError(text, ctx, res.status, true);
  }
  return parsed ?? null;
}

/** The word a failed attempt's log line ends with. */
export function failureWord(e: unknown, caller: AbortSignal | undefined, timer: AbortSignal): string {
  if (e instanceof BoldDeskError) return e.kind;
  if (caller?.aborted) return 'cancelled';
  if (timer.aborted) return 'timeout';
  const code = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : 'network error';
}
