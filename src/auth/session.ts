// The connection to BoldDesk: domain (setting) + identities (one API key each, SecretStorage) + who owns each key.
// Writes "as" an identity use that identity's client. Nothing here talks to the network until someone asks for the
// API. Helpers by job: sessionSettings.ts (settings, MissingSettingError), apiClients.ts (a client per identity),
// agentResolver.ts (agent e-mail → agent), identityStore.ts (the stored identities).
import * as vscode from 'vscode';
import type { BoldDeskApi, ClientOptions } from '../api/api';
import { BoldDeskClient } from '../api/client';
import type { DomainResult } from '../api/domain';
import type { Agent } from '../api/types';
import type { Logger, Session } from '../deps';
import { ContextKeys, Settings } from '../constants';
import { AgentResolver } from './agentResolver';
import { ApiClients } from './apiClients';
import { ConnectionCheckStore } from './connectionCheckStore';
import { seedDemoKey } from './demoKeySeed';
import { KeyOwners, type KeyOwner } from './keyOwners';
import { FIRST_IDENTITY_LABEL, IdentityStore, type Identity, type KeyedIdentity, type LoadedIdentities } from './identityStore';
import type { KeyStore } from './keyStore';
import { MissingSettingError, SessionSettings, type SessionConfig } from './sessionSettings';
import { DisposableStore } from '../lifecycle';

// Commands and views import the error from here.

type CreateClient = (options: ClientOptions) => BoldDeskApi;

/** BoldDesk recorded a write under another agent than the one the user named for that key. */
export interface OwnerCorrection {
  label: string;
  claimed: Agent;
  recorded: KeyOwner;
}

/** Everything but the keys, to tell whether a reload changed anything. Kept in memory only. */
function signature(l: LoadedIdentities | undefined): string {
  return JSON.stringify(l ? [l.origin, l.defaultId, l.identities] : null);
}

