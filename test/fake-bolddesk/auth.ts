// API keys (each owned by an agent, revocable) and the per-owner rate limiter, modelled on AspNetCoreRateLimit:
// fixed one-minute windows that start with the first request; headers x-rate-limit-limit ("1m", a period, not a
// number), x-rate-limit-remaining and x-rate-limit-reset (ISO date-time with fractional seconds).
import type { FakeAgentRecord } from './model';
import type { FakeKey } from './types';

export class KeyRing {
  private readonly revoked = new Set<string>();

  constructor(readonly keys: (FakeKey & { agent: FakeAgentRecord })[]) {}

  /** The agent who owns a valid, unrevoked key. */
  ownerOf(header: string | string[] | undefined): FakeAgentRecord | undefined {
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || this.revoked.has(key)) return undefined;
    return this.keys.find((k) => k.key === key)?.agent;
  }

  revoke(key: string): void {
    this.revoked.add(key);
  }

  restore(key: string): void {
    this.revoked.delete(key);
  }

  restoreAll(): void {
    this.revoked.clear();
  }
}

const WINDOW_MS = 60_000;

interface Window {
  start: number;
  count: number;
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  /** Seconds until the window that blocked resets (for Retry-After). */
  retryAfterSeconds: number;
}

/** .NET-style round-trip date with fractional seconds, like the reference's 2021-03-26T10:27:19.568443Z. */
export function rateLimitResetString(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

export function rateHeaders(remaining: number, resetAt: number): Record<string, string> {
  return { 'x-rate-limit-limit': '1m', 'x-rate-limit-remaining': String(Math.max(0, remaining)), 'x-rate-limit-reset': rateLimitResetString(resetAt) };
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly limit: number, private readonly listLimit: number, private readonly now: () => number) {}

  private window(key: string, t: number): Window {
    let w = this.windows.get(key);
    if (!w || t >= w.start + WINDOW_MS) {
      w = { start: t, count: 0 };
      this.windows.set(key, w);
    }
    return w;
  }

  /**
   * Counts a request of `ownerId` (and, for GET /tickets, against the list rule too). The headers describe the
   * rule with the fewest requests left, which is also the one that blocks.
   */
  hit(ownerId: number, isTicketList: boolean): RateDecision {
    const t = this.now();
    const rules: { w: Window; limit: number }[] = [{ w: this.window(`${ownerId}:all`, t), limit: this.limit }];
    if (isTicketList) rules.push({ w: this.window(`${ownerId}:list`, t), limit: this.listLimit });
    for (const r of rules) r.w.count++;
    let worst = rules[0];
    for (const r of rules) {
      const over = r.w.count > r.limit;
      const worstOver = worst.w.count > worst.limit;
      if ((over && !worstOver) || (over === worstOver && r.limit - r.w.count < worst.limit - worst.w.count)) worst = r;
    }
    const resetAt = worst.w.start + WINDOW_MS;
    return {
      allowed: rules.every((r) => r.w.count <= r.limit),
      headers: rateHeaders(worst.limit - worst.w.count, resetAt),
      retryAfterSeconds: Math.max(1, Math.ceil((resetAt - t) / 1000)),
    };
  }

  /** Headers without counting (for answers that do not consume quota, e.g. 401). */
  peek(ownerId: number | undefined): Record<string, string> {
    const t = this.now();
    const w = ownerId === undefined ? undefined : this.windows.get(`${ownerId}:all`);
    if (!w || t >= w.start + WINDOW_MS) return rateHeaders(this.limit, t + WINDOW_MS);
    return rateHeaders(this.limit - w.count, w.start + WINDOW_MS);
  }

  reset(): void {
    this.windows.clear();
  }
}
