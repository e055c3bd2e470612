// The connection to BoldDesk: domain (setting) + API key (SecretStorage) + who the key belongs to.
// Creates the client lazily and caches it until the domain, key or timeout changes. Nothing here talks to
// the network until someone asks for the API (activation stays cheap).
import * as vscode from 'vscode';
import type { BoldDeskApi, ClientOptions } from '../api/api';
import { BoldDeskClient } from '../api/client';
import { parseDomain, type DomainResult } from '../api/domain';
import { ConfigError } from '../api/errors';
import type { Agent } from '../api/types';
import type { Logger, Session } from '../commands/deps';
import { ContextKeys, Defaults, Settings } from '../constants';
import { seedDemoKey } from './demoKeySeed';
import type { KeyStore } from './keyStore';

/** requireApi() failed because a setting is missing; `missing` picks the action button. */
export class MissingSettingError extends ConfigError {
  constructor(
    readonly missing: 'domain' | 'key',
    message: string,
  ) {
    super(message);
  }
}

interface SessionConfig {
  domainInput: string;
  agentEmail: string;
  timeoutMs: number;
}

function readConfig(): SessionConfig {
  const c = vscode.workspace.getConfiguration(Settings.section);
  const seconds = c.get<number>(Settings.requestTimeoutSeconds, Defaults.requestTimeoutSeconds);
  return {
    domainInput: (c.get<string>(Settings.domain) ?? '').trim(),
    agentEmail: (c.get<string>(Settings.agentEmail) ?? '').trim(),
    timeoutMs: Math.max(1, Number.isFinite(seconds) ? seconds : Defaults.requestTimeoutSeconds) * 1000,
  };
}

type CreateClient = (options: ClientOptions) => BoldDeskApi;

