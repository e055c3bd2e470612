// What the create flow collects and what it turns into: the answers (kept on cancel, so the command can offer
// them again), the one-line summary on the confirm step, and the request body. No vscode import.
import * as l10n from '@vscode/l10n';
import type { Brand, Category, CreateTicketInput, Priority } from '../api/types';
import { codeContextToHtml } from '../code/codeContext';
import type { CodeContextAnswers } from '../code/codeContextStep';
import { markdownToHtml } from '../markdown/markdownToHtml';

/** 'new' with `email`: the e-mail typed into the requester search ("Use <e-mail>"), so it is not asked again. */
export type RequesterChoice = { kind: 'existing'; userId: number; name: string; email: string } | { kind: 'new'; email?: string };

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
  /** What was last typed into the requester search (Back and a later edit start from it). */
  requesterSearch?: string;
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

export function nameOf(list: { id: number; name: string }[], id: number | null | undefined): string | undefined {
  return id == null ? undefined : list.find((x) => x.id === id)?.name;
}

/** The requester as the confirm step shows it. */
export function requesterText(a: CreateTicketAnswers): string {
  return a.requester?.kind === 'existing'
    ? `${a.requester.name} <${a.requester.email}>`
    : l10n.t('{0} <{1}> (new)', a.newRequesterName, a.newRequesterEmail);
}

/** The brand every ticket gets unless the user picks another: the only one, or the one default. */
export function defaultBrandId(l: CreateTicketLookups): number | undefined {
  if (l.brands.length === 1) return l.brands[0].id;
  const defaults = l.brands.filter((b) => b.isDefault);
  return defaults.length === 1 ? defaults[0].id : undefined;
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
      markdownToHtml(a.description) +
      (a.codeContext !== undefined && a.includeCodeContext !== false ? codeContextToHtml(a.codeContext) : ''),
    priorityId: a.priorityId,
    ...(a.categoryId != null ? { categoryId: a.categoryId } : {}),
    requester:
      a.requester.kind === 'existing'
        ? { kind: 'existing', userId: a.requester.userId }
        : { kind: 'new', email: a.newRequesterEmail.trim(), name: a.newRequesterName.trim() },
  };
}
