// One paged ticket list (a tree category): loaded pages, items de-duplicated by id, total, hasMore,
// loading/error state. At most one request runs per list at a time: concurrent callers join it.
import type { BoldDeskApi } from '../api/api';
import { RateLimitError } from '../api/errors';
import type { FilterCondition, Page, TicketQuery, TicketSummary } from '../api/types';

/** Pages fetched at most by one "load more" when the client's check leaves a page empty (filtered here). */
export const MAX_EMPTY_PAGES = 5;

export interface TicketListSource {
  api(): Promise<BoldDeskApi>;
  pageSize(): number;
  now(): number;
  /** Schedules a retry (after a 429); returns a cancel function. */
  setTimer(ms: number, callback: () => void): () => void;
}

/** A list source from the model's: page size clamped to 1…100, the real clock and timers unless given (tests). */
export function listSourceOf(source: Pick<TicketListSource, 'api' | 'pageSize'> & Partial<Pick<TicketListSource, 'now' | 'setTimer'>>): TicketListSource {
  return {
    api: () => source.api(),
    pageSize: () => Math.min(100, Math.max(1, Math.floor(source.pageSize()))),
    now: source.now ?? (() => Date.now()),
    setTimer:
      source.setTimer ??
      ((ms, callback) => {
        const handle = setTimeout(callback, ms);
        return () => clearTimeout(handle);
      }),
  };
}

type OperationKind = 'load' | 'reload';

export class TicketList {
  private pages: Page<TicketSummary>[] = [];
  private _items: TicketSummary[] = [];
  private _total: number | undefined;
  private _hasMore = true;
  private _error: unknown;
  private operation: { kind: OperationKind; promise: Promise<void> } | undefined;
  private queuedReload: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private cancelRetry: (() => void) | undefined;
  /** Bumped by reset(): answers to requests started before it are dropped. */
  private generation = 0;
  private _cachedAt: number | undefined;

  constructor(
    readonly id: string,
    readonly label: string,
    /** undefined = the filter rules out every ticket: the list is empty without asking BoldDesk. */
    readonly query: TicketQuery | undefined,
    private readonly source: TicketListSource,
    private readonly changed: (list: TicketList) => void,
  ) {
    if (!query) this._hasMore = false;
  }

  get items(): readonly TicketSummary[] {
    return this._items;
  }
  get total(): number | undefined {
    return this.query ? this._total : 0;
  }
  /** Another page may exist (only meaningful once the first page is loaded). */
  get hasMore(): boolean {
    return this._hasMore;
  }
  get loaded(): boolean {
    return this.pages.length > 0 || !this.query;
  }
  get loading(): boolean {
    return this.operation !== undefined;
  }
  /** Loading the next page (Load more): a background reload swaps its pages in place and shows no spinner. */
  get loadingMore(): boolean {
    return this.operation?.kind === 'load';
  }
  /**
   * Conditions BoldDesk was asked for but did not apply (it returned tickets that do not match; they are not shown),
   * or undefined. The tree says so once above the list.
   */
  get unapplied(): FilterCondition[] | undefined {
    return this.union((p) => p.unapplied);
  }
  /** Conditions the client filters itself because no trusted `Q` form exists for them (docs/BOLDDESK-API.md). */
  get local(): FilterCondition[] | undefined {
    return this.union((p) => p.local);
  }
  /** The last failure; cleared by the next success. Items loaded before it stay. */
  get error(): unknown {
    return this._error;
  }
  /** Epoch ms the shown page was saved, while it comes from the warm-start cache (undefined once fresh). */
  get cachedAt(): number | undefined {
    return this._cachedAt;
  }
  /** The first page as BoldDesk sent it (what the cache keeps), if loaded. */
  get firstPage(): Page<TicketSummary> | undefined {
    return this.pages[0];
  }

  /** Shows a page from the warm-start cache until the next load or reload replaces it in place. */
  seed(page: Page<TicketSummary>, savedAt: number): void {
    if (this.pages.length > 0 || this.operation || !this.query) return;
    this.pages = [page];
    this._total = isFiltered(page) ? undefined : page.total;
    this._hasMore = hasMoreAfter(page);
    this._cachedAt = savedAt;
    this.rebuildItems();
  }

  /** When the list is waiting out a 429, the epoch ms of the automatic retry. */
  get retryAt(): number | undefined {
    return this.cancelRetry && this._error instanceof RateLimitError ? this._error.retryAt : undefined;
  }

  /** Loads the first page unless it is loaded, loading, or failed (a failure waits for Refresh or a retry). */
  async ensureLoaded(): Promise<void> {
    // A reset() while we wait starts a new generation: wait for its first page too (bounded).
    for (let i = 0; i < 3 && !this.loaded && this._error === undefined; i++) {
      await (this.operation?.promise ?? this.loadMore());
    }
  }

