// BoldDesk rate-limit headers → pacing decisions (docs/BOLDDESK-API.md, "Rate limits").
// `x-rate-limit-limit` is the rule's PERIOD as a string ("1m"), not a number, so it is not read at all.
import type { RateLimitState } from './types';

/** Minimal header access, so this file does not depend on node-fetch. */
export interface HeaderSource {
  get(name: string): string | null;
}

/** Slack added to `x-rate-limit-reset`: the server's clock and ours differ a little. */
export const RESET_MARGIN_MS = 1000;

export function parseResetHeader(headers: HeaderSource): number | undefined {
  const raw = headers.get('x-rate-limit-reset');
  if (!raw) return undefined;
  const t = Date.parse(raw.trim());
  return Number.isFinite(t) ? t : undefined;
}

/** `Retry-After` as seconds (the inferred BoldDesk form) or an HTTP date; undefined when absent/invalid. */
export function parseRetryAfterMs(headers: HeaderSource, now: number): number | undefined {
  const raw = headers.get('retry-after')?.trim();
  if (!raw) return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const t = Date.parse(raw);
  return Number.isFinite(t) ? Math.max(0, t - now) : undefined;
}

/** When a 429'd request may be sent again: Retry-After, else the reset time + margin, else 60 s. */
export function retryAtAfter429(headers: HeaderSource, now: number): number {
  const retryAfter = parseRetryAfterMs(headers, now);
  if (retryAfter !== undefined) return now + retryAfter;
  const reset = parseResetHeader(headers);
  if (reset !== undefined) return Math.max(now, reset + RESET_MARGIN_MS);
  return now + 60_000;
}

export class RateLimitTracker {
  private remaining?: number;
  private resetAt?: number;

  /** A copy of the latest state, for BoldDeskApi.rateLimit. */
  get state(): RateLimitState {
    const s: RateLimitState = {};
    if (this.remaining !== undefined) s.remaining = this.remaining;
    if (this.resetAt !== undefined) s.resetAt = this.resetAt;
    return s;
  }

  /** Record the headers of any response (including errors). Missing headers leave the state alone. */
  update(headers: HeaderSource): void {
    const rawRemaining = headers.get('x-rate-limit-remaining');
    const reset = parseResetHeader(headers);
    if (rawRemaining !== null && /^\s*\d+\s*$/.test(rawRemaining)) {
      const server = Number(rawRemaining);
      // Answers to concurrent requests arrive after later ones were sent (and counted by noteSent): within
      // one window the server's number never raises ours, or a burst would spend budget twice (429s).
      const sameWindow = this.resetAt !== undefined && reset !== undefined && Math.abs(reset - this.resetAt) < RESET_MARGIN_MS;
      this.remaining = sameWindow && this.remaining !== undefined ? Math.min(this.remaining, server) : server;
    }
    if (reset !== undefined) this.resetAt = reset;
  }

  /** After a 429 the budget is spent until `retryAt` (Retry-After wins over the window's reset time). */
  exhaustedUntil(retryAt: number): void {
    this.remaining = 0;
    this.resetAt = retryAt - RESET_MARGIN_MS;
  }

  /**
   * How long to wait before sending the next request: until the reset (+ margin) when the budget is 0,
   * otherwise 0. A reset time in the past means a new window: the stale count is forgotten.
   */
  delayBeforeSend(now: number): number {
    if (this.resetAt === undefined || this.remaining === undefined) return 0;
    if (this.resetAt + RESET_MARGIN_MS <= now) {
      this.remaining = undefined;
      return 0;
    }
    return this.remaining > 0 ? 0 : this.resetAt + RESET_MARGIN_MS - now;
  }

  /**
   * Count a request as sent, so concurrent requests do not all spend the last unit of budget.
   * The next response overwrites this guess with the server's number.
   */
  noteSent(): void {
    if (this.remaining !== undefined && this.remaining > 0) this.remaining -= 1;
  }

  /** After a pacing wait the new window's budget is unknown until the next response. */
  afterWait(): void {
    this.remaining = undefined;
  }
}

/**
 * The per-endpoint rule a request counts against besides the overall one (docs/BOLDDESK-API.md, "Rate limits": tickets list,
 * ticket create, ticket update and contacts list have their own per-minute limits). Its answers carry the
 * headers of whichever rule is tighter, so they are tracked apart from the overall budget.
 * ASSUMPTION: "ticket update" is PUT update_fields.
 */
export function endpointRule(method: string, path: string): string | undefined {
  if (/\/api\/v1\/tickets\/?$/.test(path)) return method === 'GET' ? 'tickets list' : method === 'POST' ? 'ticket create' : undefined;
  if (method === 'PUT' && /\/tickets\/\d+\/update_fields$/.test(path)) return 'ticket update';
  if (method === 'GET' && /\/api\/v1\/contacts\/?$/.test(path)) return 'contacts list';
  return undefined;
}

/** The overall budget plus one tracker per endpoint rule; a request must fit both of its own. */
export class RateLimitBuckets {
  private readonly overall = new RateLimitTracker();
  private readonly endpoints = new Map<string, RateLimitTracker>();
  private latest: RateLimitState = {};

  /** The headers of the latest answer (BoldDeskApi.rateLimit). */
  get state(): RateLimitState {
    return { ...this.latest };
  }

  /**
   * 0 = the request may go now, and it is counted as sent in the same step (so concurrent requests cannot
   * all take the last unit); otherwise how long to wait before asking again.
   */
  reserve(rule: string | undefined, now: number): number {
    const trackers = this.trackers(rule);
    const delay = Math.max(...trackers.map((t) => t.delayBeforeSend(now)));
    if (delay <= 0) trackers.forEach((t) => t.noteSent());
    return delay;
  }

  update(rule: string | undefined, headers: HeaderSource): void {
    (rule ? this.endpoint(rule) : this.overall).update(headers);
    const remaining = headers.get('x-rate-limit-remaining');
    const resetAt = parseResetHeader(headers);
    if (remaining !== null && /^\s*\d+\s*$/.test(remaining)) this.latest.remaining = Number(remaining);
    if (resetAt !== undefined) this.latest.resetAt = resetAt;
  }

  /** After a 429: the request's own rule (the overall one when it has none) is spent until retryAt. */
  exhaustedUntil(rule: string | undefined, retryAt: number): void {
    (rule ? this.endpoint(rule) : this.overall).exhaustedUntil(retryAt);
  }

  afterWait(rule: string | undefined): void {
    this.trackers(rule).forEach((t) => t.afterWait());
  }

  private trackers(rule: string | undefined): RateLimitTracker[] {
    return rule ? [this.overall, this.endpoint(rule)] : [this.overall];
  }

  private endpoint(rule: string): RateLimitTracker {
    let t = this.endpoints.get(rule);
    if (!t) this.endpoints.set(rule, (t = new RateLimitTracker()));
    return t;
  }
}
