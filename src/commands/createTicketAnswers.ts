// What the create flow collects and what it turns into: the answers (kept on cancel, so the command can offer
// them again), the one-line summary on the confirm step, and the request body. No vscode import.
import * as l10n from '@vscode/l10n';
import type { Brand, Category, CreateTicketInput, Priority } from '../api/types';
import { codeContextToHtml } from '../code/codeContext';
import type { CodeContextAnswers } from '../code/codeContextStep';
import { extras } from '../lazy/load';

export type RequesterChoice = { kind: 'existing'; userId: number; name: string; email: string } | { kind: 'new' };

export interface CreateTicketAnswers extends CodeContextAnswers {
  brandId?: number;
  subject: string;
  description: string;
  priorityId?: number;
  /** null = the user chose "No category". */
  categoryId?: number | null;
  requester?: RequesterChoice;
  newRequesterEmail: string;
  newRequesterName: string;
  /** Identity id to create the ticket with ("Post as"); undefined = the default identity. */
  postAs?: string;
}

export interface CreateTicketLookups {
  brands: Brand[];
  priorities: Priority[];
  /** Empty when BoldDesk has none (or they could not be loaded): the step is skipped. */
  categories: Category[];
}

export function emptyAnswers(): CreateTicketAnswers {
  return { subject: '', description: '', newRequesterEmail: '', newRequesterName: '' };
}

function nameOf(list: { id: number; name: string }[], id: number | null | undefined): string | undefined {
  return id == null ? undefined : list.find((x) => x.id === id)?.name;
}

/** One line of what will be sent, for the confirm step. */
export function summary(a: CreateTicketAnswers, l: CreateTicketLookups): string {
  const requester =
    a.requester?.kind === 'existing'
      ? `${a.requester.name} <${a.requester.email}>`
      : l10n.t('{0} <{1}> (new)', a.newRequesterName, a.newRequesterEmail);
  const brand = l.brands.length > 1 ? nameOf(l.brands.map((b) => ({ id: b.id, name: b.name })), a.brandId) : undefined;
  const category = nameOf(l.categories, a.categoryId);
  return [
    `"${a.subject}"`,
    brand !== undefined ? l10n.t('brand {0}', brand) : undefined,
    l10n.t('priority {0}', nameOf(l.priorities, a.priorityId) ?? ''),
    category ? l10n.t('category {0}', category) : undefined,
    l10n.t('requester {0}', requester),
    a.codeContext !== undefined && a.includeCodeContext !== false ? l10n.t('with code context') : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The request body for the answers (only called after the confirm step, when every answer is set). */
export function toCreateInput(a: CreateTicketAnswers): CreateTicketInput {
  if (a.brandId === undefined || a.priorityId === undefined || a.requester === undefined) {
    throw new Error(l10n.t('The create-ticket answers are incomplete.'));
  }
  return {
    brandId: a.brandId,
    subject: a.subject.trim(),
    description:
      extras().markdownToHtml(a.description) +
      (a.codeContext !== undefined && a.includeCodeContext !== false ? codeContextToHtml(a.codeContext) : ''),
    priorityId: a.priorityId,
    ...(a.categoryId != null ? { categoryId: a.categoryId } : {}),
    requester:
      a.requester.kind === 'existing'
        ? { kind: 'existing', userId: a.requester.userId }
        : { kind: 'new', email: a.newRequesterEmail.trim(), name: a.newRequesterName.trim() },
  };
}
