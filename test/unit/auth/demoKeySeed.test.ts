// The demo key from BOLDDESK_DEMO_KEY is stored only for a loopback domain, and never over a stored key.
import * as assert from 'node:assert/strict';
import { seedDemoKey } from '../../../src/auth/demoKeySeed';

function memoryKeys(initial: Record<string, string> = {}) {
  const stored = new Map(Object.entries(initial));
  return {
    stored,
    get: async (origin: string) => stored.get(origin),
    store: async (origin: string, key: string) => void stored.set(origin, key),
  };
}

describe('seedDemoKey', () => {
  const env = { BOLDDESK_DEMO_KEY: 'demo-key' };

  it('stores the key once for literal loopback addresses (127.0.0.0/8, [::1])', async () => {
    for (const origin of ['http://127.0.0.1:4000', 'http://127.9.9.9:4000', 'http://[::1]:4000']) {
      const keys = memoryKeys();
      assert.equal(await seedDemoKey(env, { origin }, keys), true, origin);
      assert.equal(keys.stored.get(origin), 'demo-key');
      assert.equal(await seedDemoKey(env, { origin }, keys), false, 'only once');
    }
  });

  it('is never honoured for a real (non-loopback) domain', async () => {
    const keys = memoryKeys();
    assert.equal(await seedDemoKey(env, { origin: 'https://acme.bolddesk.com' }, keys), false);
    assert.equal(await seedDemoKey(env, { origin: 'https://127.0.0.1.evil.example' }, keys), false);
    assert.equal(await seedDemoKey(env, { origin: 'http://localhost:4000' }, keys), false, 'a name, not a loopback address');
    assert.equal(keys.stored.size, 0);
  });

  it('does not replace a stored key, and does nothing without the variable or a domain', async () => {
    const keys = memoryKeys({ 'http://127.0.0.1:4000': 'mine' });
    assert.equal(await seedDemoKey(env, { origin: 'http://127.0.0.1:4000' }, keys), false);
    assert.equal(keys.stored.get('http://127.0.0.1:4000'), 'mine');
    assert.equal(await seedDemoKey({}, { origin: 'http://localhost:1' }, keys), false);
    assert.equal(await seedDemoKey(env, undefined, keys), false);
  });
});
