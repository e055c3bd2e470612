// The create-ticket questions as a small state machine over Prompts steps:
// brand → subject → description → priority → category (optional) → requester (search or new: e-mail, name)
// → confirm (names whose name BoldDesk will show). Back works everywhere and keeps every answer; the
// answers object is returned on cancel too, so the command can offer to restore it. No vscode import.
import type { Brand, Category, Contact, CreateTicketInput, Priority } from '../api/types';
import { codeContextToHtml } from '../code/codeContext';
import { runCodeContextStep, type CodeContextAnswers, type EditedText } from '../code/codeContextStep';
import { textToHtml } from '../drafts/textToHtml';
import { BACK, type Back } from '../ui/back';
import type { PickItem, Prompts } from '../ui/prompts';

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

export interface CreateFlowEnv {
  prompts: Prompts;
  lookups: CreateTicketLookups;
  searchContacts(text: string, signal: AbortSignal): Promise<Contact[]>;
  /** e.g. 'BoldDesk will show this as "Ana Agent".' */
  attribution: string;
  /** With more than one, the confirm step offers "Post as…" (which key creates the ticket). */
  identities?: { id: string; label: string; description?: string }[];
  /** The attribution sentence for an identity (after "Post as…"). */
  attributionFor?: (identityId: string | undefined) => string;
  /** Opens text in a multi-line editor (the code-context step offers it when given). */
  editText?(text: string): Promise<EditedText>;
}

export type CreateFlowResult =
  | { kind: 'create'; input: CreateTicketInput; answers: CreateTicketAnswers }
  | { kind: 'cancel'; answers: CreateTicketAnswers };

export type StepId =
  | 'brand'
  | 'subject'
  | 'description'
  | 'codeContext'
  | 'priority'
  | 'category'
  | 'requester'
  | 'requesterEmail'
  | 'requesterName'
  | 'confirm';

/** 'stay' = ask the same step again (after "Post as…" on the confirm step). */
type StepOutcome = 'next' | 'back' | 'cancel' | 'stay';

export const TITLE = 'Create BoldDesk ticket';
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emptyAnswers(): CreateTicketAnswers {
  return { subject: '', description: '', newRequesterEmail: '', newRequesterName: '' };
}

/** The steps for the answers so far (the new-requester steps appear only after "New requester…"). */
export function stepsFor(a: CreateTicketAnswers, l: CreateTicketLookups): StepId[] {
  const steps: StepId[] = [];
  if (l.brands.length > 1) steps.push('brand');
  steps.push('subject', 'description');
  if (a.codeContext !== undefined) steps.push('codeContext');
  steps.push('priority');
  if (l.categories.length > 0) steps.push('category');
  steps.push('requester');
  if (a.requester?.kind === 'new') steps.push('requesterEmail', 'requesterName');
  steps.push('confirm');
  return steps;
}

const required = (what: string) => (v: string) => (v.trim() === '' ? `${what} is required.` : undefined);

/** Runs the flow from the first step with `initial` prefilled. */
export async function runCreateTicketFlow(env: CreateFlowEnv, initial: CreateTicketAnswers): Promise<CreateFlowResult> {
  const { brands, priorities } = env.lookups;
  if (brands.length === 0) throw new Error('BoldDesk returned no brands, so a ticket cannot be created.');
  if (priorities.length === 0) throw new Error('BoldDesk returned no priorities, so a ticket cannot be created.');
  const a: CreateTicketAnswers = { ...initial };
  if (brands.length === 1) a.brandId = brands[0].id;

  let index = 0;
  while (true) {
    const steps = stepsFor(a, env.lookups);
    const id = steps[index];
    const info = { title: TITLE, step: index + 1, totalSteps: steps.length, canGoBack: index > 0 };
    const outcome = await runStep(id, a, env, info);
    if (outcome === 'cancel') return { kind: 'cancel', answers: a };
    if (outcome === 'stay') continue;
    if (outcome === 'back') {
      index = Math.max(0, index - 1);
      continue;
    }
    if (id === 'confirm') return { kind: 'create', input: toCreateInput(a), answers: a };
    index += 1;
  }
}

