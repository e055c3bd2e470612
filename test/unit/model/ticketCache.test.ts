// The warm-start cache: the store on disk (caps, per origin + identity, never the key) and TicketListModel showing a
// snapshot at once, then revalidating in place, or staying on it marked offline when BoldDesk is unreachable.
// Real fake BoldDesk, real files in a temp folder; timers are run by the test, nothing is timed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BoldDeskClient } from '../../../src/api/client';
import type { Agent } from '../../../src/api/types';
import { TicketCacheStore, type CacheSnapshot } from '../../../src/model/cacheStore';
import type { CachedState, ModelCache } from '../../../src/model/modelCache';
import { TicketListModel } from '../../../src/model/ticketListModel';
import { startFakeBoldDesk, type FakeBoldDesk } from '../../fake-bolddesk';

const ORIGIN = 'https://acme.bolddesk.com';

function snapshot(over: Partial<CacheSnapshot> = {}): CacheSnapshot {
  const items = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, subject: `Ticket ${i + 1}` }));
  return { version: 1, origin: ORIGIN, identityId: 'id-1', savedAt: 1000, statuses: [], views: [], lists: [
    { id: 'open', query: '{}', savedAt: 1000, page: { items, page: 1, perPage: 150, hasMore: true, total: 400 } },
  ], ...over };
}

describe('ticket cache store', () => {
  let dir: string;
  let fake: FakeBoldDesk;
  before(async () => (fake = await startFakeBoldDesk({ tickets: 40, quiet: true, seed: 4 })));
  after(() => fake.close());
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cache-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps one capped snapshot per origin + identity, and removes it', async () => {
    const store = new TicketCacheStore(dir);
    await store.save(snapshot());
    const back = await store.load(ORIGIN, 'id-1');
    assert.equal(back?.lists[0].page.items.length, 100, 'capped at 100 tickets a list');
    assert.equal(await store.load(ORIGIN, 'id-2'), undefined);
    assert.equal(await store.load('https://other.bolddesk.com', 'id-1'), undefined);
    const name = path.basename(store.fileFor(ORIGIN, 'id-1'));
    assert.ok(!name.includes('acme') && /^[0-9a-f]{32}\.json$/.test(name), name);
    await store.remove(ORIGIN, 'id-1');
    assert.equal(await store.load(ORIGIN, 'id-1'), undefined);
  });

  it('writes tickets as rows against one table of shared values, reads them back whole, and still reads plain objects', async () => {
    const client = new BoldDeskClient({ origin: fake.url, apiKey: fake.keys[0].key, timeoutMs: 5000 });
    const page = await client.listTickets({}, 1, 40);
    const real = snapshot({ origin: ORIGIN, lists: [{ id: 'open', query: '{}', savedAt: 1000, page }] });
    const store = new TicketCacheStore(dir);
    await store.save(real);
    const file = store.fileFor(ORIGIN, 'id-1');
    const onDisk = JSON.parse(fs.readFileSync(file, 'utf8')) as { values: unknown[]; lists: { page: { rows: unknown[][]; items?: unknown } }[] };
    const rows = onDisk.lists[0].page.rows;
    assert.equal(rows.length, page.items.length);
    assert.equal(onDisk.lists[0].page.items, undefined, 'no ticket objects on disk');
    const statuses = new Set(page.items.map((t) => JSON.stringify(t.status)));
    assert.ok(statuses.size < page.items.length / 4, 'the sample repeats statuses');
    assert.equal(new Set(rows.map((r) => r[2])).size, statuses.size, 'each distinct status is stored once');
    assert.ok(fs.statSync(file).size < JSON.stringify(real).length * 0.6, 'well under plain JSON');
    const back = await store.load(ORIGIN, 'id-1');
    assert.deepEqual(back?.lists[0].page, page, 'every field of every ticket, and the page, come back');
    const [a, b] = back!.lists[0].page.items.filter((t) => t.status?.id === page.items[0].status?.id);
    assert.ok(a && b && a.status === b.status && Object.isFrozen(a.status), 'a shared value is one frozen object');
    assert.throws(() => ((a.status as { name: string }).name = 'Changed'), TypeError, 'a change throws, it never reaches the other tickets');
    // A file written before rows (plain ticket objects) loads as it is; a malformed row drops its list.
    fs.writeFileSync(file, JSON.stringify(real));
    assert.deepEqual((await store.load(ORIGIN, 'id-1'))?.lists[0].page, page);
    fs.writeFileSync(file, JSON.stringify({ ...onDisk, lists: [{ ...onDisk.lists[0], page: { ...onDisk.lists[0].page, rows: [[1, 'x', 99999, -1, -1, -1, -1, -1, null, null]] } }] }));
    assert.deepEqual((await store.load(ORIGIN, 'id-1'))?.lists, []);
  });

  it('ignores a damaged file or another version', async () => {
    const store = new TicketCacheStore(dir);
    fs.writeFileSync(store.fileFor(ORIGIN, 'id-1'), '{"version":1,');
    assert.equal(await store.load(ORIGIN, 'id-1'), undefined);
    fs.writeFileSync(store.fileFor(ORIGIN, 'id-1'), JSON.stringify({ ...snapshot(), version: 99 }));
    assert.equal(await store.load(ORIGIN, 'id-1'), undefined);
  });
});

