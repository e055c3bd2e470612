import * as assert from 'node:assert/strict';
import { DraftStore, DraftTooLargeError, MAX_DRAFT_CHARS, draftPath, draftTitle, parseDraftPath } from '../../../src/drafts/draftStore';
import { MemoryState as MapStore } from '../../support/memoryState';

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

describe('DraftStore: one help desk’s draft never shows on another’s ticket (issue 13 §6)', () => {
  const ref = { ticketId: 123, kind: 'reply' as const };
  const A = 'https://acme.bolddesk.com';
  const B = 'https://other.bolddesk.com';

  it('keys drafts, sent marks and "Post as" by origin', async () => {
    const state = new MapStore();
    let origin = A;
    const store = new DraftStore(state, Date.now, () => origin);
    await store.set(ref, 'For Acme only');
    await store.setPostAs(ref, 'acme-bot');
    await store.markSent({ ticketId: 124, kind: 'note' }, 'sent to Acme');
    origin = B;
    assert.equal(store.get(ref), undefined, 'the other help desk’s #123 has no draft');
    assert.deepEqual(store.list(), []);
    assert.equal(store.postAs(ref), undefined);
    assert.equal(store.lastSent(124), undefined);
    assert.equal(new DraftStore(state, Date.now, () => B).get(ref), undefined, 'also after a reload');
    origin = A;
    assert.equal(store.get(ref)?.text, 'For Acme only');
    assert.equal(store.postAs(ref), 'acme-bot');
    assert.equal(store.lastSent(124)?.text, 'sent to Acme');
  });

  it('#0012 and #12 are the same draft', async () => {
    const store = new DraftStore(new MapStore(), Date.now, () => A);
    const padded = parseDraftPath('/Reply to #0012.md');
    assert.deepEqual(padded, { ticketId: 12, kind: 'reply' });
    await store.set(padded, 'typed in #0012');
    assert.equal(store.get({ ticketId: 12, kind: 'reply' })?.text, 'typed in #0012');
  });

  it('a draft saved before drafts were keyed by origin is kept (adopted by the first help desk that reads it)', async () => {
    const state = new MapStore();
    state.map.set('bolddesk.draft.reply.123', { text: 'old text', mtime: 5 });
    const store = new DraftStore(state, Date.now, () => A);
    assert.equal(store.get(ref)?.text, 'old text');
    assert.equal(new DraftStore(state, Date.now, () => B).get(ref), undefined, 'then it is Acme’s only');
  });

  it('refuses a draft over the size cap clearly and keeps what was stored (nothing typed is cut off)', async () => {
    const store = new DraftStore(new MapStore(), Date.now, () => A);
    await store.set(ref, 'short');
    const huge = 'x'.repeat(MAX_DRAFT_CHARS + 1);
    await assert.rejects(store.set(ref, huge), (e: unknown) => e instanceof DraftTooLargeError && e.length === huge.length);
    assert.equal(store.get(ref)?.text, 'short', 'the stored draft is not replaced by a cut version');
    await store.set(ref, 'y'.repeat(MAX_DRAFT_CHARS)); // exactly the cap is fine
    assert.equal(store.get(ref)?.text.length, MAX_DRAFT_CHARS);
  });
});
