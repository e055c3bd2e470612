// Ticket lookups for hovers: cached briefly per ticket, one request per id however many callers ask at once
// (in-flight requests are shared), and at most `concurrency` requests running at a time so a file full of
// references cannot flood BoldDesk (the client's own rate-limit pacing applies on top). No vscode import.

export interface LookupCacheOptions<T> {
  fetch(id: number): Promise<T>;
  ttlMs?: number;
  /** Failures are remembered for less time, so a retry comes soon but not on every hover. */
  errorTtlMs?: number;
  concurrency?: number;
  maxEntries?: number;
  now?: () => number;
}

interface Entry<T> {
  promise: Promise<T>;
  /** Set when the request settled: the entry is fresh until then. */
  expiresAt?: number;
}

export class LookupCache<T> {
  private readonly entries = new Map<number, Entry<T>>();
  private readonly queue: (() => void)[] = [];
  private running = 0;
  private generation = 0;
  private readonly ttlMs: number;
  private readonly errorTtlMs: number;
  private readonly concurrency: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(private readonly options: LookupCacheOptions<T>) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.errorTtlMs = options.errorTtlMs ?? 10_000;
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.maxEntries = options.maxEntries ?? 500;
    this.now = options.now ?? (() => Date.now());
  }

  get(id: number): Promise<T> {
    const entry = this.entries.get(id);
    if (entry && (entry.expiresAt === undefined || entry.expiresAt > this.now())) return entry.promise;
    const generation = this.generation;
    const fresh: Entry<T> = { promise: this.limited(() => this.options.fetch(id)) };
    fresh.promise.then(
      () => this.settled(id, fresh, generation, this.ttlMs),
      () => this.settled(id, fresh, generation, this.errorTtlMs),
    );
    this.entries.delete(id); // re-insert: Map order is the eviction order
    this.entries.set(id, fresh);
    this.evict();
    return fresh.promise;
  }

  /** The connection changed: forget everything (requests in flight finish but are not kept). */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private settled(id: number, entry: Entry<T>, generation: number, ttl: number): void {
    if (generation !== this.generation || this.entries.get(id) !== entry) return;
    entry.expiresAt = this.now() + ttl;
  }

  private evict(): void {
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries) return;
      if (entry.expiresAt !== undefined) this.entries.delete(id); // never drop one in flight
    }
  }

  private limited(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const run = () => {
        this.running++;
        task()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            this.queue.shift()?.();
          });
      };
      if (this.running < this.concurrency) run();
      else this.queue.push(run);
    });
  }
}
