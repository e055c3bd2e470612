// One ticket in a category: "#id subject", "status · priority · requester", an icon (ticketLook.ts), and a
// tooltip built only when hovered (resolveTreeItem). Ticket text is untrusted: the tooltip escapes it.
import * as vscode from 'vscode';
import type { TicketSummary } from '../../api/types';
import { Commands, ContextValues } from '../../constants';
import type { TreeNode } from './treeNode';
import { formatDate } from '../../text/formatDate';
import { ticketLook } from './ticketLook';

export function ticketDescription(t: TicketSummary): string {
  return [t.status?.name, t.priority?.name, t.requester?.name].filter(Boolean).join(' · ');
}

/**
 * What a screen reader says for a ticket row: "Ticket 1060, Duplicate e-mails, Open, High priority, assigned to Ana
 * Agent, from Jane" — words, not the "#" and "·" the row shows. Each part is a whole translatable phrase.
 */
export function ticketAccessibleLabel(t: TicketSummary): string {
  return [
    vscode.l10n.t('Ticket {0}', t.id),
    t.subject,
    t.status?.name,
    t.priority ? vscode.l10n.t('{0} priority', t.priority.name) : undefined,
    t.agent ? vscode.l10n.t('assigned to {0}', t.agent.name) : vscode.l10n.t('unassigned'),
    t.requester ? vscode.l10n.t('from {0}', t.requester.name) : undefined,
  ].filter(Boolean).join(vscode.l10n.t(', '));
}

export class TicketNode implements TreeNode {
  constructor(
    /** Commands read the ticket from here (see ticketArg.ticketIdFromArg). */
    readonly ticket: TicketSummary,
    /** The category it is listed under: the same ticket can appear in several. */
    readonly categoryId: string,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const t = this.ticket;
    const item = new vscode.TreeItem(`#${t.id} ${t.subject}`, vscode.TreeItemCollapsibleState.None);
    item.id = `category:${this.categoryId}/ticket:${t.id}`;
    item.description = ticketDescription(t);
    const look = ticketLook(t);
    item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
    item.contextValue = ContextValues.ticket;
    // A click opens a preview panel (the next click replaces it), as a click in the Explorer does.
    item.command = { command: Commands.openTicket, title: vscode.l10n.t('Open Ticket'), arguments: [this, { preview: true }] };
    item.accessibilityInformation = { label: ticketAccessibleLabel(t), role: 'treeitem' };
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
      [vscode.l10n.t('Status'), t.status?.name],
      [vscode.l10n.t('Priority'), t.priority?.name],
      [vscode.l10n.t('Requester'), t.requester ? `${t.requester.name}${t.requester.email ? ` <${t.requester.email}>` : ''}` : undefined],
      [vscode.l10n.t('Assignee'), t.agent?.name ?? vscode.l10n.t('Unassigned')],
      [vscode.l10n.t('Category'), t.category?.name],
      [vscode.l10n.t('Brand'), t.brand],
      [vscode.l10n.t('Created'), formatDate(t.createdOn)],
      [vscode.l10n.t('Updated'), formatDate(t.lastUpdatedOn)],
    ];
    for (const [label, value] of rows) {
      if (value) md.appendMarkdown(vscode.l10n.t('{0}: ', label)).appendText(value).appendMarkdown('  \n');
    }
    return md;
  }
}
