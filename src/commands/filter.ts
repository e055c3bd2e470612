// BoldDesk: Filter Tickets — narrow every category by text, status and/or priority. Each choice replaces
// its own part of the current filter. Accepts a TicketFilter argument (integration tests).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { isFilterEmpty, type TicketFilter } from '../model/categories';
import type { PickItem } from '../ui/prompts';
import type { BoldDeskCommand } from './command';
import type { CommandDeps } from './command';

type Dimension = 'text' | 'status' | 'priority' | 'clear';

function describeFilter(filter: TicketFilter, statusNames: Map<number, string>, priorityNames: Map<number, string>): string {
  const parts: string[] = [];
  if (filter.text) parts.push(vscode.l10n.t('“{0}”', filter.text));
  if (filter.statusIds?.length) parts.push(filter.statusIds.map((id) => statusNames.get(id) ?? vscode.l10n.t('status {0}', id)).join(', '));
  if (filter.priorityIds?.length) parts.push(filter.priorityIds.map((id) => priorityNames.get(id) ?? vscode.l10n.t('priority {0}', id)).join(', '));
  return parts.join(' · ');
}

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

async function askFilter(deps: CommandDeps, current: TicketFilter): Promise<TicketFilter | undefined> {
  const api = await deps.session.requireApi();
  const dimensions: PickItem<Dimension | { text: string }>[] = [
    { icon: 'search', label: vscode.l10n.t('Text in subject…'), description: current.text ? vscode.l10n.t('“{0}”', current.text) : undefined, value: 'text' },
    { icon: 'circle-outline', label: vscode.l10n.t('Status…'), value: 'status' },
    { icon: 'arrow-up', label: vscode.l10n.t('Priority…'), value: 'priority' },
  ];
  if (!isFilterEmpty(current)) dimensions.push({ icon: 'clear-all', label: vscode.l10n.t('Clear filter'), value: 'clear' });
  // Text typed here is the text filter on Enter (offered first as "Subject contains …"): typing is never thrown away.
  const typed = (text: string): PickItem<Dimension | { text: string }> | undefined =>
    text.trim() ? { icon: 'search', label: vscode.l10n.t('Subject contains “{0}”', text.trim()), value: { text: text.trim() } } : undefined;
  const dimension = await deps.prompts.pick<Dimension | { text: string }>(dimensions, {
    title: vscode.l10n.t('Filter Tickets'),
    placeholder: vscode.l10n.t('Type text to filter by, or filter every category by…'),
    typed,
  });
  if (typeof dimension === 'object') return { ...current, text: dimension.text };
  switch (dimension) {
    case undefined:
      return undefined;
    case 'clear':
      return {};
    case 'text': {
      const text = await deps.prompts.input({
        title: vscode.l10n.t('Filter Tickets: Text'),
        prompt: vscode.l10n.t('Show tickets whose subject contains this text (empty = any text)'),
        value: current.text ?? '',
      });
      return text === undefined ? undefined : { ...current, text: text.trim() || undefined };
    }
    case 'status': {
      const statuses = await api.getStatuses();
      const chosen = await deps.prompts.pickMany(
        statuses.map((s) => ({
          label: s.name,
          description: s.isClosed ? vscode.l10n.t('closed') : undefined,
          picked: current.statusIds?.includes(s.id),
          value: s.id,
        })),
        { title: vscode.l10n.t('Filter Tickets: Status'), placeholder: vscode.l10n.t('Show only these statuses (none = any)') },
      );
      return chosen === undefined ? undefined : { ...current, statusIds: chosen };
    }
    case 'priority': {
      const priorities = await api.getPriorities();
      const chosen = await deps.prompts.pickMany(
        priorities.map((p) => ({ label: p.name, picked: current.priorityIds?.includes(p.id), value: p.id })),
        { title: vscode.l10n.t('Filter Tickets: Priority'), placeholder: vscode.l10n.t('Show only these priorities (none = any)') },
      );
      return chosen === undefined ? undefined : { ...current, priorityIds: chosen };
    }
  }
}

export const filterCommand: BoldDeskCommand = {
  id: Commands.filter,
  run: async (deps, arg) => {
    const current: TicketFilter = { ...(deps.tree.filter ?? {}) };
    delete current.description;
    const next = asFilter(arg) ?? (await askFilter(deps, current));
    if (next === undefined) return undefined;
    if (isFilterEmpty(next)) {
      deps.tree.setFilter(undefined);
      return undefined;
    }
    const api = await deps.session.requireApi();
    const [statuses, priorities] = await Promise.all([api.getStatuses(), api.getPriorities()]);
    const description = describeFilter(
      next,
      new Map(statuses.map((s) => [s.id, s.name])),
      new Map(priorities.map((p) => [p.id, p.name])),
    );
    const filter: TicketFilter = { ...next, description };
    deps.tree.setFilter(filter);
    return filter;
  },
};
