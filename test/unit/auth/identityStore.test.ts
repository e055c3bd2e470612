// The identity list (globalState) and one secret per identity (SecretStorage), with in-memory stores: adding,
// choosing the default, removing one leaves the others, and the single key of earlier versions is migrated.
import * as assert from 'node:assert/strict';
import { IdentityStore, parseIdentityList, stateKeyFor, type SecretKeys, type StateStore } from '../../../src/auth/identityStore';

const ORIGIN = 'http://127.0.0.1:4000';
const LEGACY = `bolddesk.apiKey:${ORIGIN}`;

function memory() {
  const secrets = new Map<string, string>();
  const state = new Map<string, unknown>();
  const name = (origin: string, id?: string) => `bolddesk.apiKey:${origin}${id === undefined ? '' : `#${id}`}`;
  const keys: SecretKeys = {
    get: async (origin, id) => secrets.get(name(origin, id)),
    store: async (origin, key, id) => void secrets.set(name(origin, id), key),
    delete: async (origin, id) => void secrets.delete(name(origin, id)),
  };
  const kv: StateStore = {
    get: <T>(k: string) => state.get(k) as T | undefined,
    update: async (k, v) => void (v === undefined ? state.delete(k) : state.set(k, v)),
  };
  return { secrets, state, store: new IdentityStore(keys, kv) };
}

describe('IdentityStore', () => {
  it('adds identities with one secret each; the first becomes the default', async () => {
    const { secrets, state, store } = memory();
    const ana = await store.add(ORIGIN, { label: 'Me' }, 'key-ana', false);
    const bot = await store.add(ORIGIN, { label: 'API Bot', agentEmail: 'bot@x.com' }, 'key-bot', false);
    const loaded = await store.load(ORIGIN);
    assert.equal(loaded.defaultId, ana.id);
    assert.deepEqual(loaded.identities.map((i) => [i.label, i.apiKey]), [['Me', 'key-ana'], ['API Bot', 'key-bot']]);
    assert.equal(secrets.get(`bolddesk.apiKey:${ORIGIN}#${bot.id}`), 'key-bot');
    assert.ok(!JSON.stringify([...state.values()]).includes('key-'), 'no key in the identity list');
  });

  it('switches the default and removes one identity, leaving the others', async () => {
    const { secrets, store } = memory();
    const ana = await store.add(ORIGIN, { label: 'Me' }, 'key-ana', true);
    const bot = await store.add(ORIGIN, { label: 'API Bot' }, 'key-bot', false);
    await store.setDefault(ORIGIN, bot.id);
    assert.equal((await store.load(ORIGIN)).defaultId, bot.id);
    await store.remove(ORIGIN, bot.id);
    const left = await store.load(ORIGIN);
    assert.deepEqual(left.identities.map((i) => i.id), [ana.id]);
    assert.equal(left.defaultId, ana.id, 'the remaining identity becomes the default');
    assert.equal(secrets.has(`bolddesk.apiKey:${ORIGIN}#${bot.id}`), false);
    assert.equal(secrets.get(`bolddesk.apiKey:${ORIGIN}#${ana.id}`), 'key-ana');
  });

  it('migrates the single key of earlier versions once, as the first (default) identity', async () => {
    const { secrets, store } = memory();
    secrets.set(LEGACY, 'old-key');
    const loaded = await store.load(ORIGIN);
    assert.equal(loaded.identities.length, 1);
    assert.equal(loaded.identities[0].apiKey, 'old-key');
    assert.equal(loaded.identities[0].agentEmail, undefined, 'keeps using the agent e-mail setting');
    assert.equal(loaded.defaultId, loaded.identities[0].id);
    assert.equal(secrets.has(LEGACY), false);
    assert.equal((await store.load(ORIGIN)).identities.length, 1, 'only once');
  });

  it('keeps identities of other origins apart and ignores a damaged list', async () => {
    const { state, store } = memory();
    await store.add(ORIGIN, { label: 'Me' }, 'k', true);
    assert.equal((await store.load('https://acme.bolddesk.com')).identities.length, 0);
    state.set(stateKeyFor(ORIGIN), { identities: [{ id: 'BAD ID', label: 1 }, 'x'], defaultId: 7 });
    assert.deepEqual(parseIdentityList(state.get(stateKeyFor(ORIGIN))), { identities: [], defaultId: undefined });
    assert.deepEqual(parseIdentityList(null), { identities: [], defaultId: undefined });
  });

  it('an identity whose secret is missing is not offered', async () => {
    const { secrets, store } = memory();
    const a = await store.add(ORIGIN, { label: 'Me' }, 'k1', true);
    const b = await store.add(ORIGIN, { label: 'Other' }, 'k2', false);
    secrets.delete(`bolddesk.apiKey:${ORIGIN}#${a.id}`);
    const loaded = await store.load(ORIGIN);
    assert.deepEqual(loaded.identities.map((i) => i.id), [b.id]);
    assert.equal(loaded.defaultId, b.id);
  });
});
