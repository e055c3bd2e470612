// Binds the warm-start cache (src/model/cacheStore.ts) to the session: one snapshot per origin + default identity in
// the extension's global storage folder (files, not settings or globalState), read and written only while
// `bolddesk.cache.enabled` is on. Turning the setting off, or removing/replacing an identity's key, deletes the files.
import * as vscode from 'vscode';
import type { BoldDeskSession } from '../auth/session';
import type { Logger } from '../deps';
import { Settings } from '../constants';
import { CACHE_VERSION, TicketCacheStore } from '../model/cacheStore';
import type { CachedState, ModelCache } from '../model/modelCache';
import type { CachedTicket, TicketDetailCache } from '../model/ticketDetailCache';
import { extras } from '../lazy/load';

const PRELOAD_KEPT_MS = 120_000;

function enabled(): boolean {
  return vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.cacheEnabled, true);
}

export interface TicketCacheBinding {
  cache: ModelCache;
  /** Opened and prefetched tickets (created on first use; its code is in dist/extras.js). */
  details(): TicketDetailCache;
  /** The same, only if already created (marking a changed ticket stale never loads it). */
  createdDetails(): TicketDetailCache | undefined;
  disposables: vscode.Disposable[];
}

export function bindTicketCache(session: BoldDeskSession, folder: vscode.Uri, log: Logger): TicketCacheBinding {
  const store = new TicketCacheStore(vscode.Uri.joinPath(folder, 'ticket-cache').fsPath);
  const current = () => {
    const origin = session.origin;
    const identityId = session.defaultIdentity?.id;
    return origin && identityId && enabled() ? { origin, identityId } : undefined;
  };
  const failed = (what: string) => (error: unknown) => log.error(`Ticket cache: could not ${what}`, error);
  const keyOf = (c: { origin: string; identityId: string }) => JSON.stringify([c.origin, c.identityId]);
  /** Read at activation for the first load; used once, for the same connection only, and dropped after a while. */
  let preloaded: { key: string; state: ReturnType<TicketCacheStore['load']> } | undefined;
  const cache: ModelCache = {
    load: async () => {
      const c = current();
      const early = preloaded;
      preloaded = undefined;
      if (!c) return undefined;
      return early?.key === keyOf(c) ? early.state : store.load(c.origin, c.identityId);
    },
    preload: () => {
      const c = current();
      if (!c || preloaded) return;
      const state = store.load(c.origin, c.identityId);
      state.catch(() => undefined); // the load that takes it reports a failure
      const entry = { key: keyOf(c), state };
      preloaded = entry;
      // Not kept for a view opened much later (another window may have saved a newer file meanwhile).
      setTimeout(() => preloaded === entry && (preloaded = undefined), PRELOAD_KEPT_MS).unref?.();
    },
    save: (state: CachedState) => {
      const c = current();
      if (c) void store.save({ version: CACHE_VERSION, ...c, ...state }).catch(failed('save'));
    },
  };
  let details: TicketDetailCache | undefined;
  const detailStore = {
    key: () => {
      const c = current();
      return c && JSON.stringify([c.origin, c.identityId]);
    },
    load: (key: string) => {
      const [origin, identityId] = JSON.parse(key) as [string, string];
      return extras().loadTicketsFile(store, origin, identityId);
    },
    save: (key: string, tickets: CachedTicket[]) => {
      const [origin, identityId] = JSON.parse(key) as [string, string];
      void extras().saveTicketsFile(store, origin, identityId, tickets).catch(failed('save'));
    },
  };
  const disposables = [
    { dispose: () => details?.dispose() },
    session.onDidForgetIdentity(({ origin, identityId }) => {
      preloaded = undefined;
      void store.remove(origin, identityId).catch(failed('delete'));
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${Settings.section}.${Settings.cacheEnabled}`) && !enabled()) {
        preloaded = undefined;
        void store.removeAll().catch(failed('delete'));
      }
    }),
  ];
  return {
    cache,
    details: () => (details ??= new (extras().TicketDetailCache)(detailStore)),
    createdDetails: () => details,
    disposables,
  };
}
