// The host side of the ticket panel, driven with raw webview messages, against the real fake BoldDesk over HTTP
// (the real BoldDeskClient). Checks: one POST per send and never retried, drafts kept on failure and cleared only
// after BoldDesk confirmed, outcome-unknown wording, field changes, and that bad messages reach nothing.
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { describeError } from '../../../src/api/describeError';
import type { TicketDetail, TicketMessage } from '../../../src/api/types';
import { DraftStore } from '../../../src/drafts/draftStore';
import { TicketPanelController } from '../../../src/views/ticketPanel/panelController';
import type { PanelEnv } from '../../../src/views/ticketPanel/panelEnv';
import { PanelDraftAdapter } from '../../../src/views/ticketPanel/panelDrafts';
import { toPanelConversation } from '../../../src/views/ticketPanel/panelModel';
import type { ExtensionMessage, Reply } from '../../../src/views/ticketPanel/protocol';
import { startHarness, type Harness } from '../api/clientHelpers';
import { englishWords, pseudoBundle } from '../support/pseudoL10n';
import { MemoryState } from '../../support/memoryState';

interface Rig {
  controller: TicketPanelController;
  env: PanelEnv;
  posts: ExtensionMessage[];
  store: DraftStore;
  opened: string[];
  changed: number[];
}

