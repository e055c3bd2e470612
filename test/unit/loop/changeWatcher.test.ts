// ChangeWatcher against the real fake BoldDesk through the real client and TicketListModel: one list request
// (with the lastmodifiedon condition) per check when nothing changed, only affected lists reloaded, new
// assignments and customer replies found, the open count from "My open tickets". No HTTP mocks.
import * as assert from 'node:assert/strict';
import type { Agent } from '../../../src/api/types';
import { ChangeWatcher } from '../../../src/loop/changeWatcher';
import { TicketListModel } from '../../../src/model/ticketListModel';
import { startHarness, type Harness } from '../api/clientHelpers';

describe('ChangeWatcher (against the fake BoldDesk)', function () {
  let h: Harness;
  let me: Agent;

  before(async () => {
    h = await startHarness({ tickets: 45, seed: 11 });
    const a = h.fake.keys[0].agent;
    me = { userId: a.userId, name: a.name, email: a.email };
  });
  after(() => h.fake.close());

  it('asks only for changes, reloads what they touch and reports new assignments and customer replies', async () => {
    const client = h.client();
    const model = new TicketListModel({ api: async () => client, agent: async () => me, pageSize: () => 100 });
    await model.loadCategories();
    const open = model.lists?.find((l) => l.id === 'open');
    const mine = model.lists?.find((l) => l.id === 'mine');
    assert.ok(open && mine);
    await Promise.all([open.ensureLoaded(), mine.ensureLoaded()]);
    const watcher = new ChangeWatcher({
      api: async () => client,
      agent: async () => me,
      lists: () => model.lists,
      filterActive: () => false,
    });
    await watcher.tick(); // whatever changed before we started
    const countBefore = mine.total ?? 0;

    // Nothing changed: exactly one request, a list request with the lastmodifiedon condition.
    h.fake.reset();
    const quiet = await watcher.tick();
    assert.equal(quiet.changed.length, 0);
    assert.equal(h.fake.requests.length, 1);
    const [req] = h.fake.requests;
    assert.match(req.path, /\/api\/v1\/tickets$/);
    assert.ok((req.query.Q ?? req.query.q ?? []).some((q) => /^lastmodifiedon:\{"from":"/.test(q)), JSON.stringify(req.query));

    // Three tickets from "All open" get assigned to me by someone else; one of mine gets a customer reply.
    const other = h.fake.agents.find((a) => a.userId !== me.userId);
    assert.ok(other);
    const targets = open.items.filter((t) => t.agent?.id !== me.userId).slice(0, 3);
    assert.equal(targets.length, 3);
    for (const t of targets) h.fake.db.updateTicket(h.fake.db.getTicket(t.id)!, { agentId: me.userId }, other.userId, Date.now());
    const mineTicket = mine.items.find((t) => !targets.some((x) => x.id === t.id));
    assert.ok(mineTicket);
    const fakeMine = h.fake.db.getTicket(mineTicket.id)!;
    h.fake.db.addMessage(fakeMine, { kind: 'reply', description: '<p>Still broken</p>', authorId: fakeMine.requesterId, isFromCustomer: true, at: Date.now() });

    h.fake.reset();
    const r = await watcher.tick();
    assert.deepEqual(r.newlyAssigned.map((t) => t.id).sort(), targets.map((t) => t.id).sort());
    assert.deepEqual(r.replied.map((t) => t.id), [mineTicket.id]);
    assert.ok(r.reloaded.includes('mine') && r.reloaded.includes('open'), r.reloaded.join());
    assert.ok(!r.reloaded.includes('unassigned') || targets.some((t) => !t.agent), 'unassigned reloads only if it showed one');
    assert.equal(r.openCount, countBefore + 3);
    assert.equal(mine.total, countBefore + 3, '"My open tickets" now lists them');
    const messageReads = h.fake.requests.filter((q) => /\/messages$/.test(q.path));
    assert.ok(messageReads.length <= 5, `messages read for ${messageReads.length} tickets`);

    // The same changes are not reported twice (the overlap window sees them again).
    h.fake.reset();
    const again = await watcher.tick();
    assert.deepEqual([again.changed.length, again.newlyAssigned.length, again.replied.length], [0, 0, 0]);
    assert.equal(h.fake.requests.length, 1);
    model.dispose();
  });
  it('reads only the newest message of a long conversation to spot a customer reply (issue 13 §6)', async () => {
    const client = h.client();
    const model = new TicketListModel({ api: async () => client, agent: async () => me, pageSize: () => 100 });
    await model.loadCategories();
    const mine = model.lists?.find((l) => l.id === 'mine');
    assert.ok(mine);
    await mine.ensureLoaded();
    const watcher = new ChangeWatcher({ api: async () => client, agent: async () => me, lists: () => model.lists, filterActive: () => false });
    await watcher.tick();
    const ticket = h.fake.db.getTicket(mine.items[0].id)!;
    const start = Date.now() - 60_000;
    for (let i = 0; i < 240; i++) h.fake.db.addMessage(ticket, { kind: i % 7 === 0 ? 'privateNote' : 'reply', description: `<p>m${i}</p>`, authorId: me.userId, isFromCustomer: false, at: start + i });
    // 2 s ahead: BoldDesk's times have whole seconds, and the watcher must see a new lastModifiedOn.
    h.fake.db.addMessage(ticket, { kind: 'reply', description: '<p>Still broken</p>', authorId: ticket.requesterId, isFromCustomer: true, at: Date.now() + 2000 });

    h.fake.reset();
    const r = await watcher.tick();
    assert.deepEqual(r.replied.map((t) => t.id), [ticket.id]);
    const reads = h.fake.requests.filter((q) => q.path.startsWith(`/api/v1/tickets/${ticket.id}/`));
    assert.ok(reads.length > 0 && reads.length <= 2, `one request per list: ${reads.map((q) => q.path).join()}`);
    for (const q of reads) {
      assert.deepEqual(q.query.Page ?? ['1'], ['1'], 'only the first page');
      assert.ok(Number(q.query.PerPage?.[0]) <= 2, `a page of at most 2 items: ${JSON.stringify(q.query)}`);
    }

    // A BoldDesk that ignored OrderBy (oldest first on /updates): the newest message is still found, from the whole list.
    h.fake.db.addMessage(ticket, { kind: 'reply', description: '<p>And again</p>', authorId: ticket.requesterId, isFromCustomer: true, at: Date.now() + 4000 });
    h.fake.addFault({
      fault: { type: 'status', status: 200, body: { result: [
        { id: 1, description: '<p>old</p>', createdOn: new Date(start - 2000).toISOString(), updatedBy: null, isUpdatedByCustomer: false },
        { id: 2, description: '<p>older?</p>', createdOn: new Date(start - 1000).toISOString(), updatedBy: null, isUpdatedByCustomer: false },
      ], count: 243 } },
      method: 'GET', path: `/tickets/${ticket.id}/updates$`, times: 1,
    });
    h.fake.reset();
    const r2 = await watcher.tick();
    assert.deepEqual(r2.replied.map((t) => t.id), [ticket.id], 'an unordered answer falls back to the whole conversation');
    model.dispose();
  });
});
