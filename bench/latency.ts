// Time to data on a real network: the fake BoldDesk adds a round trip (0 ms and 150 ms, ± 10 % jitter) to every
// request; the real client + TicketListModel + the ticket panel's controller run each step, and each step is also run
// the obvious way (serial requests, no cache) in the same run. Every figure is given in ms and in round trips
// (ms ÷ RTT), with the sequential round trips the fake itself saw (requests chained start-after-answer) among the
// requests answered by the time the step's data was there. Warm start: a first session wrote the cache file.
import type { TicketList } from '../src/model/ticketList';
import { BoldDeskClient } from '../src/api/client';
import { sequentialRoundTrips, startFakeBoldDesk, type FakeBoldDesk } from '../test/fake-bolddesk';
import { runStage } from './lib/output';
import { createRig } from './lib/rig';
import { msSince, summarize, type Summary } from './lib/stats';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CACHE_VERSION, TicketCacheStore } from '../src/model/cacheStore';
import type { ModelCache } from '../src/model/modelCache';
import { TicketDetailCache } from '../src/model/ticketDetailCache';
import { fetchTicketDetail } from '../src/views/ticketPanel/ticketFetch';

const RTTS = [0, 150];
const RUNS = Number(process.env.BENCH_LATENCY_RUNS || 3);

interface Figure {
  ms: Summary;
  /** Sequential round trips the fake saw (the same every run unless the design races). */
  roundTrips: number;
  requests: number;
}

/** Timed until it resolves; what it returns (if anything) is awaited untimed afterwards (background work, cleanup). */
type Step = (fake: FakeBoldDesk) => Promise<void | (() => Promise<void>)>;

async function measure(fake: FakeBoldDesk, prepare: () => Promise<Step>): Promise<Figure> {
  const times: number[] = [];
  let roundTrips = 0;
  let requests = 0;
  await (await prepare())(fake); // warm-up (module loads, JIT), not counted
  for (let i = 0; i < RUNS; i++) {
    const step = await prepare();
    const mark = fake.requests.length;
    const t0 = process.hrtime.bigint();
    const after = await step(fake);
    times.push(msSince(t0));
    // What the step waited for: the requests answered by the time its data was there.
    const log = fake.requests.slice(mark).filter((r) => r.endSeq > 0).map((r) => ({ ...r }));
    if (after) await after();
    roundTrips = Math.max(roundTrips, sequentialRoundTrips(log));
    requests = log.length;
  }
  return { ms: summarize(times, 1), roundTrips, requests };
}

function list(lists: readonly TicketList[] | undefined, id: string): TicketList {
  const found = lists?.find((l) => l.id === id);
  if (!found) throw new Error(`no list ${id}`);
  return found;
}

/** The warm-start cache as the extension binds it (one file per origin + identity), in a temp folder. */
function diskCache(fake: FakeBoldDesk, dir: string): ModelCache & { saved: Promise<void>[] } {
  const store = new TicketCacheStore(dir);
  const saved: Promise<void>[] = [];
  return {
    saved,
    load: () => store.load(fake.url, 'bench'),
    save: (state) => void saved.push(store.save({ version: CACHE_VERSION, origin: fake.url, identityId: 'bench', ...state })),
  };
}

/** A session that saw the tree once, so the next start has a cache file. */
async function seedCache(fake: FakeBoldDesk, dir: string): Promise<void> {
  const cache = diskCache(fake, dir);
  const timers: (() => void)[] = [];
  // The model saves a second after the page arrived; the timer is run here at once.
  const rig = createRig(fake, { cache, setTimer: (_ms, run) => {
    timers.push(run);
    return () => undefined;
  } });
  await rig.model.loadCategories();
  await list(rig.model.lists, 'mine').ensureLoaded();
  timers.splice(0).forEach((run) => run());
  await Promise.all(cache.saved);
  rig.model.dispose();
}

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 1));
}

function freshClient(fake: FakeBoldDesk): BoldDeskClient {
  return new BoldDeskClient({ origin: fake.url, apiKey: fake.keys[0].key, timeoutMs: 15_000 });
}