export class BoldDeskSession implements Session, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  /** Settings, read on first use rather than in activate() (activation stays within its budget). */
  private loaded: { config: SessionConfig; domain: DomainResult } | undefined;
  /** Key for the current origin: undefined = not read yet; null = none stored. */
  private apiKey: string | null | undefined;
  private client: { api: BoldDeskApi; apiKey: string; origin: string; timeoutMs: number } | undefined;
  private identity: { key: string; promise: Promise<Agent | undefined> } | undefined;
  private agent: Agent | undefined;
  /** Bumped on every domain/key change, so the tree can tell a new connection from a repeated event. */
  private connectionGeneration = 0;
  /** Bumped when the agent e-mail setting changes. */
  private identityGeneration = 0;

  constructor(
    private readonly keys: KeyStore,
    private readonly log: Logger,
    private readonly createClient: CreateClient = (o) => new BoldDeskClient(o),
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(Settings.section)) this.onConfigChanged();
      }),
      keys.onDidChange((origin) => {
        if (origin === this.origin) void this.reloadKey();
      }),
    );
  }

  /** Reads the stored key, seeds the demo key, sets the context keys. Called after activation, not awaited. */
  async initialize(): Promise<void> {
    this.updateContextKeys();
    await this.seedDemoKey();
    await this.loadKey();
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

  get agentEmail(): string {
    return this.config.agentEmail;
  }

  get actingAs(): Agent | undefined {
    return this.agent;
  }

  /**
   * Changes when the domain, the key or the agent e-mail changes — not when the lazy agent lookup completes
   * (the tree compares `actingAs` itself for that).
   */
  get connectionKey(): string {
    return `${this.origin ?? ''}|${this.connectionGeneration}|${this.identityGeneration}`;
  }

  attributionText(): string {
    return this.agent
      ? `BoldDesk will show this as “${this.agent.name}” (${this.agent.email}) — the owner of the API key.`
      : 'BoldDesk will show this under the name of the agent who owns the API key (set your agent e-mail to see who).';
  }

  async hasKey(): Promise<boolean> {
    return (await this.loadKey()) !== undefined;
  }

  async requireApi(): Promise<BoldDeskApi> {
    const origin = this.requireOrigin();
    const apiKey = await this.loadKey();
    if (!apiKey) {
      throw new MissingSettingError('key', 'No BoldDesk API key is stored yet. Run “BoldDesk: Set API Key”.');
    }
    const { timeoutMs } = this.config;
    let c = this.client;
    if (!c || c.origin !== origin || c.apiKey !== apiKey || c.timeoutMs !== timeoutMs) {
      c = { api: this.newClient(origin, apiKey), origin, apiKey, timeoutMs };
      this.client = c;
    }
    return c.api;
  }

  /** A throwaway client for a key that is not stored yet (Set API Key checks it before storing). */
  clientForKey(apiKey: string): BoldDeskApi {
    return this.newClient(this.requireOrigin(), apiKey);
  }

  async storeKey(apiKey: string): Promise<void> {
    const origin = this.requireOrigin();
    await this.keys.store(origin, apiKey);
    // Re-entering the stored key (after "API key rejected", once BoldDesk accepts it again) must still reload the tree.
    if (apiKey === this.apiKey) this.connectionChanged();
    else this.keyChanged(apiKey);
  }

  async removeKey(): Promise<void> {
    const origin = this.requireOrigin();
    await this.keys.delete(origin);
    this.keyChanged(null);
  }

  /**
   * Resolves bolddesk.agentEmail to an agent once per (domain, key, e-mail); failures are logged and give
   * undefined (the tree then just has no "My open tickets"). Fires onDidChange when the agent changes.
   */
  resolveIdentity(): Promise<Agent | undefined> {
    const email = this.config.agentEmail;
    const cacheKey = `${this.connectionKey}|${email.toLowerCase()}`;
    if (this.identity?.key === cacheKey) return this.identity.promise;
    const promise: Promise<Agent | undefined> = this.lookupIdentity(email).then((agent) => {
      if (this.identity?.promise === promise) this.setAgent(agent);
      return agent;
    });
    this.identity = { key: cacheKey, promise };
    return promise;
  }

  private async lookupIdentity(email: string): Promise<Agent | undefined> {
    if (!email || !this.origin) return undefined;
    try {
      const agent = await (await this.requireApi()).getAgentByEmail(email);
      this.log.info(`Acting as ${agent.name} <${agent.email}>.`);
      return agent;
    } catch (error) {
      // Cached until Refresh (clearCaches), so a wrong e-mail does not cost a request per tree render.
      this.log.error(`Could not resolve the agent e-mail ${email}`, error);
      return undefined;
    }
  }

  /** Looks an e-mail up without storing anything (Set My Agent E-mail validates before writing the setting). */
  async lookupAgent(email: string): Promise<Agent> {
    return (await this.requireApi()).getAgentByEmail(email);
  }

  /** Refresh: drop the client's lookup caches and a failed identity lookup. */
  clearCaches(): void {
    this.client?.api.clearCache();
    if (!this.agent) this.identity = undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private requireOrigin(): string {
    if (this.domain.ok) return this.domain.origin;
    throw new MissingSettingError(
      'domain',
      this.config.domainInput
        ? `The BoldDesk domain “${this.config.domainInput}” is not valid: ${this.domain.reason}`
        : 'No BoldDesk domain is set yet. Run “BoldDesk: Set Domain”.',
    );
  }

  private async seedDemoKey(): Promise<void> {
    try {
      if (this.domain.ok && (await seedDemoKey(this.env, this.domain, this.keys))) {
        this.log.info(`Stored the demo API key for ${this.domain.host} (BOLDDESK_DEMO_KEY, loopback only).`);
      }
    } catch (error) {
      this.log.error('Could not store the demo API key', error);
    }
  }

  private newClient(origin: string, apiKey: string): BoldDeskApi {
    return this.createClient({
      origin,
      apiKey,
      timeoutMs: this.config.timeoutMs,
      log: (line) => this.log.info(line),
    });
  }

  private async loadKey(): Promise<string | undefined> {
    const origin = this.origin;
    if (!origin) return undefined;
    if (this.apiKey === undefined) {
      const stored = (await this.keys.get(origin)) ?? null;
      // The domain may have changed while we waited; only keep the answer for the origin we asked about.
      if (origin === this.origin && this.apiKey === undefined) {
        this.apiKey = stored;
        this.updateContextKeys();
      }
      return stored ?? undefined;
    }
    return this.apiKey ?? undefined;
  }

  /** Another window (or this one) changed the key for our origin. */
  private async reloadKey(): Promise<void> {
    const origin = this.origin;
    if (!origin) return;
    const stored = (await this.keys.get(origin)) ?? null;
    if (origin === this.origin && stored !== this.apiKey) this.keyChanged(stored);
  }

  private keyChanged(apiKey: string | null): void {
    if (apiKey === this.apiKey) return;
    this.apiKey = apiKey;
    this.connectionChanged();
  }

  private get config(): SessionConfig {
    return this.settings().config;
  }

  private get domain(): DomainResult {
    return this.settings().domain;
  }

  private settings(): { config: SessionConfig; domain: DomainResult } {
    if (!this.loaded) {
      const config = readConfig();
      this.loaded = { config, domain: parseDomain(config.domainInput) };
    }
    return this.loaded;
  }

  private onConfigChanged(): void {
    const before = this.loaded?.config;
    this.loaded = undefined;
    if (!before) return; // never read: nothing depends on the old values
    if (before.domainInput !== this.config.domainInput) {
      this.apiKey = undefined; // keys are per origin
      this.connectionChanged();
      void this.seedDemoKey().then(() => this.loadKey());
    } else if (before.agentEmail !== this.config.agentEmail) {
      this.identityGeneration++;
      this.identity = undefined;
      this.setAgent(undefined, true);
    } else if (before.timeoutMs !== this.config.timeoutMs) {
      this.client = undefined; // the next requireApi() builds one with the new timeout
    }
  }

  private connectionChanged(): void {
    this.connectionGeneration++;
    this.client = undefined;
    this.identity = undefined;
    this.agent = undefined;
    this.updateContextKeys();
    this.changed.fire();
  }

  private setAgent(agent: Agent | undefined, force = false): void {
    if (!force && agent?.userId === this.agent?.userId && agent?.name === this.agent?.name) return;
    this.agent = agent;
    this.changed.fire();
  }

  private updateContextKeys(): void {
    void vscode.commands.executeCommand('setContext', ContextKeys.hasDomain, this.domain.ok);
    void vscode.commands.executeCommand('setContext', ContextKeys.hasKey, this.domain.ok && !!this.apiKey);
  }
}
