// The editor side of replies and notes: registers the `bolddesk-draft` file system, opens draft tabs,
// keeps them saved as the user types (so closing the tab or reloading loses nothing), sets the
// `bolddesk.composing` context key and shows who BoldDesk will name as the author in the status bar
// while a draft is the active editor. One instance per activation, built by src/extension.ts.
import * as vscode from 'vscode';
import { neutralize } from '../text/untrusted';
import { Commands, ContextKeys, DRAFT_SCHEME } from '../constants';
import type { CoreDeps } from '../deps';
import { DraftFileSystem } from './draftFileSystem';
import { DraftStore, draftPath, draftTitle, parseDraftPath, type DraftKind, type DraftRef } from './draftStore';
import { DisposableStore } from '../lifecycle';

const AUTOSAVE_MS = 400;
const SEND_KEY = process.platform === 'darwin' ? 'Cmd+Enter' : 'Ctrl+Enter';

export class DraftEditors implements vscode.Disposable {
  readonly store: DraftStore;
  private readonly disposables = new DisposableStore();
  private readonly statusItem: vscode.StatusBarItem;
  private readonly pendingSaves = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changedPostAs = new vscode.EventEmitter<void>();
  /** A draft's "Post as…" choice changed (the identity status bar item follows). */
  readonly onDidChangePostAs = this.changedPostAs.event;
  /** The context key as last set; an unset key already reads false, so activation sets nothing. */
  private composing = false;

  constructor(private readonly deps: Pick<CoreDeps, 'context' | 'session'>) {
    // Keyed by the session's origin: another help desk's #123 never shows this one's draft (docs/SECURITY.md).
    this.store = new DraftStore(deps.context.globalState, Date.now, () => deps.session.origin ?? '');
    const fs = new DraftFileSystem(this.store);
    this.statusItem = vscode.window.createStatusBarItem('bolddesk.draft', vscode.StatusBarAlignment.Left, 100);
    this.statusItem.name = vscode.l10n.t('BoldDesk draft');
    this.statusItem.command = Commands.sendDraft;
    this.disposables.addAll(
      fs,
      this.statusItem,
      this.changedPostAs,
      vscode.workspace.registerFileSystemProvider(DRAFT_SCHEME, fs, { isCaseSensitive: true }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => this.scheduleSave(e.document)),
      deps.session.onDidChange(() => this.update()),
      { dispose: () => this.pendingSaves.forEach((t) => clearTimeout(t)) },
    );
    this.update();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  uriFor(ref: DraftRef): vscode.Uri {
    return vscode.Uri.from({ scheme: DRAFT_SCHEME, path: draftPath(ref) });
  }

  refFor(uri: vscode.Uri | undefined): DraftRef | undefined {
    return uri?.scheme === DRAFT_SCHEME ? parseDraftPath(uri.path) : undefined;
  }

  /** Opens (or focuses) the draft tab; a stored draft comes back with its text. */
  async open(ticketId: number, kind: DraftKind): Promise<vscode.TextEditor> {
    const ref = { ticketId, kind };
    const doc = await vscode.workspace.openTextDocument(this.uriFor(ref));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    this.update();
    return editor;
  }

  /** The open document of a draft, if any (it may hold more than was saved). */
  openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  }

  /** The current text of a draft: the open editor's, else the stored one. */
  textOf(uri: vscode.Uri): string {
    const doc = this.openDocument(uri);
    if (doc) return doc.getText();
    const ref = this.refFor(uri);
    return (ref && this.store.get(ref)?.text) || '';
  }

  /** Persists what is typed now (before sending, so a failure can never lose it). */
  async saveNow(uri: vscode.Uri): Promise<void> {
    const doc = this.openDocument(uri);
    if (doc?.isDirty) await doc.save();
  }

  /** After BoldDesk confirmed the send: forget the draft and close its tab without a save prompt. */
  async discard(uri: vscode.Uri): Promise<void> {
    const ref = this.refFor(uri);
    if (!ref) return;
    const doc = this.openDocument(uri);
    if (doc && !doc.isClosed && doc.getText() !== '') {
      const edit = new vscode.WorkspaceEdit();
      edit.delete(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)));
      await vscode.workspace.applyEdit(edit);
    }
    if (doc && !doc.isClosed && doc.isDirty) await doc.save(); // writes '' → the store forgets the draft
    await this.store.clear(ref);
    await this.store.setPostAs(ref, undefined);
    const tabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
    this.update();
  }

  private scheduleSave(doc: vscode.TextDocument): void {
    if (!this.refFor(doc.uri)) return;
    const key = doc.uri.toString();
    const pending = this.pendingSaves.get(key);
    if (pending) clearTimeout(pending);
    this.pendingSaves.set(
      key,
      setTimeout(() => {
        this.pendingSaves.delete(key);
        if (!doc.isClosed && doc.isDirty) void doc.save();
      }, AUTOSAVE_MS),
    );
  }

  /** The identity a draft posts as: its "Post as…" choice while that identity exists, else the default. */
  postAsFor(ref: DraftRef): string | undefined {
    const chosen = this.store.postAs(ref);
    return chosen && this.deps.session.identity(chosen) ? chosen : undefined;
  }

  /** The draft open in the active editor, if any (the identity status bar item follows it). */
  activeRef(): DraftRef | undefined {
    return this.refFor(vscode.window.activeTextEditor?.document.uri);
  }

  async setPostAs(ref: DraftRef, identityId: string | undefined): Promise<void> {
    await this.store.setPostAs(ref, identityId);
    this.update();
    this.changedPostAs.fire();
  }

  /** Status bar + context key follow the active editor. */
  update(): void {
    const ref = this.refFor(vscode.window.activeTextEditor?.document.uri);
    if (this.composing !== (ref !== undefined)) {
      this.composing = ref !== undefined;
      void vscode.commands.executeCommand('setContext', ContextKeys.composing, this.composing);
    }
    if (!ref) {
      this.statusItem.hide();
      return;
    }
    const postAs = this.postAsFor(ref);
    const who =
      this.deps.session.agentFor(postAs)?.name ??
      (this.deps.session.identities.length > 1 ? this.deps.session.identity(postAs)?.label : undefined) ??
      vscode.l10n.t('the API key owner');
    // Agent and identity names come from BoldDesk / the user: plain text in both the text and the tooltip.
    this.statusItem.text = vscode.l10n.t('$(send) {0} as {1} — {2} to send', draftTitle(ref), neutralize(who, 80), SEND_KEY);
    this.statusItem.tooltip = new vscode.MarkdownString().appendText(
      `${this.deps.session.attributionText(postAs)}\n\n` +
        (ref.kind === 'note'
          ? vscode.l10n.t('A private note is visible to agents only.')
          : vscode.l10n.t('A reply is visible to the requester (BoldDesk may e-mail it).')) +
        vscode.l10n.t('\n\nThe draft is kept until BoldDesk confirms it was sent. Click or press {0} to send.', SEND_KEY),
    );
    this.statusItem.show();
  }
}
