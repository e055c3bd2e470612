// A ticket's conversation and its attachment list, read for BoldDeskClient (client.ts) from the two documented lists
// (docs/BOLDDESK-API.md, "Conversation"): public updates from `/tickets/{id}/updates`, notes from
// `/tickets/{id}/notes`, merged by time. No vscode import.
import { type ClientRequests, ticketPath } from './clientRequests';
import { NotFoundError } from './errors';
import type { ParseContext } from './parse';
import { readEnvelope } from './parse';
import { byCreatedThenId, parseMessage, parseTicketAttachment } from './parseTickets';
import type { TicketAttachment, TicketMessage } from './types';

/** Conversation pages fetched at most (100 messages each) before we stop and show what we have. */
export const MAX_MESSAGE_PAGES = 20;

/** Whether a ticket exists (a 404 says it does not). */
type TicketExists = (ticketId: number, signal?: AbortSignal) => Promise<boolean>;

/**
 * Whether an item is a note is known from the list it came from, never from an undocumented `messageTypeId`
 * number. An id in both lists is a note.
 */
export async function readConversation(req: ClientRequests, ticketId: number, exists: TicketExists, signal?: AbortSignal): Promise<TicketMessage[]> {
  const [updates, notes] = await Promise.all([
    conversationList(req, ticketPath(ticketId, '/updates'), ticketId, exists, signal),
    conversationList(req, ticketPath(ticketId, '/notes'), ticketId, exists, signal),
  ]);
  const byId = new Map<number, TicketMessage>();
  for (const m of updates) byId.set(m.id, { ...m, kind: 'reply' });
  for (const m of notes) byId.set(m.id, { ...m, kind: 'note' });
  return [...byId.values()].sort(byCreatedThenId);
}

/** Every file of the ticket with the message it is on (documented, S1; docs/BOLDDESK-API.md "Attachments: the ticket's list"). */
export function readTicketAttachments(req: ClientRequests, ticketId: number, signal?: AbortSignal): Promise<TicketAttachment[]> {
  const parse = (ctx: ParseContext, body: unknown) => readEnvelope(ctx, body).items.map((raw, i) => parseTicketAttachment(ctx, raw, `result[${i}]`));
  return req.readPages(ticketPath(ticketId, '/attachments'), [['RequiresCounts', 'true']], parse, (a) => a.id, MAX_MESSAGE_PAGES, signal);
}

async function conversationList(req: ClientRequests, path: string, ticketId: number, exists: TicketExists, signal?: AbortSignal): Promise<TicketMessage[]> {
  const parse = (ctx: ParseContext, body: unknown) =>
    readEnvelope(ctx, body).items.map((raw, i) => parseMessage(ctx, raw, `result[${i}]`, ticketId));
  try {
    return await req.readPages(path, [['RequiresCounts', 'true']], parse, (m) => m.id, MAX_MESSAGE_PAGES, signal);
  } catch (e) {
    // BoldDesk may answer 404 for an empty conversation (observed on /messages): empty when the ticket exists.
    if (e instanceof NotFoundError && (await exists(ticketId, signal))) return [];
    throw e;
  }
}
