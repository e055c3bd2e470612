// BoldDesk: Set My Agent E-mail — who owns the API key. Checked with BoldDesk before it is saved (the
// setting is not secret); an empty answer clears it. Accepts the e-mail as an argument (tests).
import * as vscode from 'vscode';
import { NotFoundError, ValidationError } from '../api/errors';
import { Commands, Settings } from '../constants';
import type { BoldDeskCommand } from './command';
import type { CommandDeps } from './command';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateAgentEmail(text: string): string | undefined {
  const t = text.trim();
  return t === '' || EMAIL.test(t) ? undefined : vscode.l10n.t('Enter an e-mail address, e.g. ana@example.com (or leave empty to clear).');
}

/** Looks `email` up and saves it when it is an agent; returns whether it was saved. Shared with Set API Key. */
export async function applyAgentEmail(deps: CommandDeps, email: string): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(Settings.section);
  const trimmed = email.trim();
  // Identities added with Add Identity keep their own e-mail; the first one (and a lone key) uses the setting.
  const identity = deps.session.defaultIdentity;
  const save = (value: string | undefined) =>
    identity?.agentEmail !== undefined
      ? deps.session.setIdentityAgentEmail(identity.id, value ?? '')
      : config.update(Settings.agentEmail, value, vscode.ConfigurationTarget.Global);
  if (trimmed === '') {
    await save(undefined);
    void deps.prompts.info(vscode.l10n.t('Agent e-mail cleared. BoldDesk still shows your actions under the key owner’s name.'));
    return true;
  }
  if (!EMAIL.test(trimmed)) {
    void deps.prompts.error(vscode.l10n.t('“{0}” is not an e-mail address.', trimmed));
    return false;
  }
  let agent;
  try {
    agent = await deps.prompts.withProgress(vscode.l10n.t('Looking up {0} in BoldDesk…', trimmed), () => deps.session.lookupAgent(trimmed));
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ValidationError) {
      void deps.prompts.error(
        vscode.l10n.t('{0} is not an agent in {1}. Enter the e-mail of the agent who owns the API key.', trimmed, deps.session.host ?? 'BoldDesk'),
      );
      return false;
    }
    throw error;
  }
  await save(trimmed);
  void deps.prompts.info(
    vscode.l10n.t('Acting as {0} ({1}). Everything you do here shows in BoldDesk under that name — the owner of the API key.', agent.name, agent.email),
  );
  return true;
}

export const setAgentEmailCommand: BoldDeskCommand = {
  id: Commands.setAgentEmail,
  run: async (deps, arg) => {
    const email =
      typeof arg === 'string'
        ? arg
        : await deps.prompts.input({
            title: vscode.l10n.t('Your BoldDesk Agent E-mail'),
            prompt:
              vscode.l10n.t('The e-mail of the agent who owns your API key. BoldDesk shows everything done with the key under that agent’s name.'),
            placeholder: 'ana@example.com',
            value: deps.session.agentEmail,
            validate: validateAgentEmail,
          });
    if (email === undefined) return false;
    return applyAgentEmail(deps, email);
  },
};
