// The stored identities of the configured origin, as the session last read them: read once per origin (concurrent
// callers share the read), read again after a change here or in another window, and a read for one origin never
// answers a caller asking for another (the domain may change while the keychain answers, docs/SECURITY.md).
import type { IdentityStore, LoadedIdentities } from './identityStore';

/** Everything but the keys, to tell whether a reload changed anything. Kept in memory only. */
function signature(l: LoadedIdentities | undefined): string {
  return JSON.stringify(l ? [l.origin, l.defaultId, l.identities] : null);
}

export class OriginIdentities {
  /** Identities (with keys) of the last origin read; undefined = not read yet. */
  private ids: LoadedIdentities | undefined;
  /** In-flight reads by origin. */
  private readonly reading = new Map<string, Promise<LoadedIdentities | undefined>>();

  constructor(
    private readonly store: Pick<IdentityStore, 'load'>,
    private readonly origin: () => string | undefined,
    /** The identities of the configured origin changed (`prev` undefined: the first read for it). */
    private readonly changed: (prev: LoadedIdentities | undefined, next: LoadedIdentities) => void,
  ) {}

  /** The identities of the configured origin, if they were read. */
  current(): LoadedIdentities | undefined {
    return this.ids && this.ids.origin === this.origin() ? this.ids : undefined;
  }

  /** The domain changed: keys are per origin. */
  forget(): void {
    this.ids = undefined;
  }

  /** The identities of `origin` (default: the current one), read once (concurrent callers for it share the read). */
  async read(origin = this.origin()): Promise<LoadedIdentities | undefined> {
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
  async reload(origin = this.origin()): Promise<LoadedIdentities | undefined> {
    if (!origin) return undefined;
    const next = await this.store.load(origin);
    // The domain may have changed while we waited; only keep the answer for the origin we asked about.
    if (origin === this.origin()) this.apply(next);
    return next;
  }

  private apply(next: LoadedIdentities): void {
    const prev = this.current();
    const sameKeys = prev?.identities.map((i) => i.apiKey).join('\n') === next.identities.map((i) => i.apiKey).join('\n');
    if (prev && sameKeys && signature(prev) === signature(next)) return;
    this.ids = next;
    this.changed(prev, next);
  }
}
