// The warm-start cache at 10,000 tickets (issue 14 budget: loads in ≤ 50 ms, adds ≤ 20 MB heap): a cache file of
// 100 lists × 100 tickets, the ticket summaries as the real client parses them from the fake BoldDesk, is read with
// the real TicketCacheStore.load (read + JSON.parse + checks), in the store's row format and, beside it, as plain
// ticket objects (the obvious format, and what the store wrote before rows). The store never writes that much (≤ 40 lists × 100
// tickets, ≤ 2 MB a file): the capped file save() writes from the same snapshot, and the opened-tickets file (30
// tickets with their conversations), are measured too. Heap: heapUsed after a forced GC, before vs holding the load
// (run with --expose-gc).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BoldDeskClient } from '../src/api/client';
import type { TicketSummary } from '../src/api/types';
import { CACHE_VERSION, serializeSnapshot, TicketCacheStore, type CacheSnapshot } from '../src/model/cacheStore';
import { loadTicketsFile, saveTicketsFile, type CachedTicket } from '../src/model/ticketDetailCache';
import { fetchTicketDetail } from '../src/views/ticketPanel/ticketFetch';
import { startFakeBoldDesk } from '../test/fake-bolddesk';
import { runStage } from './lib/output';
import { msSince, summarize } from './lib/stats';

const RUNS = 7;
const gc = (globalThis as { gc?: (o?: { type: 'major'; execution: 'sync' }) => void }).gc;

function heapMB(): number {
  gc?.({ type: 'major', execution: 'sync' }); // a plain gc() here left the parsed objects uncounted (measured negative)
  return process.memoryUsage().heapUsed / 2 ** 20;
}

type Timed<T> = { ms: ReturnType<typeof summarize>; cpuMs: ReturnType<typeof summarize>; heapMB: number; value: T };

/** Wall time and this process's CPU time (user + system: what the load costs without the other processes' share). */
async function timed<T>(load: () => Promise<T>): Promise<Timed<T>> {
  await load(); // warm-up: module code, the file in the OS cache
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await load();
    times.push(msSince(t0));
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const held: { value?: T } = {};
  const before = heapMB();
  held.value = await load();
  const after = heapMB();
  return { ms: summarize(times, 2), cpuMs: summarize(cpu, 2), heapMB: Number((after - before).toFixed(2)), value: held.value as T };
}

async function main(): Promise<unknown> {
  if (!gc) throw new Error('run with --expose-gc');
  const fake = await startFakeBoldDesk({ tickets: 10_000, quiet: true, rateLimitPerMinute: 1e9, listRateLimitPerMinute: 1e9 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-bench-cache10k-'));
  try {
    const client = new BoldDeskClient({ origin: fake.url, apiKey: fake.keys[0].key, timeoutMs: 30_000 });
    const [statuses, views] = await Promise.all([client.getStatuses(), client.getTicketViews()]);
    const lists: CacheSnapshot['lists'] = [];
    for (let page = 1; page <= 100; page++) {
      const p = await client.listTickets({}, page, 100);
      lists.push({ id: `view:${page}`, query: JSON.stringify({ page }), page: p, savedAt: Date.now() });
    }
    const snapshot: CacheSnapshot = { version: CACHE_VERSION, origin: fake.url, identityId: 'bench', savedAt: Date.now(), statuses, views, lists };
    const store = new TicketCacheStore(dir);
    const file = store.fileFor(fake.url, 'bench');

    fs.writeFileSync(file, serializeSnapshot(snapshot)); // uncapped: what 10,000 tickets would weigh, in the store's format
    const full = await timed(() => store.load(fake.url, 'bench'));
    const fullTickets = full.value?.lists.reduce((sum, l) => sum + l.page.items.length, 0) ?? 0;
    const fullKB = fs.statSync(file).size / 1024;

    fs.writeFileSync(file, JSON.stringify(snapshot)); // the obvious format: plain ticket objects (what the store wrote before rows)
    const plain = await timed(() => store.load(fake.url, 'bench'));
    const plainKB = fs.statSync(file).size / 1024;
    if (plain.value?.lists.reduce((sum, l) => sum + l.page.items.length, 0) !== 10_000) throw new Error('the plain file did not load whole');

    await store.save(snapshot); // what the extension writes: capped
    const capped = await timed(() => store.load(fake.url, 'bench'));
    const cappedTickets = capped.value?.lists.reduce((sum, l) => sum + l.page.items.length, 0) ?? 0;
    const cappedKB = fs.statSync(file).size / 1024;

    const ids = fake.db.tickets.slice(0, 30).map((t) => t.id);
    const opened: CachedTicket[] = [];
    for (const id of ids) opened.push({ id, data: await fetchTicketDetail(client, id, { error: () => undefined }), savedAt: Date.now(), opened: true });
    await saveTicketsFile(store, fake.url, 'bench', opened);
    const tickets = await timed(() => loadTicketsFile(store, fake.url, 'bench'));
    const ticketsKB = fs.statSync(store.fileFor(fake.url, 'bench', 'tickets')).size / 1024;
    const messages = (tickets.value ?? []).reduce((sum, t) => sum + t.data.messages.length, 0);

    const first: TicketSummary | undefined = full.value?.lists[0]?.page.items[0];
    if (!first || fullTickets !== 10_000) throw new Error(`expected 10,000 cached tickets, read ${fullTickets}`);
    return {
      runs: RUNS,
      loadAverage: os.loadavg().map((x) => Number(x.toFixed(1))),
      full: { tickets: fullTickets, lists: lists.length, fileKB: Number(fullKB.toFixed(0)), ms: full.ms, cpuMs: full.cpuMs, heapMB: full.heapMB },
      plain: { fileKB: Number(plainKB.toFixed(0)), ms: plain.ms, cpuMs: plain.cpuMs, heapMB: plain.heapMB },
      capped: { tickets: cappedTickets, lists: capped.value?.lists.length ?? 0, fileKB: Number(cappedKB.toFixed(0)), ms: capped.ms, cpuMs: capped.cpuMs, heapMB: capped.heapMB },
      openedTickets: { tickets: tickets.value?.length ?? 0, messages, fileKB: Number(ticketsKB.toFixed(0)), ms: tickets.ms, cpuMs: tickets.cpuMs, heapMB: tickets.heapMB },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await fake.close();
  }
}

runStage(main);
