// One ticket in a category: "#id subject", "status · priority · requester", an icon by status, and a
// tooltip built only when hovered (resolveTreeItem). Ticket text is untrusted: the tooltip escapes it.
import * as vscode from 'vscode';
import type { TicketSummary } from '../../api/types';
import { Commands, ContextValues } from '../../constants';
import type { TreeNode } from './treeNode';

interface StatusLook {
  icon: string;
  color: string;
}

/** Status ids and names are per tenant, so the look goes by common words in the name. */
export function statusLook(statusName: string | undefined): StatusLook {
  const name = (statusName ?? '').toLowerCase();
  if (/closed|cancel/.test(name)) return { icon: 'issue-closed', color: 'disabledForeground' };
  if (/resolved|solved|done|complete/.test(name)) return { icon: 'pass', color: 'charts.green' };
  if (/wait|pending|hold|paused/.test(name)) return { icon: 'clock', color: 'charts.yellow' };
  if (/progress|working|assigned/.test(name)) return { icon: 'issue-opened', color: 'charts.blue' };
  if (/open|new/.test(name)) return { icon: 'issue-opened', color: 'charts.green' };
  return { icon: 'circle-outline', color: 'foreground' };
}

export function ticketDescription(t: TicketSummary): string {
  return [t.status?.name, t.priority?.name, t.requester?.name].filter(Boolean).join(' · ');
}

export class TicketNode implements TreeNode {
  constructor(
    /** Commands read the ticket from here (see pickTicket.ticketIdFromArg). */
    readonly ticket: TicketSummary,
    /** The category it is listed under: the same ticket can appear in several. */
    readonly categoryId: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const t = this.ticket;
    const item = new vscode.TreeItem(`#${t.id} ${t.subject}`, vscode.TreeItemCollapsibleState.None);
    item.id = `category:${this.categoryId}/ticket:${t.id}`;
    item.description = ticketDescription(t);
    const look = statusLook(t.status?.name);
    item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
    item.contextValue = ContextValues.ticket;
    item.command = { command: Commands.openTicket, title: 'Open Ticket', arguments: [this] };
    item.accessibilityInformation = { label: `Ticket ${t.id}: ${t.subject}. ${item.description}` };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem): vscode.TreeItem {
    item.tooltip = this.tooltip();
    return item;
  }

  tooltip(): vscode.MarkdownString {
    const t = this.ticket;
    const md = new vscode.MarkdownString('', false);
    md.isTrusted = false;
    md.supportHtml = false;
    md.appendMarkdown(`**#${t.id}** `).appendText(t.subject).appendMarkdown('\n\n');
    const rows: [string, string | undefined][] = [
      ['Status', t.status?.name],
      ['Priority', t.priority?.name],
      ['Requester', t.requester ? `${t.requester.name}${t.requester.email ? ` <${t.requester.email}>` : ''}` : undefined],
      ['Assignee', t.agent?.name ?? 'Unassigned'],
      ['Category', t.category?.name],
      ['Brand', t.brand],
      ['Created', formatDate(t.createdOn)],
      ['Updated', formatDate(t.lastUpdatedOn)],
    ];
    for (const [label, value] of rows) {
      if (value) md.appendMarkdown(`${label}: `).appendText(value).appendMarkdown('  \n');
    }
    return md;
  }
}

export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}
