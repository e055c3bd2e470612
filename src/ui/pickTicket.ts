// The palette's ticket picker (deps.front.pick; resolveTicketId in ticketArg.ts decides when to ask): tickets open in
// a panel or draft tab first, then recently opened and listed ones; typing a number (123 or #123) offers that ticket,
// fetched when it is not listed (a wrong number asks again with what was typed). No vscode import: it ships in
// dist/extras.js, loaded when a picker is first needed (views/ticketsInFront.ts).
import * as l10n from '@vscode/l10n';
import type { TicketSummary } from '../api/types';
import type { CoreDeps } from '../deps';
import type { PickItem } from './prompts';
import { isTicketNumber } from './ticketArg';

const LISTED = 30;

/** Input box validation: undefined for `123` or `#123`, else what to type. */
export function validateTicketNumber(text: string): string | undefined {
  return isTicketNumber(text) ? undefined : l10n.t('Type a ticket number, e.g. 123.');
}


function numberOf(text: string): number {
  return Number(text.replace(/[#\s]/g, ''));
}

function item(t: TicketSummary | undefined, id: number, open: boolean): PickItem<number> {
  const parts = [open ? l10n.t('open') : undefined, t?.status?.name, t?.requester?.name];
  return { icon: open ? 'window' : undefined, label: t ? `#${id} ${t.subject}` : `#${id}`, description: parts.filter(Boolean).join(' · '), value: id };
}

/** Whether BoldDesk has the ticket (remembered as recent when it does); false = no such ticket. */
async function exists(deps: CoreDeps, ticketId: number): Promise<boolean> {
  const api = await deps.session.requireApi();
  try {
    const ticket = await deps.prompts.withProgress(l10n.t('Loading ticket #{0}…', ticketId), () => api.getTicket(ticketId));
    deps.tree.noteOpened(ticket);
    return true;
  } catch (error) {
    // Compared by kind: this bundle has its own copy of the error classes (lazy/load.ts).
    if ((error as { kind?: unknown }).kind === 'notFound') return false;
    throw error;
  }
}

/** `open`: the tickets with a panel or draft tab (listed first). */
export async function askTicketId(deps: CoreDeps, open: number[], purpose: string): Promise<number | undefined> {
  const recent = deps.tree.recentTickets();
  const known = new Map(recent.map((t) => [t.id, t]));
  const items = [
    ...open.map((id) => item(known.get(id), id, true)),
    ...recent.filter((t) => !open.includes(t.id)).slice(0, LISTED).map((t) => item(t, t.id, false)),
  ];
  const listed = new Set(items.map((i) => i.value));
  const missing = (id: number) => l10n.t('{0}: there is no ticket #{1}', purpose, id);
  if (items.length === 0) {
    const typed = await deps.prompts.input({
      title: purpose,
      prompt: l10n.t('Ticket number'),
      placeholder: l10n.t('e.g. 123'),
      validate: validateTicketNumber,
      accept: async (text) => ((await exists(deps, numberOf(text))) ? undefined : missing(numberOf(text))),
    });
    return typed === undefined ? undefined : numberOf(typed);
  }
  let title = purpose;
  let value: string | undefined;
  for (;;) {
    const picked = await deps.prompts.pick(items, {
      title,
      value,
      placeholder: l10n.t('Pick an open or recent ticket, or type its number'),
      matchOnDescription: true,
      typed: (text) => {
        if (!isTicketNumber(text)) return undefined;
        const id = numberOf(text);
        return listed.has(id) ? item(known.get(id), id, open.includes(id)) : { icon: 'arrow-right', label: `#${id}`, description: l10n.t('ticket number'), value: id };
      },
    });
    if (picked === undefined || listed.has(picked) || (await exists(deps, picked))) return picked;
    title = missing(picked); // asked again, the number still typed
    value = String(picked);
  }
}
