// The questions of BoldDesk: Filter Tickets (src/commands/filter.ts), loaded on first use as part of
// dist/extrasUi.js: what to filter by, then the text, statuses or priorities, and the filter's description.
import * as vscode from 'vscode';
import { isFilterEmpty, type TicketFilter } from '../model/categories';
import type { BoldDeskApi } from '../api/api';
import type { PickItem, Prompts } from '../ui/prompts';

/** What the questions use (CommandDeps has them; named here so this bundle's entry imports no command wiring). */
export interface FilterDeps {
  session: { requireApi(): Promise<Pick<BoldDeskApi, 'getStatuses' | 'getPriorities'>> };
  prompts: Pick<Prompts, 'pick' | 'pickMany' | 'input'>;
}

type Dimension = 'text' | 'status' | 'priority' | 'clear';

export function describeFilter(filter: TicketFilter, statusNames: Map<number, string>, priorityNames: Map<number, string>): string {
  const parts: string[] = [];
  if (filter.text) parts.push(vscode.l10n.t('“{0}”', filter.text));
  if (filter.statusIds?.length) parts.push(filter.statusIds.map((id) => statusNames.get(id) ?? vscode.l10n.t('status {0}', id)).join(', '));
  if (filter.priorityIds?.length) parts.push(filter.priorityIds.map((id) => priorityNames.get(id) ?? vscode.l10n.t('priority {0}', id)).join(', '));
  return parts.join(' · ');
}

export async function askFilter(deps: FilterDeps, current: TicketFilter): Promise<TicketFilter | undefined> {
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

