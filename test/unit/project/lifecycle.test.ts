import * as assert from 'node:assert/strict';
import { DisposableStore } from '../../../src/lifecycle';

const recorder = () => {
  const log: string[] = [];
  const item = (name: string, fail = false) => ({
    dispose: () => {
      log.push(name);
      if (fail) throw new Error(`${name} failed`);
    },
  });
  return { log, item };
};

describe('DisposableStore (src/lifecycle.ts)', () => {
  it('disposes everything once, in the order added', () => {
    const { log, item } = recorder();
    const store = new DisposableStore();
    store.add(item('a'));
    store.addAll(item('b'), item('c'));
    store.dispose();
    store.dispose();
    assert.deepEqual(log, ['a', 'b', 'c']);
    assert.equal(store.isDisposed, true);
  });

  it('disposes the rest when one throws, then rethrows the first error', () => {
    const { log, item } = recorder();
    const store = new DisposableStore();
    store.addAll(item('a'), item('b', true), item('c', true), item('d'));
    assert.throws(() => store.dispose(), /b failed/);
    assert.deepEqual(log, ['a', 'b', 'c', 'd']);
  });

  it('disposes at once what is added after dispose (no leak)', () => {
    const { log, item } = recorder();
    const store = new DisposableStore();
    store.dispose();
    const late = item('late');
    assert.equal(store.add(late), late);
    assert.deepEqual(log, ['late']);
  });
});