/** Maps a step's answer: BACK → 'back', undefined → 'cancel', a value → stored and 'next'. */
function settle<T>(result: T | Back | undefined, store: (value: T) => void): StepOutcome {
  if (result === BACK) return 'back';
  if (result === undefined) return 'cancel';
  store(result);
  return 'next';
}

async function runStep(
  id: StepId,
  a: CreateTicketAnswers,
  env: CreateFlowEnv,
  info: { title: string; step: number; totalSteps: number; canGoBack: boolean },
): Promise<StepOutcome> {
  const p = env.prompts;
  const { brands, priorities, categories } = env.lookups;
  switch (id) {
    case 'brand': {
      const current = a.brandId ?? brands.find((b) => b.isDefault)?.id;
      const items = brands.map((b) => item(b.name, b.id, b.id === current, b.isDefault ? 'default' : undefined));
      return settle(await p.pickStep({ ...info, placeholder: 'Brand', items }), (v) => (a.brandId = v));
    }
    case 'subject':
      return settle(
        await p.inputStep({ ...info, prompt: 'Subject', value: a.subject, validate: required('A subject') }),
        (v) => (a.subject = v.trim()),
      );
    case 'description':
      return settle(
        await p.inputStep({
          ...info,
          prompt:
            a.codeContext === undefined
              ? 'Description (what the requester needs)'
              : 'Description (what is wrong; the code context from your selection comes next)',
          value: a.description,
          validate: required('A description'),
        }),
        (v) => (a.description = v),
      );
    case 'codeContext':
      return runCodeContextStep(a, p, info, env.editText ? (text) => env.editText!(text) : undefined);
    case 'priority': {
      const items = priorities.map((x) => item(x.name, x.id, x.id === a.priorityId));
      return settle(await p.pickStep({ ...info, placeholder: 'Priority', items }), (v) => (a.priorityId = v));
    }
    case 'category': {
      const items: PickItem<number | null>[] = [
        { label: 'No category', description: 'skip', value: null, picked: a.categoryId === null },
        ...categories.map((c) => item<number | null>(c.name, c.id, c.id === a.categoryId)),
      ];
      return settle(await p.pickStep({ ...info, placeholder: 'Category (optional)', items }), (v) => {
        a.categoryId = v;
      });
    }
    case 'requester':
      return settle(await p.searchPickStep({ ...info, ...requesterStep(a, env) }), (v) => (a.requester = v));
    case 'requesterEmail':
      return settle(
        await p.inputStep({
          ...info,
          prompt: "New requester's e-mail (BoldDesk creates the contact)",
          value: a.newRequesterEmail,
          validate: (v) => (EMAIL_RE.test(v.trim()) ? undefined : 'Type an e-mail address, e.g. jane@example.com.'),
        }),
        (v) => (a.newRequesterEmail = v.trim()),
      );
    case 'requesterName':
      return settle(
        await p.inputStep({
          ...info,
          prompt: "New requester's name (BoldDesk needs it for a new e-mail)",
          value: a.newRequesterName,
          validate: required('A name'),
        }),
        (v) => (a.newRequesterName = v.trim()),
      );
    case 'confirm': {
      const attribution = a.postAs !== undefined && env.attributionFor ? env.attributionFor(a.postAs) : env.attribution;
      const identities = env.identities ?? [];
      const postAs = identities.find((i) => i.id === a.postAs) ?? identities[0];
      const answer = await p.pickStep<'create' | 'back' | 'postAs'>({
        ...info,
        placeholder: `Check and create. ${attribution}`,
        items: [
          { label: '$(check) Create ticket', description: attribution, detail: summary(a, env), value: 'create' },
          ...(identities.length > 1 && postAs
            ? [{ label: `$(account) Post as ${postAs.label}…`, description: 'choose which identity (API key) creates it', value: 'postAs' as const }]
            : []),
          { label: '$(arrow-left) Change something', value: 'back' },
        ],
      });
      if (answer === 'back') return 'back';
      if (answer === 'postAs') return pickPostAs(a, env, info);
      return settle(answer, () => undefined);
    }
  }
}

