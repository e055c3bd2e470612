// BoldDesk: Send Reply or Note (Ctrl+Enter in a draft tab). One POST per press, never retried; a second
// press while it is in flight does nothing. The draft is forgotten only after BoldDesk confirmed it; on
// any failure the text stays in the tab (and in globalState). A draft named by an argument the extension did not
// make (a command link can pass a Uri) is sent only after the user confirms, unless it is the draft in front of them
// (the editor title button passes that one; with no argument, so does the keybinding) — docs/SECURITY.md.
import * as vscode from 'vscode';
import { describeError } from '../api/describeError';
import { isBoldDeskError } from '../api/errors';
import { Commands } from '../constants';
import type { DraftEditors } from '../drafts/draftEditors';
import { tooLargeMessage } from '../drafts/draftFileSystem';
import { draftTitle, MAX_DRAFT_CHARS, type DraftRef } from '../drafts/draftStore';
import { extras, extrasUi } from '../lazy/load';
import type { BoldDeskCommand } from './command';
import type { CommandDeps } from './command';
import { trusted, unwrapArg } from './trustedArg';

const TRY_AGAIN = vscode.l10n.t('Try Again');
const OPEN_TICKET = vscode.l10n.t('Open Ticket');

function draftUriFromArg(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  return vscode.window.activeTextEditor?.document.uri;
}

/** True when the user should confirm first: an untrusted argument that names a draft other than the active one. */
function needsConfirmation(rawArg: unknown, isTrusted: boolean, uri: vscode.Uri): boolean {
  if (rawArg === undefined || isTrusted) return false;
  return vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString();
}

export const sendDraftCommand: BoldDeskCommand = {
  id: Commands.sendDraft,
  /** Resolves with the new reply/note id, or undefined when nothing was sent. */
  async run(deps, rawArg) {
    const { value: arg, trusted: isTrusted } = unwrapArg(rawArg);
    const drafts = deps.drafts;
    const uri = draftUriFromArg(arg);
    const ref = drafts.refFor(uri);
    if (!uri || !ref) {
      void deps.prompts.info(vscode.l10n.t('Open a reply or note draft first: BoldDesk: Add Reply or Add Private Note.'));
      return undefined;
    }
    if (needsConfirmation(rawArg, isTrusted, uri)) {
      const yes = await deps.prompts.confirm(vscode.l10n.t('Send {0} now?', draftTitle(ref)), {
        detail: vscode.l10n.t('Something other than the draft you are looking at asked to send it. Choose this only if you started it yourself.'),
        confirmLabel: vscode.l10n.t('Send'),
      });
      if (!yes) return undefined;
    }
    const outcome = await deps.writes.inFlight.run(`draft:${uri.toString()}`, () =>
      send(deps, drafts, uri, ref),
    );
    if (!outcome.started) {
      void deps.prompts.info(vscode.l10n.t('{0} is being sent; wait for BoldDesk to answer.', draftTitle(ref)));
      return undefined;
    }
    return outcome.value;
  },
};

async function send(
  deps: CommandDeps,
  drafts: DraftEditors,
  uri: vscode.Uri,
  ref: DraftRef,
): Promise<number | undefined> {
  const { ticketId, kind } = ref;
  const noun = kind === 'reply' ? vscode.l10n.t('reply') : vscode.l10n.t('private note');
  const text = drafts.textOf(uri);
  if (text.trim() === '') {
    void deps.prompts.warning(vscode.l10n.t('The {0} to #{1} is empty. Write something first.', noun, ticketId));
    return undefined;
  }
  if (text.length > MAX_DRAFT_CHARS) {
    void deps.prompts.error(vscode.l10n.t('{0} Nothing was sent.', tooLargeMessage(text.length)));
    return undefined;
  }
  // The draft belongs to the help desk its tab was opened for; sent only there (docs/SECURITY.md).
  const origin = drafts.originOf(uri);
  if (origin !== deps.session.origin) {
    void deps.prompts.error(vscode.l10n.t('{0} belongs to the previous BoldDesk domain. Nothing was sent; its text is kept for that domain.', draftTitle(ref)));
    return undefined;
  }
  // Whatever happens next, the text being sent is stored (globalState) before the POST: written here, not left to the
  // editor's save (which may still be waiting for save participants), and forgotten only after BoldDesk confirmed.
  await drafts.saveNow(uri);
  if (drafts.store.get(ref, origin)?.text !== text) await drafts.store.set(ref, text, origin);
  const html = extras().markdownToHtml(text); // Markdown → the HTML BoldDesk stores
  const postAs = drafts.postAsFor(ref);
  const api = await deps.session.requireApi(postAs);

  // Attached files go up first; a failed upload sends nothing and keeps text and files.
  const tokens = await extrasUi().uploadDraftFiles(deps, ref, origin, api);
  if (tokens === undefined) return undefined;
  let id: number;
  try {
    id = await deps.prompts.withProgress(vscode.l10n.t('Sending {0} to #{1}…', noun, ticketId), () =>
      kind === 'reply' ? api.addReply(ticketId, html, tokens) : api.addNote(ticketId, html, tokens),
    );
  } catch (error) {
    deps.log.error(`Sending the ${noun} to #${ticketId} failed`, error);
    reportSendFailure(deps, uri, ticketId, noun, error);
    return undefined;
  }

  deps.log.info(`Sent ${noun} ${id} to #${ticketId}.`);
  await extrasUi().clearDraftFiles(deps.context, ref, origin);
  try {
    await drafts.discard(uri, origin);
  } catch (error) {
    // Sent, but the tab could not be cleared: say so, so the user does not send it again.
    deps.log.error(`Could not clear the draft for #${ticketId}`, error);
  }
  // After the tab emptied itself: every surface (a hidden ticket panel too) learns that this draft was sent.
  await drafts.store.markSent(ref, text, origin);
  deps.tree.ticketChanged(ticketId);
  const done = kind === 'reply' ? vscode.l10n.t('Reply sent to #{0}.', ticketId) : vscode.l10n.t('Private note added to #{0}.', ticketId);
  // A success: one status bar message (the progress notification already went away), not a notification.
  deps.prompts.status(done);
  return id;
}

function reportSendFailure(deps: CommandDeps, uri: vscode.Uri, ticketId: number, noun: string, error: unknown): void {
  if (isBoldDeskError(error) && error.outcomeUnknown) {
    void deps.prompts
      .warning(
        vscode.l10n.t('BoldDesk did not confirm the {0} to #{1}: it may have been sent. ', noun, ticketId) +
          vscode.l10n.t('Open the ticket and check before sending again. Your text is kept in the draft.'),
        OPEN_TICKET,
      )
      .then((action) => {
        if (action === OPEN_TICKET) void vscode.commands.executeCommand(Commands.openTicket, ticketId);
      });
    return;
  }
  void deps.prompts
    .error(vscode.l10n.t('{0} The {1} was not sent; your text is kept in the draft.', describeError(error), noun), TRY_AGAIN)
    .then((action) => {
      if (action === TRY_AGAIN) void vscode.commands.executeCommand(Commands.sendDraft, trusted(uri));
    });
}
