// What VS Code's built-in git extension knows about a file: HEAD commit, the origin fetch URL, the path inside
// the repository and whether it has uncommitted changes. Typed with the few members we use (no dependency on
// the git extension's typings); every failure means "no repository info", never an error for the user.
import * as path from 'path';
import * as vscode from 'vscode';
import type { RepoInfo } from './codeContext';

interface GitChange {
  readonly uri: vscode.Uri;
}

interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD?: { readonly commit?: string };
    readonly remotes: readonly { readonly name: string; readonly fetchUrl?: string }[];
    readonly workingTreeChanges: readonly GitChange[];
    readonly indexChanges: readonly GitChange[];
    readonly onDidChange: vscode.Event<void>;
  };
}

export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
}

interface GitExtensionExports {
  readonly enabled?: boolean;
  getAPI(version: 1): GitApi;
}

const WAIT_MS = 3000;

/** The git API once it is initialized, or undefined (git extension missing, disabled, or git not installed). */
export async function gitApi(): Promise<GitApi | undefined> {
  try {
    const ext = vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
    if (!ext) return undefined;
    const exports = ext.isActive ? ext.exports : await ext.activate();
    if (!exports || exports.enabled === false) return undefined;
    const api = exports.getAPI(1);
    if (api.state !== 'initialized') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => done(), WAIT_MS);
        const sub = api.onDidChangeState((s) => s === 'initialized' && done());
        function done() {
          clearTimeout(timer);
          sub.dispose();
          resolve();
        }
      });
    }
    return api.state === 'initialized' ? api : undefined;
  } catch {
    return undefined;
  }
}

/** The nearest folder above `file` that holds `.git` (a file-system look, no git process). */
async function findRepoRoot(file: vscode.Uri): Promise<vscode.Uri | undefined> {
  let dir = vscode.Uri.joinPath(file, '..');
  for (let i = 0; i < 40; i++) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(dir, '.git'));
      return dir;
    } catch {
      const parent = vscode.Uri.joinPath(dir, '..');
      if (parent.path === dir.path) return undefined;
      dir = parent;
    }
  }
  return undefined;
}

/** The repository holding `file`: one the git extension already knows, else opened from its `.git` folder. */
async function repositoryFor(api: GitApi, file: vscode.Uri): Promise<GitRepository | undefined> {
  const known = api.getRepository(file);
  if (known) return known;
  const root = await findRepoRoot(file);
  if (!root || !api.openRepository) return undefined;
  return (await api.openRepository(root).catch(() => null)) ?? api.getRepository(file) ?? undefined;
}

/** A repository just opened reads its HEAD asynchronously: wait for it (bounded). */
function headLoaded(repo: GitRepository): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(), WAIT_MS);
    const sub = repo.state.onDidChange(() => repo.state.HEAD?.commit && done());
    function done() {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
}

/** Repository info for a file on disk, or undefined when it is not in a git repository (or git is unavailable). */
export async function repoInfoFor(file: vscode.Uri): Promise<RepoInfo | undefined> {
  if (file.scheme !== 'file') return undefined;
  const api = await gitApi();
  if (!api) return undefined;
  const repo = await repositoryFor(api, file);
  if (!repo) return undefined;
  const relative = path.relative(repo.rootUri.fsPath, file.fsPath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  if (!repo.state.HEAD?.commit) await headLoaded(repo);
  const same = (c: GitChange) => c.uri.fsPath === file.fsPath;
  return {
    commit: repo.state.HEAD?.commit,
    originUrl: repo.state.remotes.find((r) => r.name === 'origin')?.fetchUrl,
    pathInRepo: relative.split(path.sep).join('/'),
    dirty: repo.state.workingTreeChanges.some(same) || repo.state.indexChanges.some(same),
  };
}
