// The core journeys against every fake BoldDesk dialect (test/fake-bolddesk/dialects.ts): lists, filters, the
// conversation, lookups and field changes, through the real client and model over HTTP. Each dialect has a test
// that the code before issue 11 failed (a wrong list, a private note shown as public, a change reported that did
// not happen); the journeys then run once per dialect and with none, and must show nothing wrong on any of them.
import * as assert from 'node:assert/strict';
import { confirmFieldChange } from '../../../src/api/confirmWrite';
import type { Agent, TicketSummary } from '../../../src/api/types';
import type { TicketList } from '../../../src/model/ticketList';
import { TicketListModel } from '../../../src/model/ticketListModel';
import { DIALECTS, type Dialect } from '../../fake-bolddesk';
import { OPEN_STATUS_IDS } from '../../fake-bolddesk/seedData';
import { startHarness, type Harness } from '../api/clientHelpers';

describe('BoldDesk dialects: nothing wrong is shown on any of them', function () {
  let h: Harness;
  let me: Agent;

  before(async () => {
    h = await startHarness({ tickets: 60, seed: 3 });
    const a = h.fake.keys[0].agent;
    me = { userId: a.userId, name: a.name, email: a.email };
  });
  after(() => h.fake.close());
  beforeEach(() => {
    h.fake.reset();
    h.fake.setDialects([]);
  });

  function model(): TicketListModel {
    const client = h.client();
    return new TicketListModel({ api: async () => client, agent: async () => me, pageSize: () => 10, setTimer: () => () => undefined });
  }

  function listOf(m: TicketListModel, id: string): TicketList {
    const found = m.lists?.find((l) => l.id === id);
    assert.ok(found, `no category ${id}; have ${m.lists?.map((l) => l.id).join(', ')}`);
    return found;
  }

  async function loadAll(l: TicketList): Promise<readonly TicketSummary[]> {
    await l.ensureLoaded();
    for (let i = 0; i < 40 && l.hasMore; i++) await l.loadMore();
    assert.equal(l.error, undefined, `list ${l.id} failed: ${String(l.error)}`);
    return l.items;
  }

  const openUnassigned = () => h.fake.db.tickets.filter((t) => t.agentId === null && OPEN_STATUS_IDS.includes(t.statusId));

  // ---- one test per dialect that the old code failed ----

  it('ignore-undocumented-q: "My open tickets" lists only my tickets and says BoldDesk did not apply the agent filter', async () => {
    h.fake.setDialects(['ignore-undocumented-q']);
    const m = model();
    await m.loadCategories();
    const mine = listOf(m, 'mine');
    const items = await loadAll(mine);
    assert.ok(items.length > 0);
    for (const t of items) assert.equal(t.agent?.id, me.userId, `#${t.id} is not mine`);
    assert.deepEqual(mine.unapplied, ['agent']);
  });

  it('ignore-undocumented-q: the priority and text filters show only matching tickets', async () => {
    h.fake.setDialects(['ignore-undocumented-q']);
    const m = model();
    m.setFilter({ priorityIds: [4], text: 'a' });
    await m.loadCategories();
    const open = listOf(m, 'open');
    const items = await loadAll(open);
    for (const t of items) {
      assert.equal(t.priority?.id, 4, `#${t.id} has priority ${t.priority?.id}`);
      assert.ok(t.subject.toLowerCase().includes('a'), `#${t.id} "${t.subject}"`);
    }
    assert.deepEqual([...(open.unapplied ?? [])].sort(), ['priority', 'text']);
  });

  it('unassigned-none: "Unassigned" lists the open unassigned tickets instead of an empty queue', async () => {
    h.fake.setDialects(['unassigned-none']);
    const expected = openUnassigned().map((t) => t.id).sort((a, b) => a - b);
    assert.ok(expected.length > 0, 'the seed has unassigned open tickets');
    const m = model();
    await m.loadCategories();
    const items = await loadAll(listOf(m, 'unassigned'));
    assert.deepEqual(items.map((t) => t.id).sort((a, b) => a - b), expected);
  });

  it('note-type-ids: a private note is never shown as a public reply', async () => {
    h.fake.setDialects(['note-type-ids']);
    const t = h.fake.db.tickets[0];
    const note = h.fake.db.addMessage(t, { kind: 'privateNote', description: '<p>internal only</p>', authorId: me.userId, at: Date.now(), source: 'Agent Portal' });
    const messages = await h.client().getMessages(t.id);
    const shown = messages.find((x) => x.id === note.id);
    assert.ok(shown, 'the note is in the conversation');
    assert.equal(shown.kind, 'note');
    const privateIds = new Set(t.messages.filter((x) => x.kind === 'privateNote').map((x) => x.id));
    for (const msg of messages) if (privateIds.has(msg.id)) assert.equal(msg.kind, 'note', `private #${msg.id} shown as ${msg.kind}`);
  });

  it('paged-lookups: statuses, priorities, views, categories and agents are read to the end', async () => {
    h.fake.setDialects(['paged-lookups']);
    const client = h.client();
    assert.equal((await client.getStatuses()).length, h.fake.db.statuses.length);
    assert.equal((await client.getPriorities()).length, h.fake.db.priorities.length);
    assert.equal((await client.getTicketViews()).length, h.fake.db.views.length);
    assert.equal((await client.getCategories()).length, h.fake.db.categories.length);
    assert.equal((await client.searchAgents('')).length, h.fake.db.agents.length);
  });

  it('filterid-wins: a view plus the user\'s filter shows only tickets that match the filter', async () => {
    h.fake.setDialects(['filterid-wins']);
    const m = model();
    m.setFilter({ statusIds: [3] });
    await m.loadCategories();
    const all = listOf(m, 'view:5'); // "All tickets"
    const items = await loadAll(all);
    for (const t of items) assert.equal(t.status?.id, 3, `#${t.id} has status ${t.status?.id}`);
    assert.deepEqual(all.unapplied, ['status']);
  });

  it('unassign-ignored: an unassign BoldDesk ignored is reported as not done, never as "nothing changed"', async () => {
    h.fake.setDialects(['unassign-ignored']);
    const t = h.fake.db.tickets.find((x) => x.agentId !== null);
    assert.ok(t);
    const outcome = await confirmFieldChange(h.client(), t.id, { agentId: null });
    assert.equal(outcome.kind, 'ignored');
    assert.equal(outcome.ticket?.agent?.id, t.agentId);
  });

  it('views-admin-only: the views still show when the admin list refuses the key', async () => {
    h.fake.setDialects(['views-admin-only']);
    const m = model();
    await m.loadCategories();
    const views = (m.lists ?? []).filter((l) => l.id.startsWith('view:'));
    assert.equal(views.length, h.fake.db.views.length);
  });

  // ---- the journeys on every dialect (and on none) ----

  for (const dialect of [undefined, ...DIALECTS] as (Dialect | undefined)[]) {
    describe(`journeys on ${dialect ?? 'the default fake'}`, () => {
      beforeEach(() => h.fake.setDialects(dialect ? [dialect] : []));

      it('every list shows only tickets that match it', async () => {
        const m = model();
        await m.loadCategories();
        const open = new Set(OPEN_STATUS_IDS);
        for (const id of ['mine', 'unassigned', 'open']) {
          const items = await loadAll(listOf(m, id));
          for (const t of items) {
            assert.ok(t.status && open.has(t.status.id), `${id}: #${t.id} is not open`);
            if (id === 'mine') assert.equal(t.agent?.id, me.userId, `mine: #${t.id}`);
            if (id === 'unassigned') assert.ok(!t.agent || t.agent.id === 0, `unassigned: #${t.id} has ${t.agent?.name}`);
          }
        }
        const unassigned = await loadAll(listOf(m, 'unassigned'));
        assert.equal(unassigned.length, openUnassigned().length, 'no unassigned open ticket is missing');
      });

      it('a filtered list shows only matching tickets, and the view lists are there', async () => {
        const m = model();
        m.setFilter({ priorityIds: [3, 4], statusIds: [1, 2], text: 'e' });
        await m.loadCategories();
        assert.ok((m.lists ?? []).some((l) => l.id.startsWith('view:')), 'views are listed');
        for (const l of m.lists ?? []) {
          for (const t of await loadAll(l)) {
            assert.ok(t.priority && [3, 4].includes(t.priority.id), `${l.id}: #${t.id} priority`);
            assert.ok(t.status && [1, 2].includes(t.status.id), `${l.id}: #${t.id} status`);
            assert.ok(t.subject.toLowerCase().includes('e'), `${l.id}: #${t.id} subject`);
          }
        }
      });

      it('the conversation marks every private note as a note', async () => {
        const t = h.fake.db.tickets.find((x) => x.messages.some((msg) => msg.kind === 'privateNote'));
        assert.ok(t);
        const messages = await h.client().getMessages(t.id);
        const kinds = new Map(t.messages.map((x) => [x.id, x.kind]));
        for (const msg of messages) {
          if (kinds.get(msg.id) === 'privateNote') assert.equal(msg.kind, 'note', `#${msg.id}`);
          if (kinds.get(msg.id) === 'reply') assert.equal(msg.kind, 'reply', `#${msg.id}`);
        }
        assert.equal(messages.length, t.messages.length);
      });

      it('a field change is reported as what BoldDesk now holds', async () => {
        const client = h.client();
        const t = h.fake.db.tickets.find((x) => x.agentId !== null && x.statusId !== 2);
        assert.ok(t);
        const status = await confirmFieldChange(client, t.id, { statusId: 2 });
        assert.equal(status.kind, 'applied');
        assert.equal(status.ticket?.status?.id, 2);
        const again = await confirmFieldChange(client, t.id, { statusId: 2 });
        assert.equal(again.kind, 'unchanged');
        const unassign = await confirmFieldChange(client, t.id, { agentId: null });
        const held = h.fake.db.getTicket(t.id)?.agentId ?? null;
        assert.equal(unassign.kind, held === null ? 'applied' : 'ignored');
      });
    });
  }
});
