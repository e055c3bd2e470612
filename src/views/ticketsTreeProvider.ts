// The Tickets view: renders TicketListModel (categories → tickets → "Load more…") and keeps the view's
// description ("acting as …", filter) current. Data and paging live in the model; this file only maps to nodes.
import * as vscode from 'vscode';
import type { TicketSummary } from '../api/types';
import type { Logger, Session, TicketsTree } from '../deps';
import { ContextKeys, Defaults, Settings } from '../constants';
import type { TicketFilter } from '../model/categories';
import type { TicketList } from '../model/ticketList';
import type { ModelCache } from '../model/modelCache';
import { TicketListModel } from '../model/ticketListModel';
import { updatedAgo } from './updatedAgo';
import { errorNode, invalidDomainNode } from './errorNodes';
import { identityName } from './statusItem';
import { CategoryNode } from './nodes/categoryNode';
import { TicketNode } from './nodes/ticketNode';
import type { TreeNode } from './nodes/treeNode';
import { DisposableStore } from '../lifecycle';

function configuredPageSize(): number {
  return vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.pageSize, Defaults.pageSize);
}

export class TicketsTreeProvider implements vscode.TreeDataProvider<TreeNode>, TicketsTree, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly ticketChangedEmitter = new vscode.EventEmitter<number>();
  /** A write command reported a change to this ticket (open ticket documents re-render). */
  readonly onDidChangeTicket = this.ticketChangedEmitter.event;
  readonly model: TicketListModel;
  private readonly disposables = new DisposableStore();
  private categoryNodes = new Map<TicketList, CategoryNode>();
  /** What each category last gave the tree (CategoryNode.renderKey): a change that shows nothing new is not sent. */
  private readonly given = new Map<TicketList, string>();
  private rootCheck: ReturnType<typeof setTimeout> | undefined;
  private readonly shownRows = new Map<string, TicketNode[]>();
  private view: vscode.TreeView<TreeNode> | undefined;
  /** session.connectionKey the model's data belongs to. */
  private builtFor: string;
  /** While a request waits for BoldDesk's rate limit: when it goes on (the message above the tree counts down). */
  private rateLimitedUntil: number | undefined;
  private rateLimitTicker: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly session: Session,
    log: Logger,
    private readonly cache?: ModelCache,
  ) {
    this.model = new TicketListModel({
      api: () => session.requireApi(),
      agent: () => session.resolveIdentity(),
      pageSize: configuredPageSize,
      log: (message, error) => log.error(message, error),
      firstListShown: true, // CategoryNode: the first category is expanded
      cache,
    });
    this.builtFor = session.connectionKey;
    const modelSubscription = this.model.onDidChange((list) => this.onModelChanged(list));
    this.disposables.addAll(
      this.changed,
      this.ticketChangedEmitter,
      { dispose: () => modelSubscription.dispose() },
      { dispose: () => this.model.dispose() },
      session.onDidChange(() => this.onSessionChanged()),
      session.onDidWaitForRateLimit((retryAt) => this.onRateLimitWait(retryAt)),
      { dispose: () => clearInterval(this.rateLimitTicker) },
      { dispose: () => clearTimeout(this.rootCheck) },
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${Settings.pageSize}`)) this.model.reset();
      }),
    );
  }

  /** Called once by extension.ts with the view created for this provider (for its description). */
  attachView(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    this.updateDescription();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    return node.resolveTreeItem ? node.resolveTreeItem(item) : item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.getRoots();
    const children = node.getChildren ? await node.getChildren() : [];
    // The rows the tree shows, for revealTicket (the first category showing a ticket wins).
    if (node instanceof CategoryNode) {
      this.shownRows.set(node.list.id, children.filter((c): c is TicketNode => c instanceof TicketNode));
      this.given.set(node.list, node.renderKey());
    }
    return children;
  }

  /** reveal() needs it (revealTicket, the prefetch's test): a ticket row's parent is its category. */
  getParent(node: TreeNode): TreeNode | undefined {
    return node instanceof TicketNode ? [...this.categoryNodes.values()].find((c) => c.list.id === node.categoryId) : undefined;
  }

  revealTicket(ticketId: number): void {
    if (!this.view?.visible) return; // never opens the view or loads a list just for this
    const shown = [...this.categoryNodes.values()].flatMap((c) => this.shownRows.get(c.list.id) ?? []);
    const row = shown.find((n) => n.ticket.id === ticketId);
    if (row) void Promise.resolve(this.view.reveal(row, { select: true, focus: false })).catch(() => undefined);
  }

  /** After activation (deferredStartup.ts): read the warm-start cache before the view asks for it. */
  preloadCache(): void {
    if (!this.model.lists) this.cache?.preload?.();
  }

  // ---- TicketsTree (what commands use) ----

  /** Reload everything: lookups, categories and every loaded list. Concurrent calls share one refresh. */
  refresh(): Promise<void> {
    this.session.clearCaches();
    return this.model.refresh();
  }

  ticketChanged(ticketId: number): Promise<void> {
    this.ticketChangedEmitter.fire(ticketId);
    return this.model.ticketChanged(ticketId);
  }

  recentTickets(): TicketSummary[] {
    return this.model.recentTickets();
  }

  noteOpened(ticket: TicketSummary): void {
    this.model.noteOpened(ticket);
  }

  get filter(): TicketFilter | undefined {
    return this.model.filter;
  }

  setFilter(filter: TicketFilter | undefined): void {
    this.model.setFilter(filter);
    void vscode.commands.executeCommand('setContext', ContextKeys.filterActive, this.model.filter !== undefined);
    this.updateDescription();
  }

  async loadMore(category: unknown): Promise<void> {
    const list = category instanceof CategoryNode ? category.list : undefined;
    if (list) await list.loadMore();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  // ---- internals ----

  private async getRoots(): Promise<TreeNode[]> {
    if (!this.session.origin) {
      const problem = this.session.domainProblem;
      return problem ? [invalidDomainNode(problem)] : []; // empty → the welcome view asks for a domain
    }
    if (!(await this.session.hasKey())) return []; // empty → the welcome view asks for a key
    await this.model.loadCategories();
    this.updateDescription();
    const lists = this.model.lists;
    if (!lists) {
      return this.model.error !== undefined ? [errorNode(this.model.error, this.host())] : [];
    }
    const nodes = new Map<TicketList, CategoryNode>();
    lists.forEach((list, i) => {
      nodes.set(list, this.categoryNodes.get(list) ?? new CategoryNode(list, this.categoryContext, i === 0));
    });
    this.categoryNodes = nodes;
    nodes.forEach((node) => this.given.set(node.list, node.renderKey())); // VS Code asks each one's item now
    return [...nodes.values()];
  }

  private readonly categoryContext = {
    host: () => this.host(),
    filterActive: () => this.model.filter !== undefined,
    offline: () => this.model.offline !== undefined,
  };

  private host(): string {
    return this.session.host ?? 'BoldDesk';
  }

  /** A request waits for BoldDesk's rate limit (Refresh included): say so and when it retries, never stay silent. */
  private onRateLimitWait(retryAt: number): void {
    this.rateLimitedUntil = Math.max(retryAt, this.rateLimitedUntil ?? 0);
    clearInterval(this.rateLimitTicker);
    this.rateLimitTicker = setInterval(() => this.updateDescription(), 1000);
    this.updateDescription();
  }

  private rateLimitLine(): string | undefined {
    const until = this.rateLimitedUntil;
    const seconds = until === undefined ? 0 : Math.ceil((until - Date.now()) / 1000);
    if (seconds > 0) return vscode.l10n.t('Rate limited by BoldDesk — retrying in {0} s.', seconds);
    this.rateLimitedUntil = undefined;
    clearInterval(this.rateLimitTicker);
    this.rateLimitTicker = undefined;
    return undefined;
  }

  /**
   * Tells the tree only what shows something new. VS Code holds back a change until 200 ms after the one before it,
   * so on a warm start a needless event (the cached categories, a reload starting) would delay the fresh rows.
   */
  private onModelChanged(list: TicketList | undefined): void {
    // The root changed, or a retry finished while a rate-limit wait is shown: the message above the tree follows.
    if (!list || this.rateLimitedUntil !== undefined) this.updateDescription();
    if (list) {
      const node = this.categoryNodes.get(list);
      if (node) this.fireIfChanged(node); // else a list the tree is not showing (yet)
      return;
    }
    // Looked at on the next turn: a getRoots waiting for these categories (the view's first load) has returned them
    // by then, and a change it already gave is not sent again. A reset (no categories yet) always is.
    this.rootCheck ??= setTimeout(() => {
      this.rootCheck = undefined;
      const lists = this.model.lists;
      const shown = [...this.categoryNodes.keys()];
      if (lists && lists.length === shown.length && lists.every((l, i) => l === shown[i])) {
        this.categoryNodes.forEach((node) => this.fireIfChanged(node)); // the same categories: only what changed
        return;
      }
      this.given.clear();
      this.changed.fire(undefined);
    }, 0);
  }

  private fireIfChanged(node: CategoryNode): void {
    const key = node.renderKey();
    if (this.given.get(node.list) === key) return;
    this.given.set(node.list, key);
    this.changed.fire(node);
  }

  private onSessionChanged(): void {
    const key = this.session.connectionKey;
    if (key !== this.builtFor) {
      // Another help desk, key or agent e-mail: nothing loaded so far belongs to it.
      this.builtFor = key;
      this.model.reset();
    } else if (this.model.lists && this.model.agentUserId !== this.session.actingAs?.userId) {
      // The agent lookup finished after the categories were built: add or drop "My open tickets".
      void this.model.refresh();
    }
    this.updateDescription();
  }

  private updateDescription(): void {
    if (!this.view) return;
    const parts: string[] = [];
    const actingAs = identityName({ session: this.session }, undefined);
    if (actingAs) parts.push(vscode.l10n.t('acting as {0}', actingAs));
    const filter = this.model.filter;
    if (filter) parts.push(filter.description ? vscode.l10n.t('filter: {0}', filter.description) : vscode.l10n.t('filter on'));
    // Set only on a change: VS Code counts each assignment as a change of the view and holds the next one back.
    const description = parts.join(' · ') || undefined;
    if (this.view.description !== description) this.view.description = description;
    // VS Code hides a view's description while it is the only view of its container (ours is), so what
    // matters most is also said above the tree: a filter that hides tickets, and who acts when there is a choice.
    const lines: string[] = [];
    const rateLimited = this.rateLimitLine();
    if (rateLimited) lines.push(rateLimited);
    if (actingAs && this.session.identities.length > 1) lines.push(vscode.l10n.t('Acting as {0}.', actingAs));
    if (filter) {
      lines.push(filter.description ? vscode.l10n.t('Filtered by {0}.', filter.description) : vscode.l10n.t('A filter is on.'));
    }
    // Online, the categories say "cached, updated …" until BoldDesk answers (a line here too would only delay the
    // fresh rows: a message change is a change of the view); offline, this line says why nothing updates.
    const cachedAt = this.model.cachedAt;
    if (cachedAt !== undefined && this.model.offline !== undefined) {
      lines.push(vscode.l10n.t('Offline: {0} cannot be reached. Showing the tickets cached {1} (read-only).', this.host(), updatedAgo(cachedAt)));
    }
    const message = lines.join(' ') || undefined;
    if (this.view.message !== message) this.view.message = message;
  }
}
