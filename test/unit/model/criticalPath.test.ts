// The critical path on a slow network, counted, not timed: the fake adds a round trip to every request and records
// when each one started and when its answer went out; sequentialRoundTrips() is the longest chain of requests
// that each waited for an earlier answer. The real client, TicketListModel and ticket panel controller (bench/lib/rig).
import * as assert from 'node:assert/strict';
import { sequentialRoundTrips, startFakeBoldDesk, type FakeBoldDesk, type RecordedRequest } from '../../fake-bolddesk';
import { createRig } from '../../../bench/lib/rig';

const isList = (r: RecordedRequest) => r.method === 'GET' && /\/tickets$/.test(r.path);

describe('critical path (round trips counted by the fake)', function () {
  let fake: FakeBoldDesk;
  before(async () => {
    // 200 ms per request: requests sent together overlap at the fake even on a loaded machine.
    fake = await startFakeBoldDesk({ tickets: 40, quiet: true, latencyMs: 200, latencyJitterMs: 0 });
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.reset();
    fake.setDialects([]);
  });

  it('cold start: the first list waits for the statuses and the agent only, not for the views', async () => {
    fake.setDialects(['views-admin-only']); // views take two round trips (403, then the agent's own list)
    const rig = createRig(fake);
    await rig.model.loadCategories();
    await rig.model.lists?.[0].ensureLoaded();
    const list = fake.requests.find(isList);
    const views = fake.requests.filter((r) => r.path.includes('ticket_views'));
    assert.ok(list && views.length === 2, fake.requests.map((r) => r.path).join(', '));
    assert.ok(list.startSeq < views[1].endSeq, 'the first list was requested before the views were known');
    const upToList = fake.requests.filter((r) => r.startSeq <= list.startSeq && !r.path.includes('ticket_views'));
    assert.equal(sequentialRoundTrips(upToList), 2, 'lookups in parallel, then the list');
    assert.equal(sequentialRoundTrips(fake.requests), 2, 'the views\' two round trips run beside the list');
    assert.ok(rig.model.lists?.some((l) => l.id.startsWith('view:')), 'the views are added once they arrive');
    rig.model.dispose();
  });

  it('opening a ticket fetches the ticket, its conversation and the lookups in one round trip', async () => {
    const rig = createRig(fake);
    await rig.openTicket(fake.db.tickets[0].id);
    assert.ok(fake.requests.length >= 4, fake.requests.map((r) => r.path).join(', '));
    assert.equal(sequentialRoundTrips(fake.requests), 1, fake.requests.map((r) => `${r.path} ${r.startSeq}-${r.endSeq}`).join(', '));
    rig.model.dispose();
  });
});
