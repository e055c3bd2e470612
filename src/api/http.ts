// The ONE HTTP path to BoldDesk: auth header, timeout, same-origin redirects only, size-capped JSON bodies,
// typed errors, GET retries, rate-limit pacing and a redacted log line per request. How one answer is read
// (redirect target, body cap, JSON, typed failure) is in httpResponse.ts.
import * as l10n from '@vscode/l10n';
import type { Readable } from 'node:stream';
import fetch, { type Response } from './nodeFetch';
import type { ClientOptions } from './api';
import { parseDomain } from './domain';
import { BoldDeskError, CancelledError, ConfigError, NetworkError, RateLimitError, ServerError, TimeoutError } from './errors';
import { isTlsCode, networkError, rateLimitError, type RequestContext, timeoutError } from './httpErrors';
import { failureWord, interpretBody, isRedirectStatus, readBody, redirectTarget } from './httpResponse';
import type { Json } from './parse';
import type { QueryParams } from './queryBuilder';
import { endpointRule, RateLimitBuckets } from './rateLimit';
import type { RateLimitState } from './types';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  /** Path under the origin, e.g. /api/v1/tickets/12 (segments already encoded). */
  path: string;
  query?: QueryParams;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Words for a 404, e.g. "Ticket #12". */
  what?: string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 500;
/**
 * A 429 / reset asking us to wait longer than this is reported instead of waited out. One full per-minute
 * window plus the reset margin fits; an hourly quota does not.
 */
