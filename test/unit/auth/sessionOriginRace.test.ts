// A key goes only to the origin it was stored for, whatever the interleaving of domain changes, slow keychain reads,
// identity loads and requests (fast-check's scheduler picks the order). Runs the real BoldDeskSession, KeyStore and
// IdentityStore in plain Node over an inert vscode module with settings; the clients are recorders.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import type { BoldDeskSession as Session } from '../../../src/auth/session';
import type { ClientOptions } from '../../../src/api/api';
import { BoldDeskClient } from '../../../src/api/client';
import { MemoryState } from '../../support/memoryState';
import { FakeSettings, TinyEmitter, withInertVscode } from '../support/inertVscode';

const out = path.resolve(__dirname, '../../../src');
const settings = new FakeSettings();
/* eslint-disable @typescript-eslint/no-require-imports -- loaded fresh inside withInertVscode */
const mods = withInertVscode(() => {
  return {
    session: require(path.join(out, 'auth/session.js')) as typeof import('../../../src/auth/session'),
    keyStore: require(path.join(out, 'auth/keyStore.js')) as typeof import('../../../src/auth/keyStore'),
    identityStore: require(path.join(out, 'auth/identityStore.js')) as typeof import('../../../src/auth/identityStore'),
  };
}, settings);
/* eslint-enable @typescript-eslint/no-require-imports */

const DOMAINS = { A: 'a.example.com', B: 'b.example.com', C: 'c.example.com', none: '' } as const;
type DomainName = keyof typeof DOMAINS;
const ORIGIN = (d: DomainName) => (DOMAINS[d] ? `https://${DOMAINS[d]}` : '');
const log = { info: () => undefined, warn: () => undefined, error: () => undefined, show: () => undefined };

type Action = { kind: 'domain'; to: DomainName } | { kind: 'request' } | { kind: 'load' } | { kind: 'refresh' };
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.constantFrom<DomainName>('A', 'B', 'C', 'none').map((to) => ({ kind: 'domain' as const, to })),
  fc.constant({ kind: 'request' as const }),
  fc.constant({ kind: 'load' as const }),
  fc.constant({ kind: 'refresh' as const }),
);

/** SecretStorage over a map; every read is a task the scheduler resolves when it chooses (a slow OS keychain). */
function secretStorage(map: Map<string, string>, schedule?: fc.Scheduler) {
  const changed = new TinyEmitter<{ key: string }>();
  return {
    get: (key: string) => (schedule ? schedule.schedule(Promise.resolve(map.get(key)), `read ${key}`) : Promise.resolve(map.get(key))),
    store: async (key: string, value: string) => {
      map.set(key, value);
      changed.fire({ key });
    },
    delete: async (key: string) => {
      map.delete(key);
      changed.fire({ key });
    },
    onDidChange: changed.event,
    keys: async () => [...map.keys()],
  };
}

/** Keys stored for A and B (none for C), as the extension stores them. */
async function storedWorld(): Promise<{ secrets: Map<string, string>; state: MemoryState }> {
  const secrets = new Map<string, string>();
  const state = new MemoryState();
  const store = new mods.identityStore.IdentityStore(new mods.keyStore.KeyStore(secretStorage(secrets) as never), state);
  await store.add(ORIGIN('A'), { label: 'Default' }, 'key-for-A', true);
  await store.add(ORIGIN('B'), { label: 'Default' }, 'key-for-B', true);
  await store.add(ORIGIN('B'), { label: 'Bot' }, 'bot-key-for-B', false);
  return { secrets, state };
}

function keysStoredFor(secrets: Map<string, string>, origin: string): string[] {
  return [...secrets].filter(([name]) => name.startsWith(`bolddesk.apiKey:${origin}#`)).map(([, key]) => key);
}

describe('a key goes only to its own origin, under any interleaving (fast-check)', function () {
  this.timeout(120000);

  it('no request ever carries a key stored for another origin', async () => {
    const world = await storedWorld();
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.constantFrom<DomainName>('A', 'B', 'C'), fc.array(action, { minLength: 1, maxLength: 14 }), async (s, start, actions) => {
        settings.values.clear();
        settings.values.set('bolddesk.domain', DOMAINS[start]);
        const secrets = new Map(world.secrets);
        const state = new MemoryState();
        for (const k of world.state.keys()) await state.update(k, world.state.get(k));
        const sent: { origin: string; apiKey: string }[] = [];
        const built: ClientOptions[] = [];
        const createClient = (o: ClientOptions) => {
          built.push(o);
          return new Proxy({} as never, {
            get: (_t, method) =>
              method === 'then' ? undefined : method === 'origin' ? o.origin : async () => void sent.push({ origin: o.origin, apiKey: o.apiKey }),
          });
        };
        const session: Session = new mods.session.BoldDeskSession(
          new mods.keyStore.KeyStore(secretStorage(secrets, s) as never),
          log,
          state as never,
          () => '', // the attribution sentence (not read here)
          createClient,
          {},
        );
        const pending: Promise<unknown>[] = [];
        for (const a of actions) {
          s.schedule(Promise.resolve(a.kind)).then(() => {
            if (a.kind === 'domain') settings.set('bolddesk.domain', DOMAINS[a.to]);
            else if (a.kind === 'load') pending.push(session.loadIdentities().catch(() => undefined));
            else if (a.kind === 'refresh') session.clearCaches();
            else pending.push(session.requireApi().then((api) => api.listTickets({}, 1, 1)).catch(() => undefined));
          });
        }
        await s.waitAll();
        await s.waitFor(Promise.all(pending));
        await s.waitAll();
        session.dispose();
        for (const o of built) assert.equal(o.keyOrigin, o.origin, 'every client is told where its key belongs, and it is its own origin');
        for (const r of sent) {
          assert.ok(keysStoredFor(secrets, r.origin).includes(r.apiKey), `${r.origin} received a key stored for another origin (${r.apiKey}); ${s.report().map((t) => t.label).join(' → ')}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a client refuses a key stored for another origin', () => {
    assert.throws(() => new BoldDeskClient({ origin: 'https://b.example.com', apiKey: 'k', keyOrigin: 'https://a.example.com', timeoutMs: 1000 }), /refusing/);
    assert.ok(new BoldDeskClient({ origin: 'https://a.example.com', apiKey: 'k', keyOrigin: 'https://a.example.com', timeoutMs: 1000 }));
  });
});
