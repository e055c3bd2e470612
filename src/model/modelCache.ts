// What TicketListModel keeps in and takes from the warm-start cache (the store on disk: cacheStore.ts).
import type { Agent, Status, TicketView } from '../api/types';
import type { CachedList } from './cacheStore';
import type { TicketList } from './ticketList';

/** The cached state of one connection (the caller adds origin + identity). */
export interface CachedState {
  savedAt: number;
  statuses: Status[];
  views: TicketView[];
  agent?: Agent;
  lists: CachedList[];
}

/** The connection's cache, as the model sees it; absent or returning undefined when the cache is off. */
export interface ModelCache {
  load(): Promise<CachedState | undefined>;
  /** Starts reading the file now (after activation), so the view's first load takes it from memory. */
  preload?(): void;
  save(state: CachedState): void;
}

export interface Lookups {
  statuses: Status[];
  views: TicketView[];
  agent?: Agent;
}

export const queryKey = (list: TicketList): string => JSON.stringify(list.query ?? null);

/** The state to save: the lookups and the first page of every list that has a fresh one. */
export function snapshotOf(lookups: Lookups, lists: readonly TicketList[], now: number): CachedState {
  const cached: CachedList[] = [];
  for (const l of lists) {
    const page = l.firstPage;
    if (page && l.cachedAt === undefined) cached.push({ id: l.id, query: queryKey(l), page, savedAt: now });
    else if (page && l.cachedAt !== undefined) cached.push({ id: l.id, query: queryKey(l), page, savedAt: l.cachedAt });
  }
  return { savedAt: now, statuses: lookups.statuses, views: lookups.views, agent: lookups.agent, lists: cached };
}