/** Resolves once `pred` holds (checked on each post); no fixed sleeps. */
async function until(posts: ExtensionMessage[], pred: (m: ExtensionMessage) => boolean): Promise<ExtensionMessage> {
  for (let i = 0; i < 500; i++) {
    const hit = posts.find(pred);
    if (hit) return hit;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail('the expected panel message never came');
}

function error(reply: Reply | undefined): { message: string; outcomeUnknown?: boolean } {
  assert.ok(reply && !reply.ok, `expected an error reply, got ${JSON.stringify(reply)}`);
  return reply.error;
}

describe('ticket panel controller (against the fake BoldDesk)', () => {
  let h: Harness;
  let ticketId: number;
  const POST_UPDATES = /^\/api\/v1\/tickets\/\d+\/updates$/;
  const POST_NOTES = /^\/api\/v1\/tickets\/\d+\/notes$/;

  before(async () => {
    h = await startHarness({ tickets: 8, seed: 5 });
    ticketId = h.fake.db.tickets[0].id;
  });
  after(async () => h.fake.close());
  beforeEach(() => h.fake.reset());

  function rig(timeoutMs = 5000, over: Partial<PanelEnv> = {}): Rig {
    const client = h.client({ timeoutMs });
    const posts: ExtensionMessage[] = [];
    const store = new DraftStore(new MemoryState());
    const opened: string[] = [];
    const changed: number[] = [];
    const env: PanelEnv = {
      getApi: async () => client,
      origin: () => client.origin,
      attribution: () => 'BoldDesk will show this as "Ana Agent".',
      drafts: new PanelDraftAdapter(store),
      openExternal: async (url) => void opened.push(url),
      openInBrowser: async () => undefined,
      ticketChanged: (id) => void changed.push(id),
      noteOpened: () => undefined,
      describeError,
      log: { info: () => undefined, error: () => undefined },
      ...over,
    };
    return { controller: new TicketPanelController(ticketId, env, (m) => posts.push(m)), env, posts, store, opened, changed };
  }

  it('answers ready with the ticket, its conversation (oldest first) and the lookups', async () => {
    const r = rig();
    const reply = await r.controller.handle({ id: 1, type: 'ready' });
    assert.deepEqual(reply, { type: 'reply', id: 1, ok: true, result: null });
    const loaded = await until(r.posts, (m) => m.type === 'ticketLoaded');
    assert.ok(loaded.type === 'ticketLoaded');
    assert.equal(loaded.ticket.id, ticketId);
    assert.equal(loaded.origin, h.fake.url);
    assert.ok(loaded.lookups.statuses.length > 0 && loaded.lookups.priorities.length > 0);
    const times = loaded.messages.map((m) => Date.parse(m.createdOn));
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
    assert.match(loaded.attribution, /Ana Agent/);
  });

  it('a panel focused without a click tells the extension, which gives a question just opened its focus back', async () => {
    let told = 0;
    const r = rig(5000, { panelFocused: () => void (told += 1) });
    assert.deepEqual(await r.controller.handle({ id: 1, type: 'focused' }), { type: 'reply', id: 1, ok: true, result: null });
    assert.equal(told, 1);
  });

  it('sends a reply with exactly one POST and clears the draft only after BoldDesk confirmed it', async () => {
    const r = rig();
    await r.controller.handle({ id: 1, type: 'saveDraft', draft: { kind: 'reply', text: 'Fixed <now>' } });
    assert.equal(r.store.get({ ticketId, kind: 'reply' })?.text, 'Fixed <now>');
    const reply = await r.controller.handle({ id: 2, type: 'send', kind: 'reply', text: 'Fixed <now>' });
    assert.ok(reply?.ok, JSON.stringify(reply));
    const posts = h.requestsTo(POST_UPDATES, 'POST');
    assert.equal(posts.length, 1);
    assert.deepEqual(posts[0].body, { description: '<p>Fixed &lt;now&gt;</p>', replyOnBehalfOfRequester: false });
    assert.equal(r.store.get({ ticketId, kind: 'reply' }), undefined);
    assert.deepEqual(r.changed, [ticketId]);
  });

  it('a send from the draft tab bumps the sent revision; a stale composer cannot post the same text again', async () => {
    const r = rig();
    await r.controller.handle({ id: 1, type: 'ready' });
    const loaded = await until(r.posts, (m) => m.type === 'ticketLoaded');
    assert.ok(loaded.type === 'ticketLoaded');
    assert.equal(loaded.sentRevision, undefined, 'nothing sent yet');
    // The draft tab sent the text (sendDraft marks it sent): the panel hears the new revision.
    await r.store.markSent({ ticketId, kind: 'reply' }, 'Same text');
    r.controller.draftChangedElsewhere();
    const pushed = await until(r.posts, (m) => m.type === 'draftChanged');
    assert.deepEqual(pushed, { type: 'draftChanged', draft: undefined, sentRevision: 1 });
    // A composer restored from state written before that send offers the same text: refused, nothing posted.
    const e = error(await r.controller.handle({ id: 2, type: 'send', kind: 'reply', text: 'Same text\n', basedOn: 0 }));
    assert.equal((e as { alreadySent?: boolean }).alreadySent, true);
    assert.match(e.message, /already has this reply/);
    assert.equal(h.requestsTo(POST_UPDATES, 'POST').length, 0);
    // A composer that knows the send may send the same words again on purpose; the revision moves on.
    const ok = await r.controller.handle({ id: 3, type: 'send', kind: 'reply', text: 'Same text', basedOn: 1 });
    assert.ok(ok?.ok, JSON.stringify(ok));
    assert.deepEqual((ok as { result: unknown }).result, { messageId: (ok as { result: { messageId: number } }).result.messageId, sentRevision: 2 });
    assert.equal(h.requestsTo(POST_UPDATES, 'POST').length, 1);
  });

  it('sends a private note to the notes endpoint', async () => {
    const r = rig();
    const reply = await r.controller.handle({ id: 1, type: 'send', kind: 'note', text: 'internal only' });
    assert.ok(reply?.ok);
    assert.equal(h.requestsTo(POST_NOTES, 'POST').length, 1);
    assert.equal(h.requestsTo(POST_UPDATES, 'POST').length, 0);
  });

  it('a second send while the first is out does not POST again', async () => {
    const r = rig();
    h.fake.addFault({ fault: { type: 'latency', ms: 200 }, method: 'POST', path: POST_UPDATES, times: 1 });
    const [a, b] = await Promise.all([
      r.controller.handle({ id: 1, type: 'send', kind: 'reply', text: 'once' }),
      r.controller.handle({ id: 2, type: 'send', kind: 'reply', text: 'once' }),
    ]);
    assert.ok(a?.ok);
    assert.match(error(b).message, /already being sent/);
    assert.equal(h.requestsTo(POST_UPDATES, 'POST').length, 1);
  });

  it('a refused send keeps the text, says so, and is not retried', async () => {
    const r = rig();
    h.fake.addFault({ fault: { type: 'status', status: 403 }, method: 'POST', path: POST_UPDATES });
    const e = error(await r.controller.handle({ id: 1, type: 'send', kind: 'reply', text: 'keep me' }));
    assert.match(e.message, /text is kept/);
    assert.notEqual(e.outcomeUnknown, true);
    assert.equal(r.store.get({ ticketId, kind: 'reply' })?.text, 'keep me');
    assert.equal(h.requestsTo(POST_UPDATES, 'POST').length, 1);
  });

  it('when no answer comes back, says the reply may have been sent', async () => {
    const r = rig(300);
    h.fake.addFault({ fault: { type: 'stall', ms: 3000 }, method: 'POST', path: POST_UPDATES, times: 1 });
    const e = error(await r.controller.handle({ id: 1, type: 'send', kind: 'reply', text: 'did it go?' }));
    assert.equal(e.outcomeUnknown, true);
    assert.match(e.message, /may have been sent/);
    assert.equal(r.store.get({ ticketId, kind: 'reply' })?.text, 'did it go?');
    assert.equal(h.requestsTo(POST_UPDATES, 'POST').length, 1);
  });

  it('changes the status, then shows BoldDesk’s new value; the same value again is "no change", not an error', async () => {
    const r = rig();
    await r.controller.handle({ id: 1, type: 'refresh' });
    const current = h.fake.db.getTicket(ticketId)?.statusId;
    const target = h.fake.db.statuses.find((s) => s.id !== current);
    assert.ok(target);
    const reply = await r.controller.handle({ id: 2, type: 'updateField', field: 'status', value: target.id });
    assert.deepEqual(reply, { type: 'reply', id: 2, ok: true, result: { changed: true } });
    assert.equal(h.fake.db.getTicket(ticketId)?.statusId, target.id);
    const updated = r.posts.find((m) => m.type === 'ticketUpdated');
    assert.ok(updated?.type === 'ticketUpdated' && updated.ticket.status?.id === target.id);

    const again = await r.controller.handle({ id: 3, type: 'updateField', field: 'status', value: target.id });
    assert.deepEqual(again, { type: 'reply', id: 3, ok: true, result: { changed: false } });
  });

  it('an unassign BoldDesk ignores (dialect unassign-ignored) is an error, never "no change", and shows what BoldDesk holds', async () => {
    const r = rig();
    await r.controller.handle({ id: 1, type: 'refresh' });
    const t = h.fake.db.getTicket(ticketId);
    assert.ok(t);
    if (t.agentId === null) h.fake.db.updateTicket(t, { agentId: h.fake.keys[0].agent.userId }, h.fake.keys[0].agent.userId, Date.now());
    const agentId = t.agentId;
    h.fake.setDialects(['unassign-ignored']);
    try {
      const e = error(await r.controller.handle({ id: 2, type: 'updateField', field: 'assignee', value: null }));
      assert.match(e.message, /did not apply this change/);
      assert.equal(h.fake.db.getTicket(ticketId)?.agentId, agentId);
      const updated = r.posts.filter((m) => m.type === 'ticketUpdated').pop();
      assert.ok(updated?.type === 'ticketUpdated' && updated.ticket.assignee?.id === agentId, 'the panel shows the agent BoldDesk kept');
    } finally {
      h.fake.setDialects([]);
    }
  });

  it('a refused field change is a clear error and changes nothing', async () => {
    const r = rig();
    const before = h.fake.db.getTicket(ticketId)?.priorityId;
    const other = h.fake.db.priorities.find((p) => p.id !== before);
    assert.ok(other);
    h.fake.addFault({ fault: { type: 'status', status: 403 }, method: 'PUT', path: /update_fields/ });
    const e = error(await r.controller.handle({ id: 1, type: 'updateField', field: 'priority', value: other.id }));
    assert.match(e.message, /did not change the priority/);
    assert.equal(h.fake.db.getTicket(ticketId)?.priorityId, before);
    assert.equal(h.requestsTo(/update_fields/, 'PUT').length, 1);
  });

  it('rejects malformed messages without calling BoldDesk or the OS', async () => {
    const r = rig();
    assert.equal(await r.controller.handle('ready'), undefined);
    assert.equal(await r.controller.handle({ type: 'send', kind: 'reply', text: 'no id' }), undefined);
    assert.match(error(await r.controller.handle({ id: 4, type: 'openLink', url: 'javascript:alert(1)' })).message, /does not accept/);
    error(await r.controller.handle({ id: 5, type: 'send', kind: 'reply', text: 'x', ticketId: 999 }));
    assert.deepEqual(r.opened, []);
    assert.equal(h.fake.requests.length, 0);
  });

  it('opens http(s) links through the host', async () => {
    const r = rig();
    const reply = await r.controller.handle({ id: 1, type: 'openLink', url: 'https://example.com/kb' });
    assert.ok(reply?.ok);
    assert.deepEqual(r.opened, ['https://example.com/kb']);
  });

  describe('texts for the webview, under a pseudo-locale', () => {
    // What describeError says is its own module's business (l10nPseudo.test.ts); here it stands in as translated text.
    const DESCRIBED = 'Ɓǿŀḓḓḗşķ şȧīḓ ƞǿ';
    afterEach(() => l10n.config({ contents: {} }));

    /** Every error text the controller can send the webview, and the panel model's fallback names, as [what, text]. */
    async function controllerTexts(): Promise<[string, string][]> {
      const out: [string, string][] = [];
      const err = (what: string, reply: Reply | undefined) => void out.push([what, error(reply).message]);
      const r = rig(5000, { describeError: () => DESCRIBED });
      const stalled = rig(300, { describeError: () => DESCRIBED }); // gives up on a stalled write quickly
      err('rejected request', await r.controller.handle({ id: 1, type: 'openLink', url: 'javascript:alert(1)' }));
      err('removed identity', await r.controller.handle({ id: 2, type: 'send', kind: 'reply', text: 'x', postAs: 'gone1' }));
      for (const kind of ['reply', 'note'] as const) {
        h.fake.reset();
        const path = kind === 'reply' ? POST_UPDATES : POST_NOTES;
        h.fake.addFault({ fault: { type: 'latency', ms: 150 }, method: 'POST', path, times: 1 });
        const [, second] = await Promise.all([
          r.controller.handle({ id: 3, type: 'send', kind, text: 'once' }),
          r.controller.handle({ id: 4, type: 'send', kind, text: 'once' }),
        ]);
        err(`${kind} busy`, second);
        h.fake.addFault({ fault: { type: 'status', status: 403 }, method: 'POST', path, times: 1 });
        err(`${kind} refused`, await r.controller.handle({ id: 5, type: 'send', kind, text: 'x' }));
        h.fake.addFault({ fault: { type: 'stall', ms: 3000 }, method: 'POST', path, times: 1 });
        err(`${kind} outcome unknown`, await stalled.controller.handle({ id: 6, type: 'send', kind, text: 'x' }));
      }
      h.fake.reset();
      await r.controller.handle({ id: 7, type: 'refresh' });
      err('status not offered', await r.controller.handle({ id: 8, type: 'updateField', field: 'status', value: 99999 }));
      err('priority not offered', await r.controller.handle({ id: 9, type: 'updateField', field: 'priority', value: 99999 }));
      const values = { status: h.fake.db.statuses[0].id, priority: h.fake.db.priorities[0].id, assignee: null };
      for (const field of ['status', 'priority', 'assignee'] as const) {
        h.fake.addFault({ fault: { type: 'latency', ms: 150 }, method: 'PUT', path: /update_fields/, times: 1 });
        const [, second] = await Promise.all([
          r.controller.handle({ id: 10, type: 'updateField', field, value: values[field] }),
          r.controller.handle({ id: 11, type: 'updateField', field, value: values[field] }),
        ]);
        err(`${field} busy`, second);
        h.fake.addFault({ fault: { type: 'status', status: 403 }, method: 'PUT', path: /update_fields/, times: 1 });
        err(`${field} refused`, await r.controller.handle({ id: 12, type: 'updateField', field, value: values[field] }));
        h.fake.addFault({ fault: { type: 'stall', ms: 3000 }, method: 'PUT', path: /update_fields/, times: 1 });
        err(`${field} outcome unknown`, await stalled.controller.handle({ id: 13, type: 'updateField', field, value: values[field] }));
      }
      h.fake.addFault({ fault: { type: 'status', status: 404 }, method: 'GET', path: /^\/api\/v1\/tickets\/\d+$/, times: 1 });
      err('refresh failed', await r.controller.handle({ id: 14, type: 'refresh' }));

      const ticket = { id: 1, subject: 's', description: '<p>d</p>' } as TicketDetail;
      const nameless: TicketMessage = { id: 2, ticketId: 1, kind: 'reply', html: '', createdOn: '2025-01-02T00:00:00Z', attachments: [] };
      const conv = toPanelConversation(ticket, [nameless, { ...nameless, id: 3, author: { userId: 77 } } as TicketMessage], 'https://x.test');
      out.push(...conv.map((m): [string, string] => [`author of ${m.key}`, m.author]));
      return out;
    }

    it('in English (no bundle) they read as English, so the check below can see untranslated text', async function () {
      this.timeout(30_000);
      const texts = await controllerTexts();
      assert.equal(texts.length, 23);
      assert.deepEqual(texts.filter(([, text]) => englishWords(text.replace(DESCRIBED, '')).length === 0), []);
    });

    it('with the pseudo bundle every one is translated', async function () {
      this.timeout(30_000);
      l10n.config({ contents: await pseudoBundle() });
      const left = (await controllerTexts()).filter(([, text]) => englishWords(text).length > 0);
      assert.deepEqual(left, [], 'these texts did not go through l10n.t');
    });
  });

  it('says the user worked in the panel (a preview is kept) on typing, a send, a field change or Keep Open — not on looking', async () => {
    let engaged = 0;
    const controller = new TicketPanelController(ticketId, rig().env, () => undefined, () => undefined, () => engaged++);
    const count = async (message: unknown) => {
      const before = engaged;
      await controller.handle(message);
      return engaged - before;
    };
    assert.equal(await count({ id: 1, type: 'ready' }), 0);
    assert.equal(await count({ id: 2, type: 'searchAgents', text: '' }), 0);
    assert.equal(await count({ id: 3, type: 'saveDraft', draft: { kind: 'reply', text: '  ' } }), 0, 'a blur with nothing typed');
    assert.equal(await count({ id: 4, type: 'keepOpen', extra: 1 }), 0, 'a rejected message');
    assert.equal(await count({ id: 5, type: 'saveDraft', draft: { kind: 'reply', text: 'Hello' } }), 1);
    assert.equal(await count({ id: 6, type: 'keepOpen' }), 1);
    const status = h.fake.db.statuses.find((st) => st.id !== h.fake.db.tickets[0].statusId);
    assert.ok(status);
    assert.equal(await count({ id: 7, type: 'updateField', field: 'status', value: status.id }), 1);
  });

  it('finds agents for the assignee picker', async () => {
    const r = rig();
    const reply = await r.controller.handle({ id: 1, type: 'searchAgents', text: '' });
    assert.ok(reply?.ok && Array.isArray(reply.result) && reply.result.length > 0);
  });
});

describe('ticket panel drafts (shared DraftStore)', () => {
  it('moves the text when the composer flips between reply and note, and restores the newest', async () => {
    let clock = 1000;
    const store = new DraftStore(new MemoryState(), () => clock++);
    const drafts = new PanelDraftAdapter(store);
    await drafts.set(7, { kind: 'reply', text: 'hello' });
    assert.deepEqual(drafts.get(7), { kind: 'reply', text: 'hello' });
    await drafts.set(7, { kind: 'note', text: 'hello' });
    assert.equal(store.get({ ticketId: 7, kind: 'reply' }), undefined, 'the reply draft moved to the note');
    assert.deepEqual(drafts.get(7), { kind: 'note', text: 'hello' });
    await drafts.clear(7, 'note');
    assert.equal(drafts.get(7), undefined);
  });

  it('picks up a draft written by the draft editors for the same ticket', async () => {
    const store = new DraftStore(new MemoryState());
    await store.set({ ticketId: 9, kind: 'note' }, 'from the editor');
    assert.deepEqual(new PanelDraftAdapter(store).get(9), { kind: 'note', text: 'from the editor' });
  });
});
