// "Staying in the loop": runs ChangeWatcher every bolddesk.autoRefreshMinutes (0 = off, minimum 2), shows the
// number of my open tickets as the Tickets view's badge and a status bar item, and tells the user — with ONE
// notification per refresh, unless bolddesk.notifications is off — about tickets newly assigned to them and
// customer replies on theirs. Nothing here runs at activation: the first request waits for the first interval.
import * as vscode from 'vscode';
import type { TicketSummary } from '../api/types';
import type { CoreDeps, Session } from '../deps';
import type { TicketListModel } from '../model/ticketListModel';
import { Commands, Settings, Views } from '../constants';
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
  private readonly statusBar: vscode.StatusBarItem;
  /** session.connectionKey the watcher and the count belong to. */
  private connection: string;
  private readonly disposables = new DisposableStore();

  constructor(
    private readonly deps: CoreDeps,
    private readonly session: Session,
    private readonly tree: { readonly model: TicketListModel },
    private readonly treeView: vscode.TreeView<unknown>,
  ) {
    this.connection = session.connectionKey;
    this.watcher = this.newWatcher();
    this.statusBar = vscode.window.createStatusBarItem('bolddesk.openCount', vscode.StatusBarAlignment.Left, 50);
    this.statusBar.name = vscode.l10n.t('BoldDesk open tickets');
    this.statusBar.command = `${Views.tickets}.focus`;
    const modelSub = tree.model.onDidChange((list) => {
      // The key was rejected: the tree says so, and no count may stay beside it as if BoldDesk still showed it.
      if (isRejectedKey(tree.model.error) || isRejectedKey(list?.error)) {
        this.showCount(undefined);
        return;
      }
      // "My open tickets" (re)loaded: its total is the count, for free.
      if (list?.id === 'mine' && list.loaded && !list.loading && list.total !== undefined && !tree.model.filter) {
        this.showCount(list.total);
      }
    });
    this.disposables.addAll(
      this.statusBar,
      { dispose: () => modelSub.dispose() },
      session.onDidChange(() => {
        // Another domain, key or agent: start over (nothing seen so far belongs to it). Other changes (an
        // identity added or relabelled) keep the acting agent, so the count and what was seen stay true.
        if (session.connectionKey === this.connection) return;
        this.connection = session.connectionKey;
        this.watcher = this.newWatcher();
        this.showCount(undefined);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${Settings.autoRefreshMinutes}`)) this.schedule();
      }),
    );
    this.schedule();
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
      if (isRejectedKey(error)) this.showCount(undefined);
      return undefined;
    }
    if (watcher !== this.watcher) return undefined; // the connection changed meanwhile
    if (result.openCount !== undefined) this.showCount(result.openCount);
    if (result.changed.length > 0) this.deps.log.info(`Auto refresh: ${result.changed.length} changed ticket(s).`);
    this.notify(result.newlyAssigned, result.replied);
    return result;
  }

  private showCount(count: number | undefined): void {
    if (count === undefined) {
      this.treeView.badge = undefined;
      this.statusBar.hide();
      return;
    }
    const tooltip =
      count === 1 ? vscode.l10n.t('1 open ticket assigned to you') : vscode.l10n.t('{0} open tickets assigned to you', count);
    this.treeView.badge = count > 0 ? { value: count, tooltip } : undefined;
    this.statusBar.text = `$(inbox) ${vscode.l10n.t('BoldDesk: {0} open', count)}`;
    this.statusBar.tooltip = vscode.l10n.t('{0}. Click to show the Tickets view.', tooltip);
    this.statusBar.show();
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
