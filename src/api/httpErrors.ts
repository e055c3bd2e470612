// HTTP outcomes → typed errors with messages a person can act on (docs/BOLDDESK-API.md, "Errors").
// Messages are built from the status, the host and BoldDesk's own short text only — never headers,
// never the request — and every message passes through `redact` so the key cannot leak.
import * as l10n from '@vscode/l10n';
import {
  AuthError,
  BoldDeskError,
  type FieldError,
  NetworkError,
  NotFoundError,
  PermissionError,
  ProtocolError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './errors';
import { isObject, type Json } from './parse';
import { type HeaderSource, retryAtAfter429 } from './rateLimit';

export function authMessage(): string {
  return l10n.t("BoldDesk rejected the API key (invalid or expired). Create a new key in BoldDesk: avatar → View profile & Settings → API Keys, then run 'BoldDesk: Set API Key'.");
}

/** What the mapping needs to know about the request. */
export interface RequestContext {
  method: string;
  /** Path without query, e.g. /api/v1/tickets/12 */
  path: string;
  host: string;
  /** POST/PUT: failures after sending may have changed data. */
  isWrite: boolean;
  /** Words for a 404, e.g. "Ticket #12". */
  what?: string;
  now: number;
  timeoutMs: number;
  redact: (text: string) => string;
}


/**
 * outcomeUnknown rule (POST/PUT only): true whenever the request may have reached BoldDesk and we have no
 * definite answer — a timeout, a connection cut after connecting (reset, hang up, premature close), a 5xx
 * other than 503 (500/502/504 can fail after the change was made; 503 means it was not accepted), or a 2xx
 * whose body we could not read. Refused connections, DNS/TLS failures, redirects and 4xx/429 are known
 * not to have changed anything.
 */
function markOutcome<E extends BoldDeskError>(err: E, ctx: RequestContext, unknown: boolean): E {
  if (ctx.isWrite && unknown) {
    err.outcomeUnknown = true;
    err.message += ` ${l10n.t('It may or may not have been saved: check the ticket in BoldDesk before trying again.')}`;
  }
  return err;
}

interface Envelope {
  message?: string;
  fieldErrors: FieldError[];
}

function clip(text: string, max = 300): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** `{message, statusCode, errors:[{field, errorMessage, errorType}]}`; errorType may be a string or a number. */
export function readEnvelope(body: Json | undefined): Envelope {
  if (!isObject(body)) return { fieldErrors: [] };
  const message = typeof body.message === 'string' && body.message.trim() ? clip(body.message) : undefined;
  const fieldErrors: FieldError[] = [];
  for (const e of Array.isArray(body.errors) ? body.errors : []) {
    if (!isObject(e)) continue;
    const fe: FieldError = {
      field: typeof e.field === 'string' ? e.field : '',
      message: typeof e.errorMessage === 'string' ? clip(e.errorMessage) : '',
    };
    if (typeof e.errorType === 'string' || typeof e.errorType === 'number') fe.type = String(e.errorType);
    fieldErrors.push(fe);
  }
  return { message, fieldErrors };
}

/** BoldDesk's own words: the field errors ("subject: This field is required."), else the top message. */
function serverWords(env: Envelope): string | undefined {
  const parts = env.fieldErrors
    .filter((e) => e.message)
    .map((e) => (e.field && !/^user$/i.test(e.field) ? `${e.field}: ${e.message}` : e.message));
  const text = parts.length ? parts.join('; ') : env.message;
  return text ? clip(text) : undefined;
}

/** BoldDesk's words without a final period, for "…: {words}." sentences. */
function bare(words: string): string {
  return words.replace(/\.$/, '');
}

export function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000));
}

export function rateLimitError(retryAt: number, now: number): RateLimitError {
  return new RateLimitError(
    l10n.t("BoldDesk's rate limit for this API key's owner is used up. BoldDesk accepts requests again in about {0} s; try again then.", secondsUntil(retryAt, now)),
    retryAt,
  );
}

