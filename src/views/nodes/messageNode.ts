// A one-line message in the tree instead of a pop-up: empty states and errors, optionally clickable.
import * as vscode from 'vscode';
import { ContextValues } from '../../constants';
import type { TreeNode } from './treeNode';

export interface MessageOptions {
  icon?: string;
  iconColor?: string;
  /** Clicking the node runs this. */
  command?: vscode.Command;
  tooltip?: string;
  /** Stable id (so VS Code does not confuse it with a sibling). */
  id?: string;
}

export class MessageNode implements TreeNode {
  constructor(
    readonly label: string,
    readonly options: MessageOptions = {},
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.contextValue = ContextValues.message;
    if (this.options.id) item.id = this.options.id;
    if (this.options.icon) {
      const color = this.options.iconColor ? new vscode.ThemeColor(this.options.iconColor) : undefined;
      item.iconPath = new vscode.ThemeIcon(this.options.icon, color);
    }
    if (this.options.command) item.command = this.options.command;
    item.tooltip = this.options.tooltip ?? this.label;
    return item;
  }
}
