// Opened tickets with their conversations (issue 14): the last ones are kept in memory and, once opened, on disk per
// origin + identity beside the list cache (cacheStore.ts, same folder, setting and deletion rules), so opening a
// ticket shows it at once and then revalidates. Selecting a tree row prefetches its ticket: at most one prefetch in
// flight (a burst of selections fetches the first and the last), none while BoldDesk's rate limit runs low.
// No vscode: the store, the fetch and the rate-limit check are handed in.
import * as fs from 'node:fs/promises';
import type { Priority, Status, TicketDetail, TicketMessage } from '../api/types';
import { CACHE_VERSION, MAX_BYTES, type TicketCacheStore } from './cacheStore';

/** What the ticket panel shows: the ticket, its conversation (attachments merged) and the fields' lookups. */
export interface TicketDetailData {
  ticket: TicketDetail;
  messages: TicketMessage[];
  statuses: Status[];
  priorities: Priority[];
}

export interface CachedTicket {
  id: number;
  data: TicketDetailData;
  savedAt: number;
  /** Opened in a panel (only those are written to disk; a prefetch that was never opened stays in memory). */
  opened: boolean;
}

/** The disk side for the current connection; `key()` undefined = the cache is off or there is no connection. */
export interface TicketDetailStore {
  key(): string | undefined;
  load(key: string): Promise<CachedTicket[] | undefined>;
  save(key: string, tickets: CachedTicket[]): void;
}

export const MAX_CACHED_TICKETS = 30;
/** A prefetch younger than this is what opening would fetch anyway: the panel shows it without asking again. */
export const FRESH_MS = 30_000;
const SAVE_DELAY_MS = 1000;

export class TicketDetailCache {
  private readonly entries = new Map<number, CachedTicket>(); // oldest first
  private boundKey: string | undefined;
  private loading: Promise<void> | undefined;
  private inFlight: { id: number; promise: Promise<TicketDetailData | undefined> } | undefined;
  private queued: number | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly store: TicketDetailStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The ticket as last seen (memory, else the disk cache of this connection), or undefined. */
  async get(id: number): Promise<CachedTicket | undefined> {
    await this.bind();
    return this.entries.get(id);
  }

  /**
   * True when `entry` is a prefetch recent enough to show without asking BoldDesk again. A copy from an earlier open
   * is always revalidated: reopening a ticket must learn that it was deleted, or that the key lost access to it.
   */
  isFresh(entry: CachedTicket): boolean {
    return !entry.opened && this.now() - entry.savedAt < FRESH_MS;
  }

  /** The prefetch of this ticket still under way, if any: opening joins it instead of asking again (undefined = it asked nothing). */
  pending(id: number): Promise<TicketDetailData | undefined> | undefined {
    return this.inFlight?.id === id ? this.inFlight.promise : undefined;
  }

  put(id: number, data: TicketDetailData, opened: boolean): void {
    if (this.boundKey !== this.store.key()) return; // another connection now: not its data
    const was = this.entries.get(id);
    this.entries.delete(id);
    this.entries.set(id, { id, data, savedAt: this.now(), opened: opened || !!was?.opened });
    while (this.entries.size > MAX_CACHED_TICKETS) this.entries.delete(this.entries.keys().next().value as number);
    if (opened || was?.opened) this.scheduleSave();
  }

  /** The ticket changed (a write, a refresh): the next open asks BoldDesk before trusting the copy. */
  stale(id: number): void {
    const e = this.entries.get(id);
    if (e) e.savedAt = 0;
  }

  /**
   * Prefetches a selected ticket unless it is fresh already. One in flight: a selection made meanwhile replaces the
   * queued one, which starts when the current one ends. `fetch` answers undefined when it asked nothing (rate limit low).
   */
  prefetch(id: number, fetch: (id: number) => Promise<TicketDetailData | undefined>): void {
    if (this.inFlight) {
      if (this.inFlight.id !== id) this.queued = id;
      return;
    }
    this.queued = undefined;
    const promise = (async () => {
      const cached = await this.get(id);
      if (cached && this.isFresh(cached)) return undefined;
      const data = await fetch(id);
      if (data) this.put(id, data, false);
      return data;
    })().catch(() => undefined); // a failed prefetch is only a missed head start; opening asks again
    this.inFlight = { id, promise };
    void promise.then(() => {
      this.inFlight = undefined;
      const next = this.queued;
      this.queued = undefined;
      if (next !== undefined && next !== id) this.prefetch(next, fetch);
    });
  }

  /** Loads this connection's disk cache once; a changed connection (or the cache turned off) starts empty. */
  private bind(): Promise<void> {
    const key = this.store.key();
    if (key === this.boundKey && this.loading) return this.loading;
    this.boundKey = key;
    this.entries.clear();
    this.queued = undefined;
    this.loading = (async () => {
      const saved = key === undefined ? undefined : await this.store.load(key).catch(() => undefined);
      if (this.boundKey !== key || !saved) return;
      for (const e of saved) if (!this.entries.has(e.id)) this.entries.set(e.id, { ...e, opened: true });
    })();
    return this.loading;
  }

  private scheduleSave(): void {
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      const key = this.store.key();
      if (key === undefined || key !== this.boundKey) return;
      this.store.save(key, [...this.entries.values()].filter((e) => e.opened));
    }, SAVE_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
  }
}

interface TicketsFile {
  version: typeof CACHE_VERSION;
  origin: string;
  identityId: string;
  tickets: CachedTicket[];
}

/** The tickets file of one origin + identity beside the list cache (TicketCacheStore: same folder, removal, rules). */
export async function loadTicketsFile(store: TicketCacheStore, origin: string, identityId: string): Promise<CachedTicket[] | undefined> {
  try {
    const s = JSON.parse(await fs.readFile(store.fileFor(origin, identityId, 'tickets'), 'utf8')) as TicketsFile;
    if (s?.version !== CACHE_VERSION || s.origin !== origin || s.identityId !== identityId || !Array.isArray(s.tickets)) return undefined;
    return s.tickets.filter((t) => typeof t?.id === 'number' && typeof t.data?.ticket?.id === 'number' && Array.isArray(t.data.messages)
      && Array.isArray(t.data.statuses) && Array.isArray(t.data.priorities) && typeof t.savedAt === 'number');
  } catch {
    return undefined;
  }
}

/** Writes the newest tickets (≤ 30) that fit in 2 MB, the oldest dropped first; atomically. */
export async function saveTicketsFile(store: TicketCacheStore, origin: string, identityId: string, tickets: CachedTicket[]): Promise<void> {
  const kept = tickets.slice(-MAX_CACHED_TICKETS);
  const text = () => JSON.stringify({ version: CACHE_VERSION, origin, identityId, tickets: kept } satisfies TicketsFile);
  let out = text();
  while (Buffer.byteLength(out) > MAX_BYTES && kept.length > 0) {
    kept.shift();
    out = text();
  }
  await store.write(store.fileFor(origin, identityId, 'tickets'), out);
}