  /** Loads the next page. Calls while a page is loading join that request (rapid "Load more" clicks). */
  loadMore(): Promise<void> {
    if (this.operation) {
      if (this.operation.kind === 'load') return this.operation.promise;
      return this.operation.promise.then(() => this.loadMore());
    }
    if (!this.query || (this.pages.length > 0 && !this._hasMore)) return Promise.resolve();
    return this.start('load', async (api, signal, generation) => {
      // A page the client's check emptied (BoldDesk did not filter) says nothing about the next: go on, a few pages.
      for (let i = 0; i < MAX_EMPTY_PAGES; i++) {
        const pageNo = this.pages.length + 1;
        const page = await api.listTickets(this.query!, pageNo, this.source.pageSize(), signal);
        if (generation !== this.generation) return;
        this.pages.push(page);
        this._total = this.pages.some(isFiltered) ? undefined : (page.total ?? this._total);
        this._hasMore = hasMoreAfter(page);
        this.rebuildItems();
        if (page.items.length > 0 || !this._hasMore) break;
      }
    });
  }

  /**
   * Re-fetches the pages already loaded and swaps them in when all arrived (no flicker, position kept).
   * `join` (Refresh) joins a reload in flight; `after` (a ticket just changed) queues one more after it.
   * Either way at most one reload runs and at most one waits.
   */
  reload(mode: 'join' | 'after' = 'join'): Promise<void> {
    if (this.operation?.kind === 'reload' && mode === 'join') return this.operation.promise;
    if (this.operation) {
      if (!this.queuedReload) {
        const queued = this.operation.promise.then(() => {
          this.queuedReload = undefined;
          return this.reload('join');
        });
        this.queuedReload = queued;
      }
      return this.queuedReload;
    }
    if (!this.query) return Promise.resolve();
    if (this.pages.length === 0) {
      this._error = undefined;
      return this.loadMore();
    }
    const pageCount = this.pages.length;
    return this.start('reload', async (api, signal, generation) => {
      const pages: Page<TicketSummary>[] = [];
      let hasMore = true;
      let total: number | undefined;
      for (let pageNo = 1; pageNo <= pageCount && hasMore; pageNo++) {
        const page = await api.listTickets(this.query!, pageNo, this.source.pageSize(), signal);
        if (generation !== this.generation) return;
        pages.push(page);
        hasMore = hasMoreAfter(page);
        total = pages.some(isFiltered) ? undefined : (page.total ?? total);
      }
      this.pages = pages;
      this._hasMore = hasMore;
      this._total = total;
      this.rebuildItems();
    });
  }

  /** Forgets everything (filter, page size or connection changed); a request in flight is aborted and ignored. */
  reset(): void {
    this.generation++;
    this.abort?.abort();
    this.abort = undefined;
    this.operation = undefined;
    this.queuedReload = undefined;
    this.stopRetryTimer();
    this.pages = [];
    this._items = [];
    this._total = undefined;
    this._hasMore = !!this.query;
    this._error = undefined;
    this._cachedAt = undefined;
  }

  dispose(): void {
    this.reset();
  }

  private start(
    kind: OperationKind,
    work: (api: BoldDeskApi, signal: AbortSignal, generation: number) => Promise<void>,
  ): Promise<void> {
    const generation = this.generation;
    const abort = new AbortController();
    this.abort = abort;
    this.stopRetryTimer();
    const promise = (async () => {
      await Promise.resolve(); // `this.operation` is set before any work runs
      try {
        await work(await this.source.api(), abort.signal, generation);
        if (generation === this.generation) {
          this._error = undefined;
          this._cachedAt = undefined;
        }
      } catch (error) {
        if (generation === this.generation) {
          this._error = error;
          this.scheduleRetry(error);
        }
      } finally {
        if (generation === this.generation) {
          this.operation = undefined;
          this.abort = undefined;
          this.changed(this);
        }
      }
    })();
    this.operation = { kind, promise };
    this.changed(this);
    return promise;
  }

  /** After a 429 the list tries again by itself once BoldDesk said it may. */
  private scheduleRetry(error: unknown): void {
    if (!(error instanceof RateLimitError)) return;
    const generation = this.generation;
    const wait = Math.max(0, error.retryAt - this.source.now());
    this.cancelRetry = this.source.setTimer(wait, () => {
      this.cancelRetry = undefined;
      if (generation === this.generation) void (this.pages.length ? this.reload('join') : this.loadMore());
    });
  }

  private stopRetryTimer(): void {
    this.cancelRetry?.();
    this.cancelRetry = undefined;
  }

  /** Tickets move between pages while paging (new ones push others down): keep each id once, first seen wins. */
  private rebuildItems(): void {
    const seen = new Set<number>();
    const items: TicketSummary[] = [];
    for (const page of this.pages) {
      for (const ticket of page.items) {
        if (seen.has(ticket.id)) continue;
        seen.add(ticket.id);
        items.push(ticket);
      }
    }
    this._items = items;
  }

  private union(get: (page: Page<TicketSummary>) => FilterCondition[] | undefined): FilterCondition[] | undefined {
    const all = new Set<FilterCondition>();
    for (const page of this.pages) for (const c of get(page) ?? []) all.add(c);
    return all.size > 0 ? [...all] : undefined;
  }
}

/** The client left tickets out of this page (its total counts BoldDesk's matches, not what is shown). */
function isFiltered(page: Page<TicketSummary>): boolean {
  return page.local !== undefined || page.unapplied !== undefined;
}

/** More may follow: BoldDesk said so and the page was not empty before the client's check. */
function hasMoreAfter(page: Page<TicketSummary>): boolean {
  return page.hasMore && (page.fetched ?? page.items.length) > 0;
}
