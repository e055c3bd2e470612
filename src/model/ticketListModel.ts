// The tickets tree's data, without any UI (GitHub PRs' prsTreeModel): the categories (built from BoldDesk's
// statuses, views and the acting agent: categoryLookups.ts), one TicketList each, the user's filter, the warm-start
// cache, and recently seen tickets (recentTickets.ts).
import type { BoldDeskApi } from '../api/api';
import { AuthError, RateLimitError } from '../api/errors';
import type { Agent, TicketSummary } from '../api/types';
import { applyFilter, buildCategorySpecs, isFilterEmpty, sameQuery, type CategorySpec, type TicketFilter } from './categories';
import { fetchLookups, loadViews } from './categoryLookups';
import { Emitter } from './emitter';
import { queryKey, snapshotOf, type CachedState, type Lookups, type ModelCache } from './modelCache';
import { RecentTickets } from './recentTickets';
import { listSourceOf, TicketList, type TicketListSource } from './ticketList';

export interface TicketModelSource {
  api(): Promise<BoldDeskApi>;
  /** The agent who owns the key, when known (resolved lazily by the session). */
  agent(): Promise<Agent | undefined>;
  pageSize(): number;
  log?(message: string, error?: unknown): void;
  now?(): number;
  setTimer?(ms: number, callback: () => void): () => void;
  /** The UI shows the first category expanded: its first page is requested as soon as the categories are known. */
  firstListShown?: boolean;
  /** The warm-start cache of the current connection (setting `bolddesk.cache.enabled`). */
  cache?: ModelCache;
}

/** `undefined` = the categories themselves (the tree root) changed; a list = only that category. */
export type ModelChange = TicketList | undefined;

export class TicketListModel {
  private readonly changed = new Emitter<ModelChange>();
  readonly onDidChange = this.changed.event;

  private _lists: TicketList[] | undefined;
  private categoriesError: unknown;
  private categoriesLoad: Promise<void> | undefined;
  private refreshing: Promise<void> | undefined;
  private generation = 0;
  private _filter: TicketFilter | undefined;
  private specs: CategorySpec[] = [];
  private _agentId: number | undefined;
  private readonly recent = new RecentTickets();
  private readonly listSource: TicketListSource;
  private readonly log = (message: string, error?: unknown): void => this.source.log?.(message, error);
  private cancelCategoriesRetry: (() => void) | undefined;
  private lookups: Lookups | undefined;
  private _cachedAt: number | undefined;
  private _offline: unknown;
  private cancelSave: (() => void) | undefined;

  constructor(private readonly source: TicketModelSource) {
    this.listSource = listSourceOf(source);
  }

  /** The categories, or undefined before they are loaded. */
  get lists(): readonly TicketList[] | undefined {
    return this._lists;
  }
  /** Why the categories could not be loaded (statuses or views failed). */
  get error(): unknown {
    return this.categoriesError;
  }
  get filter(): TicketFilter | undefined {
    return this._filter;
  }
  /** Epoch ms of the cached categories on screen, until BoldDesk has answered (warm start). */
  get cachedAt(): number | undefined {
    return this._cachedAt;
  }
  /** Why BoldDesk could not be reached while cached tickets are shown (undefined: online). */
  get offline(): unknown {
    return this._offline;
  }
  /** The agent "My open tickets" was built for (undefined: none). */
  get agentUserId(): number | undefined {
    return this._agentId;
  }

