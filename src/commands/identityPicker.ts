// Shared by the identity commands and "Post as…": a pick list of the configured domain's identities, each with
// whose name BoldDesk will show (when known), the default marked.
import * as vscode from 'vscode';
import type { Identity } from '../auth/identityStore';
import type { CommandDeps } from './command';
import type { PickItem } from '../ui/prompts';

/** "API Bot (bot@acme.com) · default" — for pick lists and messages. */
export function describeIdentity(deps: Pick<CommandDeps, 'session'>, identity: Identity): string {
  const agent = deps.session.agentFor(identity.id);
  const who = agent ? `${agent.name} <${agent.email}>` : identity.agentEmail || undefined;
  const isDefault = deps.session.defaultIdentity?.id === identity.id;
  return [who, isDefault ? vscode.l10n.t('default') : undefined].filter(Boolean).join(' · ');
}

export function identityItems(deps: Pick<CommandDeps, 'session'>, current?: string): PickItem<string>[] {
  const chosen = current ?? deps.session.defaultIdentity?.id;
  return deps.session.identities.map((i) => ({
    icon: i.id === chosen ? 'check' : 'account',
    label: i.label,
    description: describeIdentity(deps, i),
    value: i.id,
    picked: i.id === chosen,
  }));
}

/** Resolves every identity's agent (cached) so the list can say whose name BoldDesk shows; failures are ignored. */
export async function resolveAgents(deps: Pick<CommandDeps, 'session'>): Promise<void> {
  await Promise.all(deps.session.identities.map((i) => deps.session.resolveAgent(i.id).catch(() => undefined)));
}

/** Asks for one identity; undefined = cancelled. An id given as `arg` (tests, other commands) is used as is. */
export async function pickIdentity(
  deps: CommandDeps,
  arg: unknown,
  options: { title: string; placeholder: string; current?: string },
): Promise<Identity | undefined> {
  await deps.session.loadIdentities();
  if (typeof arg === 'string') {
    const byArg = deps.session.identities.find((i) => i.id === arg || i.label === arg);
    if (!byArg) void deps.prompts.error(vscode.l10n.t('There is no BoldDesk identity “{0}”.', arg));
    return byArg;
  }
  await resolveAgents(deps);
  const id = await deps.prompts.pick(identityItems(deps, options.current), {
    title: options.title,
    placeholder: options.placeholder,
    matchOnDescription: true,
  });
  return id === undefined ? undefined : deps.session.identity(id);
}