/** A non-2xx response → the matching typed error. */
export function errorFromResponse(status: number, body: Json | undefined, headers: HeaderSource, ctx: RequestContext): BoldDeskError {
  const env = readEnvelope(body);
  const words = serverWords(env);
  const types = env.fieldErrors.map((e) => e.type ?? '');
  const r = ctx.redact;
  if (status === 401) return new AuthError(authMessage(), status);
  if (status === 403 || (status === 400 && types.some((t) => /^accessdenied$/i.test(t)))) {
    const denied = words ? l10n.t('BoldDesk denied access (HTTP {0}): {1}.', status, bare(words)) : l10n.t('BoldDesk denied access (HTTP {0}).', status);
    const why = l10n.t('The agent who owns the API key lacks the permission or brand access for this; ask a BoldDesk admin.');
    return new PermissionError(r(`${denied} ${why}`), status);
  }
  if (status === 404) {
    const what = ctx.what ?? `${ctx.method} ${ctx.path}`;
    return new NotFoundError(
      r(l10n.t("{0} was not found in BoldDesk. It may have been deleted or merged, or the key's owner cannot see it.", what)),
      status,
    );
  }
  if (status === 429) {
    return rateLimitError(retryAtAfter429(headers, ctx.now), ctx.now);
  }
  if (status === 400 || status === 422) {
    const text = words ? l10n.t('BoldDesk did not accept the request: {0}.', bare(words)) : l10n.t('BoldDesk did not accept the request.');
    return new ValidationError(r(text), status, env.fieldErrors, types, words && r(words));
  }
  if (status >= 500) {
    const problem = words ? l10n.t('BoldDesk had a problem (HTTP {0}): {1}.', status, bare(words)) : l10n.t('BoldDesk had a problem (HTTP {0}).', status);
    const next = !ctx.isWrite ? l10n.t('Try again in a moment (Refresh).') : status === 503 ? l10n.t('Nothing was saved; try again in a moment.') : '';
    return markOutcome(new ServerError(r(next ? `${problem} ${next}` : problem), status), ctx, status !== 503);
  }
  const request = `${ctx.method} ${ctx.path}`;
  const text = words
    ? l10n.t('Unexpected answer from BoldDesk (HTTP {0}) to {1}: {2}.', status, request, bare(words))
    : l10n.t('Unexpected answer from BoldDesk (HTTP {0}) to {1}.', status, request);
  return new ProtocolError(r(text), status);
}

/** True for BoldDesk's "No changes found." answer to update_fields (observed as 400, docs/BOLDDESK-API.md, "Errors"). */
export function isNoChangeError(err: unknown): boolean {
  if (!(err instanceof ValidationError)) return false;
  if (err.errorTypes.some((t) => /^nochangefound$/i.test(t))) return true;
  return /no changes? found/i.test([err.message, ...err.fieldErrors.map((e) => e.message)].join(' '));
}

export function timeoutError(ctx: RequestContext): TimeoutError {
  const s = Math.round(ctx.timeoutMs / 100) / 10;
  const err = new TimeoutError(
    ctx.isWrite
      ? l10n.t('BoldDesk ({0}) did not answer within {1} s.', ctx.host, s)
      : l10n.t('BoldDesk ({0}) did not answer within {1} s. Try again, or raise the setting bolddesk.requestTimeoutSeconds.', ctx.host, s),
  );
  return markOutcome(err, ctx, true);
}

/** Failures where nothing reached BoldDesk, as whole sentences naming the host ({0}). */
const NEVER_SENT: Record<string, (host: string) => string> = {
  ECONNREFUSED: (h) => l10n.t("Can't reach {0}: the connection was refused. Check the domain setting, or whether BoldDesk is down.", h),
  ENOTFOUND: (h) => l10n.t("Can't reach {0}: the name does not resolve. Check the spelling of the domain setting and your network.", h),
  EAI_AGAIN: (h) => l10n.t("Can't reach {0}: the name could not be looked up. Check your network or DNS.", h),
  EHOSTUNREACH: (h) => l10n.t("Can't reach {0}: there is no network route to it. Check your connection, VPN or proxy.", h),
  ENETUNREACH: (h) => l10n.t("Can't reach {0}: there is no network route to it. Check your connection, VPN or proxy.", h),
  ENETDOWN: (h) => l10n.t("Can't reach {0}: the network is down. Check your connection.", h),
};

export function isTlsCode(code: string | undefined): boolean {
  return !!code && /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH)/.test(code);
}

/** A thrown fetch / socket error → NetworkError naming the host (never the raw message, which has the URL). */
export function networkError(e: unknown, ctx: RequestContext): NetworkError {
  const code = isObject(e) || e instanceof Error ? (e as { code?: unknown }).code : undefined;
  const text = e instanceof Error ? e.message : '';
  const c = typeof code === 'string' ? code : /socket hang up/i.test(text) ? 'ECONNRESET' : undefined;
  let err: NetworkError;
  if (c && NEVER_SENT[c]) {
    err = new NetworkError(NEVER_SENT[c](ctx.host));
  } else if (isTlsCode(c)) {
    err = new NetworkError(
      l10n.t("Can't verify the security certificate of {0} ({1}). Check the domain setting; a company proxy may need its certificate trusted by VS Code.", ctx.host, c ?? ''),
    );
  } else {
    const cut = c
      ? l10n.t('The connection to {0} was cut off before BoldDesk answered ({1}).', ctx.host, c)
      : l10n.t('The connection to {0} was cut off before BoldDesk answered.', ctx.host);
    // A read says what to do; a write gets markOutcome's "check before trying again" instead.
    err = markOutcome(new NetworkError(ctx.isWrite ? cut : `${cut} ${l10n.t('Try again in a moment (Refresh).')}`), ctx, true);
  }
  err.code = c;
  return err;
}

export function protocolError(message: string, ctx: RequestContext, status?: number, mayHaveSaved = false): ProtocolError {
  return markOutcome(new ProtocolError(ctx.redact(message), status), ctx, mayHaveSaved);
}
