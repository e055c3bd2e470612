// BoldDesk: Copy Reference — `BD-1234 Subject` to the clipboard (from a ticket node, or the palette's ticket
// picker), ready to paste into a commit message or a code comment, where it becomes a link.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { referenceText } from '../references/referencePattern';
import type { BoldDeskCommand } from './command';
import { resolveTicketId } from '../ui/ticketArg';
import { ticketFromArg } from '../ui/ticketArg';

export const copyReferenceCommand: BoldDeskCommand = {
  id: Commands.copyReference,
  /** Resolves with the copied text. */
  async run(deps, arg) {
    const ticketId = await resolveTicketId(deps, arg, vscode.l10n.t('Copy the reference of a ticket'));
    if (ticketId === undefined) return undefined;
    let subject = ticketFromArg(arg)?.subject ?? deps.tree.recentTickets().find((t) => t.id === ticketId)?.subject;
    if (subject === undefined) {
      // A typed number: one lookup for the subject.
      const api = await deps.session.requireApi();
      subject = (await deps.prompts.withProgress(vscode.l10n.t('Loading ticket #{0}…', ticketId), () => api.getTicket(ticketId))).subject;
    }
    const text = referenceText(ticketId, subject);
    await vscode.env.clipboard.writeText(text);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', text), 3000);
    return text;
  },
};
