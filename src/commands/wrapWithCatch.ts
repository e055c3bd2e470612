// Turns any error a command throws into one log entry and one clear notification (GitLab Workflow's
// wrapWithCatch). Words come from describeError; this file only picks the action button.
import * as vscode from 'vscode';
import { describeError } from '../api/describeError';
import { isBoldDeskError } from '../api/errors';
import { MissingSettingError } from '../auth/sessionSettings';
import { Commands } from '../constants';
import type { CommandDeps } from './command';

// Button labels, translated when shown (not at module load).
const SET_API_KEY = () => vscode.l10n.t('Set API Key');
const SET_DOMAIN = () => vscode.l10n.t('Set Domain');
const OPEN_SETTINGS = () => vscode.l10n.t('Open Settings');
const SHOW_LOG = () => vscode.l10n.t('Show Log');

/** Which follow-up action fits the error; undefined when none helps. */
export function actionFor(error: unknown): string | undefined {
  if (error instanceof MissingSettingError) return error.missing === 'key' ? SET_API_KEY() : SET_DOMAIN();
  if (!isBoldDeskError(error)) return SHOW_LOG();
  switch (error.kind) {
    case 'auth':
      return SET_API_KEY();
    case 'config':
    case 'redirect':
      return OPEN_SETTINGS();
    case 'network':
    case 'timeout':
    case 'server':
    case 'protocol':
      return SHOW_LOG();
    default:
      return undefined;
  }
}

/** Shows the error once and runs the chosen action. Exported so commands that catch errors themselves reuse it. */
export async function reportError(deps: Pick<CommandDeps, 'log' | 'prompts'>, commandId: string, error: unknown): Promise<void> {
  if (isCancellation(error)) {
    deps.log.info(`${commandId} cancelled.`);
    return;
  }
  deps.log.error(`${commandId} failed`, error);
  const message = describeError(error);
  const action = actionFor(error);
  // Through deps.prompts (read at call time), so integration tests see the message a user would.
  const picked = action ? await deps.prompts.error(message, action) : await deps.prompts.error(message);
  switch (picked) {
    case SET_API_KEY():
      await vscode.commands.executeCommand(Commands.setApiKey);
      break;
    case SET_DOMAIN():
      await vscode.commands.executeCommand(Commands.setDomain);
      break;
    case OPEN_SETTINGS():
      await vscode.commands.executeCommand('workbench.action.openSettings', 'bolddesk');
      break;
    case SHOW_LOG():
      deps.log.show();
      break;
  }
}

/** The user cancelled (progress notification, closed prompt): nothing to report. */
function isCancellation(error: unknown): boolean {
  return (isBoldDeskError(error) && error.kind === 'cancelled') || (error instanceof Error && error.name === 'AbortError');
}

export function wrapWithCatch(
  deps: Pick<CommandDeps, 'log' | 'prompts'>,
  commandId: string,
  handler: (...args: unknown[]) => unknown,
): (...args: unknown[]) => Promise<unknown> {
  return async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (error) {
      // Not awaited: the notification stays open while the command settles (tests must not hang on it).
      void reportError(deps, commandId, error);
      return undefined;
    }
  };
}
