// The hover lookup cache: one request per id per TTL, shared in-flight requests, bounded concurrency.
import * as assert from 'node:assert/strict';
import { LookupCache } from '../../../src/references/lookupCache';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('LookupCache', () => {
  it('fetches each id once while fresh and again after the TTL', async () => {
    let now = 0;
    const calls: number[] = [];
    const cache = new LookupCache<string>({ fetch: async (id) => (calls.push(id), `t${id}`), ttlMs: 1000, now: () => now });
    assert.equal(await cache.get(1), 't1');
    await cache.get(1);
    await Promise.all([cache.get(2), cache.get(2), cache.get(1)]);
    assert.deepEqual(calls, [1, 2]);
    now = 1001;
    await cache.get(1);
    assert.deepEqual(calls, [1, 2, 1]);
  });

  it('shares a request in flight and runs at most `concurrency` at once', async () => {
    let running = 0;
    let peak = 0;
    const gate = deferred();
    const calls: number[] = [];
    const cache = new LookupCache<number>({
      concurrency: 2,
      fetch: async (id) => {
        calls.push(id);
        running++;
        peak = Math.max(peak, running);
        await gate.promise;
        running--;
        return id;
      },
    });
    const all = Promise.all([1, 2, 3, 4, 5, 1, 2, 3, 4, 5].map((id) => cache.get(id)));
    await new Promise((r) => setImmediate(r));
    assert.equal(running, 2);
    gate.resolve();
    assert.deepEqual(await all, [1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
    assert.equal(peak, 2);
    assert.deepEqual(calls.sort(), [1, 2, 3, 4, 5]);
  });

  it('remembers failures briefly, and clear() forgets everything', async () => {
    let now = 0;
    let calls = 0;
    const cache = new LookupCache<number>({
      fetch: async () => {
        calls++;
        throw new Error('boom');
      },
      errorTtlMs: 100,
      now: () => now,
    });
    await assert.rejects(cache.get(1));
    await assert.rejects(cache.get(1));
    assert.equal(calls, 1);
    now = 101;
    await assert.rejects(cache.get(1));
    assert.equal(calls, 2);
    cache.clear();
    await assert.rejects(cache.get(1));
    assert.equal(calls, 3);
  });
});
