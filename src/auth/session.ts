// The connection to BoldDesk: domain (setting) + identities (one API key each, SecretStorage) + who owns each key.
// Writes "as" an identity use that identity's client. Nothing here talks to the network until someone asks for the
// API. This file answers the Session contract (src/deps.ts); what it keeps current is in sessionState.ts. Helpers by
// job: sessionSettings.ts (settings, MissingSettingError), identityStore.ts (the stored identities).
// The attribution sentence is src/views/attributionText.ts; the context keys, src/views/sessionContextKeys.ts.
import * as vscode from 'vscode';
import type { BoldDeskApi } from '../api/api';
import type { Agent } from '../api/types';
import type { Session } from '../deps';
import type { KeyOwner } from './keyOwners';
import { FIRST_IDENTITY_LABEL, type Identity } from './identityStore';
import { MissingSettingError } from './sessionSettings';
import { SessionState } from './sessionState';

export class BoldDeskSession extends SessionState implements Session {
  /** Seeds the demo key, reads the stored keys. Called after activation (deferredStartup.ts), not awaited. */
  async initialize(): Promise<void> {
    await this.demoKey.seed();
    await this.loadIdentities();
  }

  /** The agent e-mail of the default identity ('' when not set). */
  get agentEmail(): string {
    const d = this.defaultIdentity;
    return d ? this.emailOf(d) : this.config.agentEmail;
  }

  get actingAs(): Agent | undefined {
    return this.agentFor(undefined);
  }

  /** The identities of the configured origin (no keys), as last read; [] before the first read. */
  get identities(): readonly Identity[] {
    return (this.current()?.identities ?? []).map(({ id, label, agentEmail }) => ({ id, label, agentEmail }));
  }

  get defaultIdentity(): Identity | undefined {
    return this.identity(undefined);
  }

  /** An identity by id (undefined → the default). */
  identity(id: string | undefined): Identity | undefined {
    const l = this.current();
    const found = l?.identities.find((i) => i.id === (id ?? l.defaultId));
    return found && { id: found.id, label: found.label, agentEmail: found.agentEmail };
  }

  /** The confirmed owner first (what BoldDesk recorded), else the agent of the e-mail the user named. */
  agentFor(id: string | undefined): Agent | undefined {
    const i = this.identity(id);
    if (!i) return undefined;
    const claimed = this.agents.agent(i.id);
    const owner = this.confirmedOwner(id);
    // The same agent: keep the agent record (its full name and e-mail), now confirmed.
    if (!owner || claimed?.userId === owner.userId) return claimed;
    return { userId: owner.userId, name: owner.name, email: owner.email ?? '' };
  }

  /** The author BoldDesk recorded on a write with this identity's key, once one was read back. */
  confirmedOwner(id: string | undefined): KeyOwner | undefined {
    const l = this.current();
    const keyed = l?.identities.find((i) => i.id === (id ?? l.defaultId));
    return l && keyed ? this.owners.get(l.origin, keyed.apiKey) : undefined;
  }

  /** The sentence naming whose name BoldDesk will show on a write (src/views/attributionText.ts). */
  attributionText(identityId?: string): string {
    return this.attribution(this, identityId);
  }

  async hasKey(): Promise<boolean> {
    return (await this.loadIdentities()).length > 0;
  }

  /** The identities of the configured origin, read (and the legacy key migrated) on first use. */
  async loadIdentities(): Promise<readonly Identity[]> {
    await this.demoKey.settled();
    await this.loaded.read();
    return this.identities;
  }

