// What an auto-refresh delta (the tickets BoldDesk reports as modified since the last check) means: which
// tickets really changed since we last saw them, which became mine, which of mine may have a customer reply,
// and which tree lists a change can affect. Pure functions, no vscode.
import * as l10n from '@vscode/l10n';
import type { TicketQuery, TicketSummary } from '../api/types';

export interface KnownState {
  agentId: number | undefined;
  lastUpdatedOn: string | undefined;
}

export function stateOf(t: TicketSummary): KnownState {
  return { agentId: t.agent?.id, lastUpdatedOn: t.lastUpdatedOn };
}

export interface DeltaClassification {
  /** New to us, or different from what we last saw. */
  changed: TicketSummary[];
  /** Assigned to me now, and not before (as far as we saw). */
  newlyAssigned: TicketSummary[];
  /** Mine before and now, and updated: worth one look at the latest message. */
  mineUpdated: TicketSummary[];
}

/**
 * `known` is what we last saw of a ticket (undefined: never seen). A ticket never seen counts as newly assigned
 * only when it was created since the last check: otherwise we cannot tell whether it was mine already.
 */
export function classifyChanges(
  items: readonly TicketSummary[],
  known: (ticketId: number) => KnownState | undefined,
  me: number | undefined,
  since: number,
): DeltaClassification {
  const result: DeltaClassification = { changed: [], newlyAssigned: [], mineUpdated: [] };
  for (const t of items) {
    const before = known(t.id);
    const now = stateOf(t);
    if (before && before.agentId === now.agentId && before.lastUpdatedOn === now.lastUpdatedOn) continue;
    result.changed.push(t);
    if (me === undefined || now.agentId !== me) continue;
    const createdSince = t.createdOn !== undefined && Date.parse(t.createdOn) >= since;
    if (before ? before.agentId !== me : createdSince) result.newlyAssigned.push(t);
    else result.mineUpdated.push(t);
  }
  return result;
}

/** Could `t` be listed by a category with this query? `undefined` = cannot tell (a BoldDesk view's filter). */
export function matchesQuery(q: TicketQuery | undefined, t: TicketSummary): boolean | undefined {
  if (!q) return false; // the filter rules every ticket out
  if (q.filterId) return undefined;
  if (q.statusIds?.length && (t.status === undefined || !q.statusIds.includes(t.status.id))) return false;
  if (q.priorityIds?.length && (t.priority === undefined || !q.priorityIds.includes(t.priority.id))) return false;
  if (q.agentIds?.length && !q.agentIds.includes(t.agent?.id ?? 0)) return false;
  if (q.unassigned && t.agent && t.agent.id !== 0) return false;
  if (q.text && !t.subject.toLowerCase().includes(q.text.trim().toLowerCase())) return false;
  return true;
}

/** A list needs reloading when it shows a changed ticket or a changed ticket now belongs in it. */
export function listAffected(
  list: { query: TicketQuery | undefined; items: readonly TicketSummary[] },
  changed: readonly TicketSummary[],
): boolean {
  const shown = new Set(list.items.map((t) => t.id));
  return changed.some((t) => shown.has(t.id) || matchesQuery(list.query, t) === true);
}

function quoted(subject: string): string {
  const s = subject.replace(/\s+/g, ' ').trim();
  return `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;
}

/** Two or more tickets in one sentence (whole sentences per plural form, so they translate). */
function groupedMessage(assigned: number, replies: number): string {
  if (replies === 0) return l10n.t('{0} tickets newly assigned to you.', assigned);
  if (assigned === 0) return l10n.t('{0} customer replies on your tickets.', replies);
  const a = assigned === 1 ? l10n.t('1 ticket newly assigned to you') : l10n.t('{0} tickets newly assigned to you', assigned);
  const r = replies === 1 ? l10n.t('1 customer reply on your tickets') : l10n.t('{0} customer replies on your tickets', replies);
  return l10n.t('{0} and {1}.', a, r);
}

/** The ONE notification for a refresh, or undefined when there is nothing to tell. */
export function notificationFor(
  newlyAssigned: readonly TicketSummary[],
  replied: readonly TicketSummary[],
): { message: string; action: string; tickets: TicketSummary[] } | undefined {
  const tickets = [...newlyAssigned, ...replied.filter((r) => !newlyAssigned.some((n) => n.id === r.id))];
  if (tickets.length === 0) return undefined;
  if (tickets.length === 1) {
    const t = tickets[0];
    const message = newlyAssigned.length
      ? l10n.t('Ticket #{0} {1} was assigned to you.', t.id, quoted(t.subject))
      : l10n.t('A customer replied on your ticket #{0} {1}.', t.id, quoted(t.subject));
    return { message, action: l10n.t('Open'), tickets };
  }
  return { message: groupedMessage(newlyAssigned.length, replied.length), action: l10n.t('Show'), tickets };
}
