// The one line a ticket list shows when BoldDesk did not apply part of what the list asked for, or when the
// extension filters a condition itself because BoldDesk documents no filter for it (docs/BOLDDESK-API.md).
// Tickets that do not match are never shown; this line says why the list may be shorter or slower to fill.
import * as vscode from 'vscode';
import type { FilterCondition } from '../api/types';
import { Commands } from '../constants';
import type { TicketList } from '../model/ticketList';
import { MessageNode } from './nodes/messageNode';

function conditionName(c: FilterCondition): string {
  switch (c) {
    case 'status': return vscode.l10n.t('status');
    case 'agent': return vscode.l10n.t('assignee');
    case 'unassigned': return vscode.l10n.t('unassigned');
    case 'priority': return vscode.l10n.t('priority');
    case 'text': return vscode.l10n.t('text');
  }
}

/** undefined when BoldDesk applied everything the list asked for. */
export function filterNotice(list: TicketList): MessageNode | undefined {
  const unapplied = list.unapplied ?? [];
  const local = (list.local ?? []).filter((c) => !unapplied.includes(c));
  if (unapplied.length === 0 && local.length === 0) return undefined;
  const check: vscode.Command = { command: Commands.checkConnection, title: vscode.l10n.t('Check Connection') };
  const names = (cs: FilterCondition[]) => cs.map(conditionName).join(', ');
  const label = unapplied.length > 0
    ? vscode.l10n.t('BoldDesk did not apply the {0} filter: only matching tickets are shown', names(unapplied))
    : vscode.l10n.t('Filtered in VS Code ({0}): BoldDesk documents no such filter', names(local));
  return new MessageNode(label, { icon: 'filter', iconColor: 'editorWarning.foreground', command: check, id: `category:${list.id}/notice` });
}
