// The parts of VS Code's built-in git API that Start Work and the branch status item use (typed here, like
// src/code/gitInfo.ts, without a dependency on the git extension's typings).
import * as vscode from 'vscode';
import { gitApi } from '../code/gitInfo';

export interface WorkRepository {
  readonly rootUri: vscode.Uri;
  readonly inputBox: { value: string };
  readonly state: { readonly HEAD?: { readonly name?: string }; readonly onDidChange: vscode.Event<void> };
  getBranch(name: string): Promise<unknown>;
  createBranch(name: string, checkout: boolean): Promise<void>;
  checkout(treeish: string): Promise<void>;
}

export interface WorkGit {
  readonly repositories: readonly WorkRepository[];
  readonly onDidOpenRepository?: vscode.Event<WorkRepository>;
  getRepository(uri: vscode.Uri): WorkRepository | null;
  openRepository?(root: vscode.Uri): Promise<WorkRepository | null>;
}

export async function workGit(): Promise<WorkGit | undefined> {
  return (await gitApi()) as unknown as WorkGit | undefined;
}

/** The repository to work in: `root` when given, else the active editor's, else the first open one. */
export async function workRepository(git: WorkGit, root?: vscode.Uri): Promise<WorkRepository | undefined> {
  if (root) return git.getRepository(root) ?? (await git.openRepository?.(root).catch(() => null)) ?? undefined;
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active?.scheme === 'file' ? git.getRepository(active) : null;
  if (fromEditor) return fromEditor;
  if (git.repositories.length > 0) return git.repositories[0];
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? ((await git.openRepository?.(folder).catch(() => null)) ?? undefined) : undefined;
}
