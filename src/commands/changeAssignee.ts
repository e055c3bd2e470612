// BoldDesk: Change Assignee — search agents as you type, or Unassign / Assign to me; one update_fields PUT.
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
  changes: (agentId) => ({ agentId }),
  async choose(deps, api, ticketId, known) {
    const ticket =
      known ??
      (await deps.prompts
        .withProgress(`Loading #${ticketId}…`, () => api.getTicket(ticketId))
        .catch(() => undefined));
    // null = unassigned now; undefined = not known (then nothing is marked).
    const currentId = ticket ? (ticket.agent?.id ?? null) : undefined;
    const isCurrent = (id: number | null): boolean => currentId !== undefined && id === currentId;
    const mark = (id: number | null, label: string): string => (isCurrent(id) ? `$(check) ${label}` : label);
    const fixed: PickItem<AssigneeValue>[] = [
      {
        label: mark(null, 'Unassign'),
        description: isCurrent(null) ? 'current' : 'nobody',
        value: { agentId: null, name: 'unassigned' },
      },
    ];
    const me = deps.session.actingAs;
    if (me) {
      fixed.push({
        label: mark(me.userId, `Assign to me (${me.name})`),
        description: isCurrent(me.userId) ? 'current' : me.email,
        value: { agentId: me.userId, name: me.name },
      });
    }
    const picked = await deps.prompts.searchPickStep<AssigneeValue>({
      title: `Change the assignee of #${ticketId}`,
      canGoBack: false,
      placeholder: `Type to search agents. ${deps.session.attributionText()}`,
      fixedItems: fixed,
      search: async (text) =>
        (await api.searchAgents(text.trim()))
          .filter((a) => a.userId !== me?.userId)
          .map((a) => ({
            label: mark(a.userId, a.name),
            description: [a.email, isCurrent(a.userId) ? 'current' : undefined].filter(Boolean).join(' · '),
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
