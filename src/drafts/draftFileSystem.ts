// A tiny file system for scheme `bolddesk-draft`, so a reply or note is an ordinary editor tab with a
// meaningful title (`Reply to #123.md`). Every well-formed draft path "exists" (empty until written);
// contents live in DraftStore (memory + globalState). Nothing here talks to BoldDesk. Every store change (this
// file system's own writes, the ticket panel's composer, a send) is announced as Changed: VS Code reloads a clean
// open tab and leaves a dirty one (the user's typing) alone.
import * as vscode from 'vscode';
import { DRAFT_SCHEME } from '../constants';
import type { Unsubscribe } from '../model/emitter';
import { draftPath, DraftTooLargeError, MAX_DRAFT_CHARS, parseDraftPath, type DraftRef, type DraftStore } from './draftStore';

/** Why a draft was not saved or sent: too long. The text stays where the user typed it. */
export function tooLargeMessage(length: number): string {
  return vscode.l10n.t(
    'This draft is {0} characters long; BoldDesk drafts keep at most {1}. Shorten it: nothing you typed was removed, but it is not saved until it fits.',
    length,
    MAX_DRAFT_CHARS,
  );
}

export class DraftFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  private readonly subscription: Unsubscribe;

  /** `originOf` names the help desk a draft document belongs to (the one its tab was opened for). */
  constructor(
    private readonly store: DraftStore,
    private readonly originOf: (uri: vscode.Uri) => string | undefined = () => undefined,
  ) {
    this.subscription = store.onDidChange((ref) =>
      this.changes.fire([{ type: vscode.FileChangeType.Changed, uri: vscode.Uri.from({ scheme: DRAFT_SCHEME, path: draftPath(ref) }) }]),
    );
  }

  dispose(): void {
    this.subscription.dispose();
    this.changes.dispose();
  }

  /** VS Code re-reads the document at `uri` if its tab is clean (e.g. it now belongs to another origin). */
  announce(uri: vscode.Uri): void {
    this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  watch(): vscode.Disposable {
    // Changes are announced through onDidChangeFile for every path; nothing to set up per watcher.
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const ref = this.refOf(uri);
    const text = this.store.get(ref, this.originOf(uri))?.text ?? '';
    const mtime = this.store.mtime(ref, this.originOf(uri));
    return { type: vscode.FileType.File, ctime: mtime, mtime, size: this.encoder.encode(text).byteLength };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (uri.path !== '/') throw vscode.FileSystemError.FileNotADirectory(uri);
    return this.store.list().map((ref) => [draftPath(ref).slice(1), vscode.FileType.File]);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.encoder.encode(this.store.get(this.refOf(uri), this.originOf(uri))?.text ?? '');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    try {
      await this.store.set(this.refOf(uri), this.decoder.decode(content), this.originOf(uri)); // the store's event announces it
    } catch (error) {
      // Too long: the save fails with this reason and the tab keeps every character (still unsaved, marked dirty).
      if (error instanceof DraftTooLargeError) throw vscode.FileSystemError.NoPermissions(tooLargeMessage(error.length));
      throw error;
    }
  }

  async delete(uri: vscode.Uri): Promise<void> {
    await this.store.clear(this.refOf(uri), this.originOf(uri)); // the store's event announces it
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(oldUri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(oldUri);
  }

  private refOf(uri: vscode.Uri): DraftRef {
    const ref = parseDraftPath(uri.path);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    return ref;
  }
}
