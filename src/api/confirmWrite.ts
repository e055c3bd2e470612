// A field change confirmed by reading the ticket back (docs/BOLDDESK-API.md, "Field changes"). BoldDesk's answer
// alone is not enough: it may say "No changes found." for a value it silently ignores (an unassign with
// `agentId: null` is undocumented), so what the user is told is what BoldDesk holds after the write.
import type { BoldDeskApi } from './api';
import type { FieldChanges, TicketDetail } from './types';

export type FieldChangeOutcome =
  /** BoldDesk changed it and the re-read shows the new value. */
  | { kind: 'applied'; ticket: TicketDetail }
  /** BoldDesk found nothing to change and the re-read shows the ticket already holds the value. */
  | { kind: 'unchanged'; ticket: TicketDetail }
  /** The re-read shows the ticket does NOT hold the value: BoldDesk ignored the change (whatever it answered). */
  | { kind: 'ignored'; ticket: TicketDetail; answered: 'changed' | 'noChange' }
  /** BoldDesk accepted the write but the ticket could not be read back: nothing is known for sure. */
  | { kind: 'unconfirmed'; ticket?: undefined; answered: 'changed' | 'noChange'; error: unknown };

/** Sends the change (one PUT, never retried), then reads the ticket once. Errors of the PUT propagate unchanged. */
export async function confirmFieldChange(api: BoldDeskApi, ticketId: number, changes: FieldChanges): Promise<FieldChangeOutcome> {
  const answered = (await api.updateFields(ticketId, changes)) ? 'changed' : 'noChange';
  let ticket: TicketDetail;
  try {
    ticket = await api.getTicket(ticketId);
  } catch (error) {
    return { kind: 'unconfirmed', answered, error };
  }
  if (!holds(ticket, changes)) return { kind: 'ignored', ticket, answered };
  return answered === 'changed' ? { kind: 'applied', ticket } : { kind: 'unchanged', ticket };
}

/** Whether the ticket as read holds every requested value. */
export function holds(ticket: TicketDetail, changes: FieldChanges): boolean {
  if (changes.statusId !== undefined && ticket.status?.id !== changes.statusId) return false;
  if (changes.priorityId !== undefined && ticket.priority?.id !== changes.priorityId) return false;
  if (changes.agentId !== undefined) {
    // An unassigned ticket has `agent: null` (an id of 0 is read the same way).
    const agentId = ticket.agent && ticket.agent.id !== 0 ? ticket.agent.id : null;
    if (agentId !== changes.agentId) return false;
  }
  return true;
}
