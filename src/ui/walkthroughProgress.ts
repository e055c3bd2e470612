// The walkthrough's steps follow the real state, also when the user did them elsewhere (settings.json, the welcome
// view, a key stored earlier): a valid domain, a stored key, the Tickets view showing tickets, a created ticket.
// completionEvents alone miss state that was already true when VS Code registered the walkthrough (it then never
// progresses the step), so the extension marks a step done itself with the workbench's `welcome.markStepComplete`.
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../constants';
import type { Logger, Session } from '../deps';

const WALKTHROUGH_ID = 'bolddesk.gettingStarted';
export type WalkthroughStep = 'setDomain' | 'setApiKey' | 'browse' | 'createTicket';

const marked = new Set<WalkthroughStep>();

/** VS Code registers extension walkthroughs a few seconds after startup (it waits up to 5 s for experiments). */
const RETRY_MS = 6000;

/** Marks one step of the Get Started walkthrough done (once per session; a host without walkthroughs ignores it). */
export function markWalkthroughStep(step: WalkthroughStep, log?: Logger, retry = true): void {
  if (marked.has(step)) return;
  marked.add(step);
  vscode.commands.executeCommand('welcome.markStepComplete', `${EXTENSION_ID}#${WALKTHROUGH_ID}#${step}`).then(undefined, (error: unknown) => {
    // Usually: the walkthrough is not registered yet. Try once more when it will be.
    marked.delete(step);
    if (retry) setTimeout(() => markWalkthroughStep(step, log, false), RETRY_MS);
    else log?.error(`Could not mark the walkthrough step ${step} done`, error);
  });
}

/** Watches the session and the Tickets view; marks the steps whose state became true. */
export function trackWalkthrough(session: Session, treeView: vscode.TreeView<unknown>, log: Logger): vscode.Disposable {
  const update = () => {
    if (!session.origin) return;
    markWalkthroughStep('setDomain', log);
    if (session.identities.length === 0) return;
    markWalkthroughStep('setApiKey', log);
    if (treeView.visible) markWalkthroughStep('browse', log);
  };
  update();
  return vscode.Disposable.from(session.onDidChange(update), treeView.onDidChangeVisibility(update));
}