export const MAX_SERVER_WAIT_MS = 65_000;
/** Total time one GET may spend waiting between retries. */
const MAX_TOTAL_RETRY_WAIT_MS = 75_000;
/** A rate-limit wait at least this long is announced (onRateLimitWait): the user sees why nothing happens. */
const ANNOUNCED_WAIT_MS = 1_000;

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError(l10n.t('Cancelled.')));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The key as sent, URL-encoded and form-encoded, matched in any letter case. */
export function keyPattern(apiKey: string): RegExp {
  const forms = new Set([apiKey, encodeURIComponent(apiKey), encodeURIComponent(apiKey).replace(/%20/g, '+')]);
  return new RegExp([...forms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'gi');
}

export class HttpTransport {
  readonly origin: string;
  readonly host: string;
  private readonly apiKey: string;
  private readonly timeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly log: (line: string) => void;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly rate = new RateLimitBuckets();
  private readonly onRateLimitWait: (retryAt: number) => void;

  constructor(opts: ClientOptions) {
    const parsed = parseDomain(opts.origin ?? '');
    if (!parsed.ok) throw new ConfigError(l10n.t('The BoldDesk domain setting is not usable: {0}', parsed.reason));
    // The key goes only to an https origin (or loopback http); parseDomain enforces exactly that.
    this.origin = parsed.origin;
    this.host = parsed.host;
    const key = (opts.apiKey ?? '').trim();
    if (!key) throw new ConfigError(l10n.t("No BoldDesk API key is stored. Run 'BoldDesk: Set API Key'."));
    if (!/^[\x21-\x7e]+$/.test(key)) {
      throw new ConfigError(l10n.t("The stored API key contains characters that cannot be sent. Run 'BoldDesk: Set API Key' and paste it again."));
    }
    this.apiKey = key;
    this.timeoutMs = opts.timeoutMs > 0 ? opts.timeoutMs : DEFAULT_TIMEOUT_MS;
    this.maxBodyBytes = opts.maxBodyBytes && opts.maxBodyBytes > 0 ? opts.maxBodyBytes : DEFAULT_MAX_BODY_BYTES;
    this.log = opts.log ?? (() => undefined);
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? defaultSleep;
    this.onRateLimitWait = opts.onRateLimitWait ?? (() => undefined);
  }

  get rateLimit(): RateLimitState {
    return this.rate.state;
  }

  /**
   * Replace any occurrence of the key (defence in depth: BoldDesk could echo it back) — in any letter case and
   * URL-encoded too (a server may upper-case it or put it in a URL it quotes).
   */
  readonly redact = (text: string): string => text.replace((this.keyPattern ??= keyPattern(this.apiKey)), '[redacted]');
  private keyPattern: RegExp | undefined;

  /** The parsed JSON body of a 2xx answer (null when empty), or a BoldDeskError. POST/PUT are never retried. */
  async request(req: HttpRequest): Promise<Json> {
    const isWrite = req.method !== 'GET';
    let waited = 0;
    let timeouts = 0;
    const rule = endpointRule(req.method, req.path);
    for (let attempt = 1; ; attempt++) {
      await this.pace(rule, req.signal);
      try {
        return await this.send(req);
      } catch (e) {
        const err = e instanceof BoldDeskError ? e : networkError(e, this.context(req));
        if (err instanceof RateLimitError) this.rate.exhaustedUntil(rule, err.retryAt);
        if (isWrite) throw err;
        const delay = this.retryDelay(err, attempt, timeouts);
        if (delay === undefined || waited + delay > MAX_TOTAL_RETRY_WAIT_MS) throw err;
        if (err instanceof TimeoutError) timeouts++;
        waited += delay;
        if (err instanceof RateLimitError) this.announceWait(delay);
        await this.wait(delay, req.signal);
        if (err instanceof RateLimitError) this.rate.afterWait(rule);
      }
    }
  }

  /** GET retry policy: 429 (when the wait is acceptable), 503 and network errors; a timeout only once. */
  private retryDelay(err: BoldDeskError, attempt: number, timeouts: number): number | undefined {
    if (attempt >= MAX_ATTEMPTS) return undefined;
    const backoff = BACKOFF_BASE_MS * 2 ** (attempt - 1);
    if (err instanceof RateLimitError) {
      const wait = err.retryAt - this.now();
      return wait <= MAX_SERVER_WAIT_MS ? Math.max(wait, 0) : undefined;
    }
    if (err instanceof ServerError) return err.status === 503 ? backoff : undefined;
    if (err instanceof NetworkError) return isTlsCode(err.code) ? undefined : backoff;
    if (err instanceof TimeoutError) return timeouts === 0 ? backoff : undefined;
    return undefined;
  }

  /** Wait out an exhausted rate-limit window instead of firing into a 429; returns once the request is counted. */
  private async pace(rule: string | undefined, signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      const delay = this.rate.reserve(rule, this.now());
      if (delay <= 0) return;
      if (delay > MAX_SERVER_WAIT_MS) throw rateLimitError(this.now() + delay, this.now());
      this.announceWait(delay);
      await this.wait(delay, signal);
      this.rate.afterWait(rule);
    }
  }

  private announceWait(ms: number): void {
    if (ms < ANNOUNCED_WAIT_MS) return;
    try {
      this.onRateLimitWait(this.now() + ms);
    } catch {
      // A listener's failure never fails the request.
    }
  }

  private async wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.sleep(ms, signal);
    } catch (e) {
      if (e instanceof BoldDeskError) throw e;
      throw new CancelledError(l10n.t('Cancelled.'));
    }
    if (signal?.aborted) throw new CancelledError(l10n.t('Cancelled.'));
  }

  private context(req: HttpRequest, path = req.path): RequestContext {
    return {
      method: req.method,
      path,
      host: this.host,
      isWrite: req.method !== 'GET',
      what: req.what,
      now: this.now(),
      timeoutMs: this.timeoutMs,
      redact: this.redact,
    };
  }

  private buildUrl(req: HttpRequest): URL {
    const url = new URL(req.path, this.origin);
    for (const [k, v] of req.query ?? []) url.searchParams.append(k, v);
    return url;
  }

  /** One attempt, following at most MAX_REDIRECTS same-origin redirects. */
  private async send(req: HttpRequest): Promise<Json> {
    if (req.signal?.aborted) throw new CancelledError(l10n.t('Cancelled.'));
    let url = this.buildUrl(req);
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const headers: Record<string, string> = { 'x-api-key': this.apiKey, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    for (let hop = 0; ; hop++) {
      const ctx = this.context(req, url.pathname);
      const target = url.pathname + url.search;
      const started = this.now();
      const timer = new AbortController();
      const timeout = setTimeout(() => timer.abort(), this.timeoutMs);
      const onCallerAbort = () => timer.abort();
      req.signal?.addEventListener('abort', onCallerAbort, { once: true });
      let logged = false;
      const line = (outcome: string) => {
        if (logged) return;
        logged = true;
        this.log(this.redact(`${req.method} ${target} → ${outcome} ${Math.max(0, this.now() - started)} ms`));
      };
      let response: Response | undefined;
      try {
        response = await fetch(url.href, { method: req.method, headers, body, redirect: 'manual', signal: timer.signal });
        this.rate.update(endpointRule(req.method, req.path), response.headers);
        if (isRedirectStatus(response.status)) {
          line(`${response.status} redirect`);
          (response.body as Readable | null)?.destroy();
          url = redirectTarget(response, url, hop, ctx, this);
          continue;
        }
        const text = await readBody(response, ctx, this.maxBodyBytes);
        line(String(response.status));
        return interpretBody(response, text, { ...ctx, now: this.now() });
      } catch (e) {
        const word = failureWord(e, req.signal, timer.signal);
        line(response ? `${response.status} ${word}` : word);
        if (e instanceof BoldDeskError) throw e;
        if (req.signal?.aborted) throw new CancelledError(l10n.t('Cancelled.'));
        if (timer.signal.aborted) throw timeoutError(ctx);
        throw networkError(e, ctx);
      } finally {
        clearTimeout(timeout);
        req.signal?.removeEventListener('abort', onCallerAbort);
      }
    }
  }
}
