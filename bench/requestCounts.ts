// Requests per user step, counted by the fake BoldDesk, driving the real client + TicketListModel + the ticket
// panel's controller (the tree and panel code paths without the editor). Compared in the same run with the
// "obvious" designs: no lookup cache, and every page fetched up front.
import type { TicketList } from '../src/model/ticketList';
import { startFakeBoldDesk, type FakeBoldDesk } from '../test/fake-bolddesk';
import { runStage } from './lib/output';
import { createRig, requestsSince, type RigOptions } from './lib/rig';

interface Step {
  step: string;
  requests: number;
  paths: string[];
}

async function counted(fake: FakeBoldDesk, step: string, action: () => Promise<unknown>): Promise<Step> {
  const mark = fake.requests.length;
  await action();
  const paths = requestsSince(fake, mark);
  return { step, requests: paths.length, paths };
}

function list(lists: readonly TicketList[] | undefined, id: string): TicketList {
  const found = lists?.find((l) => l.id === id);
  if (!found) throw new Error(`no list ${id}`);
  return found;
}

/** The tree's steps as the extension does them (lazy pages, cached lookups). */
async function designed(fake: FakeBoldDesk, o: RigOptions = {}): Promise<Step[]> {
  const rig = createRig(fake, o);
  const m = rig.model;
  const ticketIds = fake.db.tickets.slice(0, 3).map((t) => t.id);
  const steps: Step[] = [];
  // Opening the view: categories (statuses, views, the agent), then the first category, expanded by default.
  steps.push(await counted(fake, 'view opens, first page (cold)', async () => {
    await m.loadCategories();
    await list(m.lists, 'mine').ensureLoaded();
  }));
  steps.push(await counted(fake, 'another category expanded, first page (warm)', () => list(m.lists, 'open').ensureLoaded()));
  steps.push(await counted(fake, 'view shown again after a reset (warm)', async () => {
    m.reset();
    await m.loadCategories();
    await list(m.lists, 'mine').ensureLoaded();
  }));
  steps.push(await counted(fake, 'Load more', () => list(m.lists, 'mine').loadMore()));
  steps.push(await counted(fake, 'open a ticket (first of the session)', () => rig.openTicket(ticketIds[0])));
  steps.push(await counted(fake, 'open another ticket', () => rig.openTicket(ticketIds[1])));
  steps.push(await counted(fake, 'filter set, expanded category reloads', async () => {
    m.setFilter({ priorityIds: [fake.db.priorities[0].id] });
    await list(m.lists, 'mine').ensureLoaded();
  }));
  steps.push(await counted(fake, 'Refresh (1 category, 1 page loaded)', () => rig.refresh()));
  m.dispose();
  return steps;
}

/** "Fetch everything up front": the first page shows only after every page of the category arrived. */
async function fetchAllUpFront(fake: FakeBoldDesk): Promise<Step[]> {
  const rig = createRig(fake, { noLookupCache: true });
  const m = rig.model;
  const all = async (id: string) => {
    const l = list(m.lists, id);
    await l.ensureLoaded();
    while (l.hasMore) await l.loadMore();
  };
  const steps = [
    await counted(fake, 'view opens, first page (cold)', async () => {
      await m.loadCategories();
      await all('mine');
    }),
    await counted(fake, 'another category expanded, first page (warm)', () => all('open')),
  ];
  m.dispose();
  return steps;
}

async function main(): Promise<unknown> {
  const fake = await startFakeBoldDesk({ tickets: 1000, quiet: true, rateLimitPerMinute: 1e9, listRateLimitPerMinute: 1e9 });
  try {
    const shipped = await designed(fake);
    fake.reset();
    const noCache = await designed(fake, { noLookupCache: true });
    fake.reset();
    const upFront = await fetchAllUpFront(fake);
    return { tickets: fake.db.tickets.length, pageSize: 50, shipped, noLookupCache: noCache, fetchAllUpFront: upFront };
  } finally {
    await fake.close();
  }
}

runStage(main);
