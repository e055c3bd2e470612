// The status bar item "BD-123" while the current branch was named for a ticket (bolddesk.branchNameTemplate);
// a click opens the ticket. Also answers "BoldDesk: Open Ticket for This Branch".
import * as vscode from 'vscode';
import type { CoreDeps } from '../deps';
import { Commands, Settings } from '../constants';
import { ticketIdFromBranch } from './branchName';
import { branchTemplate } from './startWork';
import { workGit, workRepository, type WorkRepository } from './workGit';

async function currentBranchTicket(): Promise<{ branch?: string; ticketId?: number; repo?: WorkRepository }> {
  const git = await workGit();
  const repo = git && (await workRepository(git));
  const branch = repo?.state.HEAD?.name;
  return { repo, branch, ticketId: ticketIdFromBranch(branchTemplate(), branch) };
}

export async function openTicketForBranch(deps: CoreDeps): Promise<number | undefined> {
  const { branch, ticketId } = await currentBranchTicket();
  if (ticketId === undefined) {
    void deps.prompts.info(branch
      ? vscode.l10n.t('The branch {0} is not named for a ticket (bolddesk.branchNameTemplate: {1}).', branch, branchTemplate())
      : vscode.l10n.t('No git branch is checked out here.'));
    return undefined;
  }
  await vscode.commands.executeCommand(Commands.openTicket, ticketId);
  return ticketId;
}

export function registerBranchStatus(): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('bolddesk.branchTicket', vscode.StatusBarAlignment.Left, 99);
  item.name = vscode.l10n.t('BoldDesk ticket of the current branch');
  const subs: vscode.Disposable[] = [item];
  const watched = new Set<WorkRepository>();
  const update = async () => {
    const { branch, ticketId, repo } = await currentBranchTicket();
    if (repo && !watched.has(repo)) {
      watched.add(repo);
      subs.push(repo.state.onDidChange(() => void update()));
    }
    if (ticketId === undefined) {
      item.hide();
      return;
    }
    item.text = `$(issues) BD-${ticketId}`;
    item.tooltip = vscode.l10n.t('Branch {0} is for ticket #{1}. Click to open it.', branch ?? '', ticketId);
    item.command = { command: Commands.openTicket, title: vscode.l10n.t('Open Ticket'), arguments: [ticketId] };
    item.show();
  };
  void workGit().then((git) => {
    if (git?.onDidOpenRepository) subs.push(git.onDidOpenRepository(() => void update()));
    void update();
  });
  subs.push(
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`${Settings.section}.${Settings.branchNameTemplate}`) && void update()),
  );
  return vscode.Disposable.from(...subs);
}
