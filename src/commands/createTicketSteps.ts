// The create flow's field steps, each asked on the way to the confirm step or from one of its rows. Every step
// keeps what the user typed, also when left by Back or Escape (shown again when the step comes back). No vscode import.
import * as l10n from '@vscode/l10n';
import type { Contact } from '../api/types';
import { runCodeContextStep, type EditedText } from '../code/codeContextStep';
import type { CreateTicketAnswers, CreateTicketLookups, RequesterChoice } from './createTicketAnswers';
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
  /** Opens text in a multi-line editor: the description is written there, the code context edited there. */
  editText?(text: string, what: 'description' | 'codeContext'): Promise<EditedText>;
}

/** One flow run: its answers, and the description's editor once opened (kept for Back and edits). */
export interface FlowRun {
  env: CreateFlowEnv;
  a: CreateTicketAnswers;
  description?: EditedText;
  /** Text typed into a box and left by Back or Escape (not confirmed): shown when the step comes back. */
  typed?: Partial<Record<FieldStep, string>>;
}

/** The input step's box: what was typed and left there, else the confirmed answer; `keep` remembers the typing. */
function box(run: FlowRun, id: FieldStep, confirmed: string | undefined): { value: string | undefined; keep: (t: string) => void } {
  return { value: run.typed?.[id] ?? confirmed, keep: (t) => ((run.typed ??= {})[id] = t) };
}

/** A confirmed answer replaces what was typed and left. */
function confirmed(run: FlowRun, id: FieldStep, outcome: StepOutcome): StepOutcome {
  if (outcome === 'next') delete run.typed?.[id];
  return outcome;
}

export interface StepPlace {
  title: string;
  step?: number;
  totalSteps?: number;
  canGoBack: boolean;
}

/** 'stay' = ask the same step again (after "Post as…" or an edit on the confirm step). */
export type StepOutcome = 'next' | 'back' | 'cancel' | 'stay';

export type FieldStep =
  | 'brand' | 'subject' | 'description' | 'codeContext' | 'priority' | 'category' | 'requester' | 'requesterEmail' | 'requesterName';

/** The flow's title (a function: the text is localized when the flow runs, not when the module loads). */
export const flowTitle = (): string => l10n.t('Create BoldDesk ticket');
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The requester's steps: the search, then for a new requester the e-mail (unless typed in the search) and name. */
export function requesterSteps(a: CreateTicketAnswers): FieldStep[] {
  if (a.requester?.kind !== 'new') return ['requester'];
  return a.requester.email === undefined ? ['requester', 'requesterEmail', 'requesterName'] : ['requester', 'requesterName'];
}

/** Maps a step's answer: BACK → 'back', undefined → 'cancel', a value → stored and 'next'. */
function settle<T>(result: T | Back | undefined, store: (value: T) => void): StepOutcome {
  if (result === BACK) return 'back';
  if (result === undefined) return 'cancel';
  store(result);
  return 'next';
}

/** A validator that refuses blank input with `message`. */
const required = (message: () => string) => (v: string) => (v.trim() === '' ? message() : undefined);

function item<T>(label: string, value: T, picked: boolean, description?: string): PickItem<T> {
  return { label, value, picked, description };
}

export async function runStep(id: FieldStep, run: FlowRun, place: StepPlace): Promise<StepOutcome> {
  const { a, env } = run;
  const p = env.prompts;
  const { brands, priorities, categories } = env.lookups;
  switch (id) {
    case 'brand': {
      const items = brands.map((b) => item(b.name, b.id, b.id === a.brandId, b.isDefault ? l10n.t('default') : undefined));
      return settle(await p.pickStep({ ...place, placeholder: l10n.t('Brand'), items }), (v) => (a.brandId = v));
    }
    case 'subject':
      return confirmed(run, id, settle(
        await p.inputStep({ ...place, prompt: l10n.t('Subject'), ...box(run, id, a.subject), validate: required(() => l10n.t('A subject is required.')) }),
        (v) => (a.subject = v.trim()),
      ));
    case 'description':
      return env.editText ? descriptionInEditor(run, place) : descriptionInBox(run, place);
    case 'codeContext':
      return runCodeContextStep(a, p, place, env.editText ? (text) => env.editText!(text, 'codeContext') : undefined);
    case 'priority': {
      const items = priorities.map((x) => item(x.name, x.id, x.id === a.priorityId));
      return settle(await p.pickStep({ ...place, placeholder: l10n.t('Priority'), items }), (v) => (a.priorityId = v));
    }
    case 'category': {
      const items: PickItem<number | null>[] = [
        { label: l10n.t('No category'), value: null, picked: a.categoryId == null },
        ...categories.map((c) => item<number | null>(c.name, c.id, c.id === a.categoryId)),
      ];
      return settle(await p.pickStep({ ...place, placeholder: l10n.t('Category (optional)'), items }), (v) => (a.categoryId = v));
    }
    case 'requester':
      return settle(await p.searchPickStep({ ...place, ...requesterStep(a, env) }), (v) => {
        a.requester = v;
        if (v.kind === 'new' && v.email !== undefined) a.newRequesterEmail = v.email;
      });
    case 'requesterEmail':
    case 'requesterName':
      return confirmed(run, id, await newRequesterStep(id, run, place));
  }
}

