// One API client per identity, built lazily and kept until the domain, that identity's key or the timeout changes.
import type { BoldDeskApi } from '../api/api';
import type { KeyedIdentity } from './identityStore';

interface Cached {
  api: BoldDeskApi;
  apiKey: string;
  origin: string;
  timeoutMs: number;
}

export class ApiClients {
  private readonly clients = new Map<string, Cached>();

  /** `keyOrigin` is where the key was stored; the client refuses to be built when it is not `origin`. */
  constructor(private readonly create: (origin: string, apiKey: string, keyOrigin: string) => BoldDeskApi) {}

  /** The identity's client for this origin and timeout (a new one when any of them changed). */
  get(identity: KeyedIdentity, origin: string, timeoutMs: number): BoldDeskApi {
    let c = this.clients.get(identity.id);
    if (!c || c.origin !== origin || c.apiKey !== identity.apiKey || c.timeoutMs !== timeoutMs) {
      c = { api: this.create(origin, identity.apiKey, identity.origin), origin, apiKey: identity.apiKey, timeoutMs };
      this.clients.set(identity.id, c);
    }
    return c.api;
  }

  forget(identityId: string): void {
    this.clients.delete(identityId);
  }

  /** After the identities were read again: drops clients whose identity is gone or whose key changed. */
  retain(byId: ReadonlyMap<string, KeyedIdentity>): void {
    for (const [id, c] of this.clients) if (byId.get(id)?.apiKey !== c.apiKey) this.clients.delete(id);
  }

  clear(): void {
    this.clients.clear();
  }

  /** Refresh: each client drops its cached lookups (statuses, views…). */
  clearLookupCaches(): void {
    this.clients.forEach((c) => c.api.clearCache());
  }
}
