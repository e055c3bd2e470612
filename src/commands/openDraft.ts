// Shared by Add Reply and Add Private Note: find the ticket, open (or restore) its draft tab and say who
// BoldDesk will name as the author — before anything is sent.
import * as vscode from 'vscode';
import type { DraftKind } from '../drafts/draftStore';
import type { CommandDeps } from './command';
import { resolveTicketId } from '../ui/ticketArg';

const SEND_KEY = process.platform === 'darwin' ? 'Cmd+Enter' : 'Ctrl+Enter';

/** Resolves with the draft's URI (as a string, for tests), or undefined when the user cancelled. */
export async function openDraft(deps: CommandDeps, arg: unknown, kind: DraftKind): Promise<string | undefined> {
  const noun = kind === 'reply' ? vscode.l10n.t('reply') : vscode.l10n.t('private note');
  const ticketId = await resolveTicketId(deps, arg, kind === 'reply' ? vscode.l10n.t('Reply to a ticket') : vscode.l10n.t('Add a private note'));
  if (ticketId === undefined) return undefined;
  const drafts = deps.drafts;
  const restored = drafts.store.get({ ticketId, kind }) !== undefined;
  const editor = await drafts.open(ticketId, kind);
  const lead = restored
    ? vscode.l10n.t('Your unsent {0} on #{1} is back.', noun, ticketId)
    : kind === 'note'
      ? vscode.l10n.t('Write your private note on #{0} (agents only).', ticketId)
      : vscode.l10n.t('Write your reply on #{0}.', ticketId);
  // Not a notification (nothing needs attention): the status bar says it, and who BoldDesk will name.
  deps.prompts.status(vscode.l10n.t('{0} {1} Press {2} to send.', lead, deps.session.attributionText(), SEND_KEY));
  return editor.document.uri.toString();
}