async function descriptionInBox(run: FlowRun, place: StepPlace): Promise<StepOutcome> {
  const { a } = run;
  const prompt = a.codeContext === undefined
    ? l10n.t('Description (what the requester needs)')
    : l10n.t('Description (what is wrong; the code context from your selection comes next)');
  const value = await run.env.prompts.inputStep({ ...place, prompt, ...box(run, 'description', a.description), validate: required(() => l10n.t('A description is required.')) });
  return confirmed(run, 'description', settle(value, (v) => (a.description = v)));
}

/**
 * The description is written in a real editor ("Description.md", beside the code) while this step waits. What is
 * in the editor is kept whatever the user answers (Continue, Back, Escape), so the text is never lost.
 */
async function descriptionInEditor(run: FlowRun, place: StepPlace): Promise<StepOutcome> {
  const { a, env } = run;
  if (run.description) await run.description.show?.();
  else run.description = await env.editText!(a.description, 'description');
  let refused = false;
  for (;;) {
    const placeholder = refused
      ? l10n.t('A description is required: write it in the editor "Description", then continue.')
      : l10n.t('Write the description in the editor "Description" (Markdown), then continue.');
    const answer = await env.prompts.pickStep<'continue'>({
      ...place,
      placeholder,
      items: [{ icon: 'check', label: l10n.t('Continue with the description from the editor'), value: 'continue' }],
    });
    a.description = run.description.read() ?? a.description;
    if (answer === BACK) return 'back';
    if (answer === undefined) return 'cancel';
    if (a.description.trim() !== '') return 'next';
    refused = true;
  }
}

async function newRequesterStep(id: 'requesterEmail' | 'requesterName', run: FlowRun, place: StepPlace): Promise<StepOutcome> {
  const { a, env: { prompts: p } } = run;
  if (id === 'requesterEmail') {
    return settle(
      await p.inputStep({
        ...place,
        prompt: l10n.t("New requester's e-mail (BoldDesk creates the contact)"),
        ...box(run, id, a.newRequesterEmail),
        validate: (v) => (EMAIL_RE.test(v.trim()) ? undefined : l10n.t('Type an e-mail address, e.g. jane@example.com.')),
      }),
      (v) => (a.newRequesterEmail = v.trim()),
    );
  }
  return settle(
    await p.inputStep({
      ...place,
      prompt: l10n.t("New requester's name (BoldDesk needs it for a new e-mail)"),
      ...box(run, id, a.newRequesterName),
      validate: required(() => l10n.t('A name is required.')),
    }),
    (v) => (a.newRequesterName = v.trim()),
  );
}

function requesterStep(a: CreateTicketAnswers, env: CreateFlowEnv) {
  const fixed: PickItem<RequesterChoice>[] = [
    { icon: 'add', label: l10n.t('New requester…'), description: l10n.t('enter an e-mail and a name'), value: { kind: 'new' }, picked: a.requester?.kind === 'new' && a.requester.email === undefined },
  ];
  if (a.requester?.kind === 'existing') fixed.push({ label: a.requester.name, description: a.requester.email, value: a.requester, picked: true });
  return {
    placeholder: l10n.t('Requester: type a name or e-mail to search contacts'),
    value: a.requesterSearch,
    fixedItems: fixed,
    search: async (text: string, signal: AbortSignal): Promise<PickItem<RequesterChoice>[]> => {
      a.requesterSearch = text; // kept for Back and a later edit
      const typed = text.trim();
      const contacts = await env.searchContacts(typed, signal);
      const chosen = a.requester?.kind === 'existing' ? a.requester.userId : undefined;
      const found: PickItem<RequesterChoice>[] = contacts
        .filter((c) => c.userId !== chosen)
        .map((c) => ({ label: c.name || c.email, description: c.email, value: { kind: 'existing', userId: c.userId, name: c.name, email: c.email } }));
      // A new requester's e-mail typed here is offered as it is, so it need not be typed twice.
      const known = contacts.some((c) => c.email.toLowerCase() === typed.toLowerCase());
      if (!EMAIL_RE.test(typed) || known) return found;
      return [{ icon: 'mail', label: l10n.t('Use {0}', typed), description: l10n.t('new requester (BoldDesk creates the contact)'), value: { kind: 'new', email: typed } }, ...found];
    },
  };
}
