// Which ticket a command acts on: the tree node it was invoked on, a ticket id passed by executeCommand,
// or — from the palette — a recent ticket or a number the user types.
import type { TicketSummary } from '../api/types';
import type { CommandDeps } from './deps';

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

/** Accepts `123` or `#123`; returns a message for anything else (input box validation). */
export function validateTicketNumber(text: string): string | undefined {
  return /^\s*#?\d{1,15}\s*$/.test(text) && Number(text.replace(/[#\s]/g, '')) > 0
    ? undefined
    : 'Type a ticket number, e.g. 123.';
}

const TYPE_NUMBER = -1;

/** The ticket id from the argument, else asked from the user; undefined when they cancel. */
export async function resolveTicketId(deps: CommandDeps, arg: unknown, purpose: string): Promise<number | undefined> {
  const fromArg = ticketIdFromArg(arg);
  if (fromArg !== undefined) return fromArg;
  const recent = deps.tree.recentTickets().slice(0, 30);
  if (recent.length > 0) {
    const picked = await deps.prompts.pick(
      [
        { label: '$(edit) Enter a ticket number…', value: TYPE_NUMBER, alwaysShow: true },
        ...recent.map((t) => ({
          label: `#${t.id} ${t.subject}`,
          description: [t.status?.name, t.requester?.name].filter(Boolean).join(' · '),
          value: t.id,
        })),
      ],
      { title: purpose, placeholder: 'Pick a recent ticket or enter its number', matchOnDescription: true },
    );
    if (picked === undefined) return undefined;
    if (picked !== TYPE_NUMBER) return picked;
  }
  const typed = await deps.prompts.input({
    title: purpose,
    prompt: 'Ticket number',
    placeholder: 'e.g. 123',
    validate: validateTicketNumber,
  });
  return typed === undefined ? undefined : Number(typed.replace(/[#\s]/g, ''));
}