  /** The client for an identity (undefined → the default); throws ConfigError saying what to set. */
  async requireApi(identityId?: string): Promise<BoldDeskApi> {
    const origin = this.requireOrigin();
    // The identities of THIS origin, even if the domain changes while the keychain answers (docs/SECURITY.md).
    const l = await this.read(origin);
    const identity = l?.identities.find((i) => i.id === (identityId ?? l.defaultId));
    if (!identity) {
      throw new MissingSettingError(
        'key',
        identityId === undefined
          ? vscode.l10n.t('No BoldDesk API key is stored yet. Run “BoldDesk: Set API Key”.')
          : vscode.l10n.t('That BoldDesk identity was removed. Choose another one (“Post as…”) and try again.'),
      );
    }
    return this.clients.get(identity, origin, this.config.timeoutMs);
  }

  /**
   * A throwaway client for a key that is not stored yet (Set API Key checks it before storing). `keyOrigin` is the
   * origin the user was asked about: if the domain changed since, the key is not sent anywhere.
   */
  clientForKey(apiKey: string, keyOrigin?: string): BoldDeskApi {
    const origin = this.requireOrigin(keyOrigin);
    return this.newClient(origin, apiKey, keyOrigin ?? origin);
  }

  /** Set API Key: replaces the default identity's key, or creates the first identity (of `keyOrigin`, when given). */
  async storeKey(apiKey: string, keyOrigin?: string): Promise<void> {
    const origin = this.requireOrigin(keyOrigin);
    const l = await this.read(origin);
    const before = l?.identities.find((i) => i.id === l.defaultId);
    if (before) {
      await this.store.replaceKey(origin, before.id, apiKey);
      // Another key may belong to another agent: nothing seen with the old one is kept.
      if (before.apiKey !== apiKey) this.forgotten.fire({ origin, identityId: before.id });
    } else await this.store.add(origin, { label: FIRST_IDENTITY_LABEL }, apiKey, true);
    await this.reload();
    // Re-entering the stored key (after "API key rejected", once BoldDesk accepts it again) must still reload the tree.
    if (before?.apiKey === apiKey) this.connectionChanged();
  }

  /** Removes the default identity (Remove API Key with one identity). */
  async removeKey(): Promise<void> {
    const d = (await this.read())?.defaultId;
    if (d) await this.removeIdentity(d);
  }

  async addIdentity(label: string, apiKey: string, agentEmail: string, makeDefault: boolean, keyOrigin?: string): Promise<Identity> {
    const added = await this.store.add(this.requireOrigin(keyOrigin), { label, agentEmail: agentEmail.trim() }, apiKey, makeDefault);
    await this.reload();
    return added;
  }

  async removeIdentity(id: string): Promise<void> {
    const origin = this.requireOrigin();
    await this.store.remove(origin, id);
    this.forgotten.fire({ origin, identityId: id });
    this.clients.forget(id);
    this.agents.forget(id);
    await this.reload();
  }

  async setDefaultIdentity(id: string): Promise<void> {
    await this.store.setDefault(this.requireOrigin(), id);
    await this.reload();
  }

  async setIdentityAgentEmail(id: string, email: string): Promise<void> {
    await this.store.update(this.requireOrigin(), id, { agentEmail: email.trim() });
    await this.reload();
  }

  /** Resolves the default identity's agent (see resolveAgent). */
  resolveIdentity(): Promise<Agent | undefined> {
    return this.resolveAgent(undefined);
  }

  /** Resolves an identity's agent from its e-mail (see AgentResolver); fires onDidChange when the agent changes. */
  resolveAgent(identityId: string | undefined): Promise<Agent | undefined> {
    const l = this.current();
    const identity = l?.identities.find((i) => i.id === (identityId ?? l.defaultId));
    return identity ? this.agents.resolve(identity) : Promise.resolve(undefined);
  }

  /** Looks an e-mail up without storing anything (Set My Agent E-mail validates before writing the setting). */
  async lookupAgent(email: string, identityId?: string): Promise<Agent> {
    return (await this.requireApi(identityId)).getAgentByEmail(email);
  }

  /** Refresh: drop the clients' lookup caches and failed agent lookups. */
  clearCaches(): void {
    this.clients.clearLookupCaches();
    this.agents.forgetFailed();
  }
}
