// The ONE list of command registrations. Each command file exports a `BoldDeskCommand` ({ id, run });
// to add one, import it and append it to ALL_COMMANDS. Every handler is wrapped by wrapWithCatch here.
import * as vscode from 'vscode';
import type { BoldDeskCommand } from './command';
import type { CommandDeps } from './command';
import { wrapWithCatch } from './wrapWithCatch';
import { setDomainCommand } from './setDomain';
import { setApiKeyCommand } from './setApiKey';
import { removeApiKeyCommand } from './removeApiKey';
import { setAgentEmailCommand } from './setAgentEmail';
import { refreshCommand } from './refresh';
import { filterCommand } from './filter';
import { clearFilterCommand } from './clearFilter';
import { loadMoreCommand } from './loadMore';
import { openTicketCommand } from './openTicket';
import { showLogCommand } from './showLog';
import { checkConnectionCommand } from './checkConnection';
// Write commands — same shape, e.g. `export const createTicketCommand: BoldDeskCommand`:
import { createTicketCommand } from './createTicket';
import { addReplyCommand } from './addReply';
import { addNoteCommand } from './addNote';
import { sendDraftCommand } from './sendDraft';
import { changeStatusCommand } from './changeStatus';
import { changePriorityCommand } from './changePriority';
import { changeAssigneeCommand } from './changeAssignee';
import { openInBrowserCommand } from './openInBrowser';
import { copyLinkCommand } from './copyLink';
// Identities (several API keys per domain, "Post as…"):
import { addIdentityCommand } from './addIdentity';
import { switchIdentityCommand } from './switchIdentity';
import { removeIdentityCommand } from './removeIdentity';
import { postAsCommand } from './postAs';
// Tickets from code, code in tickets:
import { createTicketFromSelectionCommand } from './createTicketFromSelection';
import { copyReferenceCommand } from './copyReference';
// Markdown, attachments, start work (issue 15):
import { previewDraftCommand } from './previewDraft';
import { startWorkCommand } from './startWork';
import { openTicketForBranchCommand } from './openTicketForBranch';
import { attachToTicketCommand } from './attachToTicket';
import { attachSelectionAsFileCommand } from './attachSelectionAsFile';

export const ALL_COMMANDS: readonly BoldDeskCommand[] = [
  setDomainCommand,
  setApiKeyCommand,
  removeApiKeyCommand,
  setAgentEmailCommand,
  refreshCommand,
  filterCommand,
  clearFilterCommand,
  loadMoreCommand,
  openTicketCommand,
  showLogCommand,
  checkConnectionCommand,
  createTicketCommand,
  addReplyCommand,
  addNoteCommand,
  sendDraftCommand,
  changeStatusCommand,
  changePriorityCommand,
  changeAssigneeCommand,
  openInBrowserCommand,
  copyLinkCommand,
  addIdentityCommand,
  switchIdentityCommand,
  removeIdentityCommand,
  postAsCommand,
  createTicketFromSelectionCommand,
  previewDraftCommand,
  startWorkCommand,
  openTicketForBranchCommand,
  attachToTicketCommand,
  attachSelectionAsFileCommand,
  copyReferenceCommand,
];

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return ALL_COMMANDS.map((command) =>
    vscode.commands.registerCommand(
      command.id,
      wrapWithCatch(deps, command.id, (...args: unknown[]) => command.run(deps, ...args)),
    ),
  );
}
