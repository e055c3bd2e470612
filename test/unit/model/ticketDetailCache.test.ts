// Opened and prefetched tickets (issue 14), against the real fake BoldDesk over HTTP (the real BoldDeskClient and
// ticket panel controller), requests counted by the fake: opening after a prefetch asks nothing before the ticket is
// shown; a burst of selections prefetches at most the first and the last ticket; a cached ticket shows at once and
// is then revalidated, and stays on screen when BoldDesk is unreachable (saying so); the disk file holds opened tickets only.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeError } from '../../../src/api/describeError';
import { TicketCacheStore } from '../../../src/model/cacheStore';
import { loadTicketsFile, saveTicketsFile, TicketDetailCache, type CachedTicket, type TicketDetailStore } from '../../../src/model/ticketDetailCache';
import { DraftStore } from '../../../src/drafts/draftStore';
import { TicketPanelController } from '../../../src/views/ticketPanel/panelController';
import { PanelDraftAdapter } from '../../../src/views/ticketPanel/panelDrafts';
import type { ExtensionMessage } from '../../../src/views/ticketPanel/protocol';
import { fetchTicketDetail } from '../../../src/views/ticketPanel/ticketFetch';
import { MemoryState } from '../../support/memoryState';
import { startHarness, type Harness } from '../api/clientHelpers';

const quiet = { error: () => undefined, info: () => undefined };
const TICKET_PARTS = /^\/api\/v1\/tickets\/(\d+)(\/(updates|messages|attachments))?$/;

/** A store that keeps the saved tickets in memory, per key (the disk file has its own test below). */
function memoryStore(key = 'k') {
  let current: string | undefined = key;
  const saved: CachedTicket[][] = [];
  const byKey = new Map<string, CachedTicket[]>();
  const store: TicketDetailStore = {
    key: () => current,
    load: async (k) => byKey.get(k),
    save: (k, tickets) => {
      saved.push(tickets);
      byKey.set(k, tickets);
    },
  };
  return Object.assign(store, { saved, use: (k: string | undefined) => void (current = k) });
}

async function until<T>(check: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`never: ${what}`);
}

