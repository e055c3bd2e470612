// An in-memory file system for scheme `bolddesk-scratch`: the code-context editor of Create Ticket from Selection
// is a file of ours, so saving or closing it can never write, revert or close anything of the user's. Its files
// live only while a create flow runs (ScratchEditors removes them). One instance per activation, built and
// registered in src/extension.ts.
import * as vscode from 'vscode';
import { SCRATCH_SCHEME } from '../constants';

export class ScratchFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;

  /** Registers this file system for its scheme (once, at activation). */
  register(): vscode.Disposable {
    return vscode.workspace.registerFileSystemProvider(SCRATCH_SCHEME, this, { isCaseSensitive: true });
  }

  set(uri: vscode.Uri, text: string): void {
    this.files.set(uri.path, { data: new TextEncoder().encode(text), mtime: Date.now() });
  }

  text(uri: vscode.Uri): string | undefined {
    const file = this.files.get(uri.path);
    return file && new TextDecoder().decode(file.data);
  }

  remove(uri: vscode.Uri): void {
    this.files.delete(uri.path);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // only our own writes change these files
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const file = this.file(uri);
    return { type: vscode.FileType.File, ctime: file.mtime, mtime: file.mtime, size: file.data.byteLength };
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.file(uri).data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    this.file(uri); // only files a flow created: nothing else can be written here
    this.files.set(uri.path, { data: content, mtime: Date.now() });
    this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.remove(uri);
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(oldUri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(oldUri);
  }

  dispose(): void {
    this.changes.dispose();
  }

  private file(uri: vscode.Uri): { data: Uint8Array; mtime: number } {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }
}
