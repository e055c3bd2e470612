// BoldDesk rate-limit headers → pacing decisions (bolddesk-api.md §10).
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
    if (rawRemaining !== null && /^\s*\d+\s*$/.test(rawRemaining)) this.remaining = Number(rawRemaining);
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
