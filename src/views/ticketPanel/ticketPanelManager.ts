// One webview panel per ticket: opening a ticket again reveals its panel, and panels come back after a window
// reload (WebviewPanelSerializer; package.json has the `onWebviewPanel:` activation event).
import * as vscode from 'vscode';
import { describeError } from '../../api/describeError';
import type { CoreDeps } from '../../deps';
import { Commands } from '../../constants';
import type { DraftEditors } from '../../drafts/draftEditors';
import { draftFiles, fileNameOf } from '../../drafts/draftFileList';
import { extrasUi } from '../../lazy/load';
import type { AttachmentSink } from './panelAttachments';
import type { PanelEnv, PanelFiles } from './panelEnv';
import { PanelDraftAdapter } from './panelDrafts';
import { isPositiveId, TICKET_PANEL_VIEW_TYPE, type PanelWebviewState } from './protocol';
import { TicketPanel, webviewOptions } from './ticketPanel';
import { DisposableStore } from '../../lifecycle';
import type { TicketCacheBinding } from '../ticketCacheBinding';

/** Two opens of the preview's ticket this close together are a double-click in the tree: it is kept. */
const DOUBLE_CLICK_MS = 500;

export interface OpenOptions {
  /**
   * A single click in the tree: like VS Code's Explorer, the panel is a preview that the next ticket clicked
   * replaces, until the user double-clicks, types in it or chooses Keep Open (`workbench.editor.enablePreview`).
   */
  preview?: boolean;
}

export type TicketPanelDeps = Pick<CoreDeps, 'context' | 'session' | 'tree' | 'log' | 'prompts'>;

/**
 * Built once by extension.ts at activation (the serializer must be registered then, so panels come back after a
 * reload). `onDidChangeTicket` is the tree's change event: open panels reload when a command changed their ticket.
 */

export class TicketPanelManager implements vscode.WebviewPanelSerializer<unknown>, vscode.Disposable {
  private readonly panels = new Map<number, TicketPanel>();
  /** The ticket whose panel became the active editor last. */
  private lastActive: number | undefined;
  /** When the current preview panel was last opened as a preview (for the double-click). */
  private previewOpenedAt = 0;
  private readonly disposables = new DisposableStore();
  private readonly env: PanelEnv;

  constructor(
    private readonly deps: TicketPanelDeps,
    drafts: DraftEditors,
    onDidChangeTicket: vscode.Event<number>,
    cache?: Pick<TicketCacheBinding, 'details' | 'createdDetails'>,
  ) {
    this.env = { ...createPanelEnv(deps, drafts), details: cache?.details };
    this.disposables.addAll(
      vscode.window.registerWebviewPanelSerializer(TICKET_PANEL_VIEW_TYPE, this),
      deps.session.onDidChange(() => this.sessionChanged()),
      onDidChangeTicket((id) => {
        cache?.createdDetails()?.stale(id); // the next open asks BoldDesk before trusting the cached copy
        this.panels.get(id)?.controller.ticketChangedElsewhere();
      }),
      // Live draft sync: a draft saved in its editor tab (or cleared by a send) shows in that ticket's open panel.
      drafts.store.onDidChange((ref) => this.panels.get(ref.ticketId)?.controller.draftChangedElsewhere()),
    );
  }

  /** Opens the ticket's panel, or reveals the one already open; a preview replaces the previous preview. */
  open(ticketId: number, options: OpenOptions = {}): TicketPanel {
    if (!isPositiveId(ticketId)) throw new RangeError(vscode.l10n.t('Not a ticket number: {0}', ticketId));
    const preview = options.preview === true && vscode.workspace.getConfiguration('workbench.editor').get<boolean>('enablePreview', true);
    const now = Date.now();
    const existing = this.panels.get(ticketId);
    if (existing) {
      // Opened on purpose (not a click in the tree), or the second click of a double-click: kept.
      if (existing.isPreview && (!preview || now - this.previewOpenedAt < DOUBLE_CLICK_MS)) existing.keep();
      if (existing.isPreview) this.previewOpenedAt = now;
      existing.reveal();
      return existing;
    }
    const replaced = preview ? [...this.panels.values()].find((p) => p.isPreview) : undefined;
    const panel = vscode.window.createWebviewPanel(
      TICKET_PANEL_VIEW_TYPE,
      `#${ticketId}`,
      // In the replaced preview's group, where it opens right beside that tab before the old one closes.
      { viewColumn: replaced?.panel.viewColumn ?? vscode.ViewColumn.Active, preserveFocus: false },
      webviewOptions(this.deps.context.extensionUri),
    );
    const opened = this.adopt(panel, ticketId, preview);
    replaced?.dispose();
    if (preview) this.previewOpenedAt = now;
    return opened;
  }

  /** The open panel of a ticket, if any (tests and callers that want to refresh it). */
  get(ticketId: number): TicketPanel | undefined {
    return this.panels.get(ticketId);
  }

