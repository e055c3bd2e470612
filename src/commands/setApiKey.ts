// BoldDesk: Set API Key — masked input, checked with BoldDesk BEFORE it is stored (SecretStorage only).
// A rejected or uncheckable key is never stored. Afterwards, asks once (skippable) for the agent e-mail so
// the user sees whose name BoldDesk will show. Accepts the key as an argument (integration tests).
import { describeError } from '../api/describeError';
import { AuthError } from '../api/errors';
import { MissingSettingError } from '../auth/session';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import type { CommandDeps } from './deps';
import { applyAgentEmail, validateAgentEmail } from './setAgentEmail';

/** globalState flag (not secret): the user skipped the agent e-mail question once; do not ask again. */
export const AGENT_EMAIL_SKIPPED = 'bolddesk.agentEmailPromptSkipped';

const WHERE_TO_CREATE = 'Create one in BoldDesk: avatar → View profile & Settings → API Keys.';

/** Pasted keys often carry spaces or a line break; a key never contains whitespace. */
export function cleanApiKey(text: string): string {
  return text.replace(/\s+/g, '');
}

async function askAgentEmailOnce(deps: CommandDeps): Promise<void> {
  if (deps.session.agentEmail || deps.context.globalState.get<boolean>(AGENT_EMAIL_SKIPPED)) return;
  const email = await deps.prompts.input({
    title: 'Your BoldDesk Agent E-mail (optional)',
    prompt:
      'Everything done with this key shows in BoldDesk under the name of the agent who owns it. Enter that agent’s e-mail to see who (Esc to skip).',
    placeholder: 'ana@example.com',
    validate: validateAgentEmail,
  });
  if (!email?.trim()) {
    await deps.context.globalState.update(AGENT_EMAIL_SKIPPED, true);
    return;
  }
  await applyAgentEmail(deps, email);
}

export const setApiKeyCommand: BoldDeskCommand = {
  id: Commands.setApiKey,
  run: async (deps, arg) => {
    const host = deps.session.host;
    if (!host) {
      throw new MissingSettingError('domain', 'Set your BoldDesk domain first (BoldDesk: Set Domain), then the API key.');
    }
    const typed =
      typeof arg === 'string'
        ? arg
        : await deps.prompts.input({
            title: `BoldDesk API Key for ${host}`,
            prompt: `Paste your API key. It is kept in VS Code's secret storage only. ${WHERE_TO_CREATE}`,
            password: true,
            validate: (v) => (cleanApiKey(v) ? undefined : 'The API key is empty.'),
          });
    if (typed === undefined) return false;
    const apiKey = cleanApiKey(typed);
    if (!apiKey) {
      void deps.prompts.error(`The API key is empty, so nothing was stored. ${WHERE_TO_CREATE}`);
      return false;
    }

    try {
      await deps.prompts.withProgress(`Checking the API key with ${host}…`, () =>
        deps.session.clientForKey(apiKey).verifyKey(),
      );
    } catch (error) {
      deps.log.error(`The API key check with ${host} failed`, error);
      const message =
        error instanceof AuthError
          ? `BoldDesk (${host}) rejected this API key: it is invalid or expired. Nothing was stored. ${WHERE_TO_CREATE}`
          : `${describeError(error)} The API key was not stored; try again when ${host} can be reached.`;
      void deps.prompts.error(message, 'Show Log').then((action) => action && deps.log.show());
      return false;
    }

    await deps.session.storeKey(apiKey);
    deps.log.info(`API key stored for ${host}.`);
    void deps.prompts.info(`API key stored for ${host} in VS Code's secret storage.`);
    await askAgentEmailOnce(deps);
    return true;
  },
};
