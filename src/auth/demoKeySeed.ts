// `npm start` (scripts/demo.js) runs VS Code against the local fake BoldDesk with BOLDDESK_DEMO_KEY in the
// environment (so do the integration tests); this stores that key once per origin so the demo opens ready to use. It is honoured ONLY when the
// configured domain is a loopback host and no key is stored yet, so it can never plant a key for a real help desk.
import { isLoopbackHost, type DomainResult } from '../api/domain';
import type { Logger } from '../logger';
import { FIRST_IDENTITY_LABEL, type IdentityStore } from './identityStore';
import type { KeyStore } from './keyStore';

/** Returns true when it stored the demo key. */
export async function seedDemoKey(
  env: NodeJS.ProcessEnv,
  domain: { origin: string } | undefined,
  keys: Pick<KeyStore, 'get' | 'store'>,
): Promise<boolean> {
  const demoKey = env.BOLDDESK_DEMO_KEY?.trim();
  if (!demoKey || !domain || !isLoopbackHost(new URL(domain.origin).hostname)) return false;
  if (await keys.get(domain.origin)) return false;
  await keys.store(domain.origin, demoKey);
  return true;
}

/** What the seeder needs from the session. */
export interface DemoKeySeederDeps {
  env: NodeJS.ProcessEnv;
  store: Pick<IdentityStore, 'load' | 'add'>;
  log: Logger;
  domain(): DomainResult;
  /** Read the identities again (those read while the seed was under way are stale). */
  reload(): Promise<unknown>;
}

/**
 * Serialised: the seed at startup and the one after a domain change must not both find no key and both add it;
 * the session's first read waits for a seed in progress (settled()) so it already sees the demo key.
 */
export class DemoKeySeeder {
  private seeding: Promise<void> = Promise.resolve();

  constructor(private readonly deps: DemoKeySeederDeps) {}

  /** Resolves when no seed is under way. */
  settled(): Promise<void> {
    return this.seeding;
  }

  seed(): Promise<void> {
    this.seeding = this.seeding.then(() => this.seedOnce());
    return this.seeding;
  }

  private async seedOnce(): Promise<void> {
    const { store, log } = this.deps;
    try {
      const keys = {
        get: async (origin: string) => (await store.load(origin)).identities[0]?.apiKey,
        store: async (origin: string, key: string) => void (await store.add(origin, { label: FIRST_IDENTITY_LABEL }, key, true)),
      };
      const domain = this.deps.domain();
      if (domain.ok && (await seedDemoKey(this.deps.env, domain, keys))) {
        log.info(`Stored the demo API key for ${domain.host} (BOLDDESK_DEMO_KEY, loopback only).`);
        // Identities read while the seed was under way (the tree asks early) are stale: read them again.
        await this.deps.reload();
      }
    } catch (error) {
      log.error('Could not store the demo API key', error);
    }
  }
}
