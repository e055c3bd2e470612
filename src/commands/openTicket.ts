// BoldDesk: Open Ticket — from a tree node, an id (executeCommand), or the palette (open/recent ticket or a number).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import { resolveTicketId } from '../ui/ticketArg';

export const openTicketCommand: BoldDeskCommand = {
  id: Commands.openTicket,
  run: async (deps, arg) => {
    const ticketId = await resolveTicketId(deps, arg, vscode.l10n.t('Open Ticket'), { inFront: false });
    if (ticketId === undefined) return undefined;
    await deps.session.requireApi(); // config problems throw before a panel opens
    deps.panels.open(ticketId);
    return ticketId;
  },
};
