// Which tickets are in front of the user: the active ticket panel or reply/note draft tab (what a ticket command
// run from the palette acts on) and every open one (listed first by the ticket picker).
import * as vscode from 'vscode';
import type { CoreDeps, TicketsInFront } from '../deps';
import type { DraftEditors } from '../drafts/draftEditors';
import { extras } from '../lazy/load';
import type { TicketPanelManager } from './ticketPanel/ticketPanelManager';

export function ticketsInFront(deps: CoreDeps, panels: TicketPanelManager, drafts: DraftEditors): TicketsInFront {
  const draftTicket = (tab: vscode.Tab | undefined): number | undefined =>
    tab?.input instanceof vscode.TabInputText ? drafts.refFor(tab.input.uri)?.ticketId : undefined;
  const active = (): number | undefined =>
    // The panel that became the active editor last (also while the palette or a view has the focus), else the
    // active tab's draft. Not any panel whose `active` flag is set: the one left behind can still read active.
    panels.activeTicketId ?? draftTicket(vscode.window.tabGroups.activeTabGroup.activeTab);
  const open = (): number[] => {
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map(draftTicket);
    return [...new Set([active(), ...panels.openTicketIds, ...tabs].filter((id): id is number => id !== undefined))];
  };
  return { active, open, pick: (purpose) => extras().askTicketId(deps, open(), purpose) };
}
