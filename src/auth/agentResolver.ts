// Who owns each identity's key: its agent e-mail resolved with GET /agents/{email}, once per (domain, key, e-mail).
// Failures are logged and give undefined (the tree then just has no "My open tickets"); they stay cached until
// Refresh, so a wrong e-mail does not cost a request per tree render.
import type { BoldDeskApi } from '../api/api';
import type { Agent } from '../api/types';
import type { Logger } from '../logger';
import type { Identity, KeyedIdentity } from './identityStore';

/** What the resolver needs from the session. */
export interface AgentResolverHost {
  origin(): string | undefined;
  readonly log: Logger;
  requireApi(identityId: string): Promise<BoldDeskApi>;
  /** The identity's agent e-mail, or the bolddesk.agentEmail setting for the identity that uses it. */
  emailOf(identity: Identity): string;
  /** A resolved agent changed (the session fires onDidChange). */
  agentChanged(): void;
}

interface Entry {
  cacheKey: string;
  promise: Promise<Agent | undefined>;
  agent?: Agent;
}

export class AgentResolver {
  private readonly agents = new Map<string, Entry>();

  constructor(private readonly host: AgentResolverHost) {}

  /** The agent of an identity, once resolved. */
  agent(identityId: string): Agent | undefined {
    return this.agents.get(identityId)?.agent;
  }

  /** Resolves the identity's agent (cached per domain, key and e-mail); calls agentChanged when it changes. */
  resolve(identity: KeyedIdentity): Promise<Agent | undefined> {
    if (!this.host.origin()) return Promise.resolve(undefined);
    const email = this.host.emailOf(identity);
    const cacheKey = this.cacheKey(identity);
    const cached = this.agents.get(identity.id);
    if (cached?.cacheKey === cacheKey) return cached.promise;
    const entry: Entry = {
      cacheKey,
      promise: this.lookup(identity.id, email).then((agent) => {
        if (this.agents.get(identity.id) === entry && agent?.userId !== entry.agent?.userId) {
          entry.agent = agent;
          this.host.agentChanged();
        }
        return agent;
      }),
    };
    this.agents.set(identity.id, entry);
    return entry.promise;
  }

  /** Drops one identity's lookup (removed, or the e-mail setting it uses changed). */
  forget(identityId: string): void {
    this.agents.delete(identityId);
  }

  /** Drops everything (another domain or default key). */
  clear(): void {
    this.agents.clear();
  }

  /** Refresh: failed lookups are tried again. */
  forgetFailed(): void {
    for (const [id, entry] of this.agents) if (!entry.agent) this.agents.delete(id);
  }

  /** After the identities were read again: drops lookups whose identity is gone or whose key or e-mail changed. */
  retain(byId: ReadonlyMap<string, KeyedIdentity>): void {
    for (const [id, a] of this.agents) {
      const i = byId.get(id);
      if (!i || a.cacheKey !== this.cacheKey(i)) this.agents.delete(id);
    }
  }

  private cacheKey(i: KeyedIdentity): string {
    return `${this.host.origin() ?? ''}|${i.apiKey}|${this.host.emailOf(i).toLowerCase()}`;
  }

  private async lookup(identityId: string, email: string): Promise<Agent | undefined> {
    if (!email || !this.host.origin()) return undefined;
    try {
      const agent = await (await this.host.requireApi(identityId)).getAgentByEmail(email);
      this.host.log.info(`Identity ${identityId} acts as ${agent.name} <${agent.email}>.`);
      return agent;
    } catch (error) {
      this.host.log.error(`Could not resolve the agent e-mail ${email}`, error);
      return undefined;
    }
  }
}
