// A ticket's parts in parallel (one round trip): the ticket, its conversation, its attachment list and the lookups
// the panel's fields need. The panel uses it to open a ticket, the tree to prefetch a selected one (issue 14).
// Only the ticket and its conversation are required; without the others the ticket still shows. No vscode.
import type { BoldDeskApi } from '../../api/api';
import type { Priority, Status, TicketAttachment } from '../../api/types';
import type { TicketDetailData } from '../../model/ticketDetailCache';
import { mergeTicketAttachments } from './mergeAttachments';

interface Log {
  error(message: string, error?: unknown): void;
}

export async function fetchTicketDetail(api: BoldDeskApi, ticketId: number, log: Log): Promise<TicketDetailData> {
  const [ticket, own, listed, lookups] = await Promise.all([
    api.getTicket(ticketId),
    api.getMessages(ticketId),
    listedAttachments(api, ticketId, log),
    loadLookups(api, ticketId, log),
  ]);
  return { ticket, messages: mergeTicketAttachments(own, listed), ...lookups };
}

/** The ticket's attachment list (besides each message's own); without it the messages' lists still show. */
async function listedAttachments(api: BoldDeskApi, ticketId: number, log: Log): Promise<TicketAttachment[] | undefined> {
  try {
    return await api.getTicketAttachments?.(ticketId);
  } catch (error) {
    log.error(`Ticket #${ticketId}: the ticket's attachment list failed; showing each message's own`, error);
    return undefined;
  }
}

/** Without lookups the ticket still shows; the fields are just not editable. */
async function loadLookups(api: BoldDeskApi, ticketId: number, log: Log): Promise<{ statuses: Status[]; priorities: Priority[] }> {
  try {
    const [statuses, priorities] = await Promise.all([api.getStatuses(), api.getPriorities()]);
    return { statuses, priorities };
  } catch (error) {
    log.error(`Ticket #${ticketId}: lookups failed`, error);
    return { statuses: [], priorities: [] };
  }
}