  /**
   * Loads the categories once; concurrent callers share one load. A failure waits for refresh().
   * Critical path: the first category's page is requested as soon as the statuses and the agent are known (all it
   * needs), in parallel with the views; the promise resolves when the views have been added too.
   */
  loadCategories(): Promise<void> {
    if (this.categoriesLoad) return this.categoriesLoad;
    if (this._lists || this.categoriesError !== undefined) return Promise.resolve();
    const generation = this.generation;
    const load = (async () => {
      try {
        if (await this.showCached(generation)) return;
        const api = await this.source.api();
        const views = loadViews(api, this.log);
        views.catch(() => undefined); // awaited below; a rejection before that is not unhandled
        const [statuses, agent] = await Promise.all([api.getStatuses(), this.source.agent().catch(() => undefined)]);
        if (generation !== this.generation) return;
        this._agentId = agent?.userId;
        this.lookups = { statuses, views: [], agent };
        this.specs = buildCategorySpecs(statuses, [], agent);
        this._lists = this.specs.map((spec) => this.createList(spec));
        if (this.source.firstListShown) void this._lists[0]?.ensureLoaded();
        const viewList = await views;
        const viewSpecs = buildCategorySpecs(statuses, viewList, agent).slice(this.specs.length);
        if (generation !== this.generation || !this._lists) return;
        this.lookups = { statuses, views: viewList, agent };
        this.specs = [...this.specs, ...viewSpecs];
        this._lists = [...this._lists, ...viewSpecs.map((spec) => this.createList(spec))];
      } catch (error) {
        if (generation !== this.generation) return;
        this._lists?.forEach((l) => l.dispose());
        this._lists = undefined;
        this.categoriesFailed(error);
      } finally {
        if (generation === this.generation) {
          this.categoriesLoad = undefined;
          this.changed.fire(undefined);
        }
      }
    })();
    this.categoriesLoad = load;
    return load;
  }

  /**
   * Refresh: rebuild the categories (views or statuses may have changed) and reload every list. Lists whose
   * query did not change keep their pages and stay on screen meanwhile. Concurrent calls join one refresh.
   */
  refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** `reloadLists` false: the loaded lists were just re-asked (warm start), only the categories are checked. */
  private async doRefresh(reloadLists = true): Promise<void> {
    if (!this._lists) {
      // Nothing shown yet (or the categories failed): a plain load.
      this.generation++;
      this.categoriesLoad = undefined;
      this.categoriesError = undefined;
      this.changed.fire(undefined);
      return this.loadCategories();
    }
    const generation = this.generation;
    let specs: CategorySpec[];
    try {
      let agentId: number | undefined;
      ({ specs, agentId } = await this.fetchSpecs());
      this._agentId = agentId;
    } catch (error) {
      if (generation !== this.generation) return;
      if (this._cachedAt !== undefined && !(error instanceof AuthError)) {
        // Warm start and BoldDesk unreachable: the cached tickets stay, read-only, marked offline.
        this._offline = error;
        this.changed.fire(undefined);
        return;
      }
      this._lists.forEach((l) => l.dispose());
      this._lists = undefined;
      this.categoriesFailed(error);
      this.changed.fire(undefined);
      return;
    }
    if (generation !== this.generation || !this._lists) return;
    this._cachedAt = undefined;
    this._offline = undefined;
    const previous = this._lists;
    const reused = new Set<TicketList>();
    this.specs = specs;
    this._lists = specs.map((spec) => {
      const query = applyFilter(spec.query, this._filter);
      const old = previous.find((p) => p.id === spec.id && sameQuery(p.query, query) && !reused.has(p));
      if (!old) return this.createList(spec);
      reused.add(old);
      return old;
    });
    previous.filter((p) => !reused.has(p)).forEach((p) => p.dispose());
    // Lists never opened stay unloaded (they load when expanded); failed ones start over.
    for (const l of reused) if (!l.loaded && l.error !== undefined) l.reset();
    this.changed.fire(undefined);
    if (reloadLists) await Promise.all([...reused].filter((l) => l.loaded).map((l) => l.reload('join')));
  }

  /** The connection changed (domain, key, agent) or the page size: forget everything. */
  reset(): void {
    this.generation++;
    this.refreshing = undefined;
    this._lists?.forEach((l) => l.dispose());
    this._lists = undefined;
    this.categoriesError = undefined;
    this.categoriesLoad = undefined;
    this.recent.clear();
    this.lookups = undefined;
    this._cachedAt = undefined;
    this._offline = undefined;
    this.cancelSave?.();
    this.cancelSave = undefined; // else every later save is skipped as "already scheduled"
    this.changed.fire(undefined);
  }

  /** A ticket was created or changed: reload the lists that are loaded (it may join or leave any of them). */
  ticketChanged(ticketId: number): Promise<void> {
    this.recent.forget(ticketId);
    return Promise.all((this._lists ?? []).filter((l) => l.loaded).map((l) => l.reload('after'))).then(() => undefined);
  }

