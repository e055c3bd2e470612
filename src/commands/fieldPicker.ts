// The shared shape of Change Status / Priority / Assignee: find the ticket, let the user choose (current
// value marked, attribution named in the picker), send ONE update_fields PUT with progress, then read the ticket
// back (confirmWrite.ts): the user is told what BoldDesk now holds. "Nothing changed" only when the re-read shows
// the value already there; a change BoldDesk ignored is said to be not done (docs/BOLDDESK-API.md, "Field changes").
import * as vscode from 'vscode';
import type { BoldDeskApi } from '../api/api';
import { confirmFieldChange } from '../api/confirmWrite';
import { ticketWebUrl } from '../api/ticketUrl';
import type { FieldChanges, NamedRef, TicketDetail, TicketSummary } from '../api/types';
import type { PickItem } from '../ui/prompts';
import type { CommandDeps } from './command';
import { resolveTicketId } from '../ui/ticketArg';
import { ticketFromArg } from '../ui/ticketArg';

export interface FieldChoice<V> {
  value: V;
  /** How the new value reads in messages, e.g. "Closed" or "unassigned". */
  label: string;
}

/**
 * The sentences about one field, written out whole for each field (translated with vscode.l10n.t when called),
 * so a translation never has a field name pasted into it.
 */
export interface FieldTexts {
  /** Palette title when the ticket is picked first, e.g. "Change Status". */
  purpose(): string;
  /** "Setting the status of #{0} to {1}…" */
  progress(ticketId: number, value: string): string;
  /** "The status of #{0} is already being changed." */
  busy(ticketId: number): string;
  /** "Nothing changed: the status of #{0} is already {1}." */
  unchanged(ticketId: number, value: string): string;
  /** "#{0}: status set to {1}." */
  done(ticketId: number, value: string): string;
  /** "BoldDesk did not change the status of #{0}: it is still {1}." ({1} = what the re-read shows) */
  ignored(ticketId: number, held: string): string;
}

export interface FieldSpec<V> {
  /** 'status', 'priority', 'assignee': a key for the in-flight guard and the log (not shown to users). */
  noun: string;
  texts: FieldTexts;
  /** Ask for the new value; `current` is the ticket as last seen, when known. */
  choose(
    deps: CommandDeps,
    api: BoldDeskApi,
    ticketId: number,
    current: Partial<TicketSummary> | undefined,
  ): Promise<FieldChoice<V> | undefined>;
  changes(value: V): FieldChanges;
  /** How the field reads on the ticket as BoldDesk holds it (after the re-read), e.g. "Closed" or "unassigned". */
  held(ticket: TicketDetail): string;
}

/** Resolves true when changed, false when BoldDesk found nothing to change, undefined when cancelled. */
export async function changeField<V>(deps: CommandDeps, arg: unknown, spec: FieldSpec<V>): Promise<boolean | undefined> {
  const ticketId = await resolveTicketId(deps, arg, spec.texts.purpose());
  if (ticketId === undefined) return undefined;
  const api = await deps.session.requireApi();
  const current = ticketFromArg(arg) ?? deps.tree.recentTickets().find((t) => t.id === ticketId);
  const choice = await spec.choose(deps, api, ticketId, current);
  if (!choice) return undefined;

  const outcome = await deps.writes.inFlight.run(`fields:${ticketId}:${spec.noun}`, () =>
    deps.prompts.withProgress(spec.texts.progress(ticketId, choice.label), () =>
      confirmFieldChange(api, ticketId, spec.changes(choice.value)),
    ),
  );
  if (!outcome.started) {
    void deps.prompts.info(spec.texts.busy(ticketId));
    return undefined;
  }
  const result = outcome.value;
  if (result.kind === 'unconfirmed') {
    deps.log.error(`#${ticketId} ${spec.noun}: sent, not confirmed`, result.error);
    deps.tree.ticketChanged(ticketId);
    void offerBrowser(deps, ticketId, vscode.l10n.t('BoldDesk accepted the change to #{0}, but it could not be confirmed. Check the ticket in BoldDesk.', ticketId));
    return undefined;
  }
  const held = spec.held(result.ticket);
  // One line per change: what BoldDesk answered does not count, what the re-read shows does.
  deps.log.info(`#${ticketId} ${spec.noun}: ${result.kind}, BoldDesk holds ${held}.`);
  if (result.kind !== 'unchanged' && (result.kind === 'applied' || result.answered === 'changed')) deps.tree.ticketChanged(ticketId);
  if (result.kind === 'ignored') {
    void offerBrowser(deps, ticketId, spec.texts.ignored(ticketId, held));
    return false;
  }
  void deps.prompts.info(result.kind === 'unchanged' ? spec.texts.unchanged(ticketId, held) : spec.texts.done(ticketId, held));
  return result.kind === 'applied';
}

/** A warning with "Open in Browser": the user can see and fix the ticket where BoldDesk shows it. */
async function offerBrowser(deps: CommandDeps, ticketId: number, message: string): Promise<void> {
  const open = vscode.l10n.t('Open in Browser');
  const answer = await deps.prompts.warning(message, open);
  const origin = deps.session.origin;
  if (answer === open && origin) await vscode.env.openExternal(vscode.Uri.parse(ticketWebUrl(origin, ticketId)));
}

/** Status and priority: a fixed list from the lookups with the current one marked. */
export function lookupFieldSpec<T extends NamedRef>(options: {
  noun: string;
  texts: FieldTexts & {
    /** "Loading statuses…" */
    loading(): string;
    /** "Change the status of #{0}" */
    pickTitle(ticketId: number): string;
    /** "New status. {0}" ({0} = who BoldDesk shows as the author) */
    placeholder(attribution: string): string;
  };
  load: (api: BoldDeskApi) => Promise<T[]>;
  currentId: (ticket: Partial<TicketSummary>) => number | undefined;
  changes: (id: number) => FieldChanges;
  /** The field's name on the ticket as read back. */
  held: (ticket: TicketDetail) => string | undefined;
  describe?: (item: T) => string | undefined;
}): FieldSpec<number> {
  return {
    noun: options.noun,
    texts: options.texts,
    changes: options.changes,
    held: (ticket) => options.held(ticket) ?? vscode.l10n.t('(none)'),
    async choose(deps, api, ticketId, known) {
      const [list, ticket] = await deps.prompts.withProgress(options.texts.loading(), () =>
        Promise.all([options.load(api), known ? Promise.resolve(known) : api.getTicket(ticketId).catch(() => undefined)]),
      );
      const currentId = ticket ? options.currentId(ticket) : undefined;
      const items: PickItem<number>[] = list.map((x) => ({
        icon: x.id === currentId ? 'check' : undefined,
        label: x.name,
        description: [options.describe?.(x), x.id === currentId ? vscode.l10n.t('current') : undefined].filter(Boolean).join(' · '),
        picked: x.id === currentId,
        value: x.id,
      }));
      const id = await deps.prompts.pick(items, {
        title: options.texts.pickTitle(ticketId),
        placeholder: options.texts.placeholder(deps.session.attributionText()),
        matchOnDescription: true,
      });
      if (id === undefined) return undefined;
      return { value: id, label: list.find((x) => x.id === id)?.name ?? String(id) };
    },
  };
}
