// The extension's data path without VS Code: the real BoldDeskClient and TicketListModel (and the ticket panel's
// host-side controller) against a real fake BoldDesk, the way the tree and the panel drive them.
import type { BoldDeskApi } from '../../src/api/api';
import { BoldDeskClient } from '../../src/api/client';
import { describeError } from '../../src/api/describeError';
import type { Agent } from '../../src/api/types';
import type { ModelCache } from '../../src/model/modelCache';
import type { TicketDetailCache } from '../../src/model/ticketDetailCache';
import { TicketListModel } from '../../src/model/ticketListModel';
import { TicketPanelController } from '../../src/views/ticketPanel/panelController';
import type { PanelEnv } from '../../src/views/ticketPanel/panelEnv';
import type { FakeBoldDesk } from '../../test/fake-bolddesk';
import type { VirtualClock } from './virtualClock';

const LOOKUPS = new Set(['getBrands', 'getPriorities', 'getStatuses', 'getCategories', 'getTicketViews', 'getAgentByEmail', 'searchAgents']);

export interface RigOptions {
  clock?: VirtualClock;
  /** The "obvious" design: every lookup goes to BoldDesk again (no client cache). */
  noLookupCache?: boolean;
  pageSize?: number;
  /** The warm-start cache the model reads and writes (none: the obvious design). */
  cache?: ModelCache;
  /** The model's timers (the cache's delayed save); default real timers. */
  setTimer?: (ms: number, callback: () => void) => () => void;
  /** Opened and prefetched tickets (issue 14); none: every open asks BoldDesk first. */
  details?: TicketDetailCache;
}

export interface Rig {
  client: BoldDeskClient;
  api: BoldDeskApi;
  model: TicketListModel;
  /** The panel's load: ticket, conversation, lookups (what opening a ticket costs). */
  openTicket(ticketId: number): Promise<void>;
  /** The tree's Refresh: lookups dropped, categories rebuilt, loaded lists reloaded. */
  refresh(): Promise<void>;
}

/** Wraps the client: each call is tracked by the simulated clock; optionally lookups skip the cache. */
function wrapApi(client: BoldDeskClient, o: RigOptions): BoldDeskApi {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const call = () => {
          if (o.noLookupCache && LOOKUPS.has(String(prop))) target.clearCache();
          return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
        return o.clock && String(prop) !== 'clearCache' ? o.clock.track(call) : call();
      };
    },
  });
}

export function createRig(fake: FakeBoldDesk, o: RigOptions = {}): Rig {
  const key = fake.keys[0];
  const client = new BoldDeskClient({
    origin: fake.url,
    apiKey: key.key,
    timeoutMs: 15_000,
    ...(o.clock ? { now: o.clock.now, sleep: o.clock.sleep } : {}),
  });
  const api = wrapApi(client, o);
  // Like BoldDeskSession.resolveIdentity: one lookup per connection, kept across Refresh once it worked.
  let identity: Promise<Agent | undefined> | undefined;
  const model = new TicketListModel({
    api: async () => api,
    agent: () => (identity ??= api.getAgentByEmail(key.agent.email).catch(() => undefined)),
    pageSize: () => o.pageSize ?? 50,
    firstListShown: true, // as the tree does: the first category is expanded
    cache: o.cache,
    ...(o.setTimer ? { setTimer: o.setTimer } : {}),
    ...(o.clock ? { now: o.clock.now, setTimer: o.clock.setTimer } : {}),
  });
  const env: PanelEnv = {
    getApi: async () => api,
    origin: () => fake.url,
    attribution: () => '',
    drafts: {
      get: () => undefined, set: async () => undefined, clear: async () => undefined,
      markSent: async () => undefined, lastSent: () => undefined, sentRevision: () => 0,
    },
    openExternal: async () => undefined,
    openInBrowser: async () => undefined,
    ticketChanged: () => undefined,
    noteOpened: (t) => model.noteOpened(t),
    describeError,
    log: { info: () => undefined, error: () => undefined },
    ...(o.details ? { details: () => o.details as TicketDetailCache } : {}),
  };
  return {
    client,
    api,
    model,
    async openTicket(ticketId: number): Promise<void> {
      const ok = await new TicketPanelController(ticketId, env, () => undefined).load();
      if (!ok) throw new Error(`ticket #${ticketId} did not load`);
    },
    async refresh(): Promise<void> {
      client.clearCache();
      await model.refresh();
    },
  };
}

/** Requests the fake answered since `mark` (an index into fake.requests), by path. */
export function requestsSince(fake: FakeBoldDesk, mark: number): string[] {
  return fake.requests.slice(mark).map((r) => `${r.method} ${r.path}`);
}
