// Which ticket a command argument names: a tree node, a ticket, an id or "#123". No vscode import, so the
// parsing is unit-tested in plain Node; asking the user (ui/pickTicket.ts, through deps.front) is the vscode side.
import type { TicketSummary } from '../api/types';
import type { CoreDeps } from '../deps';

/** What menus and callers pass: a TicketNode (`{ ticket: { id } }`), a ticket, an id, or nothing. */
export function ticketIdFromArg(arg: unknown): number | undefined {
  if (typeof arg === 'number') return isTicketId(arg) ? arg : undefined;
  if (typeof arg === 'string' && /^\s*#?\d+\s*$/.test(arg)) return ticketIdFromArg(Number(arg.replace(/[#\s]/g, '')));
  if (typeof arg !== 'object' || arg === null) return undefined;
  const node = arg as { ticket?: unknown; id?: unknown; ticketId?: unknown };
  if (node.ticket !== undefined) return ticketIdFromArg(node.ticket);
  return ticketIdFromArg(node.ticketId ?? node.id);
}

/** The ticket summary the argument carries (for showing current values), when it has one. */
export function ticketFromArg(arg: unknown): Partial<TicketSummary> | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const ticket = (arg as { ticket?: unknown }).ticket;
  return typeof ticket === 'object' && ticket !== null ? (ticket as Partial<TicketSummary>) : undefined;
}

function isTicketId(n: number): boolean {
  return Number.isSafeInteger(n) && n > 0;
}

/** Accepts `123` or `#123` (what the ticket-number input box allows). */
export function isTicketNumber(text: string): boolean {
  return /^\s*#?\d{1,15}\s*$/.test(text) && Number(text.replace(/[#\s]/g, '')) > 0;
}

export interface ResolveOptions {
  /** Act on the ticket in front of the user without asking (default). Open Ticket asks: that one is open already. */
  inFront?: boolean;
}

/**
 * The ticket a command acts on: the argument's, else the active panel's or draft tab's, else the one the user picks
 * (deps.front.pick: ui/pickTicket.ts); undefined when they cancel.
 */
export async function resolveTicketId(deps: Pick<CoreDeps, 'front'>, arg: unknown, purpose: string, options: ResolveOptions = {}): Promise<number | undefined> {
  const given = ticketIdFromArg(arg) ?? (options.inFront === false ? undefined : deps.front?.active());
  return given ?? deps.front?.pick(purpose);
}
