// Which ticket a command acts on: the tree node it was invoked on, a ticket id passed by executeCommand,
// or — from the palette — a recent ticket or a number the user types.
import * as vscode from 'vscode';
import type { CoreDeps } from '../deps';
import { isTicketNumber, ticketIdFromArg } from './ticketArg';

/** Input box validation: undefined for `123` or `#123`, else what to type. */
export function validateTicketNumber(text: string): string | undefined {
  return isTicketNumber(text) ? undefined : vscode.l10n.t('Type a ticket number, e.g. 123.');
}

const TYPE_NUMBER = -1;

/** The ticket id from the argument, else asked from the user; undefined when they cancel. */
export async function resolveTicketId(deps: CoreDeps, arg: unknown, purpose: string): Promise<number | undefined> {
  const fromArg = ticketIdFromArg(arg);
  if (fromArg !== undefined) return fromArg;
  const recent = deps.tree.recentTickets().slice(0, 30);
  if (recent.length > 0) {
    const picked = await deps.prompts.pick(
      [
        { icon: 'edit', label: vscode.l10n.t('Enter a ticket number…'), value: TYPE_NUMBER, alwaysShow: true },
        ...recent.map((t) => ({
          label: `#${t.id} ${t.subject}`,
          description: [t.status?.name, t.requester?.name].filter(Boolean).join(' · '),
          value: t.id,
        })),
      ],
      { title: purpose, placeholder: vscode.l10n.t('Pick a recent ticket or enter its number'), matchOnDescription: true },
    );
    if (picked === undefined) return undefined;
    if (picked !== TYPE_NUMBER) return picked;
  }
  const typed = await deps.prompts.input({
    title: purpose,
    prompt: vscode.l10n.t('Ticket number'),
    placeholder: vscode.l10n.t('e.g. 123'),
    validate: validateTicketNumber,
  });
  return typed === undefined ? undefined : Number(typed.replace(/[#\s]/g, ''));
}
