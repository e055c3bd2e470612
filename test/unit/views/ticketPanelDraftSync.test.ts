// Live draft sync between the draft tab and the ticket panel, host side: DraftStore announces every set/clear, and
// the panel controller pushes the stored draft to its webview (`draftChanged`). Wired as ticketPanelManager does it.
// The composer's "never overwrite typing" rule is checked in Chromium (ticketPanelWebview.test.ts).
import * as assert from 'node:assert/strict';
import { describeError } from '../../../src/api/describeError';
import { DraftStore, type DraftRef } from '../../../src/drafts/draftStore';
import { TicketPanelController } from '../../../src/views/ticketPanel/panelController';
import type { PanelEnv } from '../../../src/views/ticketPanel/panelEnv';
import { PanelDraftAdapter } from '../../../src/views/ticketPanel/panelDrafts';
import type { ExtensionMessage } from '../../../src/views/ticketPanel/protocol';
import { MemoryState } from '../../support/memoryState';

describe('live draft sync (DraftStore event → ticket panel)', () => {
  it('DraftStore fires onDidChange with the ref on set, on clear and on a whitespace-only set', async () => {
    const store = new DraftStore(new MemoryState());
    const seen: DraftRef[] = [];
    const sub = store.onDidChange((ref) => seen.push(ref));
    await store.set({ ticketId: 7, kind: 'reply' }, 'hello');
    await store.set({ ticketId: 7, kind: 'note' }, '   ');
    await store.clear({ ticketId: 8, kind: 'reply' });
    sub.dispose();
    await store.set({ ticketId: 9, kind: 'reply' }, 'after dispose');
    assert.deepEqual(seen, [{ ticketId: 7, kind: 'reply' }, { ticketId: 7, kind: 'note' }, { ticketId: 8, kind: 'reply' }]);
  });

  function rig(ticketId: number) {
    let clock = 1000;
    const store = new DraftStore(new MemoryState(), () => clock++); // distinct mtimes: the newest draft wins
    const posts: ExtensionMessage[] = [];
    const env: PanelEnv = {
      getApi: async () => assert.fail('no BoldDesk request expected'),
      origin: () => undefined,
      attribution: () => '',
      drafts: new PanelDraftAdapter(store),
      openExternal: async () => undefined,
      openInBrowser: async () => undefined,
      ticketChanged: () => undefined,
      noteOpened: () => undefined,
      describeError,
      log: { info: () => undefined, error: () => undefined },
    };
    const controller = new TicketPanelController(ticketId, env, (m) => posts.push(m));
    // As TicketPanelManager: the change goes to the open panel of that ticket only.
    store.onDidChange((ref) => ref.ticketId === ticketId && controller.draftChangedElsewhere());
    const pushes = () => posts.filter((m) => m.type === 'draftChanged');
    return { store, controller, pushes };
  }

  it('pushes what the draft tab saved, and an empty draft when it was cleared (sent from the tab)', async () => {
    const r = rig(42);
    await r.store.set({ ticketId: 42, kind: 'reply' }, 'typed in the tab');
    await r.store.set({ ticketId: 43, kind: 'reply' }, 'another ticket');
    await r.store.set({ ticketId: 42, kind: 'note' }, 'a note in its tab');
    await r.store.clear({ ticketId: 42, kind: 'note' });
    assert.deepEqual(r.pushes(), [
      { type: 'draftChanged', draft: { kind: 'reply', text: 'typed in the tab' } },
      { type: 'draftChanged', draft: { kind: 'note', text: 'a note in its tab' } },
      { type: 'draftChanged', draft: { kind: 'reply', text: 'typed in the tab' } }, // the reply draft is still there
    ]);
    await r.store.clear({ ticketId: 42, kind: 'reply' });
    assert.deepEqual(r.pushes().at(-1), { type: 'draftChanged', draft: undefined });
  });

  it("the panel's own saveDraft echoes exactly the text it saved (harmless: the composer already shows it)", async () => {
    const r = rig(42);
    const reply = await r.controller.handle({ id: 1, type: 'saveDraft', draft: { kind: 'note', text: 'from the panel' } });
    assert.ok(reply?.ok);
    assert.deepEqual(r.pushes(), [{ type: 'draftChanged', draft: { kind: 'note', text: 'from the panel' } }]);
    await r.controller.handle({ id: 2, type: 'saveDraft', draft: { kind: 'note', text: '' } });
    assert.deepEqual(r.pushes().at(-1), { type: 'draftChanged', draft: undefined });
    assert.equal(r.store.get({ ticketId: 42, kind: 'note' }), undefined);
  });
});
