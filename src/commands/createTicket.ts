// BoldDesk: Create Ticket. Asks through createTicketFlow (which ends with a confirm step naming whose name
// BoldDesk will show), then sends ONE POST with progress, never retried. While one create runs (questions
// or request), another invocation is refused, so a double click cannot create two tickets. What the user
// typed survives a failure or a cancel (in memory, per activation) and is offered back next time.
import * as vscode from 'vscode';
import { describeError } from '../api/describeError';
import { isBoldDeskError } from '../api/errors';
import type { BoldDeskApi } from '../api/api';
import type { Category } from '../api/types';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import {
  emptyAnswers,
  runCreateTicketFlow,
  type CreateTicketAnswers,
  type CreateTicketLookups,
} from './createTicketFlow';
import type { CommandDeps } from './deps';
import { writeState } from './writeState';

const TRY_AGAIN = 'Try Again';
const REFRESH = 'Refresh';
const OPEN = 'Open';

/** Passed by "Try Again": reopen the flow with the last answers, without asking. */
const PREFILL_LAST = { prefill: 'last' } as const;

function wantsPrefill(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && (arg as { prefill?: unknown }).prefill === 'last';
}

export const createTicketCommand: BoldDeskCommand = {
  id: Commands.createTicket,
  /** Resolves with the new ticket id, or undefined when nothing was created. */
  async run(deps, arg) {
    const outcome = await writeState(deps).inFlight.run('createTicket', () => createTicket(deps, wantsPrefill(arg)));
    if (!outcome.started) {
      void deps.prompts.info('A ticket is already being created. Finish or cancel that one first.');
      return undefined;
    }
    return outcome.value;
  },
};

function hasContent(a: CreateTicketAnswers): boolean {
  return a.subject.trim() !== '' || a.description.trim() !== '';
}

async function initialAnswers(deps: CommandDeps, prefill: boolean): Promise<CreateTicketAnswers | undefined> {
  const last = writeState(deps).lastCreate;
  if (!last) return emptyAnswers();
  if (prefill) return last;
  const choice = await deps.prompts.pick(
    [
      { label: '$(history) Continue the ticket you started', description: last.subject, value: 'restore' as const },
      { label: '$(add) Start a new ticket', value: 'new' as const },
    ],
    { title: 'Create BoldDesk ticket', placeholder: 'Your last ticket was not created. Continue it?' },
  );
  if (choice === undefined) return undefined;
  if (choice === 'new') writeState(deps).lastCreate = undefined;
  return choice === 'restore' ? last : emptyAnswers();
}

async function loadLookups(deps: CommandDeps, api: BoldDeskApi): Promise<CreateTicketLookups> {
  return deps.prompts.withProgress('Loading brands, priorities and categories…', async () => {
    const categories = api.getCategories().catch((error: unknown): Category[] => {
      // Categories are optional (and their endpoint is inferred): without them the step is skipped.
      deps.log.error('Could not load ticket categories; the category step is skipped', error);
      return [];
    });
    const [brands, priorities, cats] = await Promise.all([api.getBrands(), api.getPriorities(), categories]);
    return { brands, priorities, categories: cats };
  });
}

async function createTicket(deps: CommandDeps, prefill: boolean): Promise<number | undefined> {
  const state = writeState(deps);
  const api = await deps.session.requireApi();
  const initial = await initialAnswers(deps, prefill);
  if (!initial) return undefined;
  const lookups = await loadLookups(deps, api);
  const result = await runCreateTicketFlow(
    {
      prompts: deps.prompts,
      lookups,
      searchContacts: (text) => api.searchContacts(text),
      attribution: deps.session.attributionText(),
    },
    initial,
  );
  if (result.kind === 'cancel') {
    if (hasContent(result.answers)) state.lastCreate = result.answers;
    return undefined;
  }
  // Kept until BoldDesk confirms, so nothing typed is lost whatever happens to the request.
  state.lastCreate = result.answers;

  let id: number;
  try {
    id = await deps.prompts.withProgress('Creating ticket…', () => api.createTicket(result.input));
  } catch (error) {
    deps.log.error('Creating a ticket failed', error);
    reportCreateFailure(deps, error);
    return undefined;
  }
  state.lastCreate = undefined;
  deps.log.info(`Created ticket #${id}.`);
  deps.tree.refresh();
  void deps.prompts.info(`Ticket #${id} created.`, OPEN).then((action) => {
    if (action === OPEN) void vscode.commands.executeCommand(Commands.openTicket, id);
  });
  return id;
}

function reportCreateFailure(deps: CommandDeps, error: unknown): void {
  if (isBoldDeskError(error) && error.outcomeUnknown) {
    void deps.prompts
      .warning(
        'BoldDesk did not confirm the new ticket: it may have been created. Refresh the ticket list and check ' +
          'before trying again. What you typed is kept: Create Ticket offers it again.',
        REFRESH,
      )
      .then((action) => {
        if (action === REFRESH) deps.tree.refresh();
      });
    return;
  }
  void deps.prompts
    .error(`${describeError(error)} The ticket was not created; what you typed is kept.`, TRY_AGAIN)
    .then((action) => {
      if (action === TRY_AGAIN) void vscode.commands.executeCommand(Commands.createTicket, PREFILL_LAST);
    });
}
