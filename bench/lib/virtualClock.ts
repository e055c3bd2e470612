// Simulated time for the rate-limit browse: the fake BoldDesk, the client (now/sleep) and the model (now/setTimer)
// share this clock, so a 10-minute session runs in seconds. HTTP round trips take no simulated time.
// A client sleep moves the clock only once every API call in flight is asleep (nothing real is still running),
// so a request that is on the wire is never pushed into a later rate-limit window by someone else's wait.
import { CancelledError } from '../../src/api/errors';

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
  kind: 'sleep' | 'timer';
}

export class VirtualClock {
  private time: number;
  private seq = 0;
  private readonly timers: Timer[] = [];
  private callsInFlight = 0;
  private kicking = false;

  constructor(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.time = start;
  }

  readonly now = (): number => this.time;

  /** The client's sleep: resolves when simulated time reaches now + ms. */
  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const timer = this.add(ms, 'sleep', () => resolve());
      signal?.addEventListener('abort', () => {
        this.remove(timer);
        reject(new CancelledError('Cancelled.'));
      }, { once: true });
      this.kick();
    });

  /** The model's retry timer (fires when the user's think time passes it, or a sleep moves the clock past it). */
  readonly setTimer = (ms: number, callback: () => void): (() => void) => {
    const timer = this.add(ms, 'timer', callback);
    return () => this.remove(timer);
  };

  /** Marks an API call as running (so the clock waits for its HTTP to finish before jumping). */
  async track<T>(call: () => Promise<T>): Promise<T> {
    this.callsInFlight++;
    try {
      return await call();
    } finally {
      this.callsInFlight--;
      this.kick();
    }
  }

  /** The user thinks for ms: the clock moves on, firing what falls due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = this.earliest();
      if (!next || next.at > end) break;
      this.remove(next);
      this.time = Math.max(this.time, next.at);
      next.fire();
      await new Promise((r) => setImmediate(r));
    }
    this.time = end;
  }

  private sleepers(): number {
    return this.timers.filter((t) => t.kind === 'sleep').length;
  }

  /** Fires the earliest timer once every call in flight is asleep; repeats on the next turn. */
  private kick(): void {
    if (this.kicking) return;
    this.kicking = true;
    setImmediate(() => {
      this.kicking = false;
      const sleepers = this.sleepers();
      if (sleepers === 0 || sleepers < this.callsInFlight) return;
      const next = this.earliest();
      if (!next) return;
      this.remove(next);
      this.time = Math.max(this.time, next.at);
      next.fire();
      this.kick();
    });
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    return best;
  }

  private add(ms: number, kind: Timer['kind'], fire: () => void): Timer {
    const t = { at: this.time + Math.max(0, ms), seq: this.seq++, fire, kind };
    this.timers.push(t);
    return t;
  }

  private remove(t: Timer): void {
    const i = this.timers.indexOf(t);
    if (i >= 0) this.timers.splice(i, 1);
  }
}
