// BoldDesk: Change Assignee — search agents as you type, or Unassign / Assign to me; one update_fields PUT.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { PickItem } from '../ui/prompts';
import type { BoldDeskCommand } from './command';
import { changeField, type FieldSpec } from './fieldPicker';

/** The value is the agent's userId, or null to unassign. */
interface AssigneeValue {
  agentId: number | null;
  name: string;
}

const assigneeSpec: FieldSpec<number | null> = {
  noun: 'assignee',
  texts: {
    purpose: () => vscode.l10n.t('Change Assignee'),
    progress: (id, value) => vscode.l10n.t('Setting the assignee of #{0} to {1}…', id, value),
    busy: (id) => vscode.l10n.t('The assignee of #{0} is already being changed.', id),
    unchanged: (id, value) => vscode.l10n.t('Nothing changed: the assignee of #{0} is already {1}.', id, value),
    done: (id, value) => vscode.l10n.t('#{0}: assignee set to {1}.', id, value),
    ignored: (id, held) => vscode.l10n.t('BoldDesk did not change the assignee of #{0}: it is still {1}. Change it in the browser.', id, held),
  },
  changes: (agentId) => ({ agentId }),
  // `agentId: null` is undocumented (docs/BOLDDESK-API.md, "Unassign"): the re-read says whether it worked.
  held: (t) => (t.agent && t.agent.id !== 0 ? t.agent.name || `#${t.agent.id}` : vscode.l10n.t('unassigned')),
  async choose(deps, api, ticketId, known) {
    const ticket =
      known ??
      (await deps.prompts
        .withProgress(vscode.l10n.t('Loading #{0}…', ticketId), () => api.getTicket(ticketId))
        .catch(() => undefined));
    // null = unassigned now; undefined = not known (then nothing is marked).
    const currentId = ticket ? (ticket.agent?.id ?? null) : undefined;
    const isCurrent = (id: number | null): boolean => currentId !== undefined && id === currentId;
    const mark = (id: number | null): string | undefined => (isCurrent(id) ? 'check' : undefined);
    const fixed: PickItem<AssigneeValue>[] = [
      {
        icon: mark(null),
        label: vscode.l10n.t('Unassign'),
        description: isCurrent(null) ? vscode.l10n.t('current') : vscode.l10n.t('nobody'),
        value: { agentId: null, name: vscode.l10n.t('unassigned') },
      },
    ];
    const me = deps.session.actingAs;
    if (me) {
      fixed.push({
        icon: mark(me.userId),
        label: vscode.l10n.t('Assign to me ({0})', me.name),
        description: isCurrent(me.userId) ? vscode.l10n.t('current') : me.email,
        value: { agentId: me.userId, name: me.name },
      });
    }
    const picked = await deps.prompts.searchPickStep<AssigneeValue>({
      title: vscode.l10n.t('Change the assignee of #{0}', ticketId),
      canGoBack: false,
      placeholder: vscode.l10n.t('Type to search agents. {0}', deps.session.attributionText()),
      fixedItems: fixed,
      search: async (text) =>
        (await api.searchAgents(text.trim()))
          .filter((a) => a.userId !== me?.userId)
          .map((a) => ({
            icon: mark(a.userId),
            label: a.name,
            description: [a.email, isCurrent(a.userId) ? vscode.l10n.t('current') : undefined].filter(Boolean).join(' · '),
            value: { agentId: a.userId, name: a.name },
          })),
    });
    if (picked === undefined || typeof picked === 'symbol') return undefined;
    return { value: picked.agentId, label: picked.name };
  },
};

export const changeAssigneeCommand: BoldDeskCommand = {
  id: Commands.changeAssignee,
  run: (deps, arg) => changeField(deps, arg, assigneeSpec),
};
