// The least waiting a quota forces: the fake's fixed one-minute windows (test/fake-bolddesk/auth.ts: a window
// starts with the first request after the previous one ended; GET /tickets counts against both rules; a refused
// request counts too), replayed from the recorded requests, and an ideal client that sends each request the
// moment the windows allow it.
import type { RecordedRequest } from '../../test/fake-bolddesk';

const WINDOW_MS = 60_000;

export function isListRequest(r: { method: string; path: string }): boolean {
  return r.method === 'GET' && r.path === '/api/v1/tickets';
}

interface Window {
  start: number;
  count: number;
}

export class QuotaOracle {
  private readonly windows: Record<'all' | 'list', Window | undefined> = { all: undefined, list: undefined };

  constructor(private readonly limits: { all: number; list: number }) {}

  /** Counts a request the fake really received. */
  record(r: Pick<RecordedRequest, 'method' | 'path' | 'at'>): void {
    for (const rule of this.rules(r)) this.window(rule, r.at).count++;
  }

  /** Earliest time ≥ t at which the request would be accepted, given what was recorded so far. */
  earliestSend(r: { method: string; path: string }, t: number): number {
    let at = t;
    for (const rule of this.rules(r)) {
      const w = this.windows[rule];
      if (w && at < w.start + WINDOW_MS && w.count >= this.limits[rule]) at = Math.max(at, w.start + WINDOW_MS);
    }
    return at;
  }

  /** A copy to plan an ideal sequence on without touching the real history. */
  clone(): QuotaOracle {
    const c = new QuotaOracle(this.limits);
    c.windows.all = this.windows.all && { ...this.windows.all };
    c.windows.list = this.windows.list && { ...this.windows.list };
    return c;
  }

  /** How long an ideal client would wait to send `requests` one after the other from `t0`. */
  forcedWait(requests: { method: string; path: string }[], t0: number): number {
    const plan = this.clone();
    let t = t0;
    for (const r of requests) {
      t = plan.earliestSend(r, t);
      plan.record({ ...r, at: t });
    }
    return t - t0;
  }

  private rules(r: { method: string; path: string }): ('all' | 'list')[] {
    return isListRequest(r) ? ['all', 'list'] : ['all'];
  }

  private window(rule: 'all' | 'list', t: number): Window {
    let w = this.windows[rule];
    if (!w || t >= w.start + WINDOW_MS) {
      w = { start: t, count: 0 };
      this.windows[rule] = w;
    }
    return w;
  }
}
