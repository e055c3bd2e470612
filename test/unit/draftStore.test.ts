import * as assert from 'node:assert/strict';
import { DraftStore, draftPath, draftTitle, parseDraftPath } from '../../src/drafts/draftStore';
import { MemoryState as MapStore } from './support/memoryState';

describe('draft naming', () => {
  it('names reply and note tabs after the ticket', () => {
    assert.equal(draftTitle({ ticketId: 123, kind: 'reply' }), 'Reply to #123');
    assert.equal(draftPath({ ticketId: 123, kind: 'note' }), '/Private note on #123.md');
  });

  it('parses its own paths back and rejects anything else', () => {
    for (const ref of [{ ticketId: 5, kind: 'reply' as const }, { ticketId: 99999, kind: 'note' as const }]) {
      assert.deepEqual(parseDraftPath(draftPath(ref)), ref);
    }
    for (const bad of ['/Reply to #0.md', '/Reply to #12.txt', '/reply to #12.md', '/x/Reply to #12.md', '/', '/Reply to #abc.md']) {
      assert.equal(parseDraftPath(bad), undefined, bad);
    }
  });
});

describe('DraftStore', () => {
  const ref = { ticketId: 42, kind: 'reply' as const };

  it('keeps a draft per ticket and kind, and it survives a new store over the same state (reload)', async () => {
    const state = new MapStore();
    const store = new DraftStore(state, () => 1000);
    await store.set(ref, 'Hello');
    await store.set({ ticketId: 42, kind: 'note' }, 'Internal');
    const reloaded = new DraftStore(state);
    assert.equal(reloaded.get(ref)?.text, 'Hello');
    assert.equal(reloaded.get({ ticketId: 42, kind: 'note' })?.text, 'Internal');
    assert.equal(reloaded.get({ ticketId: 43, kind: 'reply' }), undefined);
    assert.deepEqual(
      reloaded.list().map((r) => `${r.kind}${r.ticketId}`).sort(),
      ['note42', 'reply42'],
    );
  });

  it('forgets a draft when cleared or saved empty', async () => {
    const state = new MapStore();
    const store = new DraftStore(state);
    await store.set(ref, 'x');
    await store.clear(ref);
    assert.equal(store.get(ref), undefined);
    assert.equal(state.map.size, 0);
    await store.set(ref, 'y');
    await store.set(ref, '  \n ');
    assert.equal(new DraftStore(state).get(ref), undefined);
  });

  it('never moves the mtime backwards (editors would see a conflict)', async () => {
    let now = 5000;
    const store = new DraftStore(new MapStore(), () => now);
    await store.set(ref, 'a');
    const first = store.mtime(ref);
    now = 10; // clock jumps back
    await store.set(ref, 'b');
    assert.ok(store.mtime(ref) > first);
    const beforeClear = store.mtime(ref);
    await store.clear(ref);
    assert.ok(store.mtime(ref) > beforeClear);
  });

  it('ignores malformed stored values', () => {
    const state = new MapStore();
    state.map.set('bolddesk.draft.reply.42', { text: 7 });
    assert.equal(new DraftStore(state).get(ref), undefined);
  });
});
