// BoldDesk: Create Ticket. Asks through createTicketFlow (which ends with a confirm step naming whose name
// BoldDesk will show), then sends ONE POST with progress, never retried. While one create runs (questions
// or request), another invocation is refused, so a double click cannot create two tickets. What the user
// typed survives a failure or a cancel (in memory, per activation) and is offered back next time.
import * as vscode from 'vscode';
import { describeError } from '../api/describeError';
import { ScratchEditors } from '../code/scratchEditor';
import { isBoldDeskError } from '../api/errors';
import type { BoldDeskApi } from '../api/api';
import type { Category } from '../api/types';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import type { CreateTicketAnswers, CreateTicketLookups } from './createTicketAnswers';
import type { CommandDeps } from './command';
import { describeIdentity, resolveAgents } from './identityPicker';
import { fileNameOf } from '../drafts/draftFileList';
import { extras, extrasUi } from '../lazy/load';
import { markWalkthroughStep } from '../ui/walkthroughProgress';

const TRY_AGAIN = vscode.l10n.t('Try Again');
const REFRESH = vscode.l10n.t('Refresh');

/** Passed by "Try Again": reopen the flow with the last answers, without asking. */
const PREFILL_LAST = { prefill: 'last' } as const;

function wantsPrefill(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && (arg as { prefill?: unknown }).prefill === 'last';
}