describe('TicketListModel warm start from the cache (against the fake BoldDesk)', () => {
  let fake: FakeBoldDesk;
  let dir: string;
  before(async () => {
    fake = await startFakeBoldDesk({ tickets: 40, quiet: true, seed: 3 });
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-cache-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function model(origin: string) {
    const store = new TicketCacheStore(dir);
    const saves: Promise<void>[] = [];
    const cache: ModelCache = {
      load: () => store.load(origin, 'id-1'),
      save: (state: CachedState) => void saves.push(store.save({ version: 1, origin, identityId: 'id-1', ...state })),
    };
    const timers: (() => void)[] = [];
    const client = new BoldDeskClient({ origin, apiKey: fake.keys[0].key, timeoutMs: 2000, sleep: async () => undefined });
    const a = fake.keys[0].agent;
    const agent: Agent = { userId: a.userId, name: a.name, email: a.email };
    const m = new TicketListModel({
      api: async () => client, agent: async () => agent, pageSize: () => 10, cache, firstListShown: true,
      setTimer: (_ms, run) => {
        timers.push(run);
        return () => void (timers.includes(run) && timers.splice(timers.indexOf(run), 1)); // as clearTimeout
      },
    });
    const flushSaves = async () => {
      timers.splice(0).forEach((run) => run());
      await Promise.all(saves);
    };
    return { m, store, flushSaves };
  }

  async function settle(m: TicketListModel): Promise<void> {
    for (let i = 0; i < 200 && (m.lists?.some((l) => l.loading) || m.cachedAt !== undefined) && m.offline === undefined; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it('shows the last tickets at once, marked cached, then swaps fresh rows in place', async () => {
    const first = model(fake.url);
    await first.m.loadCategories();
    await first.m.lists?.[0].ensureLoaded();
    await first.flushSaves();
    const shown = first.m.lists?.[0].items.map((t) => t.id) ?? [];
    assert.ok(shown.length > 0);
    const file = fs.readFileSync(first.store.fileFor(fake.url, 'id-1'), 'utf8');
    assert.ok(!file.includes(fake.keys[0].key), 'the cache never holds the key');
    first.m.dispose();

    const ticket = fake.db.getTicket(shown[1])!;
    fake.db.updateTicket(ticket, { subject: 'Renamed while we were away' }, ticket.agentId ?? ticket.requesterId, Date.now());
    fake.reset();
    const second = model(fake.url);
    await second.m.loadCategories();
    const mine = second.m.lists![0];
    assert.deepEqual(mine.items.map((t) => t.id), shown, 'the cached rows, before BoldDesk answered');
    assert.ok(mine.cachedAt !== undefined && second.m.cachedAt !== undefined);
    assert.equal(fake.requests.filter((r) => r.endSeq > 0 && r.path.endsWith('/tickets')).length, 0);
    await settle(second.m);
    const fresh = second.m.lists![0];
    assert.equal(fresh, mine, 'the same list object: rows change in place');
    assert.deepEqual(fresh.items.map((t) => t.id), shown, 'same order');
    assert.equal(fresh.items[1].subject, 'Renamed while we were away');
    assert.equal(fresh.cachedAt, undefined);
    assert.equal(second.m.cachedAt, undefined);
    second.m.dispose();
  });

  it('a reset while a save is pending does not stop later saves (the cache kept working after a domain/identity change)', async () => {
    const { m, store, flushSaves } = model(fake.url);
    await m.loadCategories();
    await m.lists?.[0].ensureLoaded();
    m.reset(); // cancels the pending save's timer, as clearTimeout would
    await m.loadCategories();
    await m.lists?.[0].ensureLoaded();
    await flushSaves();
    assert.ok(fs.existsSync(store.fileFor(fake.url, 'id-1')), 'saved after the reset');
    m.dispose();
  });

  it('BoldDesk unreachable: the cached tickets stay, marked offline', async () => {
    const first = model(fake.url);
    await first.m.loadCategories();
    await first.m.lists?.[0].ensureLoaded();
    await first.flushSaves();
    const shown = first.m.lists?.[0].items.map((t) => t.id);
    first.m.dispose();
    // Same origin, nobody listening: a closed port stands for the fake stopped.
    const down = await startFakeBoldDesk({ quiet: true });
    const url = down.url;
    await down.close();
    fs.renameSync(first.store.fileFor(fake.url, 'id-1'), first.store.fileFor(url, 'id-1'));
    const raw = JSON.parse(fs.readFileSync(first.store.fileFor(url, 'id-1'), 'utf8')) as CacheSnapshot;
    fs.writeFileSync(first.store.fileFor(url, 'id-1'), JSON.stringify({ ...raw, origin: url }));
    const second = model(url);
    await second.m.loadCategories();
    await settle(second.m);
    assert.ok(second.m.offline !== undefined, 'offline');
    assert.deepEqual(second.m.lists?.[0].items.map((t) => t.id), shown);
    assert.ok(second.m.lists?.[0].cachedAt !== undefined);
    second.m.dispose();
  });
});
