// Which ticket lists the tree shows, and how the user's filter narrows each of them. Pure functions.
import * as l10n from '@vscode/l10n';
import type { Agent, Status, TicketQuery, TicketView } from '../api/types';

export interface CategorySpec {
  /** Stable across refreshes: the tree keeps expansion state by it. */
  id: string;
  label: string;
  query: TicketQuery;
}

export interface TicketFilter {
  text?: string;
  statusIds?: number[];
  priorityIds?: number[];
  /** What the view's description shows, e.g. `"login" · Open, On hold` (made by the filter command). */
  description?: string;
}

/**
 * "My open tickets" (only when the agent is known), "Unassigned", "All open", then the user's BoldDesk views.
 * "Open" = every status whose category is not closed (ids are per tenant, so never hard-coded).
 */
export function buildCategorySpecs(statuses: Status[], views: TicketView[], agent: Agent | undefined): CategorySpec[] {
  const openIds = statuses.filter((s) => !s.isClosed).map((s) => s.id);
  const specs: CategorySpec[] = [];
  if (agent) {
    specs.push({ id: 'mine', label: l10n.t('My open tickets'), query: { statusIds: openIds, agentIds: [agent.userId] } });
  }
  // No documented Q form lists unassigned tickets: the client filters open tickets unless a check saw one work.
  specs.push({ id: 'unassigned', label: l10n.t('Unassigned'), query: { statusIds: openIds, unassigned: true } });
  specs.push({ id: 'open', label: l10n.t('All open'), query: { statusIds: openIds } });
  for (const view of views) {
    specs.push({ id: `view:${view.filterId}`, label: view.name, query: { filterId: view.filterId } });
  }
  return specs;
}

export function isFilterEmpty(filter: TicketFilter | undefined): boolean {
  return !filter || (!filter.text && !filter.statusIds?.length && !filter.priorityIds?.length);
}

/** Narrows a category's query by the filter; `undefined` when nothing can match (no request needed). */
export function applyFilter(query: TicketQuery, filter: TicketFilter | undefined): TicketQuery | undefined {
  if (isFilterEmpty(filter) || !filter) return query;
  const result: TicketQuery = { ...query };
  if (filter.statusIds?.length) {
    result.statusIds = query.statusIds ? intersect(query.statusIds, filter.statusIds) : [...filter.statusIds];
    if (result.statusIds.length === 0) return undefined;
  }
  if (filter.priorityIds?.length) {
    result.priorityIds = query.priorityIds ? intersect(query.priorityIds, filter.priorityIds) : [...filter.priorityIds];
    if (result.priorityIds.length === 0) return undefined;
  }
  if (filter.text) result.text = filter.text;
  return result;
}

function intersect(a: number[], b: number[]): number[] {
  const keep = new Set(b);
  return a.filter((x) => keep.has(x));
}

/** Two queries ask for the same tickets (a refresh keeps a list whose query did not change). */
export function sameQuery(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
