// What the session keeps current (session.ts builds the Session contract on it): the settings, the identities of
// the configured origin as read (originIdentities.ts), a client per identity (apiClients.ts), the agents named for
// the keys (agentResolver.ts) and the owners BoldDesk recorded (keyOwners.ts, ownerCorrection.ts), the demo-key seed
// (demoKeySeed.ts), and the events that tell the tree and the rest when any of it changed.
import * as vscode from 'vscode';
import type { BoldDeskApi, ClientOptions } from '../api/api';
import { BoldDeskClient } from '../api/client';
import type { DomainResult } from '../api/domain';
import type { Logger, Session } from '../deps';
import { Settings } from '../constants';
import { AgentResolver } from './agentResolver';
import { ApiClients } from './apiClients';
import { ConnectionCheckStore } from './connectionCheckStore';
import { DemoKeySeeder } from './demoKeySeed';
import { KeyOwners, type KeyOwner } from './keyOwners';
import { IdentityStore, type Identity, type KeyedIdentity, type LoadedIdentities } from './identityStore';
import type { KeyStore } from './keyStore';
import { OriginIdentities } from './originIdentities';
import { recordKeyOwner, type OwnerCorrection } from './ownerCorrection';
import { SessionSettings, type SessionConfig } from './sessionSettings';
import { DisposableStore } from '../lifecycle';

type CreateClient = (options: ClientOptions) => BoldDeskApi;
/** Builds the attribution sentence from the session's facts (src/views/attributionText.ts, passed in by extension.ts). */
export type AttributionSentence = (session: Session, identityId?: string) => string;

export abstract class SessionState implements vscode.Disposable {
  protected readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  protected readonly forgotten = new vscode.EventEmitter<{ origin: string; identityId: string }>();
  /** An identity's key was removed or replaced: what was kept for it (the ticket cache) must go too. */
  readonly onDidForgetIdentity = this.forgotten.event;
  protected readonly disposables = new DisposableStore();
  protected readonly store: IdentityStore;

  /** Settings, read on first use rather than in activate() (activation stays within its budget). */
  protected readonly settings = new SessionSettings();
  /** Identities (with keys) of the current origin, as read. */
  protected readonly loaded: OriginIdentities;
  protected readonly demoKey: DemoKeySeeder;
  protected readonly clients = new ApiClients((origin, apiKey, keyOrigin) =>
    this.owners.wrap(this.newClient(origin, apiKey, keyOrigin), origin, apiKey, (o) => void this.ownerRecorded(origin, apiKey, o), (m, e) => this.log.error(m, e)));
  protected readonly agents: AgentResolver;
  /** Key owners confirmed by reading back the author of a write (keyOwners.ts). */
  protected readonly owners: KeyOwners;
  protected readonly rateLimited = new vscode.EventEmitter<number>();
  /** A request waits for BoldDesk's rate limit (epoch ms it goes on): the tree says so, a 429 is never silent. */
  readonly onDidWaitForRateLimit = this.rateLimited.event;
  protected readonly corrected = new vscode.EventEmitter<OwnerCorrection>();
  /** A write showed that a key belongs to another agent than the one named for it (the identity was corrected). */
  readonly onDidCorrectOwner = this.corrected.event;
  /** The Q forms a connection check found for each origin (docs/BOLDDESK-API.md); read by every client. */
  protected readonly checks: ConnectionCheckStore;
  /** Bumped on every domain/default-key change, so the tree can tell a new connection from a repeated event. */
  protected connectionGeneration = 0;
  /** Bumped when the default identity's agent e-mail changes. */
  protected identityGeneration = 0;

