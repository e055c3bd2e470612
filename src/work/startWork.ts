// BoldDesk: Start Work on Ticket. Says what will happen and under whose name, then: creates (or checks out) the
// ticket's branch with the built-in git API, optionally moves the ticket to a chosen status (the choice is
// remembered) and assigns it to the key owner when nobody has it, and shows each BoldDesk change only after
// re-reading the ticket confirmed it; finally puts the ticket reference into the Source Control commit box.
import * as vscode from 'vscode';
import type { FieldChanges, Status } from '../api/types';
import { resolveTicketId } from '../ui/ticketArg';
import type { CoreDeps } from '../deps';
import { Settings } from '../constants';
import { branchName, DEFAULT_BRANCH_TEMPLATE } from './branchName';
import { workGit, workRepository } from './workGit';

const STATUS_KEY = 'bolddesk.startWork.statusId';

export interface StartWorkResult {
  ticketId: number;
  branch: string;
  createdBranch: boolean;
  /** Undefined when no change was asked for; true only when re-reading the ticket showed it. */
  statusConfirmed?: boolean;
  assigneeConfirmed?: boolean;
}

export function branchTemplate(): string {
  return vscode.workspace.getConfiguration(Settings.section).get<string>(Settings.branchNameTemplate) || DEFAULT_BRANCH_TEMPLATE;
}

type Repo = NonNullable<Awaited<ReturnType<typeof workRepository>>>;
type Api = Awaited<ReturnType<CoreDeps['session']['requireApi']>>;
type Ticket = Awaited<ReturnType<Api['getTicket']>>;

/** The status to move the ticket to: null keeps it, undefined when the user backed out. */
async function chooseStatus(deps: CoreDeps, ticket: Ticket, statuses: Status[]): Promise<number | null | undefined> {
  const t = vscode.l10n.t;
  const remembered = deps.context.globalState.get<number>(STATUS_KEY);
  const preferred = statuses.find((s) => s.id === remembered) ?? statuses.find((s) => /progress/i.test(s.name));
  const statusItems = [
    { label: t('Keep the status ({0})', ticket.status?.name ?? '—'), value: null as number | null, picked: !preferred },
    ...statuses.filter((s) => s.id !== ticket.status?.id).map((s) => ({ label: s.name, value: s.id as number | null, picked: s.id === preferred?.id })),
  ].sort((a, b) => Number(b.picked) - Number(a.picked));
  return deps.prompts.pick(statusItems, { title: t('Start work on #{0}: move the ticket to…', ticket.id) });
}

/** Checks out (or creates) the branch; false, after telling the user, when git refused. */
async function switchBranch(deps: CoreDeps, repo: Repo, branch: string, existed: boolean): Promise<boolean> {
  try {
    if (existed) await repo.checkout(branch);
    else await repo.createBranch(branch, true);
    return true;
  } catch (error) {
    deps.log.error(`Start Work: git could not switch to ${branch}`, error);
    void deps.prompts.error(vscode.l10n.t('Git could not switch to the branch {0}: {1} Nothing was changed in BoldDesk.', branch, error instanceof Error ? error.message : String(error)));
    return false;
  }
}

/** Sends the status/assignee changes and records what re-reading the ticket confirmed in `result`. */
async function applyChanges(deps: CoreDeps, api: Api, result: StartWorkResult, changes: FieldChanges): Promise<void> {
  const t = vscode.l10n.t;
  const { ticketId, branch } = result;
  try {
    const after = await deps.prompts.withProgress(t('Updating #{0} in BoldDesk…', ticketId), async () => {
      await api.updateFields(ticketId, changes);
      return api.getTicket(ticketId); // shown only once BoldDesk says so
    });
    if (changes.statusId !== undefined) result.statusConfirmed = after.status?.id === changes.statusId;
    if (changes.agentId !== undefined) result.assigneeConfirmed = after.agent?.id === changes.agentId;
  } catch (error) {
    deps.log.error(`Start Work: updating #${ticketId} failed`, error);
    void deps.prompts.error(t('You are on {0}, but BoldDesk did not take the changes to #{1}: {2}', branch, ticketId,
      error instanceof Error ? error.message : String(error)));
  }
  deps.tree.ticketChanged(ticketId);
}

