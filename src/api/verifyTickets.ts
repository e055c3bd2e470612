// BoldDesk may ignore a `Q` condition it does not know (no 400, just an unfiltered list: docs/BOLDDESK-API.md,
// "Verify what cannot be documented"). So every ticket a list returns is checked against what the list asked for,
// and a ticket that does not match is never shown as matching.
import type { FilterCondition, TicketQuery, TicketSummary } from './types';

/** The conditions of `q` that `t` does not meet ([] = it matches). A field BoldDesk did not send counts as a miss. */
export function failedConditions(q: TicketQuery, t: TicketSummary): FilterCondition[] {
  const failed: FilterCondition[] = [];
  if (q.statusIds?.length && !(t.status && q.statusIds.includes(t.status.id))) failed.push('status');
  if (q.agentIds?.length && !(t.agent && q.agentIds.includes(t.agent.id))) failed.push('agent');
  // An unassigned ticket has no agent object (spec: `agent: null`); an id of 0 is read the same way.
  if (q.unassigned && t.agent && t.agent.id !== 0) failed.push('unassigned');
  if (q.priorityIds?.length && !(t.priority && q.priorityIds.includes(t.priority.id))) failed.push('priority');
  const text = normalise(q.text ?? '');
  if (text && !normalise(t.subject).includes(text)) failed.push('text');
  return failed;
}

function normalise(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** The conditions a query asks for (what a list can say BoldDesk did not apply). */
export function conditionsOf(q: TicketQuery): FilterCondition[] {
  const all: FilterCondition[] = [];
  if (q.statusIds?.length) all.push('status');
  if (q.agentIds?.length) all.push('agent');
  if (q.unassigned) all.push('unassigned');
  if (q.priorityIds?.length) all.push('priority');
  if (q.text?.trim()) all.push('text');
  return all;
}
