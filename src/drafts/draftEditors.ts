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
import { extrasUi } from '../lazy/load';

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
  /** The help desk origin each open draft document was opened for: its saves go there, whatever the domain now. */
  private readonly owners = new Map<string, string>();
  /** Every draft document opened in this window: on a domain change each is re-read, tab or not (VS Code keeps models). */
  private readonly seen = new Map<string, vscode.Uri>();
  private lastOrigin: string;
  private readonly fs: DraftFileSystem;

  constructor(private readonly deps: Pick<CoreDeps, 'context' | 'session'>) {
    // Keyed by the session's origin: another help desk's #123 never shows this one's draft (docs/SECURITY.md).
    this.store = new DraftStore(deps.context.globalState, Date.now, () => deps.session.origin ?? '');
    const fs = (this.fs = new DraftFileSystem(this.store, (uri) => this.owners.get(uri.toString())));
    this.lastOrigin = deps.session.origin ?? '';
    vscode.workspace.textDocuments.forEach((d) => this.opened(d));
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
      vscode.workspace.onDidOpenTextDocument((d) => this.opened(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.owners.delete(d.uri.toString())),
      deps.session.onDidChange(() => {
        this.update();
        if ((deps.session.origin ?? '') !== this.lastOrigin) void this.closeForeign();
      }),
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

  private opened(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    if (!this.refFor(doc.uri)) return;
    this.seen.set(key, doc.uri);
    if (!this.owners.has(key)) this.owners.set(key, this.deps.session.origin ?? '');
  }

  /** The help desk origin a draft belongs to: the one its open tab was opened for, else the current one. */
  originOf(uri: vscode.Uri): string {
    return this.owners.get(uri.toString()) ?? this.deps.session.origin ?? '';
  }

  /** After a domain change: the previous domain's draft tabs are saved there and closed (src/drafts/draftDomainChange.ts). */
  private async closeForeign(): Promise<void> {
    this.lastOrigin = this.deps.session.origin ?? '';
    await extrasUi().closeForeignDrafts(this.lastOrigin, {
      own: this.owners,
      seen: this.seen,
      ping: (uri) => this.fs.announce(uri),
    });
  }

  /** Opens (or focuses) the draft tab; a stored draft comes back with its text. */
  async open(ticketId: number, kind: DraftKind): Promise<vscode.TextEditor> {
    const ref = { ticketId, kind };
    const doc = await vscode.workspace.openTextDocument(this.uriFor(ref));
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    // VS Code may hand back a model it kept from before a domain change (another help desk's text): read it again.
    if (!doc.isDirty && doc.getText() !== (this.store.get(ref, this.originOf(doc.uri))?.text ?? '')) {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
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
    return (ref && this.store.get(ref, this.originOf(uri))?.text) || '';
  }

  /** Persists what is typed now (before sending, so a failure can never lose it). */
  async saveNow(uri: vscode.Uri): Promise<void> {
    const doc = this.openDocument(uri);
    if (doc?.isDirty) await doc.save();
  }

  /**
   * After BoldDesk confirmed the send: forget the draft of `origin` (the one it was sent to) and close its tab
   * without a save prompt. A tab that now belongs to another origin is left alone.
   */
  async discard(uri: vscode.Uri, origin = this.originOf(uri)): Promise<void> {
    const ref = this.refFor(uri);
    if (!ref) return;
    const doc = this.originOf(uri) === origin ? this.openDocument(uri) : undefined;
    if (doc && !doc.isClosed && doc.getText() !== '') {
      const edit = new vscode.WorkspaceEdit();
      edit.delete(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)));
      await vscode.workspace.applyEdit(edit);
    }
    if (doc && !doc.isClosed && doc.isDirty) await doc.save(); // writes '' → the store forgets the draft
    await this.store.clear(ref, origin);
    await this.store.setPostAs(ref, undefined, origin);
    if (this.originOf(uri) !== origin) return; // the tab is another help desk's draft now
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
    this.statusItem.tooltip = draftTooltip(this.deps.session.attributionText(postAs), ref.kind);
    this.statusItem.show();
  }
}

/**
 * The draft status bar tooltip. The attribution names an agent (BoldDesk's text) or an identity (the user's): it goes
 * in as plain text (appendText escapes Markdown), so a name like `![x](https://…)` never loads an image or makes a
 * link on hover, and a bare address is not made a link either (docs/SECURITY.md).
 */
export function draftTooltip(attribution: string, kind: DraftKind): vscode.MarkdownString {
  // appendText leaves `https://…` and `www.…` as they are, which the hover's Markdown (GFM) turns into links.
  const plain = attribution.replace(/:\/\//g, ':\u200b//').replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200b.`);
  return new vscode.MarkdownString().appendText(
    `${plain}\n\n` +
      (kind === 'note'
        ? vscode.l10n.t('A private note is visible to agents only.')
        : vscode.l10n.t('A reply is visible to the requester (BoldDesk may e-mail it).')) +
      vscode.l10n.t('\n\nThe draft is kept until BoldDesk confirms it was sent. Click or press {0} to send.', SEND_KEY),
  );
}
