// BoldDesk: Open Ticket — from a tree node, an id (executeCommand), or the palette (open/recent ticket or a number).
// A click on a tree row passes `{ preview: true }`: that panel is a preview (see TicketPanelManager.open).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import { resolveTicketId } from '../ui/ticketArg';

export const openTicketCommand: BoldDeskCommand = {
  id: Commands.openTicket,
  run: async (deps, arg, options) => {
    const ticketId = await resolveTicketId(deps, arg, vscode.l10n.t('Open Ticket'), { inFront: false });
    if (ticketId === undefined) return undefined;
    await deps.session.requireApi(); // config problems throw before a panel opens
    deps.panels.open(ticketId, { preview: (options as { preview?: unknown } | undefined)?.preview === true });
    return ticketId;
  },
};
