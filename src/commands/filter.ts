// BoldDesk: Filter Tickets — narrow every category by text, status and/or priority. Each choice replaces
// its own part of the current filter. Accepts a TicketFilter argument (integration tests). The questions are in
// filterQuestions.ts (dist/extrasUi.js, loaded on first use).
import { Commands } from '../constants';
import { extrasUi } from '../lazy/load';
import { isFilterEmpty, type TicketFilter } from '../model/categories';
import type { BoldDeskCommand } from './command';

function asFilter(arg: unknown): TicketFilter | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x)) : undefined);
  if (!('text' in a || 'statusIds' in a || 'priorityIds' in a)) return undefined;
  return {
    text: typeof a.text === 'string' ? a.text.trim() || undefined : undefined,
    statusIds: ids(a.statusIds),
    priorityIds: ids(a.priorityIds),
  };
}

export const filterCommand: BoldDeskCommand = {
  id: Commands.filter,
  run: async (deps, arg) => {
    const current: TicketFilter = { ...(deps.tree.filter ?? {}) };
    delete current.description;
    const next = asFilter(arg) ?? (await extrasUi().askFilter(deps, current));
    if (next === undefined) return undefined;
    if (isFilterEmpty(next)) {
      deps.tree.setFilter(undefined);
      return undefined;
    }
    const api = await deps.session.requireApi();
    const [statuses, priorities] = await Promise.all([api.getStatuses(), api.getPriorities()]);
    const description = extrasUi().describeFilter(
      next,
      new Map(statuses.map((s) => [s.id, s.name])),
      new Map(priorities.map((p) => [p.id, p.name])),
    );
    const filter: TicketFilter = { ...next, description };
    deps.tree.setFilter(filter);
    return filter;
  },
};
