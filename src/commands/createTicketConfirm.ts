// The create flow's confirm step: one row per field (the description with its first lines), each row opens that
// field's step and comes back here; "Create ticket" names whose name BoldDesk will show; "Post as…" with more
// than one identity. No vscode import.
import * as l10n from '@vscode/l10n';
import { nameOf, requesterText } from './createTicketAnswers';
import { BACK } from '../ui/back';
import type { PickItem } from '../ui/prompts';
import { flowTitle, requesterSteps, runStep, type FieldStep, type FlowRun, type StepOutcome, type StepPlace } from './createTicketSteps';

type ConfirmChoice = 'create' | 'postAs' | FieldStep;

/** The description's first lines, for its row (a row is one line: lines are joined with " ⏎ "). */
export function firstLines(text: string, count = 3, max = 160): string {
  const lines = text.trim().split(/\r?\n/).filter((l) => l.trim() !== '');
  const joined = lines.slice(0, count).join(' ⏎ ');
  return joined.length > max || lines.length > count ? `${joined.slice(0, max)}…` : joined;
}

function row(label: string, value: string, field: FieldStep, detail?: string): PickItem<ConfirmChoice> {
  return { icon: 'edit', label, description: value, detail, value: field };
}

/** The rows of the confirm step for the answers so far. */
export function confirmRows(run: FlowRun, attribution: string): PickItem<ConfirmChoice>[] {
  const { a, env } = run;
  const { brands, priorities, categories } = env.lookups;
  const lineCount = a.description.trim() === '' ? 0 : a.description.trim().split(/\r?\n/).length;
  const rows: PickItem<ConfirmChoice>[] = [
    { icon: 'check', label: l10n.t('Create ticket'), description: attribution, value: 'create',
      detail: env.files?.length ? l10n.t('Files: {0}', env.files.join(', ')) : undefined },
    row(l10n.t('Subject'), a.subject, 'subject'),
    row(l10n.t('Description'), lineCount === 1 ? l10n.t('1 line') : l10n.t('{0} lines', lineCount), 'description', firstLines(a.description)),
  ];
  if (a.codeContext !== undefined) {
    rows.push(row(l10n.t('Code context'), a.includeCodeContext === false ? l10n.t('left out') : l10n.t('added below the description'), 'codeContext'));
  }
  if (brands.length > 1) rows.push(row(l10n.t('Brand'), nameOf(brands, a.brandId) ?? '', 'brand'));
  rows.push(row(l10n.t('Priority'), nameOf(priorities, a.priorityId) ?? '', 'priority'));
  if (categories.length > 0) rows.push(row(l10n.t('Category'), nameOf(categories, a.categoryId) ?? l10n.t('none'), 'category'));
  rows.push(row(l10n.t('Requester'), requesterText(a), 'requester'));
  return rows;
}

export async function runConfirm(run: FlowRun, place: StepPlace): Promise<StepOutcome> {
  const { a, env } = run;
  const attribution = a.postAs !== undefined && env.attributionFor ? env.attributionFor(a.postAs) : env.attribution;
  const identities = env.identities ?? [];
  const postAs = identities.find((i) => i.id === a.postAs) ?? identities[0];
  const items = confirmRows(run, attribution);
  if (identities.length > 1 && postAs) {
    items.push({ icon: 'account', label: l10n.t('Post as {0}…', postAs.label), description: l10n.t('choose which identity (API key) creates it'), value: 'postAs' });
  }
  const answer = await env.prompts.pickStep<ConfirmChoice>({
    ...place,
    placeholder: l10n.t('Check and create, or pick a row to change it. {0}', attribution),
    items,
  });
  if (answer === BACK) return 'back';
  if (answer === undefined) return 'cancel';
  if (answer === 'create') return 'next';
  if (answer === 'postAs') return pickPostAs(run, place);
  return editField(run, answer);
}

/**
 * Changes one field from the confirm step: its step(s) with Back, then back to the confirm step ('stay').
 * Back on the first of them returns to the confirm step unchanged; Escape cancels the flow (answers kept).
 */
export async function editField(run: FlowRun, field: FieldStep): Promise<StepOutcome> {
  let index = 0;
  for (;;) {
    const steps = field === 'requester' ? requesterSteps(run.a) : [field];
    if (index >= steps.length) return 'stay';
    const outcome = await runStep(steps[index], run, { title: flowTitle(), canGoBack: true });
    if (outcome === 'cancel') return 'cancel';
    if (outcome === 'back') {
      if (index === 0) return 'stay';
      index -= 1;
    } else if (outcome === 'next') index += 1;
  }
}

/** The "Post as…" sub-step of the confirm step; Back or Esc returns to the confirm step unchanged. */
async function pickPostAs(run: FlowRun, place: StepPlace): Promise<StepOutcome> {
  const identities = run.env.identities ?? [];
  const current = run.a.postAs ?? identities[0]?.id;
  const chosen = await run.env.prompts.pickStep<string>({
    ...place,
    canGoBack: true,
    placeholder: l10n.t('Post as… (BoldDesk shows the ticket as created by the owner of that key)'),
    items: identities.map((i) => ({ label: i.label, description: i.description, value: i.id, picked: i.id === current })),
  });
  if (typeof chosen === 'string') run.a.postAs = chosen;
  return 'stay';
}
