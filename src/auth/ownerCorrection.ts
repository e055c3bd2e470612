// BoldDesk recorded the author of a write made with an identity's key (keyOwners.ts): remember it, and when it is
// not the agent the user named for the key, correct the identity's agent e-mail (or the setting it uses) and say so.
import * as vscode from 'vscode';
import type { Agent } from '../api/types';
import { Settings } from '../constants';
import type { Logger } from '../logger';
import type { Identity, KeyedIdentity } from './identityStore';
import type { KeyOwner, KeyOwners } from './keyOwners';

/** BoldDesk recorded a write under another agent than the one the user named for that key. */
export interface OwnerCorrection {
  label: string;
  claimed: Agent;
  recorded: KeyOwner;
}

/** What the correction needs from the session. */
export interface OwnerRecordContext {
  /** The identity of the configured origin that holds this key, if any. */
  identityWithKey(origin: string, apiKey: string): KeyedIdentity | undefined;
  /** The agent the user named for the identity (resolved from its e-mail), if known. */
  claimedAgent(identityId: string): Agent | undefined;
  owners: KeyOwners;
  log: Logger;
  emailOf(identity: Identity): string;
  setIdentityAgentEmail(identityId: string, email: string): Promise<void>;
  corrected(correction: OwnerCorrection): void;
  changed(): void;
}

export async function recordKeyOwner(ctx: OwnerRecordContext, origin: string, apiKey: string, owner: KeyOwner): Promise<void> {
  const identity = ctx.identityWithKey(origin, apiKey);
  if (!identity) return;
  const claimed = ctx.claimedAgent(identity.id);
  await ctx.owners.set(origin, apiKey, owner);
  ctx.log.info(`Identity ${identity.id}: BoldDesk recorded the author ${owner.name} (user ${owner.userId}).`);
  const mismatch = claimed !== undefined && claimed.userId !== owner.userId;
  if (owner.email && (mismatch || !ctx.emailOf(identity))) {
    if (identity.agentEmail !== undefined) await ctx.setIdentityAgentEmail(identity.id, owner.email);
    else await correctAgentEmailSetting(owner.email);
  }
  if (mismatch) ctx.corrected({ label: identity.label, claimed, recorded: owner });
  ctx.changed();
}

/** The bolddesk.agentEmail setting, where the user set it (workspace, else user settings). */
async function correctAgentEmailSetting(email: string): Promise<void> {
  const config = vscode.workspace.getConfiguration(Settings.section);
  const where = config.inspect<string>(Settings.agentEmail)?.workspaceValue !== undefined
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await config.update(Settings.agentEmail, email, where);
}