function doneText(result: StartWorkResult, statusName: string | undefined, agentName: string | undefined): string {
  const t = vscode.l10n.t;
  const { ticketId, branch } = result;
  return [
    result.createdBranch ? t('Created and switched to {0}.', branch) : t('Switched to {0}.', branch),
    result.statusConfirmed ? t('#{0} is now {1}.', ticketId, statusName ?? '') : undefined,
    result.statusConfirmed === false ? t('BoldDesk still shows another status for #{0}.', ticketId) : undefined,
    result.assigneeConfirmed ? t('#{0} is assigned to {1}.', ticketId, agentName ?? '') : undefined,
    result.assigneeConfirmed === false ? t('BoldDesk did not assign #{0} to you.', ticketId) : undefined,
  ].filter(Boolean).join(' ');
}

/** `arg`: a ticket (node, id, …), optionally `{ ticketId, repoRoot }` to name the repository. */
export async function startWork(deps: CoreDeps, arg: unknown): Promise<StartWorkResult | undefined> {
  const t = vscode.l10n.t;
  const ticketId = await resolveTicketId(deps, arg, t('Start work on a ticket'));
  if (ticketId === undefined) return undefined;
  const git = await workGit();
  const root = (arg as { repoRoot?: unknown } | undefined)?.repoRoot;
  const repo = git && (await workRepository(git, root instanceof vscode.Uri ? root : undefined));
  if (!repo) {
    void deps.prompts.error(t('Start Work needs a git repository: open a folder that is one (Source Control: Initialize Repository).'));
    return undefined;
  }
  const api = await deps.session.requireApi();
  const [ticket, statuses] = await deps.prompts.withProgress(t('Loading #{0}…', ticketId), () =>
    Promise.all([api.getTicket(ticketId), api.getStatuses().catch(() => [])]));
  const branch = branchName(branchTemplate(), ticket);
  const statusId = await chooseStatus(deps, ticket, statuses);
  if (statusId === undefined) return undefined;
  const newStatus = statuses.find((s) => s.id === statusId);
  const me = deps.session.actingAs;
  const assign = !ticket.agent && me !== undefined;

  const plan = [
    t('Branch: {0}', branch),
    newStatus ? t('Status: {0} → {1}', ticket.status?.name ?? '—', newStatus.name) : undefined,
    assign ? t('Assignee: {0} (nobody has it yet)', me.name) : undefined,
    newStatus || assign ? deps.session.attributionText() : undefined,
  ].filter((l): l is string => l !== undefined);
  const ok = await deps.prompts.confirm(t('Start work on #{0} {1}?', ticketId, ticket.subject), { detail: plan.join('\n'), confirmLabel: t('Start Work') });
  if (!ok) return undefined;
  if (statusId !== null) await deps.context.globalState.update(STATUS_KEY, statusId);

  const existed = await repo.getBranch(branch).then(() => true, () => false);
  if (!(await switchBranch(deps, repo, branch, existed))) return undefined;
  const result: StartWorkResult = { ticketId, branch, createdBranch: !existed };
  const changes: FieldChanges = { ...(newStatus ? { statusId: newStatus.id } : {}), ...(assign ? { agentId: me.userId } : {}) };
  if (Object.keys(changes).length > 0) await applyChanges(deps, api, result, changes);

  if (!repo.inputBox.value.includes(`BD-${ticketId}`)) repo.inputBox.value = `BD-${ticketId} ${repo.inputBox.value}`.trimEnd() + ' ';
  void deps.prompts.info(doneText(result, newStatus?.name, me?.name));
  return result;
}
