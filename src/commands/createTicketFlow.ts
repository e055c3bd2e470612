// The create-ticket questions as a small state machine over Prompts steps:
// brand → subject → description → priority → category (optional) → requester (search or new: e-mail, name)
// → confirm (names whose name BoldDesk will show). Back works everywhere and keeps every answer; the
// answers object is returned on cancel too, so the command can offer to restore it. No vscode import.
import * as l10n from '@vscode/l10n';
import type { Contact, CreateTicketInput } from '../api/types';
import { runCodeContextStep, type EditedText } from '../code/codeContextStep';
import { summary, toCreateInput, type CreateTicketAnswers, type CreateTicketLookups, type RequesterChoice } from './createTicketAnswers';
import { BACK, type Back } from '../ui/back';
import type { PickItem, Prompts } from '../ui/prompts';

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
  /** Names of the files that go up with the ticket (shown on the confirm step). */
  files?: string[];
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

/** The flow's title (a function: the text is localized when the flow runs, not when the module loads). */
export const flowTitle = (): string => l10n.t('Create BoldDesk ticket');
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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

/** A validator that refuses blank input with `message`. */
const required = (message: () => string) => (v: string) => (v.trim() === '' ? message() : undefined);

/** Runs the flow from the first step with `initial` prefilled. */
export async function runCreateTicketFlow(env: CreateFlowEnv, initial: CreateTicketAnswers): Promise<CreateFlowResult> {
  const { brands, priorities } = env.lookups;
  if (brands.length === 0) throw new Error(l10n.t('BoldDesk returned no brands, so a ticket cannot be created.'));
  if (priorities.length === 0) throw new Error(l10n.t('BoldDesk returned no priorities, so a ticket cannot be created.'));
  const a: CreateTicketAnswers = { ...initial };
  if (brands.length === 1) a.brandId = brands[0].id;

  let index = 0;
  while (true) {
    const steps = stepsFor(a, env.lookups);
    const id = steps[index];
    const info = { title: flowTitle(), step: index + 1, totalSteps: steps.length, canGoBack: index > 0 };
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
      const items = brands.map((b) => item(b.name, b.id, b.id === current, b.isDefault ? l10n.t('default') : undefined));
      return settle(await p.pickStep({ ...info, placeholder: l10n.t('Brand'), items }), (v) => (a.brandId = v));
    }
    case 'subject':
      return settle(
        await p.inputStep({ ...info, prompt: l10n.t('Subject'), value: a.subject, validate: required(() => l10n.t('A subject is required.')) }),
        (v) => (a.subject = v.trim()),
      );
    case 'description':
      return settle(
        await p.inputStep({
          ...info,
          prompt:
            a.codeContext === undefined
              ? l10n.t('Description (what the requester needs)')
              : l10n.t('Description (what is wrong; the code context from your selection comes next)'),
          value: a.description,
          validate: required(() => l10n.t('A description is required.')),
        }),
        (v) => (a.description = v),
      );
    case 'codeContext':
      return runCodeContextStep(a, p, info, env.editText ? (text) => env.editText!(text) : undefined);
    case 'priority': {
      const items = priorities.map((x) => item(x.name, x.id, x.id === a.priorityId));
      return settle(await p.pickStep({ ...info, placeholder: l10n.t('Priority'), items }), (v) => (a.priorityId = v));
    }
    case 'category': {
      const items: PickItem<number | null>[] = [
        { label: l10n.t('No category'), description: l10n.t('skip'), value: null, picked: a.categoryId === null },
        ...categories.map((c) => item<number | null>(c.name, c.id, c.id === a.categoryId)),
      ];
      return settle(await p.pickStep({ ...info, placeholder: l10n.t('Category (optional)'), items }), (v) => {
        a.categoryId = v;
      });
    }
    case 'requester':
      return settle(await p.searchPickStep({ ...info, ...requesterStep(a, env) }), (v) => (a.requester = v));
    case 'requesterEmail':
      return settle(
        await p.inputStep({
          ...info,
          prompt: l10n.t("New requester's e-mail (BoldDesk creates the contact)"),
          value: a.newRequesterEmail,
          validate: (v) => (EMAIL_RE.test(v.trim()) ? undefined : l10n.t('Type an e-mail address, e.g. jane@example.com.')),
        }),
        (v) => (a.newRequesterEmail = v.trim()),
      );
    case 'requesterName':
      return settle(
        await p.inputStep({
          ...info,
          prompt: l10n.t("New requester's name (BoldDesk needs it for a new e-mail)"),
          value: a.newRequesterName,
          validate: required(() => l10n.t('A name is required.')),
        }),
        (v) => (a.newRequesterName = v.trim()),
      );
    case 'confirm': {
      const attribution = a.postAs !== undefined && env.attributionFor ? env.attributionFor(a.postAs) : env.attribution;
      const identities = env.identities ?? [];
      const postAs = identities.find((i) => i.id === a.postAs) ?? identities[0];
      const answer = await p.pickStep<'create' | 'back' | 'postAs'>({
        ...info,
        placeholder: l10n.t('Check and create. {0}', attribution),
        items: [
          {
            icon: 'check', label: l10n.t('Create ticket'), description: attribution, value: 'create',
            detail: env.files?.length ? `${summary(a, env.lookups)} · ${l10n.t('Files: {0}', env.files.join(', '))}` : summary(a, env.lookups),
          },
          ...(identities.length > 1 && postAs
            ? [{ icon: 'account', label: l10n.t('Post as {0}…', postAs.label), description: l10n.t('choose which identity (API key) creates it'), value: 'postAs' as const }]
            : []),
          { icon: 'arrow-left', label: l10n.t('Change something'), value: 'back' },
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
    placeholder: l10n.t('Post as… (BoldDesk shows the ticket as created by the owner of that key)'),
    items: identities.map((i) => ({ label: i.label, description: i.description, value: i.id, picked: i.id === current })),
  });
  if (typeof chosen === 'string') a.postAs = chosen;
  return 'stay';
}

function requesterStep(a: CreateTicketAnswers, env: CreateFlowEnv) {
  const fixed: PickItem<RequesterChoice>[] = [
    {
      icon: 'add',
      label: l10n.t('New requester…'),
      description: l10n.t('enter an e-mail and a name'),
      value: { kind: 'new' },
      picked: a.requester?.kind === 'new',
    },
  ];
  if (a.requester?.kind === 'existing') {
    fixed.push({ label: a.requester.name, description: a.requester.email, value: a.requester, picked: true });
  }
  return {
    placeholder: l10n.t('Requester: type a name or e-mail to search contacts'),
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
