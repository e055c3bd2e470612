// BoldDesk: Open Ticket — from a tree node, an id (executeCommand), or the palette (recent ticket or number).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import { resolveTicketId } from '../ui/pickTicket';

export const openTicketCommand: BoldDeskCommand = {
  id: Commands.openTicket,
  run: async (deps, arg) => {
    const ticketId = await resolveTicketId(deps, arg, vscode.l10n.t('Open Ticket'));
    if (ticketId === undefined) return undefined;
    await deps.session.requireApi(); // config problems throw before a panel opens
    deps.panels.open(ticketId);
    return ticketId;
  },
};