  /**
   * The ticket of the panel that became the active editor last, while it still is. Each panel's `active` flag comes
   * by its own event, so just after a switch the panel left behind can still read active; the latest activation
   * cannot be out of date that way.
   */
  get activeTicketId(): number | undefined {
    const id = this.lastActive;
    return id !== undefined && this.panels.get(id)?.panel.active ? id : undefined;
  }

  get openTicketIds(): number[] {
    return [...this.panels.keys()];
  }

  /** After a window reload VS Code hands back each panel with the state its webview last saved. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const ticketId = (state as Partial<PanelWebviewState> | undefined)?.ticketId;
    if (!isPositiveId(ticketId) || this.panels.has(ticketId)) {
      panel.dispose(); // nothing usable to restore (or a duplicate): do not leave an empty panel behind
      return;
    }
    this.adopt(panel, ticketId);
  }

  /** Panels of another domain close (they would send there); say so where it does not interrupt. */
  private sessionChanged(): void {
    const closed = [...this.panels.values()].filter((p) => p.sessionChanged()).map((p) => `#${p.ticketId}`);
    if (closed.length === 0) return;
    this.deps.log.info(`Closed the ticket panels ${closed.join(', ')}: the BoldDesk domain changed.`);
    vscode.window.setStatusBarMessage(
      vscode.l10n.t('BoldDesk: closed {0} — they belong to the previous domain.', closed.join(', ')),
      10_000,
    );
  }

  dispose(): void {
    this.panels.forEach((p) => p.dispose());
    this.panels.clear();
    this.disposables.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, ticketId: number, preview = false): TicketPanel {
    const ticketPanel = new TicketPanel(panel, ticketId, this.env, this.deps.context.extensionUri, () => {
      if (this.panels.get(ticketId) === ticketPanel) this.panels.delete(ticketId);
    }, preview);
    this.panels.set(ticketId, ticketPanel);
    // The panel in front is selected in the Tickets tree (when its row is shown there).
    const activated = () => {
      this.lastActive = ticketId;
      this.deps.tree.revealTicket(ticketId);
    };
    const focused = panel.onDidChangeViewState((e) => e.webviewPanel.active && activated());
    panel.onDidDispose(() => focused.dispose());
    if (panel.active) activated();
    return ticketPanel;
  }
}

function createPanelEnv(deps: TicketPanelDeps, drafts: DraftEditors): PanelEnv {
  // Created on the first open/save (its code is in dist/extrasUi.js).
  let files: AttachmentSink | undefined;
  const sink = (): AttachmentSink => {
    if (!files) {
      const created = new (extrasUi().AttachmentFiles)(deps.context.globalStorageUri);
      deps.context.subscriptions.push(created);
      files = created;
    }
    return files;
  };
  // The list is read here (globalState); picking, checking and uploading are in dist/extrasUi.js, loaded on use.
  const composerFiles = () => extrasUi().panelFiles(deps);
  const list = (ticketId: number, kind: 'reply' | 'note') => draftFiles(deps.context.globalState, { ticketId, kind }, deps.session.origin ?? '').map((f) => ({ name: fileNameOf(f) }));
  const composer: PanelFiles = {
    list: (ticketId) => ({ reply: list(ticketId, 'reply'), note: list(ticketId, 'note') }),
    pick: (ticketId, kind) => composerFiles().pick(ticketId, kind),
    drop: (...a) => composerFiles().drop(...a),
    remove: (ticketId, kind, index) => composerFiles().remove(ticketId, kind, index),
    upload: (ticketId, kind, api, report) => composerFiles().upload(ticketId, kind, api, report),
    clear: (ticketId, kind) => composerFiles().clear(ticketId, kind),
  };
  return {
    files: composer,
    attachmentSink: { show: (f) => sink().show(f), saveAs: (f) => sink().saveAs(f) },
    getApi: (identityId) => deps.session.requireApi(identityId),
    identities: () => ({
      identities: deps.session.identities.map((i) => ({ id: i.id, label: i.label, attribution: deps.session.attributionText(i.id) })),
      defaultId: deps.session.defaultIdentity?.id,
    }),
    origin: () => deps.session.origin,
    attribution: () => deps.session.attributionText(),
    // Shared with the draft editors (one DraftStore per activation), so both surfaces see the same draft.
    drafts: new PanelDraftAdapter(drafts.store),
    openExternal: async (url) => {
      // The protocol validator already limited this to http(s)/mailto; parse strictly so nothing is reinterpreted.
      await vscode.env.openExternal(vscode.Uri.parse(url, true));
    },
    openInBrowser: async (ticketId) => {
      await vscode.commands.executeCommand(Commands.openInBrowser, ticketId);
    },
    startWork: async (ticketId) => {
      await vscode.commands.executeCommand(Commands.startWork, ticketId);
    },
    ticketChanged: (ticketId) => deps.tree.ticketChanged(ticketId),
    noteOpened: (ticket) => deps.tree.noteOpened(ticket),
    panelFocused: () => deps.prompts.reclaimFocus?.(),
    describeError,
    log: deps.log,
  };
}