describe('opened and prefetched tickets (against the fake BoldDesk)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ tickets: 20, seed: 7 });
  });
  after(async () => h.fake.close());
  beforeEach(() => h.fake.reset());

  const ticketRequests = (from = 0) => h.fake.requests.slice(from).filter((r) => r.method === 'GET' && TICKET_PARTS.test(r.path));
  const ticketsAsked = (from = 0) => [...new Set(ticketRequests(from).map((r) => Number(TICKET_PARTS.exec(r.path)?.[1])))];

  function panel(ticketId: number, cache: TicketDetailCache, client = h.client()) {
    const posts: ExtensionMessage[] = [];
    const requestsAtPost: number[] = [];
    const controller = new TicketPanelController(ticketId, {
      getApi: async () => client,
      origin: () => client.origin,
      attribution: () => '',
      drafts: new PanelDraftAdapter(new DraftStore(new MemoryState())),
      openExternal: async () => undefined,
      openInBrowser: async () => undefined,
      ticketChanged: () => undefined,
      noteOpened: () => undefined,
      describeError,
      log: quiet,
      details: () => cache,
    }, (m) => {
      posts.push(m);
      requestsAtPost.push(h.fake.requests.length);
    });
    return { controller, posts, requestsAtPost };
  }

  it('opening after a prefetch makes no request before the ticket is shown (and none after: the prefetch is fresh)', async () => {
    const client = h.client();
    const cache = new TicketDetailCache(memoryStore());
    const id = h.fake.db.tickets[3].id;
    cache.prefetch(id, (t) => fetchTicketDetail(client, t, quiet));
    await until(() => cache.pending(id) === undefined || undefined, 'the prefetch ended');
    assert.deepEqual(ticketsAsked(), [id], 'the prefetch asked for the ticket');
    const mark = h.fake.requests.length;
    const p = panel(id, cache, client);
    assert.equal(await p.controller.load(), true);
    assert.equal(p.posts[0].type, 'ticketLoaded', 'shown at once, without a "loading" first');
    assert.equal(p.requestsAtPost[0], mark, 'no request before the ticket was shown');
    assert.equal(h.fake.requests.length, mark, 'nothing asked again');
    const loaded = p.posts[0];
    assert.ok(loaded.type === 'ticketLoaded' && loaded.ticket.id === id && loaded.messages.length > 0);
    assert.ok(loaded.lookups.statuses.length > 0, 'the fields have their lookups');
  });

  it('opening while the prefetch is under way joins it instead of asking again', async () => {
    const client = h.client();
    const cache = new TicketDetailCache(memoryStore());
    const id = h.fake.db.tickets[4].id;
    cache.prefetch(id, (t) => fetchTicketDetail(client, t, quiet));
    const p = panel(id, cache, client);
    await p.controller.load();
    assert.equal(p.controller.loaded?.ticket.id, id);
    assert.equal(ticketRequests().filter((r) => r.path === `/api/v1/tickets/${id}`).length, 1, 'the ticket was asked once');
  });

  it('a burst of selections prefetches the first and the last ticket only, one at a time', async () => {
    const client = h.client();
    const cache = new TicketDetailCache(memoryStore());
    const ids = h.fake.db.tickets.slice(0, 10).map((t) => t.id);
    let inFlight = 0;
    let most = 0;
    const fetch = async (t: number) => {
      most = Math.max(most, ++inFlight);
      try {
        return await fetchTicketDetail(client, t, quiet);
      } finally {
        inFlight--;
      }
    };
    for (const id of ids) cache.prefetch(id, fetch);
    await until(() => (cache.pending(ids[0]) === undefined && cache.pending(ids[9]) === undefined && ticketsAsked().length === 2) || undefined, 'both prefetches');
    await new Promise((r) => setTimeout(r, 50)); // anything still queued would have started by now
    assert.deepEqual(ticketsAsked().sort(), [ids[0], ids[9]].sort());
    assert.equal(most, 1, 'one prefetch in flight');
    const perTicket = ticketRequests().length / 2;
    assert.ok(perTicket <= 3, `at most ticket + conversation + attachment list per ticket: ${perTicket}`);
    // Selecting a ticket already prefetched asks nothing.
    const mark = h.fake.requests.length;
    cache.prefetch(ids[9], fetch);
    await until(() => cache.pending(ids[9]) === undefined || undefined, 'the check');
    assert.equal(h.fake.requests.length, mark);
  });

  it('a prefetch that answers nothing (rate limit low) caches nothing: opening asks BoldDesk', async () => {
    const cache = new TicketDetailCache(memoryStore());
    const id = h.fake.db.tickets[5].id;
    cache.prefetch(id, async () => undefined);
    await until(() => cache.pending(id) === undefined || undefined, 'the prefetch ended');
    assert.equal(await cache.get(id), undefined);
  });

  it('a cached ticket shows at once, then is revalidated; offline it stays on screen', async () => {
    const client = h.client();
    let now = 1_000_000;
    const cache = new TicketDetailCache(memoryStore(), () => now);
    const id = h.fake.db.tickets[6].id;
    const first = panel(id, cache, client);
    await first.controller.load();
    assert.deepEqual(first.posts.map((m) => m.type), ['loading', 'ticketLoaded'], 'nothing cached: loading, then the ticket');

    now += 60_000; // older than a fresh prefetch
    const mark = h.fake.requests.length;
    const again = panel(id, cache, client);
    await again.controller.load();
    assert.deepEqual(again.posts.map((m) => m.type), ['ticketLoaded', 'ticketLoaded'], 'cached copy, then the fresh one');
    assert.equal(again.requestsAtPost[0], mark, 'the cached copy came before any request');
    assert.ok(ticketRequests(mark).length > 0, 'then BoldDesk was asked (revalidation)');

    now += 60_000;
    h.fake.addFault({ fault: { type: 'down' } });
    const offline = panel(id, cache, h.client({ timeoutMs: 2000 }));
    assert.equal(await offline.controller.load(), false, 'not refreshed');
    // The page keeps the cached ticket on a failure after a load and says "Could not refresh: …" (webview main.ts).
    assert.deepEqual(offline.posts.map((m) => m.type), ['ticketLoaded', 'loadFailed'], 'the cached ticket first, then why it is not current');
    const failed = offline.posts[1];
    assert.match(failed.type === 'loadFailed' ? failed.message : '', /reach|connect/i);
  });

  it('writes opened tickets only, of the current connection; a changed connection starts empty', async () => {
    const client = h.client();
    const store = memoryStore('a');
    const cache = new TicketDetailCache(store);
    const [opened, prefetched] = h.fake.db.tickets.slice(7, 9).map((t) => t.id);
    cache.prefetch(prefetched, (t) => fetchTicketDetail(client, t, quiet));
    await panel(opened, cache, client).controller.load();
    await until(() => store.saved.length > 0 || undefined, 'the save');
    assert.deepEqual(store.saved.at(-1)?.map((t) => t.id), [opened]);
    assert.ok(await cache.get(prefetched), 'the prefetched ticket stays in memory');
    store.use('b');
    assert.equal(await cache.get(opened), undefined, 'another identity does not see it');
    cache.dispose();
  });

  it('the tickets file: beside the list cache, read back, never the key, removed with the identity', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bd-tickets-'));
    const store = new TicketCacheStore(dir);
    const client = h.client();
    const data = await fetchTicketDetail(client, h.fake.db.tickets[0].id, quiet);
    const tickets: CachedTicket[] = [{ id: data.ticket.id, data, savedAt: 5, opened: true }];
    await saveTicketsFile(store, 'https://a.example', 'id1', tickets);
    const text = fs.readFileSync(store.fileFor('https://a.example', 'id1', 'tickets'), 'utf8');
    assert.ok(!text.includes(h.fake.keys[0].key), 'no key in the file');
    assert.deepEqual((await loadTicketsFile(store, 'https://a.example', 'id1'))?.map((t) => t.id), [data.ticket.id]);
    assert.equal(await loadTicketsFile(store, 'https://a.example', 'id2'), undefined, 'another identity reads nothing');
    await store.remove('https://a.example', 'id1');
    assert.deepEqual(fs.readdirSync(dir), []);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
