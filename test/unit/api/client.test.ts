// BoldDeskClient endpoints against the real fake BoldDesk over HTTP (no HTTP mocks).
import * as assert from 'node:assert/strict';
import { NotFoundError, ServerError } from '../../../src/api/errors';
import { type Harness, rejection, startHarness } from './clientHelpers';

describe('BoldDeskClient endpoints (fake BoldDesk)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ tickets: 45 });
  });
  after(() => h.fake.close());
  beforeEach(() => h.fake.reset());

  describe('listTickets', () => {
    it('skips a row whose ticket id is malformed and keeps the rest of the list (issue 13 §6)', async () => {
      const api = h.client();
      const good = (await api.listTickets({}, 1, 5)).items;
      assert.ok(good.length >= 2);
      const rows = good.map((t) => ({ ticketId: t.id, title: t.subject }));
      h.fake.addFault({
        fault: { type: 'status', status: 200, body: { result: [rows[0], { ticketId: 'DROP TABLE', title: 'bad' }, { title: 'no id' }, ...rows.slice(1)], count: 0 } },
        method: 'GET', path: '/api/v1/tickets$', times: 1,
      });
      const page = await api.listTickets({}, 1, 5);
      assert.deepEqual(page.items.map((t) => t.id), good.map((t) => t.id));
      assert.ok(h.logs.some((l) => /skipped 2 rows/i.test(l)), h.logs.join('\n'));
    });

    it('pages through every ticket once, in a stable explicit order, with counts', async () => {
      const api = h.client();
      const seen: number[] = [];
      let page = 1;
      for (;;) {
        const p = await api.listTickets({}, page, 10);
        assert.equal(p.total, h.fake.db.tickets.length);
        assert.equal(p.perPage, 10);
        seen.push(...p.items.map((t) => t.id));
        if (!p.hasMore) break;
        page++;
      }
      assert.equal(page, 5);
      assert.equal(new Set(seen).size, seen.length, 'no ticket twice');
      assert.deepEqual([...seen].sort((a, b) => a - b), h.fake.db.tickets.map((t) => t.id).sort((a, b) => a - b));
      const q = h.requestsTo(/^\/api\/v1\/tickets$/)[0].query;
      const get = (name: string) => Object.entries(q).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
      assert.deepEqual(get('OrderBy'), ['createdOn desc']);
      assert.deepEqual(get('RequiresCounts'), ['true']);
      assert.deepEqual(get('Page'), ['1']);
    });

    it('maps list items (ticketId, title, status, requester) and clamps PerPage to 100', async () => {
      const p = await h.client().listTickets({}, 1, 500);
      assert.equal(p.perPage, 100);
      assert.deepEqual(h.requestsTo(/^\/api\/v1\/tickets$/)[0].query.PerPage, ['100']);
      const first = p.items[0];
      const db = h.fake.db.getTicket(first.id);
      assert.ok(db);
      assert.equal(first.subject, db.subject);
      assert.equal(first.status?.id, db.statusId);
      assert.equal(first.requester?.userId, db.requesterId);
      assert.equal(p.hasMore, false);
    });

    it('sends status, priority, unassigned and text conditions as repeated Q', async () => {
      const open = h.fake.db.statuses.filter((s) => !s.isClosed).map((s) => s.id);
      // agents:[0] is sent only when a connection check saw it work (serverForms.ts).
      const client = h.client();
      client.forms = { unassignedQ: true, ignored: [], subjectQuoted: true };
      const p = await client.listTickets({ statusIds: open, unassigned: true }, 1, 100);
      for (const t of p.items) {
        const db = h.fake.db.getTicket(t.id);
        assert.equal(db?.agentId, null);
        assert.ok(open.includes(db.statusId));
      }
      const expected = h.fake.db.tickets.filter((t) => t.agentId === null && open.includes(t.statusId)).length;
      assert.equal(p.total, expected);
      assert.deepEqual(h.requestsTo(/^\/api\/v1\/tickets$/)[0].query.Q, [`status:[${open.join(',')}]`, 'agents:[0]']);

      const word = h.fake.db.tickets[3].subject.split(' ')[0];
      const byText = await h.client().listTickets({ text: word, priorityIds: [h.fake.db.tickets[3].priorityId] }, 1, 100);
      assert.ok(byText.items.some((t) => t.id === h.fake.db.tickets[3].id));
      for (const t of byText.items) assert.ok(t.subject.toLowerCase().includes(word.toLowerCase()));
    });

    it('drops duplicate ids within a page and trusts a full page when BoldDesk sends no count', async () => {
      const item = (id: number) => ({ ticketId: id, title: `T${id}` });
      const body = { result: [item(1), item(2), item(2), item(3)], count: 0 };
      h.fake.addFault({ fault: { type: 'status', status: 200, body }, path: '^/api/v1/tickets$', times: 1 });
      const p = await h.client().listTickets({}, 2, 4);
      assert.deepEqual(p.items.map((t) => t.id), [1, 2, 3]);
      assert.equal(p.total, undefined);
      assert.equal(p.hasMore, true, 'a full page of 4 raw items may have a next page');
      assert.equal(p.page, 2);
    });

    it('passes a view as FilterId', async () => {
      const views = await h.client().getTicketViews();
      assert.ok(views.length > 0);
      await h.client().listTickets({ filterId: views[0].filterId }, 1, 20);
      assert.deepEqual(h.requestsTo(/^\/api\/v1\/tickets$/)[0].query.FilterId, [views[0].filterId]);
    });
  });

  it('getTicket returns the detail (id, description, brand id)', async () => {
    const db = h.fake.db.tickets[7];
    const t = await h.client().getTicket(db.id);
    assert.equal(t.id, db.id);
    assert.equal(t.subject, db.subject);
    assert.equal(t.description, db.description);
    assert.equal(t.brandId, db.brandId);
  });

  it('getTicket of a missing ticket is a NotFoundError that names it', async () => {
    const err = await rejection(h.client().getTicket(987654), NotFoundError);
    assert.match(err.message, /Ticket #987654 was not found/);
  });

  it('getMessages returns the whole conversation oldest first, notes marked as notes', async () => {
    const db = h.fake.db.tickets.find((t) => t.messages.length >= 3 && t.messages.some((m) => m.kind === 'privateNote'));
    assert.ok(db, 'the seed has a ticket with a private note');
    const stored = db.messages;
    const msgs = await h.client().getMessages(db.id);
    assert.deepEqual(msgs.map((m) => m.id).sort((a, b) => a - b), stored.map((m) => m.id).sort((a, b) => a - b));
    for (const m of msgs) {
      const raw = stored.find((x) => x.id === m.id);
      assert.equal(m.kind, raw?.kind === 'privateNote' ? 'note' : 'reply');
      assert.equal(m.ticketId, db.id);
    }
    for (let i = 1; i < msgs.length; i++) assert.ok(Date.parse(msgs[i - 1].createdOn) <= Date.parse(msgs[i].createdOn));
    // Built from the two documented lists; a note is a note because /notes listed it (never by messageTypeId).
    assert.equal(h.requestsTo(/\/updates$/, 'GET')[0].path, `/api/v1/tickets/${db.id}/updates`);
    assert.equal(h.requestsTo(/\/notes$/, 'GET')[0].path, `/api/v1/tickets/${db.id}/notes`);
    assert.equal(h.requestsTo(/\/messages$/).length, 0);
  });

  it('getMessages pages through a long conversation (PerPage=100) without duplicates', async () => {
    const db = h.fake.db.tickets[9];
    const author = h.fake.keys[0].agent.userId;
    for (let i = 0; i < 250; i++) {
      h.fake.db.addMessage(db, { kind: i % 2 ? 'privateNote' : 'reply', description: `<p>${i}</p>`, authorId: author, at: Date.now() + i });
    }
    const msgs = await h.client().getMessages(db.id);
    assert.equal(msgs.length, db.messages.length);
    assert.equal(new Set(msgs.map((m) => m.id)).size, msgs.length);
    assert.equal(msgs[msgs.length - 1].html, '<p>249</p>', 'oldest first, newest last');
    assert.deepEqual(h.requestsTo(/\/updates$/, 'GET').map((r) => r.query.Page?.[0]), ['1', '2']);
    assert.deepEqual(h.requestsTo(/\/notes$/, 'GET').map((r) => r.query.Page?.[0]), ['1', '2']);
  });

  it('getMessages of a ticket without messages is [], also when BoldDesk answers 404 for an empty list', async () => {
    const db = h.fake.db.tickets[2];
    db.messages = [];
    h.fake.db.changed();
    assert.deepEqual(await h.client().getMessages(db.id), []);
    // The 404-when-empty quirk seen on /messages, on both lists: the ticket exists, so the conversation is empty.
    h.fake.addFault({ fault: { type: 'status', status: 404 }, path: `/tickets/${db.id}/(updates|notes)$`, times: 2 });
    assert.deepEqual(await h.client().getMessages(db.id), []);
    // A missing ticket stays a NotFoundError.
    await rejection(h.client().getMessages(999_999), NotFoundError);
  });

  it('addReply posts a public reply and returns its id', async () => {
    const db = h.fake.db.tickets[4];
    const id = await h.client().addReply(db.id, '<p>On it.</p>');
    const [req] = h.requestsTo(/\/updates$/, 'POST');
    assert.deepEqual(req.body, { description: '<p>On it.</p>', replyOnBehalfOfRequester: false });
    const stored = db.messages.find((m) => m.id === id);
    assert.equal(stored?.kind, 'reply');
    assert.equal(stored?.description, '<p>On it.</p>');
  });

  it('addNote posts a private note (isPublicNote=false in the query)', async () => {
    const db = h.fake.db.tickets[5];
    const id = await h.client().addNote(db.id, '<p>internal</p>');
    const [req] = h.requestsTo(/\/notes$/, 'POST');
    assert.deepEqual(req.query.isPublicNote, ['false']);
    assert.deepEqual(req.body, { description: '<p>internal</p>' });
    assert.equal(db.messages.find((m) => m.id === id)?.kind, 'privateNote');
  });

  it('updateFields changes a field, and "No changes found." resolves false', async () => {
    const db = h.fake.db.tickets[6];
    const other = h.fake.db.statuses.find((s) => s.id !== db.statusId);
    assert.ok(other);
    assert.equal(await h.client().updateFields(db.id, { statusId: other.id }), true);
    assert.equal(db.statusId, other.id);
    assert.deepEqual(h.requestsTo(/update_fields$/, 'PUT')[0].body, { fields: { statusId: other.id } });
    assert.equal(await h.client().updateFields(db.id, { statusId: other.id }), false);
    const wasAssigned = db.agentId !== null;
    assert.equal(await h.client().updateFields(db.id, { agentId: null }), wasAssigned);
    assert.equal(db.agentId, null);
  });

  it('createTicket with an existing requester and with a new one', async () => {
    const api = h.client();
    const brand = (await api.getBrands())[0];
    const priority = (await api.getPriorities())[0];
    const contact = h.fake.db.contacts[0];
    const base = { brandId: brand.id, priorityId: priority.id, description: '<p>Broken</p>' };
    const id1 = await api.createTicket({ ...base, subject: 'Existing requester', requester: { kind: 'existing', userId: contact.userId } });
    assert.equal(h.fake.db.getTicket(id1)?.requesterId, contact.userId);
    const id2 = await api.createTicket({ ...base, subject: 'New requester', requester: { kind: 'new', email: 'new.person@example.com', name: 'New Person' } });
    assert.notEqual(id1, id2);
    const posts = h.requestsTo(/^\/api\/v1\/tickets$/, 'POST');
    assert.equal(posts.length, 2);
    assert.deepEqual(posts[1].body, { ...base, subject: 'New requester', requesterEmailId: 'new.person@example.com', requesterName: 'New Person', requesterId: null });
    assert.equal(h.fake.db.userById(h.fake.db.getTicket(id2)?.requesterId ?? -1)?.email, 'new.person@example.com');
  });

  it('a double click sends one create request and both callers get the same id', async () => {
    const api = h.client();
    const input = { brandId: h.fake.db.brands[0].brandId, priorityId: h.fake.db.priorities[0].id, subject: 'Twice', description: 'x' };
    const [a, b] = await Promise.all([api.createTicket(input), api.createTicket(input)]);
    assert.equal(a, b);
    assert.equal(h.requestsTo(/^\/api\/v1\/tickets$/, 'POST').length, 1);
  });

  describe('lookups', () => {
    it('brands, priorities, statuses (isClosed from the category), categories, views', async () => {
      const api = h.client();
      assert.deepEqual((await api.getBrands()).map((b) => b.id), h.fake.db.brands.map((b) => b.brandId));
      assert.deepEqual((await api.getPriorities()).map((p) => p.name), h.fake.db.priorities.map((p) => p.name));
      const statuses = await api.getStatuses();
      assert.deepEqual(statuses.map((s) => [s.id, s.isClosed]), h.fake.db.statuses.map((s) => [s.id, s.isClosed]));
      assert.deepEqual((await api.getCategories()).map((c) => c.id), h.fake.db.categories.map((c) => c.id));
      const views = await api.getTicketViews();
      assert.ok(views.every((v) => typeof v.filterId === 'string' && v.name));
    });

    it('are cached until clearCache(); a failed lookup is not cached', async () => {
      const api = h.client();
      h.fake.addFault({ fault: { type: 'status', status: 500 }, path: '^/api/v1/ticket_collections/priorities$', times: 1 });
      await rejection(api.getPriorities(), ServerError);
      await api.getPriorities();
      await api.getPriorities();
      assert.equal(h.requestsTo(/priorities$/).length, 2, 'the failure was not cached, the success was');
      api.clearCache();
      await api.getPriorities();
      assert.equal(h.requestsTo(/priorities$/).length, 3);
    });

    it('agent by e-mail, agent search, contact search', async () => {
      const api = h.client();
      const me = h.fake.keys[0].agent;
      const agent = await api.getAgentByEmail(me.email);
      assert.equal(agent.userId, me.userId);
      assert.equal(agent.email.toLowerCase(), me.email.toLowerCase());
      await rejection(api.getAgentByEmail('nobody@nowhere.example'), NotFoundError);
      const found = await api.searchAgents(me.name.split(' ')[0]);
      assert.ok(found.some((a) => a.userId === me.userId));
      const contact = h.fake.db.contacts[3];
      const contacts = await api.searchContacts(contact.email);
      assert.ok(contacts.some((c) => c.userId === contact.userId && c.email === contact.email));
      const [req] = h.requestsTo(/^\/api\/v1\/contacts$/);
      assert.deepEqual(req.query.PerPage, ['20']);
    });
  });
});
