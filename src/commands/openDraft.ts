// Shared by Add Reply and Add Private Note: find the ticket, open (or restore) its draft tab and say who
// BoldDesk will name as the author — before anything is sent.
import { draftsFor } from '../drafts/draftEditors';
import type { DraftKind } from '../drafts/draftStore';
import type { CommandDeps } from './deps';
import { resolveTicketId } from './pickTicket';

const SEND_KEY = process.platform === 'darwin' ? 'Cmd+Enter' : 'Ctrl+Enter';

/** Resolves with the draft's URI (as a string, for tests), or undefined when the user cancelled. */
export async function openDraft(deps: CommandDeps, arg: unknown, kind: DraftKind): Promise<string | undefined> {
  const noun = kind === 'reply' ? 'reply' : 'private note';
  const ticketId = await resolveTicketId(deps, arg, kind === 'reply' ? 'Reply to a ticket' : 'Add a private note');
  if (ticketId === undefined) return undefined;
  const drafts = draftsFor(deps);
  const restored = drafts.store.get({ ticketId, kind }) !== undefined;
  const editor = await drafts.open(ticketId, kind);
  const lead = restored
    ? `Your unsent ${noun} on #${ticketId} is back.`
    : `Write your ${noun} on #${ticketId}${kind === 'note' ? ' (agents only)' : ''}.`;
  void deps.prompts.info(`${lead} ${deps.session.attributionText()} Press ${SEND_KEY} to send.`);
  return editor.document.uri.toString();
}
