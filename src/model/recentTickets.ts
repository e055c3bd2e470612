// Tickets the user opened recently, for the palette's pickers (newest first, at most RECENT_LIMIT), ahead of the
// tickets the tree lists. Kept by TicketListModel (ticketListModel.ts). No vscode import.
import type { TicketSummary } from '../api/types';

export const RECENT_LIMIT = 50;

export class RecentTickets {
  private readonly recent = new Map<number, TicketSummary>();

  /** Tickets opened recently, newest first, then the `listed` ones not among them (at most RECENT_LIMIT). */
  list(listed: TicketSummary[]): TicketSummary[] {
    const seen = [...this.recent.values()].reverse();
    const rest = listed.filter((t) => !this.recent.has(t.id));
    const unique = new Map<number, TicketSummary>();
    for (const t of [...seen, ...rest]) if (!unique.has(t.id)) unique.set(t.id, t);
    return [...unique.values()].slice(0, RECENT_LIMIT);
  }

  /** Remembers an opened ticket (moving it to the front). */
  note(ticket: TicketSummary): void {
    this.recent.delete(ticket.id);
    this.recent.set(ticket.id, ticket);
    while (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value as number);
  }

  get(ticketId: number): TicketSummary | undefined {
    return this.recent.get(ticketId);
  }

  /** The ticket changed: its remembered summary is stale. */
  forget(ticketId: number): void {
    this.recent.delete(ticketId);
  }

  clear(): void {
    this.recent.clear();
  }
}
