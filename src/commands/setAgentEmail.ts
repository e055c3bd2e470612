// BoldDesk: Set My Agent E-mail — who owns the API key. Checked with BoldDesk before it is saved (the
// setting is not secret); an empty answer clears it. Accepts the e-mail as an argument (tests).
import * as vscode from 'vscode';
import { NotFoundError, ValidationError } from '../api/errors';
import { Commands, Settings } from '../constants';
import type { BoldDeskCommand } from './command';
import type { CommandDeps } from './deps';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateAgentEmail(text: string): string | undefined {
  const t = text.trim();
  return t === '' || EMAIL.test(t) ? undefined : 'Enter an e-mail address, e.g. ana@example.com (or leave empty to clear).';
}

/** Looks `email` up and saves it when it is an agent; returns whether it was saved. Shared with Set API Key. */
export async function applyAgentEmail(deps: CommandDeps, email: string): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(Settings.section);
  const trimmed = email.trim();
  if (trimmed === '') {
    await config.update(Settings.agentEmail, undefined, vscode.ConfigurationTarget.Global);
    void deps.prompts.info('Agent e-mail cleared. BoldDesk still shows your actions under the key owner’s name.');
    return true;
  }
  if (!EMAIL.test(trimmed)) {
    void deps.prompts.error(`“${trimmed}” is not an e-mail address.`);
    return false;
  }
  let agent;
  try {
    agent = await deps.prompts.withProgress(`Looking up ${trimmed} in BoldDesk…`, () => deps.session.lookupAgent(trimmed));
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ValidationError) {
      void deps.prompts.error(
        `${trimmed} is not an agent in ${deps.session.host ?? 'BoldDesk'}. Enter the e-mail of the agent who owns the API key.`,
      );
      return false;
    }
    throw error;
  }
  await config.update(Settings.agentEmail, trimmed, vscode.ConfigurationTarget.Global);
  void deps.prompts.info(
    `Acting as ${agent.name} (${agent.email}). Everything you do here shows in BoldDesk under that name — the owner of the API key.`,
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
            title: 'Your BoldDesk Agent E-mail',
            prompt:
              'The e-mail of the agent who owns your API key. BoldDesk shows everything done with the key under that agent’s name.',
            placeholder: 'ana@example.com',
            value: deps.session.agentEmail,
            validate: validateAgentEmail,
          });
    if (email === undefined) return false;
    return applyAgentEmail(deps, email);
  },
};
