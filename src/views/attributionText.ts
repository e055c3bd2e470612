// The one sentence that says whose name BoldDesk will show on a write (identity pickers, the panel, draft tabs,
// confirmations). It says what is known: a confirmed owner as fact, a typed agent e-mail only as the user's claim.
// The session (src/auth/session.ts) gets this function from the composition root and answers attributionText() with it.
import * as vscode from 'vscode';
import type { Session } from '../deps';

/** What the sentence is built from: the session's identities and what is known of their agents. */
export type AttributionFacts = Pick<Session, 'agentFor' | 'identity' | 'confirmedOwner' | 'identities'>;

export function attributionText(facts: AttributionFacts, identityId?: string): string {
  const agent = facts.agentFor(identityId);
  const identity = facts.identity(identityId);
  const several = facts.identities.length > 1 && identity;
  if (agent && facts.confirmedOwner(identityId)) {
    return several
      ? vscode.l10n.t('Posting as “{0}”: BoldDesk shows this as “{1}” — confirmed: BoldDesk recorded an earlier post with that API key under this name.', identity.label, agent.name)
      : vscode.l10n.t('BoldDesk shows this as “{0}” — confirmed: BoldDesk recorded an earlier post with this API key under this name.', agent.name);
  }
  if (agent) {
    return several
      ? vscode.l10n.t('Posting as “{0}”: you said that API key belongs to “{1}” ({2}), not yet confirmed. BoldDesk shows posts under the key owner’s name; the first post will tell.', identity.label, agent.name, agent.email)
      : vscode.l10n.t('You said this API key belongs to “{0}” ({1}), not yet confirmed. BoldDesk shows posts under the key owner’s name; the first post will tell.', agent.name, agent.email);
  }
  return several
    ? vscode.l10n.t('Posting as “{0}”: BoldDesk will show this under the name of the agent who owns that API key.', identity.label)
    : vscode.l10n.t('BoldDesk will show this under the name of the agent who owns the API key (set your agent e-mail to see who).');
}