  setFilter(filter: TicketFilter | undefined): void {
    this._filter = isFilterEmpty(filter) ? undefined : filter;
    if (!this._lists) return;
    this._lists.forEach((l) => l.dispose());
    this._lists = this.specs.map((spec) => this.createList(spec));
    this.changed.fire(undefined);
  }

  /** Tickets seen recently (listed or opened), newest first. */
  recentTickets(): TicketSummary[] {
    return this.recent.list((this._lists ?? []).flatMap((l) => l.items));
  }

  /** Remembers an opened ticket for the palette pickers. */
  noteOpened(ticket: TicketSummary): void {
    this.recent.note(ticket);
  }

  findTicket(ticketId: number): TicketSummary | undefined {
    return this.recent.get(ticketId) ?? this._lists?.flatMap((l) => l.items).find((t) => t.id === ticketId);
  }

  dispose(): void {
    this.cancelSave?.();
    this.cancelCategoriesRetry?.();
    this._lists?.forEach((l) => l.dispose());
    this.changed.dispose();
  }

  /** The tree's root says "Rate limited — retrying in N s": keep that promise, as TicketList does for a list. */
  private categoriesFailed(error: unknown): void {
    this.categoriesError = error;
    if (!(error instanceof RateLimitError)) return;
    const wait = Math.max(0, error.retryAt - this.listSource.now());
    this.cancelCategoriesRetry?.();
    this.cancelCategoriesRetry = this.listSource.setTimer(wait, () => {
      this.cancelCategoriesRetry = undefined;
      if (this.categoriesError === error) void this.refresh();
    });
  }

  private createList(spec: CategorySpec): TicketList {
    return new TicketList(spec.id, spec.label, applyFilter(spec.query, this._filter), this.listSource, (list) => {
      if (list.loaded && !list.loading && list.cachedAt === undefined && list.error === undefined) this.scheduleSave();
      this.changed.fire(list);
    });
  }

  /** Warm start: categories and first pages from the cache at once, then BoldDesk is asked in the background. */
  private async showCached(generation: number): Promise<boolean> {
    let state: CachedState | undefined;
    try {
      state = await this.source.cache?.load();
    } catch (error) {
      this.source.log?.('Could not read the ticket cache', error);
    }
    if (!state || generation !== this.generation) return false;
    this.lookups = { statuses: state.statuses, views: state.views, agent: state.agent };
    this._agentId = state.agent?.userId;
    this._cachedAt = state.savedAt;
    this.specs = buildCategorySpecs(state.statuses, state.views, state.agent);
    this._lists = this.specs.map((spec) => this.createList(spec));
    for (const list of this._lists) {
      const hit = state.lists.find((c) => c.id === list.id && c.query === queryKey(list));
      if (hit) list.seed(hit.page, hit.savedAt);
    }
    // After the caller's finally (which fires the change): revalidate; rows are swapped in place when fresh. The
    // cached pages are re-asked at once with their cached queries, beside the lookups (one round trip); the
    // refresh's own reload of an unchanged list joins that request.
    void Promise.resolve().then(() => {
      if (generation !== this.generation || !this._lists) return;
      for (const l of this._lists) if (l.loaded) void l.reload('join');
      this.refreshing ??= this.doRefresh(false).finally(() => (this.refreshing = undefined));
    });
    return true;
  }

  /** Saves what is on screen a moment after it changed (one write for a burst of pages). */
  private scheduleSave(): void {
    if (!this.source.cache || this.cancelSave) return;
    this.cancelSave = this.listSource.setTimer(1000, () => {
      this.cancelSave = undefined;
      if (!this.lookups || !this._lists || this._filter) return; // a filtered list is not what the next start shows
      this.source.cache?.save(snapshotOf(this.lookups, this._lists, this.listSource.now()));
    });
  }

  private async fetchSpecs(): Promise<{ specs: CategorySpec[]; agentId: number | undefined }> {
    const api = await this.source.api();
    this.lookups = await fetchLookups(api, () => this.source.agent(), this.log);
    const { statuses, views, agent } = this.lookups;
    return { specs: buildCategorySpecs(statuses, views, agent), agentId: agent?.userId };
  }
}