/** The steps, shipped and obvious, each prepared fresh so no run reuses another's cache unless the step says so. */
function steps(fake: FakeBoldDesk): Record<string, { shipped: () => Promise<Step>; obvious: () => Promise<Step> }> {
  const email = fake.keys[0].agent.email;
  const ticketIds = fake.db.tickets.slice(0, 10).map((t) => t.id);
  let opened = 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-bench-cache-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const coldSerial = async (): Promise<Step> => {
    const c = freshClient(fake);
    return async () => {
      const statuses = await c.getStatuses();
      await c.getTicketViews();
      const agent = await c.getAgentByEmail(email);
      await c.listTickets({ statusIds: statuses.filter((s) => !s.isClosed).map((s) => s.id), agentIds: [agent.userId] }, 1, 50);
    };
  };
  return {
    'warm start: cached tickets': {
      shipped: async () => {
        await seedCache(fake, dir);
        const rig = createRig(fake, { cache: diskCache(fake, dir) });
        return async () => {
          await rig.model.loadCategories();
          if (!list(rig.model.lists, 'mine').items.length) throw new Error('no cached tickets');
          return async () => {
            await until(() => list(rig.model.lists, 'mine').cachedAt === undefined); // the revalidation, untimed
            rig.model.dispose();
          };
        };
      },
      obvious: coldSerial,
    },
    'warm start: fresh list': {
      shipped: async () => {
        await seedCache(fake, dir);
        const rig = createRig(fake, { cache: diskCache(fake, dir) });
        return async () => {
          await rig.model.loadCategories();
          await until(() => list(rig.model.lists, 'mine').cachedAt === undefined && !list(rig.model.lists, 'mine').loading);
          return async () => {
            await until(() => rig.model.cachedAt === undefined); // the categories' check, untimed
            rig.model.dispose();
          };
        };
      },
      obvious: coldSerial,
    },
    'cold start: first tickets': {
      shipped: async () => {
        const rig = createRig(fake);
        return async () => {
          await rig.model.loadCategories();
          await list(rig.model.lists, 'mine').ensureLoaded();
          rig.model.dispose();
        };
      },
      obvious: async () => {
        const c = freshClient(fake);
        return async () => {
          const statuses = await c.getStatuses();
          await c.getTicketViews();
          const agent = await c.getAgentByEmail(email);
          await c.listTickets({ statusIds: statuses.filter((s) => !s.isClosed).map((s) => s.id), agentIds: [agent.userId] }, 1, 50);
        };
      },
    },
    'open a ticket': {
      shipped: async () => {
        const rig = createRig(fake);
        await rig.openTicket(ticketIds[9]); // lookups cached, as after the first ticket of a session
        const id = ticketIds[opened++ % 9];
        return () => rig.openTicket(id);
      },
      obvious: async () => {
        const c = freshClient(fake);
        const id = ticketIds[opened++ % 9];
        return async () => {
          await c.getTicket(id);
          await c.getMessages(id);
          await c.getStatuses();
          await c.getPriorities();
        };
      },
    },
    'open a ticket from the prefetch/cache': {
      // The row was selected (prefetch done) before the ticket is opened: timed until the panel has the ticket.
      shipped: async () => {
        const details = new TicketDetailCache({ key: () => 'bench', load: async () => undefined, save: () => undefined });
        const rig = createRig(fake, { details });
        const id = ticketIds[opened++ % 9];
        details.prefetch(id, (t) => fetchTicketDetail(rig.api, t, { error: () => undefined }));
        await until(() => details.pending(id) === undefined);
        return () => rig.openTicket(id);
      },
      obvious: async () => {
        const c = freshClient(fake);
        const id = ticketIds[opened++ % 9];
        return async () => {
          await c.getTicket(id);
          await c.getMessages(id);
          await c.getStatuses();
          await c.getPriorities();
        };
      },
    },
    'Load more': {
      shipped: async () => {
        const rig = createRig(fake);
        await rig.model.loadCategories();
        const open = list(rig.model.lists, 'open');
        await open.ensureLoaded();
        return () => open.loadMore();
      },
      obvious: async () => {
        const c = freshClient(fake);
        return async () => {
          await c.listTickets({}, 2, 50);
        };
      },
    },
  };
}

async function main(): Promise<unknown> {
  const fake = await startFakeBoldDesk({ tickets: 1000, quiet: true, rateLimitPerMinute: 1e9, listRateLimitPerMinute: 1e9 });
  const byRtt: Record<string, Record<string, { shipped: Figure; obvious: Figure }>> = {};
  try {
    for (const rtt of RTTS) {
      fake.setLatency(rtt);
      const out: Record<string, { shipped: Figure; obvious: Figure }> = {};
      for (const [name, s] of Object.entries(steps(fake))) {
        out[name] = { shipped: await measure(fake, s.shipped), obvious: await measure(fake, s.obvious) };
      }
      byRtt[String(rtt)] = out;
    }
    return { rtts: RTTS, jitterPercent: 10, runs: RUNS, tickets: fake.db.tickets.length, byRtt };
  } finally {
    await fake.close();
  }
}

runStage(main);