  constructor(
    keys: KeyStore,
    protected readonly log: Logger,
    state: vscode.Memento,
    protected readonly attribution: AttributionSentence,
    protected readonly createClient: CreateClient = (o) => new BoldDeskClient(o),
    env: NodeJS.ProcessEnv = process.env,
  ) {
    this.store = new IdentityStore(keys, state);
    this.loaded = new OriginIdentities(this.store, () => this.origin, (prev, next) => this.applied(prev, next));
    this.demoKey = new DemoKeySeeder({ env, store: this.store, log, domain: () => this.domain, reload: () => this.loaded.reload() });
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

  /**
   * Changes when the domain, the default key or its agent e-mail changes — not when the lazy agent lookup
   * completes (the tree compares `actingAs` itself for that).
   */
  get connectionKey(): string {
    return `${this.origin ?? ''}|${this.connectionGeneration}|${this.identityGeneration}`;
  }

  dispose(): void {
    this.disposables.dispose();
  }

  /** BoldDesk recorded `owner` as the author of a write with this key (ownerCorrection.ts). */
  protected ownerRecorded(origin: string, apiKey: string, owner: KeyOwner): Promise<void> {
    return recordKeyOwner({
      identityWithKey: () => (origin === this.origin ? this.current()?.identities.find((i) => i.apiKey === apiKey) : undefined),
      claimedAgent: (id) => this.agents.agent(id),
      owners: this.owners,
      log: this.log,
      emailOf: (i) => this.emailOf(i),
      setIdentityAgentEmail: (id, email) => this.setIdentityAgentEmail(id, email),
      corrected: (c) => this.corrected.fire(c),
      changed: () => this.changed.fire(),
    }, origin, apiKey, owner);
  }

  protected emailOf(i: Identity): string {
    return i.agentEmail ?? this.config.agentEmail;
  }

  protected current(): LoadedIdentities | undefined {
    return this.loaded.current();
  }

  /** The configured origin; with `expected`, throws unless it still is that one (the domain changed meanwhile). */
  protected requireOrigin(expected?: string): string {
    return this.settings.requireOrigin(expected);
  }

  protected newClient(origin: string, apiKey: string, keyOrigin: string): BoldDeskApi {
    return this.createClient({
      origin, apiKey, keyOrigin, timeoutMs: this.config.timeoutMs, log: (line) => this.log.info(line), forms: () => this.checks.forms(origin),
      onRateLimitWait: (retryAt) => this.rateLimited.fire(retryAt),
    });
  }

  protected read(origin = this.origin): Promise<LoadedIdentities | undefined> {
    return this.loaded.read(origin);
  }

  protected reload(): Promise<LoadedIdentities | undefined> {
    return this.loaded.reload();
  }

  /** The identities of the configured origin changed: drop what belonged to the old ones, tell the listeners. */
  protected applied(prev: LoadedIdentities | undefined, next: LoadedIdentities): void {
    const byId = new Map<string, KeyedIdentity>(next.identities.map((i) => [i.id, i]));
    this.clients.retain(byId);
    this.agents.retain(byId);
    const before = prev?.identities.find((i) => i.id === prev.defaultId);
    const after = byId.get(next.defaultId ?? '');
    if (!prev || before?.id !== after?.id || before?.apiKey !== after?.apiKey) {
      this.connectionChanged();
    } else {
      if (before?.agentEmail !== after?.agentEmail) this.identityGeneration++;
      this.changed.fire();
    }
  }

  protected get config(): SessionConfig {
    return this.settings.config;
  }

  protected get domain(): DomainResult {
    return this.settings.domain;
  }

  protected onConfigChanged(): void {
    const before = this.settings.invalidate();
    if (!before) return; // never read: nothing depends on the old values
    if (before.domainInput !== this.config.domainInput) {
      this.loaded.forget(); // keys are per origin
      this.connectionChanged();
      void this.demoKey.seed().then(() => this.read());
    } else if (before.agentEmail !== this.config.agentEmail) {
      // Only the identity that uses the setting (agentEmail undefined) is affected.
      for (const i of this.current()?.identities ?? []) if (i.agentEmail === undefined) this.agents.forget(i.id);
      if (this.defaultIdentity?.agentEmail === undefined) this.identityGeneration++;
      this.changed.fire();
    } else if (before.timeoutMs !== this.config.timeoutMs) {
      this.clients.clear(); // the next requireApi() builds one with the new timeout
    }
  }

  protected connectionChanged(): void {
    this.connectionGeneration++;
    this.clients.clear();
    this.agents.clear();
    this.changed.fire();
  }

  abstract requireApi(identityId?: string): Promise<BoldDeskApi>;
  abstract setIdentityAgentEmail(id: string, email: string): Promise<void>;
  abstract get defaultIdentity(): Identity | undefined;
}
