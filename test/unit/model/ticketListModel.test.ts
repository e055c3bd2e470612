// TicketListModel against the real fake BoldDesk through the real client: categories, paging, de-duplication,
// in-flight de-duplication, error states and the automatic retry after a 429. No HTTP mocks.
import * as assert from 'node:assert/strict';
import { AuthError, RateLimitError, ServerError } from '../../../src/api/errors';
import type { Agent } from '../../../src/api/types';
import type { TicketList } from '../../../src/model/ticketList';
import { TicketListModel } from '../../../src/model/ticketListModel';
import { startHarness, type Harness } from '../api/clientHelpers';

const PAGE = 10;

interface Setup {
  model: TicketListModel;
  timers: { ms: number; run: () => void }[];
  changes: (TicketList | undefined)[];
}

describe('TicketListModel (against the fake BoldDesk)', function () {
  let h: Harness;
  let agent: Agent;

  before(async () => {
    h = await startHarness({ tickets: 45, seed: 7 });
    const a = h.fake.keys[0].agent;
    agent = { userId: a.userId, name: a.name, email: a.email };
  });
  after(() => h.fake.close());
  beforeEach(() => h.fake.reset());

  function setup(opts: { withAgent?: boolean; pageSize?: number } = {}): Setup {
    const client = h.client();
    const timers: Setup['timers'] = [];
    const changes: Setup['changes'] = [];
    const model = new TicketListModel({
      api: async () => client,
      agent: async () => (opts.withAgent === false ? undefined : agent),
      pageSize: () => opts.pageSize ?? PAGE,
      setTimer: (ms, run) => {
        timers.push({ ms, run });
        return () => undefined;
      },
    });
    model.onDidChange((list) => changes.push(list));
    return { model, timers, changes };
  }

  function list(model: TicketListModel, id: string): TicketList {
    const found = model.lists?.find((l) => l.id === id);
    assert.ok(found, `no category ${id}; have ${model.lists?.map((l) => l.id).join(', ')}`);
    return found;
  }

  const ticketRequests = (page?: number) =>
    h.requestsTo(/^\/api\/v1(\.0)?\/tickets$/, 'GET').filter((r) => page === undefined || r.query.Page?.[0] === String(page));

  async function loadAll(l: TicketList): Promise<void> {
    await l.ensureLoaded();
    for (let i = 0; i < 20 && l.hasMore; i++) await l.loadMore();
  }

  it('builds "My open tickets", "Unassigned", "All open" and the BoldDesk views', async () => {
    const { model } = setup();
    await model.loadCategories();
    const labels = model.lists?.map((l) => l.label) ?? [];
    assert.deepEqual(labels.slice(0, 3), ['My open tickets', 'Unassigned', 'All open']);
    assert.ok(labels.includes('Urgent tickets'), `views missing: ${labels.join(', ')}`);
    assert.equal(model.agentUserId, agent.userId);
  });

  it('leaves out "My open tickets" when the agent is unknown', async () => {
    const { model } = setup({ withAgent: false });
    await model.loadCategories();
    assert.equal(model.lists?.[0].label, 'Unassigned');
    assert.ok(!model.lists?.some((l) => l.id === 'mine'));
  });

  it('pages "All open" to the end: every open ticket once, total matches, no closed ones', async () => {
    const { model } = setup();
    await model.loadCategories();
    const open = list(model, 'open');
    await open.ensureLoaded();
    assert.equal(open.items.length, PAGE);
    assert.ok(open.hasMore);
    await loadAll(open);
    const expected = h.fake.db.tickets.filter((t) => [1, 2, 3, 4].includes(t.statusId)).map((t) => t.id);
    assert.equal(open.total, expected.length);
    assert.deepEqual([...open.items.map((t) => t.id)].sort((a, b) => a - b), [...expected].sort((a, b) => a - b));
    assert.equal(open.hasMore, false);
    assert.equal(new Set(open.items.map((t) => t.id)).size, open.items.length);
  });

  it('drops a ticket that moves to the next page while paging (a new ticket pushed it down)', async () => {
    const { model } = setup();
    await model.loadCategories();
    const open = list(model, 'open');
    await open.ensureLoaded();
    const lastOfPage1 = open.items[PAGE - 1].id;
    const t = h.fake.db.tickets[0];
    h.fake.db.createTicket(
      { subject: 'Pushes the others down', brandId: t.brandId, priorityId: t.priorityId, statusId: 1, categoryId: null,
        agentId: null, groupId: null, requesterId: t.requesterId, sourceId: t.sourceId, createdById: t.requesterId },
      '<p>new</p>', Date.now() + 60_000,
    );
    await open.loadMore();
    const ids = open.items.map((x) => x.id);
    assert.equal(ids.filter((id) => id === lastOfPage1).length, 1, 'the shifted ticket appears once');
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(ids.length, 2 * PAGE - 1);
  });

  it('20 rapid "Load more" calls load one page with one request', async () => {
    const { model } = setup();
    await model.loadCategories();
    const open = list(model, 'open');
    await open.ensureLoaded();
    await Promise.all(Array.from({ length: 20 }, () => open.loadMore()));
    assert.equal(open.items.length, 2 * PAGE);
    assert.equal(ticketRequests(2).length, 1);
    assert.equal(new Set(open.items.map((t) => t.id)).size, open.items.length);
  });

  it('concurrent first loads of a category share one request', async () => {
    const { model } = setup();
    await model.loadCategories();
    const open = list(model, 'open');
    await Promise.all(Array.from({ length: 20 }, () => open.ensureLoaded()));
    assert.equal(open.items.length, PAGE);
    assert.equal(ticketRequests(1).length, 1);
  });

  it('20 concurrent refreshes reload each loaded page once and keep the pages loaded', async () => {
    const { model } = setup();
    await model.loadCategories();
    const open = list(model, 'open');
    await open.ensureLoaded();
    await open.loadMore();
    h.fake.requests.length = 0;
    await Promise.all(Array.from({ length: 20 }, () => model.refresh()));
    assert.equal(list(model, 'open'), open, 'an unchanged category keeps its list (and loaded pages)');
    assert.equal(open.items.length, 2 * PAGE);
    assert.equal(ticketRequests(1).length, 1);
    assert.equal(ticketRequests(2).length, 1);
    assert.equal(h.requestsTo(/ticket_collections\/statuses$/).length <= 1, true);
  });

  it('a rejected key fails the categories; refresh after the key is restored recovers', async () => {
    const { model } = setup();
    h.fake.revokeKey(h.key);
    await model.loadCategories();
    assert.ok(model.error instanceof AuthError);
    assert.equal(model.lists, undefined);
    h.fake.restoreKey(h.key);
    await model.loadCategories();
    assert.ok(model.error instanceof AuthError, 'a failure waits for refresh, no request storm');
    await model.refresh();
    assert.equal(model.error, undefined);
    const lists = model.lists as readonly TicketList[] | undefined; // (re-read: refresh() changed it)
    assert.ok((lists?.length ?? 0) >= 3);
  });

  it('keeps loaded tickets when a reload fails, and clears the error on the next success', async () => {
    const { model } = setup();
    await model.loadCategories();
    const open = list(model, 'open');
    await open.ensureLoaded();
    h.fake.revokeKey(h.key);
    await open.reload();
    assert.ok(open.error instanceof AuthError);
    assert.equal(open.items.length, PAGE);
    h.fake.restoreKey(h.key);
    await open.reload();
    assert.equal(open.error, undefined);
    assert.equal(open.items.length, PAGE);
  });

  it('a server error on the first page leaves an error state that a reload clears', async () => {
    const { model } = setup();
    await model.loadCategories();
    h.fake.addFault({ fault: { type: 'status', status: 500 }, path: '/tickets$', method: 'GET', times: 1 });
    const open = list(model, 'open');
    await open.ensureLoaded();
    assert.ok(open.error instanceof ServerError);
    assert.equal(open.loaded, false);
    await open.ensureLoaded();
    assert.equal(ticketRequests().length, 1, 'no automatic retry of a 500');
    await open.reload();
    assert.equal(open.error, undefined);
    assert.equal(open.items.length, PAGE);
  });

  it('after a 429 it schedules a retry for when BoldDesk allows it, and the retry loads the page', async () => {
    const { model, timers } = setup();
    await model.loadCategories();
    h.fake.addFault({ fault: { type: 'rateLimit', retryAfterSeconds: 12 }, path: '/tickets$', method: 'GET', times: 3 });
    const open = list(model, 'open');
    await open.ensureLoaded();
    assert.ok(open.error instanceof RateLimitError);
    assert.ok(open.retryAt !== undefined && open.retryAt > Date.now());
    assert.equal(timers.length, 1);
    assert.ok(timers[0].ms > 5_000 && timers[0].ms <= 12_000, `waits as asked, got ${timers[0].ms} ms`);
    timers[0].run();
    await open.ensureLoaded();
    await new Promise((r) => setImmediate(r));
    while (open.loading) await new Promise((r) => setTimeout(r, 5));
    assert.equal(open.error, undefined);
    assert.equal(open.items.length, PAGE);
  });

  it('a 429 on the views is not dropped: the categories wait for BoldDesk and retry, then show the views', async () => {
    const { model, timers } = setup();
    h.fake.addFault({ fault: { type: 'rateLimit', retryAfterSeconds: 20 }, path: '/ticket_views', method: 'GET' });
    await model.loadCategories();
    assert.ok(model.error instanceof RateLimitError, `the tree says it is rate limited, got ${String(model.error)} and ${model.lists?.map((l) => l.label).join(', ')}`);
    assert.equal(timers.length, 1, 'a retry is scheduled');
    assert.ok(timers[0].ms > 5_000 && timers[0].ms <= 20_000, `waits as asked, got ${timers[0].ms} ms`);
    h.fake.clearFaults();
    timers[0].run();
    await model.refresh();
    assert.equal(model.error, undefined);
    assert.ok(model.lists?.some((l) => l.label === 'Urgent tickets'), 'the views are back');
  });

  it('a filter narrows every category; one that rules everything out asks BoldDesk nothing', async () => {
    const { model } = setup();
    await model.loadCategories();
    model.setFilter({ statusIds: [6] }); // Closed: no open category can match
    h.fake.requests.length = 0;
    const open = list(model, 'open');
    await open.ensureLoaded();
    assert.equal(open.items.length, 0);
    assert.equal(open.loaded, true);
    assert.equal(ticketRequests().length, 0);

    model.setFilter({ priorityIds: [4] });
    const urgentOpen = list(model, 'open');
    await loadAll(urgentOpen);
    assert.ok(urgentOpen.items.length > 0);
    assert.ok(urgentOpen.items.every((t) => t.priority?.id === 4), 'only the filtered priority');
    model.setFilter(undefined);
    assert.equal(model.filter, undefined);
  });

  it('answers from before a reset are dropped (no stale tickets after the connection changed)', async () => {
    const { model } = setup();
    await model.loadCategories();
    const open = list(model, 'open');
    h.fake.addFault({ fault: { type: 'latency', ms: 150 }, path: '/tickets$', times: 1 });
    const pending = open.loadMore();
    open.reset();
    await pending;
    assert.equal(open.items.length, 0);
    await open.ensureLoaded();
    assert.equal(open.items.length, PAGE);
  });

  it('ticketChanged reloads loaded lists so a status change moves the ticket out of "All open"', async () => {
    const { model } = setup();
    await model.loadCategories();
    const open = list(model, 'open');
    await open.ensureLoaded();
    const ticket = h.fake.db.tickets.find((t) => t.id === open.items[0].id);
    assert.ok(ticket);
    h.fake.db.updateTicket(ticket, { statusId: 6 }, agent.userId, Date.now());
    await model.ticketChanged(ticket.id);
    assert.ok(!open.items.some((t) => t.id === ticket.id));
  });

  it('remembers opened tickets first in recentTickets()', async () => {
    const { model } = setup();
    await model.loadCategories();
    await list(model, 'open').ensureLoaded();
    const listed = model.recentTickets();
    assert.ok(listed.length >= PAGE);
    model.noteOpened({ id: 999_999, subject: 'Opened from the palette' });
    assert.equal(model.recentTickets()[0].id, 999_999);
  });
});
