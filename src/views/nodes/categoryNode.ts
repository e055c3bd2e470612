// A category ("My open tickets", "Unassigned", "All open", a BoldDesk view): its tickets, then a
// "Load more…" node while pages remain, or a message for empty and failed states.
import * as vscode from 'vscode';
import { ContextValues } from '../../constants';
import type { TicketList } from '../../model/ticketList';
import { errorNode } from '../errorNodes';
import { updatedAgo } from '../updatedAgo';
import { filterNotice } from '../filterNotice';
import { LoadMoreNode } from './loadMoreNode';
import { MessageNode } from './messageNode';
import { TicketNode } from './ticketNode';
import type { TreeNode } from './treeNode';

export interface CategoryContext {
  host(): string;
  filterActive(): boolean;
  /** BoldDesk could not be reached: cached rows are shown read-only. */
  offline(): boolean;
}

const ICONS: Record<string, string> = { mine: 'account', unassigned: 'person-add', open: 'issues' };

export class CategoryNode implements TreeNode {
  /** The rows last given out: the same ticket (same summary) keeps its node, so treeView.reveal() can find it. */
  private rows = new Map<number, TicketNode>();

  constructor(
    readonly list: TicketList,
    private readonly context: CategoryContext,
    private readonly expanded: boolean,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const list = this.list;
    const state = this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(list.label, state);
    item.id = `category:${list.id}`;
    item.contextValue = ContextValues.category;
    item.iconPath = new vscode.ThemeIcon(ICONS[list.id] ?? 'list-filter');
    if (list.total !== undefined) item.description = String(list.total);
    else if (list.loaded && !list.hasMore) item.description = String(list.items.length);
    // The tenant's saved views are set apart from the built-in lists ("Unassigned" vs a view "Unassigned tickets").
    if (list.id.startsWith('view:')) {
      const view = vscode.l10n.t('BoldDesk view');
      item.description = item.description === undefined ? view : `${item.description} · ${view}`;
      item.tooltip = vscode.l10n.t('A view saved in BoldDesk: its conditions are applied by BoldDesk.');
    }
    // Warm start: say these rows are from the cache (and how old) until BoldDesk's answer replaces them.
    const cached = list.cachedAt === undefined ? undefined : this.context.offline()
      ? vscode.l10n.t('offline, updated {0}', updatedAgo(list.cachedAt)) : vscode.l10n.t('cached, updated {0}', updatedAgo(list.cachedAt));
    if (cached) {
      item.description = item.description === undefined ? cached : `${item.description} · ${cached}`;
      item.tooltip = item.tooltip === undefined ? cached : `${String(item.tooltip)}\n${cached}`;
    }
    // "All open, 67 tickets" rather than a bare number after the name.
    const count = list.total ?? (list.loaded && !list.hasMore ? list.items.length : undefined);
    if (count !== undefined) {
      const label = count === 1 ? vscode.l10n.t('{0}, 1 ticket', list.label) : vscode.l10n.t('{0}, {1} tickets', list.label, count);
      item.accessibilityInformation = { label: cached ? `${label}, ${cached}` : label, role: 'treeitem' };
    }
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    const list = this.list;
    await list.ensureLoaded();
    const rows = new Map<number, TicketNode>();
    const children: TreeNode[] = list.items.map((t) => {
      const row = this.rows.get(t.id)?.ticket === t ? (this.rows.get(t.id) as TicketNode) : new TicketNode(t, list.id);
      rows.set(t.id, row);
      return row;
    });
    this.rows = rows;
    // Said once, above the tickets: BoldDesk did not apply (or cannot apply) part of this list's filter.
    const notice = filterNotice(list);
    if (notice) children.unshift(notice);
    const shape = this.shape();
    if (shape.error) {
      children.push(errorNode(list.error, this.context.host()));
    } else if (shape.empty) {
      const text = this.context.filterActive() ? vscode.l10n.t('No tickets match the filter') : vscode.l10n.t('No tickets');
      children.push(new MessageNode(text, { icon: 'info', id: `category:${list.id}/empty` }));
    }
    if (shape.loadMore) children.push(new LoadMoreNode(this));
    return children;
  }

  /**
   * Everything this node and its rows show, as one string: the tree is told about a change of the list only when
   * this differs from what it was last given (VS Code holds back a change for 200 ms after any other one).
   */
  renderKey(): string {
    const l = this.list;
    const error = this.shape().error ? String(l.error instanceof Error ? l.error.message : l.error) : null;
    return JSON.stringify([l.label, l.total, l.hasMore, l.cachedAt, l.unapplied, l.local, error, this.shape(),
      this.context.offline(), this.context.filterActive(), this.context.host(), l.items]);
  }

  /** Which rows follow the tickets. A background reload (the list still on screen) changes none of them. */
  private shape(): { error: boolean; empty: boolean; loadMore: boolean } {
    const l = this.list;
    // A list filtered in VS Code may have checked pages without a match yet: it can still load more.
    const filtered = l.unapplied !== undefined || l.local !== undefined;
    return {
      error: l.error !== undefined && !l.loading,
      empty: l.error === undefined && l.loaded && l.items.length === 0 && !l.loadingMore && !l.hasMore,
      loadMore: l.loaded && (l.items.length > 0 || filtered) && (l.hasMore || l.loadingMore),
    };
  }
}