/** Passed by Create Ticket from Selection: `{ codeContext: string }` (file, lines, commit, link, code). */
function codeContextFrom(arg: unknown): string | undefined {
  const value = typeof arg === 'object' && arg !== null ? (arg as { codeContext?: unknown }).codeContext : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Passed by Attach to BoldDesk Ticket / Attach Selection as File: `{ files: string[] }` (URIs, already checked). */
function filesFrom(arg: unknown): string[] {
  const value = typeof arg === 'object' && arg !== null ? (arg as { files?: unknown }).files : undefined;
  return Array.isArray(value) ? value.filter((f): f is string => typeof f === 'string') : [];
}

export const createTicketCommand: BoldDeskCommand = {
  id: Commands.createTicket,
  /** Resolves with the new ticket id, or undefined when nothing was created. */
  async run(deps, arg) {
    const outcome = await deps.writes.inFlight.run('createTicket', () => createTicket(deps, wantsPrefill(arg), codeContextFrom(arg), filesFrom(arg)));
    if (!outcome.started) {
      void deps.prompts.info(vscode.l10n.t('A ticket is already being created. Finish or cancel that one first.'));
      return undefined;
    }
    return outcome.value;
  },
};

function hasContent(a: CreateTicketAnswers): boolean {
  return a.subject.trim() !== '' || a.description.trim() !== '';
}

async function initialAnswers(deps: CommandDeps, prefill: boolean): Promise<CreateTicketAnswers | undefined> {
  const last = deps.writes.lastCreate;
  if (!last) return extras().emptyAnswers();
  if (prefill) return last;
  const choice = await deps.prompts.pick(
    [
      { icon: 'history', label: vscode.l10n.t('Continue the ticket you started'), description: last.subject, value: 'restore' as const },
      { icon: 'add', label: vscode.l10n.t('Start a new ticket'), value: 'new' as const },
    ],
    { title: vscode.l10n.t('Create BoldDesk ticket'), placeholder: vscode.l10n.t('Your last ticket was not created. Continue it?') },
  );
  if (choice === undefined) return undefined;
  if (choice === 'new') deps.writes.lastCreate = undefined;
  return choice === 'restore' ? last : extras().emptyAnswers();
}

async function loadLookups(deps: CommandDeps, api: BoldDeskApi): Promise<CreateTicketLookups> {
  return deps.prompts.withProgress(vscode.l10n.t('Loading brands, priorities and categories…'), async () => {
    const categories = api.getCategories().catch((error: unknown): Category[] => {
      // Categories are optional (and their endpoint is inferred): without them the step is skipped.
      deps.log.error('Could not load ticket categories; the category step is skipped', error);
      return [];
    });
    const [brands, priorities, cats] = await Promise.all([api.getBrands(), api.getPriorities(), categories]);
    return { brands, priorities, categories: cats };
  });
}

function identityChoices(deps: CommandDeps): { id: string; label: string; description?: string }[] {
  const def = deps.session.defaultIdentity;
  const all = deps.session.identities;
  const ordered = def ? [def, ...all.filter((i) => i.id !== def.id)] : [...all];
  return ordered.map((i) => ({ id: i.id, label: i.label, description: describeIdentity(deps, i) }));
}

async function createTicket(deps: CommandDeps, prefill: boolean, codeContext?: string, files: string[] = []): Promise<number | undefined> {
  const state = deps.writes;
  const api = await deps.session.requireApi();
  // A new selection starts a new ticket (the unsent one stays remembered for plain Create Ticket).
  const initial = codeContext !== undefined ? { ...extras().emptyAnswers(), codeContext } : await initialAnswers(deps, prefill);
  if (!initial) return undefined;
  const lookups = await loadLookups(deps, api);
  if (deps.session.identities.length > 1) await resolveAgents(deps);
  const scratch = new ScratchEditors(deps.scratch);
  // The questions live in the lazily loaded dist/extras.js (not needed at activation).
  const result = await extras().runCreateTicketFlow(
    {
      prompts: deps.prompts,
      lookups,
      searchContacts: (text) => api.searchContacts(text),
      attribution: deps.session.attributionText(),
      // Default first: the confirm step names it until the user picks another one.
      identities: identityChoices(deps),
      attributionFor: (id) => deps.session.attributionText(id),
      editText: (text, what) => scratch.open(text, what),
      files: files.map(fileNameOf),
    },
    initial,
  ).finally(() => scratch.dispose());
  if (result.kind === 'cancel') {
    if (hasContent(result.answers)) state.lastCreate = result.answers;
    return undefined;
  }
  // Kept until BoldDesk confirms, so nothing typed is lost whatever happens to the request.
  state.lastCreate = result.answers;

  let id: number;
  const writer = await deps.session.requireApi(result.answers.postAs);
  let attachmentTokens: string[] = [];
  if (files.length > 0) {
    // The files go up first; a failed upload creates nothing and keeps the answers and the files (Try Again).
    try {
      attachmentTokens = await deps.prompts.withProgress(vscode.l10n.t('Uploading {0} file(s) to BoldDesk…', files.length), (_signal, report) =>
        extrasUi().uploadFiles(writer, files.map((f) => vscode.Uri.parse(f)), report));
    } catch (error) {
      deps.log.error('Uploading the files of a new ticket failed', error);
      const why = error instanceof Error && !isBoldDeskError(error) ? error.message : describeError(error);
      void deps.prompts.error(vscode.l10n.t('{0} The ticket was not created; what you typed and the files are kept.', why), TRY_AGAIN).then((action) => {
        if (action === TRY_AGAIN) void vscode.commands.executeCommand(Commands.createTicket, { ...PREFILL_LAST, files });
      });
      return undefined;
    }
  }
  try {
    id = await deps.prompts.withProgress(vscode.l10n.t('Creating ticket…'), () => writer.createTicket({ ...result.input, ...(attachmentTokens.length > 0 ? { attachmentTokens } : {}) }));
  } catch (error) {
    deps.log.error('Creating a ticket failed', error);
    reportCreateFailure(deps, error, files);
    return undefined;
  }
  state.lastCreate = undefined;
  deps.log.info(`Created ticket #${id}.`);
  markWalkthroughStep('createTicket', deps.log);
  deps.tree.refresh();
  // A success: a status bar message, not a notification; the new ticket is in the refreshed tree.
  deps.prompts.status(vscode.l10n.t('Ticket #{0} created.', id));
  return id;
}

function reportCreateFailure(deps: CommandDeps, error: unknown, files: string[]): void {
  if (isBoldDeskError(error) && error.outcomeUnknown) {
    void deps.prompts
      .warning(
        vscode.l10n.t(
          'BoldDesk did not confirm the new ticket: it may have been created. Refresh the ticket list and check ' +
            'before trying again. What you typed is kept: Create Ticket offers it again.',
        ),
        REFRESH,
      )
      .then((action) => {
        if (action === REFRESH) deps.tree.refresh();
      });
    return;
  }
  void deps.prompts
    .error(vscode.l10n.t('{0} The ticket was not created; what you typed is kept.', describeError(error)), TRY_AGAIN)
    .then((action) => {
      if (action === TRY_AGAIN) void vscode.commands.executeCommand(Commands.createTicket, { ...PREFILL_LAST, files });
    });
}