/** The "Post as…" sub-step of the confirm step; Back or Esc returns to the confirm step unchanged. */
async function pickPostAs(
  a: CreateTicketAnswers,
  env: CreateFlowEnv,
  info: { title: string; step: number; totalSteps: number },
): Promise<StepOutcome> {
  const identities = env.identities ?? [];
  const current = a.postAs ?? identities[0]?.id;
  const chosen = await env.prompts.pickStep<string>({
    ...info,
    canGoBack: true,
    placeholder: 'Post as… (BoldDesk shows the ticket as created by the owner of that key)',
    items: identities.map((i) => ({ label: i.label, description: i.description, value: i.id, picked: i.id === current })),
  });
  if (typeof chosen === 'string') a.postAs = chosen;
  return 'stay';
}

function requesterStep(a: CreateTicketAnswers, env: CreateFlowEnv) {
  const fixed: PickItem<RequesterChoice>[] = [
    {
      label: '$(add) New requester…',
      description: 'enter an e-mail and a name',
      value: { kind: 'new' },
      picked: a.requester?.kind === 'new',
    },
  ];
  if (a.requester?.kind === 'existing') {
    fixed.push({ label: a.requester.name, description: a.requester.email, value: a.requester, picked: true });
  }
  return {
    placeholder: 'Requester: type a name or e-mail to search contacts',
    fixedItems: fixed,
    search: async (text: string, signal: AbortSignal): Promise<PickItem<RequesterChoice>[]> => {
      const contacts = await env.searchContacts(text.trim(), signal);
      const chosen = a.requester?.kind === 'existing' ? a.requester.userId : undefined;
      return contacts
        .filter((c) => c.userId !== chosen)
        .map((c) => ({
          label: c.name || c.email,
          description: c.email,
          value: { kind: 'existing', userId: c.userId, name: c.name, email: c.email },
        }));
    },
  };
}

function item<T>(label: string, value: T, picked: boolean, description?: string): PickItem<T> {
  return { label, value, picked, description };
}

function nameOf(list: { id: number; name: string }[], id: number | null | undefined): string | undefined {
  return id == null ? undefined : list.find((x) => x.id === id)?.name;
}

/** One line of what will be sent, for the confirm step. */
export function summary(a: CreateTicketAnswers, env: Pick<CreateFlowEnv, 'lookups'>): string {
  const l = env.lookups;
  const requester =
    a.requester?.kind === 'existing'
      ? `${a.requester.name} <${a.requester.email}>`
      : `${a.newRequesterName} <${a.newRequesterEmail}> (new)`;
  return [
    `"${a.subject}"`,
    l.brands.length > 1 ? `brand ${nameOf(l.brands.map((b) => ({ id: b.id, name: b.name })), a.brandId)}` : undefined,
    `priority ${nameOf(l.priorities, a.priorityId)}`,
    nameOf(l.categories, a.categoryId) ? `category ${nameOf(l.categories, a.categoryId)}` : undefined,
    `requester ${requester}`,
    a.codeContext !== undefined && a.includeCodeContext !== false ? 'with code context' : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The request body for the answers (only called after the confirm step, when every answer is set). */
export function toCreateInput(a: CreateTicketAnswers): CreateTicketInput {
  if (a.brandId === undefined || a.priorityId === undefined || a.requester === undefined) {
    throw new Error('The create-ticket answers are incomplete.');
  }
  return {
    brandId: a.brandId,
    subject: a.subject.trim(),
    description:
      textToHtml(a.description) +
      (a.codeContext !== undefined && a.includeCodeContext !== false ? codeContextToHtml(a.codeContext) : ''),
    priorityId: a.priorityId,
    ...(a.categoryId != null ? { categoryId: a.categoryId } : {}),
    requester:
      a.requester.kind === 'existing'
        ? { kind: 'existing', userId: a.requester.userId }
        : { kind: 'new', email: a.newRequesterEmail.trim(), name: a.newRequesterName.trim() },
  };
}
