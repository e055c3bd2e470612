// Several identities (API keys) per BoldDesk origin. The list — ids, local labels, optional agent e-mails and which
// one is the default — is kept in globalState (not secret; BoldDesk never sees labels); each identity's key is a
// separate SecretStorage entry (KeyStore), never anywhere else. The single key of earlier versions is migrated to
// the first identity on first load. No vscode import at runtime (unit-testable with in-memory stores).
import * as l10n from '@vscode/l10n';
import type { KeyStore } from './keyStore';

export interface Identity {
  /** Local id, part of the secret's name: lowercase letters and digits. */
  id: string;
  /** Local label ("Me", "API Bot"); stays on this machine. */
  label: string;
  /**
   * E-mail of the agent who owns the key (optional, not secret), to show whose name BoldDesk puts on writes.
   * undefined = this identity uses the `bolddesk.agentEmail` setting (the identity migrated from the single key).
   */
  agentEmail?: string;
}

export interface IdentityList {
  identities: Identity[];
  /** Id of the identity used when nothing else is chosen; undefined only when the list is empty. */
  defaultId: string | undefined;
}

/** An identity with its key, as the session holds it in memory. */
export interface KeyedIdentity extends Identity {
  apiKey: string;
  /** The origin this key is stored for: the only one it may ever be sent to. */
  origin: string;
}

export interface LoadedIdentities {
  origin: string;
  identities: KeyedIdentity[];
  defaultId: string | undefined;
}

/** The subset of vscode.Memento the store needs. */
export interface StateStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export type SecretKeys = Pick<KeyStore, 'get' | 'store' | 'delete'>;

const STATE_PREFIX = 'bolddesk.identities:';
const ID_RE = /^[a-z0-9]{1,32}$/;
export const MAX_LABEL_CHARS = 60;
/** Label of the identity created from the single key of earlier versions (or by Set API Key when none exists). */
export const FIRST_IDENTITY_LABEL = 'Default';

export function isIdentityId(v: unknown): v is string {
  return typeof v === 'string' && ID_RE.test(v);
}

export function stateKeyFor(origin: string): string {
  return STATE_PREFIX + origin;
}

function newId(taken: readonly Identity[]): string {
  for (;;) {
    const id = Math.random().toString(36).slice(2, 10);
    if (ID_RE.test(id) && !taken.some((i) => i.id === id)) return id;
  }
}

/** Reads the stored list defensively (another version or a hand edit may have left anything there). */
export function parseIdentityList(raw: unknown): IdentityList {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const identities: Identity[] = [];
  for (const item of Array.isArray(o.identities) ? o.identities : []) {
    const i = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    if (!isIdentityId(i.id) || typeof i.label !== 'string' || identities.some((x) => x.id === i.id)) continue;
    identities.push({
      id: i.id,
      label: i.label.slice(0, MAX_LABEL_CHARS),
      ...(typeof i.agentEmail === 'string' ? { agentEmail: i.agentEmail } : {}),
    });
  }
  const defaultId = identities.some((i) => i.id === o.defaultId) ? (o.defaultId as string) : identities[0]?.id;
  return { identities, defaultId };
}

export class IdentityStore {
  constructor(
    private readonly keys: SecretKeys,
    private readonly state: StateStore,
  ) {}

  list(origin: string): IdentityList {
    return parseIdentityList(this.state.get<unknown>(stateKeyFor(origin)));
  }

  /** Every identity of `origin` that has a key, migrating the legacy single key first. */
  async load(origin: string): Promise<LoadedIdentities> {
    await this.migrateLegacyKey(origin);
    const list = this.list(origin);
    const withKeys = await Promise.all(
      list.identities.map(async (i) => ({ ...i, apiKey: (await this.keys.get(origin, i.id)) ?? '', origin })),
    );
    const identities = withKeys.filter((i) => i.apiKey !== '');
    const defaultId = identities.some((i) => i.id === list.defaultId) ? list.defaultId : identities[0]?.id;
    return { origin, identities, defaultId };
  }

  /**
   * Stores a new identity: the list first, the key last. Storing the key fires secrets.onDidChange, on which the
   * session re-reads; written last, that read finds both. A listed identity without its key yet is skipped by
   * load(), and the list is rolled back if the key cannot be stored.
   */
  async add(origin: string, identity: Omit<Identity, 'id'>, apiKey: string, makeDefault: boolean): Promise<Identity> {
    const list = this.list(origin);
    const added: Identity = { ...identity, id: newId(list.identities), label: identity.label.trim().slice(0, MAX_LABEL_CHARS) };
    const identities = [...list.identities, added];
    await this.save(origin, { identities, defaultId: makeDefault || !list.defaultId ? added.id : list.defaultId });
    try {
      await this.keys.store(origin, apiKey, added.id);
    } catch (error) {
      await this.save(origin, list);
      throw error;
    }
    return added;
  }

  async replaceKey(origin: string, id: string, apiKey: string): Promise<void> {
    if (!this.list(origin).identities.some((i) => i.id === id)) throw new Error(l10n.t('That identity no longer exists.'));
    await this.keys.store(origin, apiKey, id);
  }

  async update(origin: string, id: string, change: Partial<Omit<Identity, 'id'>>): Promise<void> {
    const list = this.list(origin);
    await this.save(origin, {
      ...list,
      identities: list.identities.map((i) => (i.id === id ? { ...i, ...change, id } : i)),
    });
  }

  async setDefault(origin: string, id: string): Promise<void> {
    const list = this.list(origin);
    if (!list.identities.some((i) => i.id === id)) throw new Error(l10n.t('That identity no longer exists.'));
    await this.save(origin, { ...list, defaultId: id });
  }

  /** Deletes one identity's key and entry; the others stay (the first remaining becomes default if needed). */
  async remove(origin: string, id: string): Promise<void> {
    const list = this.list(origin);
    const identities = list.identities.filter((i) => i.id !== id);
    await this.save(origin, { identities, defaultId: list.defaultId === id ? identities[0]?.id : list.defaultId });
    await this.keys.delete(origin, id);
  }

  private async save(origin: string, list: IdentityList): Promise<void> {
    const value = list.identities.length > 0 ? list : undefined;
    await this.state.update(stateKeyFor(origin), value);
  }

  /** The single key of earlier versions becomes the first identity (its e-mail stays the bolddesk.agentEmail setting). */
  private async migrateLegacyKey(origin: string): Promise<void> {
    const legacy = await this.keys.get(origin);
    if (!legacy) return;
    const list = this.list(origin);
    const known = await Promise.all(list.identities.map((i) => this.keys.get(origin, i.id)));
    // Written by an older version after a migration: keep it as one more identity rather than lose it.
    if (!known.includes(legacy)) await this.add(origin, { label: FIRST_IDENTITY_LABEL }, legacy, list.identities.length === 0);
    await this.keys.delete(origin);
  }
}
