// What every node of the tickets tree provides (one class per node kind in this folder).
import type * as vscode from 'vscode';

export interface TreeNode {
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]>;
  /** Lazily filled parts (tooltips) — see TreeDataProvider.resolveTreeItem. */
  resolveTreeItem?(item: vscode.TreeItem): vscode.TreeItem;
}
