// BoldDesk: Add Identity — one more API key for the same domain under a local label (e.g. a dedicated "API Bot"
// agent for brand-facing replies). The key is checked with BoldDesk before it is stored (SecretStorage only); the
// label and the optional agent e-mail stay on this machine (globalState). Tests pass
// `trusted({ label, apiKey, agentEmail?, makeDefault? })` instead of answering questions; an argument a command link
// passes is ignored and the user is asked (docs/SECURITY.md).
import * as vscode from 'vscode';
import { describeError } from '../api/describeError';
import { AuthError, NotFoundError, ValidationError } from '../api/errors';
import { MAX_LABEL_CHARS } from '../auth/identityStore';
import { MissingSettingError } from '../auth/sessionSettings';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import type { CommandDeps } from './command';
import { unwrapArg } from './trustedArg';
import { validateAgentEmail } from './setAgentEmail';
import { apiKeyProblem, cleanApiKey } from './setApiKey';

interface AddIdentityArgs {
  label: string;
  apiKey: string;
  agentEmail?: string;
  makeDefault?: boolean;
}

function isArgs(v: unknown): v is AddIdentityArgs {
  const o = v as Partial<AddIdentityArgs> | null;
  return typeof o === 'object' && o !== null && typeof o.label === 'string' && typeof o.apiKey === 'string';
}

export function validateLabel(deps: Pick<CommandDeps, 'session'>, text: string): string | undefined {
  const t = text.trim();
  if (!t) return vscode.l10n.t('Give the identity a name, e.g. “API Bot”.');
  if (t.length > MAX_LABEL_CHARS) return vscode.l10n.t('Keep the name under {0} characters.', MAX_LABEL_CHARS);
  if (deps.session.identities.some((i) => i.label.toLowerCase() === t.toLowerCase())) {
    return vscode.l10n.t('There is already an identity called “{0}”.', t);
  }
  return undefined;
}

async function ask(deps: CommandDeps, host: string): Promise<AddIdentityArgs | undefined> {
  const label = await deps.prompts.input({
    title: vscode.l10n.t('Add BoldDesk Identity (1/3)'),
    prompt: vscode.l10n.t('A name for this identity, shown only on this computer (BoldDesk never sees it).'),
    placeholder: vscode.l10n.t('API Bot'),
    validate: (v) => validateLabel(deps, v),
  });
  if (label === undefined) return undefined;
  const apiKey = await deps.prompts.input({
    title: vscode.l10n.t('Add BoldDesk Identity (2/3)'),
    prompt: vscode.l10n.t(
      'Paste the API key of the agent “{0}” should post as ({1}). Kept in VS Code’s secret storage only.',
      label.trim(),
      host,
    ),
    password: true,
    validate: (v) => apiKeyProblem(cleanApiKey(v)),
  });
  if (apiKey === undefined) return undefined;
  const agentEmail = await deps.prompts.input({
    title: vscode.l10n.t('Add BoldDesk Identity (3/3, optional)'),
    prompt: vscode.l10n.t('The e-mail of the agent who owns this key, to show whose name BoldDesk puts on what you post (Esc or empty to skip).'),
    placeholder: 'bot@example.com',
    validate: validateAgentEmail,
  });
  return { label, apiKey, agentEmail: agentEmail ?? '' };
}

export const addIdentityCommand: BoldDeskCommand = {
  id: Commands.addIdentity,
  /** Resolves with the new identity's id, or undefined when nothing was stored. */
  run: async (deps, rawArg) => {
    const { value: arg, trusted } = unwrapArg(rawArg);
    if (rawArg !== undefined && !trusted) deps.log.info('Add Identity: an argument from outside the extension was ignored; asking instead.');
    const host = deps.session.host;
    const origin = deps.session.origin;
    if (!host || !origin) {
      throw new MissingSettingError('domain', vscode.l10n.t('Set your BoldDesk domain first (BoldDesk: Set Domain), then add identities.'));
    }
    await deps.session.loadIdentities();
    // The prompt names the full origin the key will be sent to; clientForKey/addIdentity refuse any other.
    const answers = trusted && isArgs(arg) ? arg : await ask(deps, origin);
    if (!answers) return undefined;
    const labelProblem = validateLabel(deps, answers.label);
    const apiKey = cleanApiKey(answers.apiKey);
    const keyProblem = apiKeyProblem(apiKey);
    if (labelProblem || keyProblem) {
      void deps.prompts.error(labelProblem ?? vscode.l10n.t('{0} Nothing was stored.', keyProblem ?? ''));
      return undefined;
    }
    const email = (answers.agentEmail ?? '').trim();
    const api = deps.session.clientForKey(apiKey, origin);
    try {
      await deps.prompts.withProgress(vscode.l10n.t('Checking the API key with {0}…', host), async () => {
        await api.verifyKey();
        if (email) await api.getAgentByEmail(email);
      });
    } catch (error) {
      deps.log.error(`Adding an identity for ${host} failed`, error);
      const message =
        error instanceof AuthError
          ? vscode.l10n.t('BoldDesk ({0}) rejected this API key: it is invalid or expired. Nothing was stored.', host)
          : error instanceof NotFoundError || error instanceof ValidationError
            ? vscode.l10n.t('{0} is not an agent in {1}. Nothing was stored; check the e-mail and try again.', email, host)
            : vscode.l10n.t('{0} The identity was not stored; try again when {1} can be reached.', describeError(error), host);
      void deps.prompts.error(message);
      return undefined;
    }
    const makeDefault = answers.makeDefault ?? deps.session.identities.length === 0;
    const added = await deps.session.addIdentity(answers.label, apiKey, email, makeDefault, origin);
    deps.log.info(`Identity "${added.label}" added for ${host}.`);
    const useIt = vscode.l10n.t('Use by Default');
    void deps.prompts
      .info(
        vscode.l10n.t('Identity “{0}” added for {1}. Choose it per reply, note or ticket with “Post as…”.', added.label, host),
        ...(makeDefault ? [] : [useIt]),
      )
      .then((action) => {
        if (action === useIt) void deps.session.setDefaultIdentity(added.id);
      });
    return added.id;
  },
};
