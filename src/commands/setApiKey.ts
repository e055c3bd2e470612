// BoldDesk: Set API Key — masked input, checked with BoldDesk BEFORE it is stored (SecretStorage only).
// A rejected or uncheckable key is never stored. Afterwards, asks once (skippable) for the agent e-mail so
// the user sees whose name BoldDesk will show. Accepts the key as an argument only when the extension made it
// (`trusted`, integration tests); a command link's argument is ignored and the user is asked (docs/SECURITY.md).
import * as vscode from 'vscode';
import { describeError } from '../api/describeError';
import { AuthError } from '../api/errors';
import { MissingSettingError } from '../auth/sessionSettings';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import type { CommandDeps } from './command';
import { unwrapArg } from './trustedArg';
import { applyAgentEmail, validateAgentEmail } from './setAgentEmail';

/** globalState flag (not secret): the user skipped the agent e-mail question once; do not ask again. */
export const AGENT_EMAIL_SKIPPED = 'bolddesk.agentEmailPromptSkipped';

const WHERE_TO_CREATE = vscode.l10n.t('Create one in BoldDesk: avatar → View profile & Settings → API Keys.');

/** Pasted keys often carry spaces or a line break; a key never contains whitespace. */
export function cleanApiKey(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Longer than any real key; a paste of a whole page would otherwise go out as a (rejected) header. */
export const MAX_API_KEY_LENGTH = 1024;

/** Why the (cleaned) text cannot be an API key, before anything is sent; undefined when it may be one. */
export function apiKeyProblem(key: string): string | undefined {
  if (!key) return vscode.l10n.t('The API key is empty.');
  if (key.length > MAX_API_KEY_LENGTH) return vscode.l10n.t('That is {0} characters long, too long for an API key. Copy only the key.', key.length);
  if (!/^[\x21-\x7e]+$/.test(key)) return vscode.l10n.t('The API key contains characters an API key never has (letters with accents, symbols or invisible characters). Copy only the key.');
  return undefined;
}

async function askAgentEmailOnce(deps: CommandDeps): Promise<void> {
  if (deps.session.agentEmail || deps.context.globalState.get<boolean>(AGENT_EMAIL_SKIPPED)) return;
  const email = await deps.prompts.input({
    title: vscode.l10n.t('Your BoldDesk Agent E-mail (optional)'),
    prompt:
      vscode.l10n.t('Everything done with this key shows in BoldDesk under the name of the agent who owns it. Enter that agent’s e-mail to see who (Esc to skip).'),
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
  run: async (deps, rawArg) => {
    const { value, trusted } = unwrapArg(rawArg);
    if (rawArg !== undefined && !trusted) deps.log.info('Set API Key: an argument from outside the extension was ignored; asking instead.');
    const arg = trusted ? value : undefined;
    // The key goes to this origin and no other: named in full in the prompt, and checked again before it is sent.
    const host = deps.session.host;
    const origin = deps.session.origin;
    if (!host || !origin) {
      throw new MissingSettingError('domain', vscode.l10n.t('Set your BoldDesk domain first (BoldDesk: Set Domain), then the API key.'));
    }
    if (typeof arg !== 'string') {
      // Typed: checked with BoldDesk on Enter while the box stays open, so a wrong key is said there and the
      // user can correct it without starting over.
      let accepted: string | undefined;
      const typed = await deps.prompts.input({
        title: vscode.l10n.t('BoldDesk API Key for {0}', origin),
        prompt: vscode.l10n.t('Paste your API key. It is kept in VS Code\'s secret storage only. {0}', WHERE_TO_CREATE),
        password: true,
        validate: (v) => apiKeyProblem(cleanApiKey(v)),
        accept: async (v) => {
          const key = cleanApiKey(v);
          const refused = apiKeyProblem(key) ?? (await verifyKey(deps, key, host, origin));
          if (refused === undefined) accepted = key;
          return refused;
        },
      });
      if (typed === undefined || accepted === undefined) return false;
      return storeVerifiedKey(deps, accepted, host, origin);
    }
    const apiKey = cleanApiKey(arg);
    const problem = apiKeyProblem(apiKey);
    if (problem) {
      void deps.prompts.error(vscode.l10n.t('{0} Nothing was stored. {1}', problem, WHERE_TO_CREATE));
      return false;
    }
    const refused = await deps.prompts.withProgress(vscode.l10n.t('Checking the API key with {0}…', host), () => verifyKey(deps, apiKey, host, origin));
    if (refused !== undefined) {
      void deps.prompts.error(refused, vscode.l10n.t('Show Log')).then((action) => action && deps.log.show());
      return false;
    }
    return storeVerifiedKey(deps, apiKey, host, origin);
  },
};

/** undefined when BoldDesk accepts the key; otherwise what to tell the user (the key is never in it). */
async function verifyKey(deps: CommandDeps, apiKey: string, host: string, origin: string): Promise<string | undefined> {
  try {
    await deps.session.clientForKey(apiKey, origin).verifyKey();
    return undefined;
  } catch (error) {
    deps.log.error(`The API key check with ${host} failed`, error);
    return error instanceof AuthError
      ? vscode.l10n.t('BoldDesk ({0}) rejected this API key: it is invalid or expired. Nothing was stored. {1}', host, WHERE_TO_CREATE)
      : vscode.l10n.t('{0} The API key was not stored; try again when {1} can be reached.', describeError(error), host);
  }
}

async function storeVerifiedKey(deps: CommandDeps, apiKey: string, host: string, origin: string): Promise<boolean> {
  await deps.session.storeKey(apiKey, origin);
  deps.log.info(`API key stored for ${host}.`);
  void deps.prompts.info(vscode.l10n.t('API key stored for {0} in VS Code\'s secret storage.', host));
  await askAgentEmailOnce(deps);
  return true;
}
