// Selecting a ticket row in the tree prefetches that ticket (its detail, conversation and lookups, in parallel), so
// opening it is served at once (issue 14). Selection only, never hovers; one prefetch in flight (ticketDetailCache.ts);
// nothing while BoldDesk's rate limit is waited for or runs low, so browsing never costs the user a 429. The cache and
// the fetch are in dist/extras.js (loaded on the first selection; the panel needs it anyway).
import type * as vscode from 'vscode';
import type { BoldDeskSession } from '../auth/session';
import type { Logger } from '../deps';
import type { TicketDetailCache } from '../model/ticketDetailCache';
import { TicketNode } from './nodes/ticketNode';
import { extras } from '../lazy/load';

/** Below this many requests left in BoldDesk's window, a prefetch is skipped (opening still asks). */
const MIN_REMAINING = 20;

export function prefetchOnSelection(
  treeView: vscode.TreeView<unknown>,
  session: BoldDeskSession,
  details: () => TicketDetailCache,
  log: Logger,
): vscode.Disposable[] {
  let waitingUntil = 0;
  const fetch = async (ticketId: number) => {
    if (Date.now() < waitingUntil || !session.defaultIdentity) return undefined;
    const api = await session.requireApi();
    const { remaining, resetAt } = api.rateLimit;
    if (remaining !== undefined && remaining < MIN_REMAINING && (resetAt ?? 0) > Date.now()) return undefined;
    return extras().fetchTicketDetail(api, ticketId, { error: () => undefined }); // a prefetch's partial failure is not news
  };
  return [
    session.onDidWaitForRateLimit((retryAt) => (waitingUntil = Math.max(waitingUntil, retryAt))),
    treeView.onDidChangeSelection((e) => {
      const node = e.selection.length === 1 ? e.selection[0] : undefined;
      if (!(node instanceof TicketNode)) return;
      try {
        details().prefetch(node.ticket.id, fetch);
      } catch (error) {
        log.error('Could not prefetch the selected ticket', error);
      }
    }),
  ];
}
