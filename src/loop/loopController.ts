// "Staying in the loop": runs ChangeWatcher every bolddesk.autoRefreshMinutes (0 = off, minimum 2), hands the number
// of my open tickets to the status bar item, badges the Tickets view with the tickets newly assigned to me or
// answered by a customer since I last looked at the view, and tells the user — with ONE notification per refresh,
// unless bolddesk.notifications is off — about them. Nothing here runs at activation: the first request waits for
// the first interval.
import * as vscode from 'vscode';
import type { TicketSummary } from '../api/types';
import type { CoreDeps, Session } from '../deps';
import type { TicketListModel } from '../model/ticketListModel';
import { Commands, Settings } from '../constants';
import { notificationFor } from './changeDelta';
import { ChangeWatcher, type TickResult } from './changeWatcher';
import { isBoldDeskError } from '../api/errors';
import { DisposableStore } from '../lifecycle';

const MIN_MINUTES = 2;
/** A day. Also keeps the interval far below setTimeout's 2^31-1 ms (above it, Node fires every millisecond). */
export const MAX_MINUTES = 1440;

/** The interval in ms for a setting value, or undefined when auto refresh is off. */
export function intervalMs(minutes: number | undefined): number | undefined {
  if (!minutes || !Number.isFinite(minutes) || minutes <= 0) return undefined;
  return Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, minutes)) * 60_000;
}

function isRejectedKey(error: unknown): boolean {
  return isBoldDeskError(error) && error.kind === 'auth';
}

export class LoopController implements vscode.Disposable {
  private watcher: ChangeWatcher;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<TickResult | undefined> | undefined;
  /** Tickets new or changed for me (assigned, a customer's reply) since the view was last in front of me. */
  private readonly unseen = new Set<number>();
  private count: number | undefined;
  /** session.connectionKey the watcher and the count belong to. */
  private connection: string;
  private readonly disposables = new DisposableStore();

  constructor(
    private readonly deps: CoreDeps,
    private readonly session: Session,
    private readonly tree: { readonly model: TicketListModel },
    private readonly treeView: vscode.TreeView<unknown>,
    /** The status bar item's count (src/views/statusItem.ts). */
    private readonly openCount: (count: number | undefined) => void,
  ) {
    this.connection = session.connectionKey;
    this.watcher = this.newWatcher();
    const modelSub = tree.model.onDidChange((list) => {
      // The key was rejected: the tree says so, and no count may stay beside it as if BoldDesk still showed it.
      if (isRejectedKey(tree.model.error) || isRejectedKey(list?.error)) {
        this.forget();
        return;
      }
      // "My open tickets" (re)loaded: its total is the count, for free.
      if (list?.id === 'mine' && list.loaded && !list.loading && list.total !== undefined && !tree.model.filter) {
        this.showCount(list.total);
      }
    });
    this.disposables.addAll(
      { dispose: () => modelSub.dispose() },
      // Looking at the view is what "seen" means: it was shown, or the window came back with it shown.
      treeView.onDidChangeVisibility((e) => e.visible && this.looked()),
      vscode.window.onDidChangeWindowState((e) => e.focused && treeView.visible && this.looked()),
      session.onDidChange(() => {
        // Another domain, key or agent: start over (nothing seen so far belongs to it). Other changes (an
        // identity added or relabelled) keep the acting agent, so the count and what was seen stay true.
        if (session.connectionKey === this.connection) return;
        this.connection = session.connectionKey;
        this.watcher = this.newWatcher();
        this.forget();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${Settings.autoRefreshMinutes}`)) this.schedule();
      }),
    );
    this.schedule();
  }

  /** My open tickets as last counted (the status bar item's number); undefined when unknown. */
  get openTickets(): number | undefined {
    return this.count;
  }

  /** One refresh now (the timer's step; tests call it through ExtensionApi). Concurrent calls share one. */
  tick(): Promise<TickResult | undefined> {
    this.running ??= this.runTick().finally(() => (this.running = undefined));
    return this.running;
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.disposables.dispose();
  }

  private newWatcher(): ChangeWatcher {
    return new ChangeWatcher({
      api: () => this.session.requireApi(),
      agent: () => this.session.resolveIdentity(),
      lists: () => this.tree.model.lists,
      filterActive: () => this.tree.model.filter !== undefined,
      log: (message, error) => this.deps.log.error(message, error),
    });
  }

  private schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const minutes = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.autoRefreshMinutes, 0);
    const ms = intervalMs(minutes);
    if (ms !== undefined) this.timer = setInterval(() => void this.tick(), ms);
  }

  private async runTick(): Promise<TickResult | undefined> {
    if (!this.session.origin || !(await this.session.hasKey())) return undefined;
    const watcher = this.watcher;
    let result: TickResult;
    try {
      result = await watcher.tick();
    } catch (error) {
      // Quietly: the next interval tries again; the log says why (no pop-up every few minutes).
      this.deps.log.error('Auto refresh failed', error);
      if (isRejectedKey(error)) this.forget();
      return undefined;
    }
    if (watcher !== this.watcher) return undefined; // the connection changed meanwhile
    if (result.openCount !== undefined) this.showCount(result.openCount);
    if (result.changed.length > 0) this.deps.log.info(`Auto refresh: ${result.changed.length} changed ticket(s).`);
    if (!this.looking()) for (const t of [...result.newlyAssigned, ...result.replied]) this.unseen.add(t.id);
    this.showBadge();
    this.notify(result.newlyAssigned, result.replied);
    return result;
  }

  private showCount(count: number | undefined): void {
    this.count = count;
    this.openCount(count);
  }

  /** Nothing counted belongs to the connection any more (another key or domain, or the key was rejected). */
  private forget(): void {
    this.showCount(undefined);
    this.unseen.clear();
    this.showBadge();
  }

  /** The user has the Tickets view in front of them now: what a refresh changes in it is seen as it happens. */
  private looking(): boolean {
    return this.treeView.visible && vscode.window.state.focused;
  }

  private looked(): void {
    if (this.unseen.size === 0) return;
    this.unseen.clear();
    this.showBadge();
  }

  private showBadge(): void {
    const n = this.unseen.size;
    const tooltip = n === 1 ? vscode.l10n.t('1 ticket new or changed for you since you last looked')
      : vscode.l10n.t('{0} tickets new or changed for you since you last looked', n);
    this.treeView.badge = n > 0 ? { value: n, tooltip } : undefined;
  }

  private notify(newlyAssigned: TicketSummary[], replied: TicketSummary[]): void {
    const enabled = vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.notifications, true);
    const note = enabled ? notificationFor(newlyAssigned, replied) : undefined;
    if (!note) return;
    void this.deps.prompts.info(note.message, note.action).then(async (action) => {
      if (action === undefined) return;
      const ticketId =
        note.tickets.length === 1
          ? note.tickets[0].id
          : await this.deps.prompts.pick(
              note.tickets.map((t) => ({ label: `#${t.id} ${t.subject}`, description: t.status?.name, value: t.id })),
              { title: vscode.l10n.t('BoldDesk: tickets that need you'), placeholder: vscode.l10n.t('Open a ticket') },
            );
      if (ticketId !== undefined) void vscode.commands.executeCommand(Commands.openTicket, ticketId);
    });
  }
}
