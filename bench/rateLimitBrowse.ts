// A scripted 10-minute browse at the trial quota (50 requests/min, 40/min on ticket lists) with simulated time:
// a fast user expanding categories, loading more, opening tickets, filtering and refreshing every 1–4 s.
// Counts 429s and, per user action, the wait beyond what the quota forces (QuotaOracle). The same script runs
// with the "obvious" design (no lookup cache, every page of a category fetched up front) for comparison.
import type { TicketList } from '../src/model/ticketList';
import { startFakeBoldDesk, type FakeBoldDesk } from '../test/fake-bolddesk';
import { Prng } from '../test/fake-bolddesk/prng';
import { runStage } from './lib/output';
import { QuotaOracle } from './lib/quotaOracle';
import { createRig, type Rig } from './lib/rig';
import { summarize } from './lib/stats';
import { VirtualClock } from './lib/virtualClock';

const LIMITS = { all: 50, list: 40 };
const SESSION_MS = 10 * 60_000;

interface ActionRecord {
  action: string;
  at: number;
  waitedMs: number;
  forcedMs: number;
  requests: number;
  rejected: number;
  failed?: string;
}

type Design = 'shipped' | 'obvious';

async function browse(design: Design, seed: number): Promise<unknown> {
  const clock = new VirtualClock();
  const fake: FakeBoldDesk = await startFakeBoldDesk({
    tickets: 2000, quiet: true, seed: 3, now: clock.now, rateLimitPerMinute: LIMITS.all, listRateLimitPerMinute: LIMITS.list,
  });
  const rig: Rig = createRig(fake, { clock, noLookupCache: design === 'obvious' });
  const m = rig.model;
  const rng = new Prng(seed);
  const oracle = new QuotaOracle(LIMITS);
  let replayed = 0;
  const expanded = new Set<string>();
  const start = clock.now();
  const actions: ActionRecord[] = [];
  let filterOn = false;

  const lists = (): readonly TicketList[] => m.lists ?? [];
  const show = async (l: TicketList) => {
    await l.ensureLoaded();
    if (design === 'obvious') while (l.hasMore && l.error === undefined) await l.loadMore();
  };
  const showExpanded = () => Promise.all(lists().filter((l) => expanded.has(l.id)).map(show));

  async function act(name: string, work: () => Promise<unknown>): Promise<void> {
    for (; replayed < fake.requests.length; replayed++) oracle.record(fake.requests[replayed]);
    const t0 = clock.now();
    const mark = fake.requests.length;
    let failed: string | undefined;
    try {
      await work();
    } catch (e) {
      failed = e instanceof Error ? e.message : String(e);
    }
    const listError = lists().find((l) => l.error !== undefined)?.error;
    if (!failed && listError !== undefined) failed = listError instanceof Error ? listError.message : String(listError);
    const sent = fake.requests.slice(mark);
    const accepted = sent.filter((r) => r.status !== 429);
    actions.push({
      action: name, at: t0 - start, waitedMs: clock.now() - t0, forcedMs: oracle.forcedWait(accepted, t0),
      requests: sent.length, rejected: sent.length - accepted.length, ...(failed ? { failed } : {}),
    });
  }

  await act('open view', async () => {
    await m.loadCategories();
    expanded.add(lists()[0].id);
    await showExpanded();
  });
  while (clock.now() - start < SESSION_MS) {
    await clock.advance(rng.int(1000, 4000));
    const r = rng.next();
    const open = lists().filter((l) => expanded.has(l.id));
    const closed = lists().filter((l) => !expanded.has(l.id));
    if (r < 0.3 && open.some((l) => l.hasMore)) {
      const l = rng.pick(open.filter((x) => x.hasMore));
      await act('load more', () => l.loadMore());
    } else if (r < 0.45 && closed.length) {
      const l = rng.pick(closed);
      expanded.add(l.id);
      await act('expand category', () => show(l));
    } else if (r < 0.8) {
      const items = open.flatMap((l) => l.items);
      const ticket = items.length ? rng.pick(items) : fake.db.tickets[rng.int(0, fake.db.tickets.length - 1)];
      await act('open ticket', () => rig.openTicket(ticket.id));
    } else if (r < 0.92) {
      filterOn = !filterOn;
      await act(filterOn ? 'set filter' : 'clear filter', async () => {
        m.setFilter(filterOn ? { statusIds: [fake.db.statuses[0].id] } : undefined);
        await showExpanded();
      });
    } else {
      await act('refresh', async () => {
        await rig.refresh();
        await showExpanded();
      });
    }
  }
  m.dispose();
  await fake.close();
  if (process.env.BENCH_DEBUG) {
    for (const q of fake.requests) console.error(((q.at - start) / 1000).toFixed(1), q.status, q.method, q.path);
  }

  const excess = actions.map((a) => a.waitedMs - a.forcedMs);
  const byAction: Record<string, { count: number; requests: number; waitedMs: number; forcedMs: number }> = {};
  for (const a of actions) {
    const s = (byAction[a.action] ??= { count: 0, requests: 0, waitedMs: 0, forcedMs: 0 });
    s.count++;
    s.requests += a.requests;
    s.waitedMs += a.waitedMs;
    s.forcedMs += a.forcedMs;
  }
  const worst = actions.reduce((w, a) => (a.waitedMs - a.forcedMs > w.waitedMs - w.forcedMs ? a : w), actions[0]);
  return {
    design,
    simulatedMinutes: +((clock.now() - start) / 60_000).toFixed(2),
    actions: actions.length,
    requests: fake.requests.length,
    rejected429: fake.requests.filter((q) => q.status === 429).length,
    failedActions: actions.filter((a) => a.failed).map((a) => `${a.action}: ${a.failed}`),
    actionsThatWaited: actions.filter((a) => a.waitedMs > 0).length,
    totalWaitS: +(actions.reduce((s, a) => s + a.waitedMs, 0) / 1000).toFixed(1),
    totalForcedWaitS: +(actions.reduce((s, a) => s + a.forcedMs, 0) / 1000).toFixed(1),
    excessWaitMs: summarize(excess, 0),
    worstAction: worst,
    byAction,
  };
}

async function main(): Promise<unknown> {
  const started = Date.now();
  const seed = Number(process.env.BENCH_BROWSE_SEED) || 7;
  const shipped = await browse('shipped', seed);
  const obvious = await browse('obvious', seed);
  return { limits: LIMITS, sessionMinutes: SESSION_MS / 60_000, seed, realSeconds: (Date.now() - started) / 1000, shipped, obvious };
}

runStage(main);