export class BoldDeskSession implements Session, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly forgotten = new vscode.EventEmitter<{ origin: string; identityId: string }>();
  /** An identity's key was removed or replaced: what was kept for it (the ticket cache) must go too. */
  readonly onDidForgetIdentity = this.forgotten.event;
  private readonly disposables = new DisposableStore();
  private readonly store: IdentityStore;

  /** Settings, read on first use rather than in activate() (activation stays within its budget). */
  private readonly settings = new SessionSettings();
  /** Identities (with keys) of the current origin; undefined = not read yet. */
  private ids: LoadedIdentities | undefined;
  /** In-flight reads by origin: a read started for one origin never answers a caller asking for another. */
  private readonly reading = new Map<string, Promise<LoadedIdentities | undefined>>();
  private seeding: Promise<void> = Promise.resolve();
  private readonly clients = new ApiClients((origin, apiKey, keyOrigin) =>
    this.owners.wrap(this.newClient(origin, apiKey, keyOrigin), origin, apiKey, (o) => void this.ownerRecorded(origin, apiKey, o), (m, e) => this.log.error(m, e)));
  private readonly agents: AgentResolver;
  /** Key owners confirmed by reading back the author of a write (keyOwners.ts). */
  private readonly owners: KeyOwners;
  private readonly rateLimited = new vscode.EventEmitter<number>();
  /** A request waits for BoldDesk's rate limit (epoch ms it goes on): the tree says so, a 429 is never silent. */
  readonly onDidWaitForRateLimit = this.rateLimited.event;
  private readonly corrected = new vscode.EventEmitter<OwnerCorrection>();
  /** A write showed that a key belongs to another agent than the one named for it (the identity was corrected). */
  readonly onDidCorrectOwner = this.corrected.event;
  /** The Q forms a connection check found for each origin (docs/BOLDDESK-API.md); read by every client. */
  private readonly checks: ConnectionCheckStore;
  /** Bumped on every domain/default-key change, so the tree can tell a new connection from a repeated event. */
  private connectionGeneration = 0;
  /** Bumped when the default identity's agent e-mail changes. */
  private identityGeneration = 0;

  constructor(
    keys: KeyStore,
    private readonly log: Logger,
    state: vscode.Memento,
    private readonly createClient: CreateClient = (o) => new BoldDeskClient(o),
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.store = new IdentityStore(keys, state);
    this.owners = new KeyOwners(state);
    this.checks = new ConnectionCheckStore(state);
    this.agents = new AgentResolver({
      origin: () => this.origin,
      log,
      requireApi: (identityId) => this.requireApi(identityId),
      emailOf: (identity) => this.emailOf(identity),
      agentChanged: () => this.changed.fire(),
    });
    this.disposables.addAll(
      this.changed,
      this.forgotten,
      this.corrected,
      this.rateLimited,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.section)) this.onConfigChanged();
      }),
      keys.onDidChange((origin) => {
        if (origin === this.origin) void this.reload();
      }),
    );
  }

  /** Reads the stored keys, seeds the demo key, sets the context keys. Called after activation, not awaited. */
  async initialize(): Promise<void> {
    this.updateContextKeys();
    await this.seedDemoKey();
    await this.loadIdentities();
  }

  get origin(): string | undefined {
    return this.domain.ok ? this.domain.origin : undefined;
  }

  get host(): string | undefined {
    return this.domain.ok ? this.domain.host : undefined;
  }

  /** Why the domain setting is unusable, when it is set but invalid. */
  get domainProblem(): string | undefined {
    return !this.domain.ok && this.config.domainInput ? this.domain.reason : undefined;
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

  /**
   * Changes when the domain, the default key or its agent e-mail changes — not when the lazy agent lookup
   * completes (the tree compares `actingAs` itself for that).
   */
  get connectionKey(): string {
    return `${this.origin ?? ''}|${this.connectionGeneration}|${this.identityGeneration}`;
  }

  /** Says what is known: a confirmed owner as fact, a typed agent e-mail only as the user's claim. */
  attributionText(identityId?: string): string {
    const agent = this.agentFor(identityId);
    const identity = this.identity(identityId);
    const several = this.identities.length > 1 && identity;
    if (agent && this.confirmedOwner(identityId)) {
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

  async hasKey(): Promise<boolean> {
    return (await this.loadIdentities()).length > 0;
  }

  /** The identities of the configured origin, read (and the legacy key migrated) on first use. */
  async loadIdentities(): Promise<readonly Identity[]> {
    await this.seeding;
    await this.read();
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
    const identity = this.current()?.identities.find((i) => i.id === (identityId ?? this.ids?.defaultId));
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

  dispose(): void {
    this.disposables.dispose();
  }

  /**
   * BoldDesk recorded `owner` as the author of a write with this key: remember it, and when it is not the agent the
   * user named for the key, correct the identity's agent e-mail (or the setting it uses) and say so.
   */
  private async ownerRecorded(origin: string, apiKey: string, owner: KeyOwner): Promise<void> {
    const identity = origin === this.origin ? this.current()?.identities.find((i) => i.apiKey === apiKey) : undefined;
    if (!identity) return;
    const claimed = this.agents.agent(identity.id);
    await this.owners.set(origin, apiKey, owner);
    this.log.info(`Identity ${identity.id}: BoldDesk recorded the author ${owner.name} (user ${owner.userId}).`);
    const mismatch = claimed !== undefined && claimed.userId !== owner.userId;
    if (owner.email && (mismatch || !this.emailOf(identity))) {
      if (identity.agentEmail !== undefined) await this.setIdentityAgentEmail(identity.id, owner.email);
      else await this.correctAgentEmailSetting(owner.email);
    }
    if (mismatch) this.corrected.fire({ label: identity.label, claimed, recorded: owner });
    this.changed.fire();
  }

  /** The bolddesk.agentEmail setting, where the user set it (workspace, else user settings). */
  private async correctAgentEmailSetting(email: string): Promise<void> {
    const config = vscode.workspace.getConfiguration(Settings.section);
    const where = config.inspect<string>(Settings.agentEmail)?.workspaceValue !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
    await config.update(Settings.agentEmail, email, where);
  }

  private emailOf(i: Identity): string {
    return i.agentEmail ?? this.config.agentEmail;
  }

  private current(): LoadedIdentities | undefined {
    return this.ids && this.ids.origin === this.origin ? this.ids : undefined;
  }

  /** The configured origin; with `expected`, throws unless it still is that one (the domain changed meanwhile). */
  private requireOrigin(expected?: string): string {
    if (this.domain.ok && expected !== undefined && this.domain.origin !== expected) {
      throw new MissingSettingError(
        'domain',
        vscode.l10n.t('The BoldDesk domain changed to {0} while you were entering a key for {1}. Nothing was sent or stored; try again.', this.domain.origin, expected),
      );
    }
    if (this.domain.ok) return this.domain.origin;
    throw new MissingSettingError(
      'domain',
      this.config.domainInput
        ? vscode.l10n.t('The BoldDesk domain “{0}” is not valid: {1}', this.config.domainInput, this.domain.reason)
        : vscode.l10n.t('No BoldDesk domain is set yet. Run “BoldDesk: Set Domain”.'),
    );
  }

  /**
   * Serialised: the seed at startup and the one after a domain change must not both find no key and both add it;
   * loadIdentities() waits for a seed in progress so the first read already sees the demo key.
   */
  private seedDemoKey(): Promise<void> {
    this.seeding = this.seeding.then(() => this.seedDemoKeyOnce());
    return this.seeding;
  }

  private async seedDemoKeyOnce(): Promise<void> {
    try {
      const keys = {
        get: async (origin: string) => (await this.store.load(origin)).identities[0]?.apiKey,
        store: async (origin: string, key: string) => void (await this.store.add(origin, { label: FIRST_IDENTITY_LABEL }, key, true)),
      };
      if (this.domain.ok && (await seedDemoKey(this.env, this.domain, keys))) {
        this.log.info(`Stored the demo API key for ${this.domain.host} (BOLDDESK_DEMO_KEY, loopback only).`);
        // Identities read while the seed was under way (the tree asks early) are stale: read them again.
        await this.reload();
      }
    } catch (error) {
      this.log.error('Could not store the demo API key', error);
    }
  }

  private newClient(origin: string, apiKey: string, keyOrigin: string): BoldDeskApi {
    return this.createClient({
      origin, apiKey, keyOrigin, timeoutMs: this.config.timeoutMs, log: (line) => this.log.info(line), forms: () => this.checks.forms(origin),
      onRateLimitWait: (retryAt) => this.rateLimited.fire(retryAt),
    });
  }

  /** The identities of `origin` (default: the current one), read once (concurrent callers for it share the read). */
  private async read(origin = this.origin): Promise<LoadedIdentities | undefined> {
    if (!origin) return undefined;
    const cur = this.current();
    if (cur && cur.origin === origin) return cur;
    let reading = this.reading.get(origin);
    if (!reading) {
      reading = this.reload(origin).finally(() => this.reading.delete(origin));
      this.reading.set(origin, reading);
    }
    return reading;
  }

  /** Reads the stored identities again (after a change here or in another window) and applies the difference. */
  private async reload(origin = this.origin): Promise<LoadedIdentities | undefined> {
    if (!origin) return undefined;
    const next = await this.store.load(origin);
    // The domain may have changed while we waited; only keep the answer for the origin we asked about.
    if (origin === this.origin) this.apply(next);
    return next;
  }

  private apply(next: LoadedIdentities): void {
    const prev = this.current();
    const sameKeys = prev?.identities.map((i) => i.apiKey).join('\n') === next.identities.map((i) => i.apiKey).join('\n');
    if (prev && sameKeys && signature(prev) === signature(next)) return;
    this.ids = next;
    const byId = new Map<string, KeyedIdentity>(next.identities.map((i) => [i.id, i]));
    this.clients.retain(byId);
    this.agents.retain(byId);
    const before = prev?.identities.find((i) => i.id === prev.defaultId);
    const after = byId.get(next.defaultId ?? '');
    if (!prev || before?.id !== after?.id || before?.apiKey !== after?.apiKey) {
      this.connectionChanged();
    } else if (before?.agentEmail !== after?.agentEmail) {
      this.identityGeneration++;
      this.updateContextKeys();
      this.changed.fire();
    } else {
      this.updateContextKeys();
      this.changed.fire();
    }
  }

  private get config(): SessionConfig {
    return this.settings.config;
  }

  private get domain(): DomainResult {
    return this.settings.domain;
  }

  private onConfigChanged(): void {
    const before = this.settings.invalidate();
    if (!before) return; // never read: nothing depends on the old values
    if (before.domainInput !== this.config.domainInput) {
      this.ids = undefined; // keys are per origin
      this.connectionChanged();
      void this.seedDemoKey().then(() => this.read());
    } else if (before.agentEmail !== this.config.agentEmail) {
      // Only the identity that uses the setting (agentEmail undefined) is affected.
      for (const i of this.current()?.identities ?? []) if (i.agentEmail === undefined) this.agents.forget(i.id);
      if (this.defaultIdentity?.agentEmail === undefined) this.identityGeneration++;
      this.changed.fire();
    } else if (before.timeoutMs !== this.config.timeoutMs) {
      this.clients.clear(); // the next requireApi() builds one with the new timeout
    }
  }

  private connectionChanged(): void {
    this.connectionGeneration++;
    this.clients.clear();
    this.agents.clear();
    this.updateContextKeys();
    this.changed.fire();
  }

  private updateContextKeys(): void {
    void vscode.commands.executeCommand('setContext', ContextKeys.hasDomain, this.domain.ok);
    const count = this.current()?.identities.length ?? 0;
    void vscode.commands.executeCommand('setContext', ContextKeys.hasKey, this.domain.ok && count > 0);
    void vscode.commands.executeCommand('setContext', ContextKeys.severalIdentities, this.domain.ok && count > 1);
  }
}
