// "Load more…" at the end of a category with another page; clicking it runs bolddesk.loadMore(category).
import * as vscode from 'vscode';
import { Commands, ContextValues } from '../../constants';
import type { TicketList } from '../../model/ticketList';
import type { TreeNode } from './treeNode';

export class LoadMoreNode implements TreeNode {
  constructor(
    /** The CategoryNode this belongs to: what bolddesk.loadMore receives. */
    readonly category: { readonly list: TicketList },
  ) {}

  getTreeItem(): vscode.TreeItem {
    const list = this.category.list;
    const item = new vscode.TreeItem(list.loadingMore ? vscode.l10n.t('Loading…') : vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = `category:${list.id}/loadMore`;
    item.contextValue = ContextValues.loadMore;
    item.iconPath = new vscode.ThemeIcon(list.loadingMore ? 'loading~spin' : 'ellipsis');
    const shown = list.items.length;
    item.description = list.total !== undefined ? vscode.l10n.t('{0} of {1}', shown, list.total) : vscode.l10n.t('{0} shown', shown);
    item.command = { command: Commands.loadMore, title: vscode.l10n.t('Load More Tickets'), arguments: [this.category] };
    return item;
  }
}
