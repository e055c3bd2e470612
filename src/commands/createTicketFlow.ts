// The create-ticket questions as a small state machine over Prompts steps. Only what has no default is asked:
// brand (only without a default), subject, description (in a real editor when one is given), code context (from a
// selection), priority, requester (search; a typed new e-mail is kept), then the confirm step: one row per field,
// each editable, naming whose name BoldDesk will show. Back works everywhere and keeps every answer; the answers
// object is returned on cancel too, so the command can offer to restore it. No vscode import.
import * as l10n from '@vscode/l10n';
import type { CreateTicketInput } from '../api/types';
import { defaultBrandId, toCreateInput, type CreateTicketAnswers, type CreateTicketLookups } from './createTicketAnswers';
import { runConfirm } from './createTicketConfirm';
import { flowTitle, requesterSteps, runStep, type CreateFlowEnv, type FieldStep, type FlowRun } from './createTicketSteps';

export type { CreateFlowEnv } from './createTicketSteps';
export { flowTitle } from './createTicketSteps';

export type CreateFlowResult =
  | { kind: 'create'; input: CreateTicketInput; answers: CreateTicketAnswers }
  | { kind: 'cancel'; answers: CreateTicketAnswers };

export type StepId = FieldStep | 'confirm';

/** The steps asked on the way to the confirm step; brand and category have defaults and are changed there. */
export function stepsFor(a: CreateTicketAnswers, l: CreateTicketLookups): StepId[] {
  const steps: StepId[] = [];
  if (l.brands.length > 1 && defaultBrandId(l) === undefined) steps.push('brand');
  steps.push('subject', 'description');
  if (a.codeContext !== undefined) steps.push('codeContext');
  steps.push('priority', ...requesterSteps(a), 'confirm');
  return steps;
}

/** Runs the flow from the first step with `initial` prefilled. */
export async function runCreateTicketFlow(env: CreateFlowEnv, initial: CreateTicketAnswers): Promise<CreateFlowResult> {
  const { brands, priorities } = env.lookups;
  if (brands.length === 0) throw new Error(l10n.t('BoldDesk returned no brands, so a ticket cannot be created.'));
  if (priorities.length === 0) throw new Error(l10n.t('BoldDesk returned no priorities, so a ticket cannot be created.'));
  const run: FlowRun = { env, a: { ...initial } };
  run.a.brandId ??= defaultBrandId(env.lookups);

  let index = 0;
  for (;;) {
    const steps = stepsFor(run.a, env.lookups);
    const id = steps[index];
    const place = { title: flowTitle(), step: index + 1, totalSteps: steps.length, canGoBack: index > 0 };
    const outcome = id === 'confirm' ? await runConfirm(run, place) : await runStep(id, run, place);
    if (outcome === 'cancel') return { kind: 'cancel', answers: run.a };
    if (outcome === 'back') index = Math.max(0, index - 1);
    if (outcome !== 'next') continue;
    if (id === 'confirm') return { kind: 'create', input: toCreateInput(run.a), answers: run.a };
    index += 1;
  }
}
