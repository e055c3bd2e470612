// Binds the warm-start cache (src/model/cacheStore.ts) to the session: one snapshot per origin + default identity in
// the extension's global storage folder (files, not settings or globalState), read and written only while
// `bolddesk.cache.enabled` is on. Turning the setting off, or removing/replacing an identity's key, deletes the files.
import * as vscode from 'vscode';
import type { BoldDeskSession } from '../auth/session';
import type { Logger } from '../deps';
import { Settings } from '../constants';
import { CACHE_VERSION, TicketCacheStore } from '../model/cacheStore';
import type { CachedState, ModelCache } from '../model/modelCache';

function enabled(): boolean {
  return vscode.workspace.getConfiguration(Settings.section).get<boolean>(Settings.cacheEnabled, true);
}

export function bindTicketCache(session: BoldDeskSession, folder: vscode.Uri, log: Logger): { cache: ModelCache; disposables: vscode.Disposable[] } {
  const store = new TicketCacheStore(vscode.Uri.joinPath(folder, 'ticket-cache').fsPath);
  const current = () => {
    const origin = session.origin;
    const identityId = session.defaultIdentity?.id;
    return origin && identityId && enabled() ? { origin, identityId } : undefined;
  };
  const failed = (what: string) => (error: unknown) => log.error(`Ticket cache: could not ${what}`, error);
  const cache: ModelCache = {
    load: async () => {
      const c = current();
      return c ? store.load(c.origin, c.identityId) : undefined;
    },
    save: (state: CachedState) => {
      const c = current();
      if (c) void store.save({ version: CACHE_VERSION, ...c, ...state }).catch(failed('save'));
    },
  };
  const disposables = [
    session.onDidForgetIdentity(({ origin, identityId }) => void store.remove(origin, identityId).catch(failed('delete'))),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${Settings.section}.${Settings.cacheEnabled}`) && !enabled()) void store.removeAll().catch(failed('delete'));
    }),
  ];
  return { cache, disposables };
}
