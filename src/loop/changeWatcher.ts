// One auto-refresh step: ask BoldDesk only for the tickets modified since the last check (ONE list request
// when nothing changed), reload only the loaded tree lists a change can affect, find tickets newly assigned to
// me and customer replies on mine (messages fetched for at most a few of my changed tickets), and the number of
// my open tickets (from the "My open tickets" list when it is loaded, else one count request, and only when
// something changed). No vscode import: timers, badge and notifications live in loopController.ts.
import type { BoldDeskApi } from '../api/api';
import type { Agent, TicketSummary } from '../api/types';
import type { TicketList } from '../model/ticketList';
import { classifyChanges, listAffected, stateOf, type KnownState } from './changeDelta';

export interface WatcherSource {
  api(): Promise<BoldDeskApi>;
  /** The agent who owns the key (bolddesk.agentEmail), when known. */
  agent(): Promise<Agent | undefined>;
  /** The tree's lists (undefined before the tree loaded them). */
  lists(): readonly TicketList[] | undefined;
  /** True while the user's filter narrows every list (then "My open tickets" does not count all of mine). */
  filterActive(): boolean;
  now?(): number;
  log?(message: string, error?: unknown): void;
}

export interface TickResult {
  /** Tickets that changed since we last saw them. */
  changed: TicketSummary[];
  newlyAssigned: TicketSummary[];
  replied: TicketSummary[];
  /** Ids of the lists that were reloaded. */
  reloaded: string[];
  /** Open tickets assigned to me, when known. */
  openCount?: number;
}

/** Re-ask a little earlier than the last check, so clock skew between us and BoldDesk loses nothing. */
const OVERLAP_MS = 60_000;
const MAX_DELTA = 100;
/** At most this many of my changed tickets get their messages read per refresh. */
const MAX_MESSAGE_CHECKS = 5;
const KNOWN_LIMIT = 5000;

export class ChangeWatcher {
  private since: number;
  private readonly known = new Map<number, KnownState>();
  private counted = false;
  private readonly now: () => number;

  constructor(private readonly source: WatcherSource) {
    this.now = source.now ?? (() => Date.now());
    this.since = this.now();
  }

  async tick(): Promise<TickResult> {
    const api = await this.source.api();
    const checkStart = this.now();
    const since = this.since;
    const page = await api.listTickets({ modifiedSince: new Date(since - OVERLAP_MS).toISOString() }, 1, MAX_DELTA);
    this.since = checkStart;

    const lists = this.source.lists() ?? [];
    for (const list of lists) for (const t of list.items) if (!this.known.has(t.id)) this.remember(t);
    const me = (await this.source.agent().catch(() => undefined))?.userId;
    const delta = classifyChanges(page.items, (id) => this.known.get(id), me, since - OVERLAP_MS);
    for (const t of page.items) this.remember(t);

    const result: TickResult = { changed: delta.changed, newlyAssigned: delta.newlyAssigned, replied: [], reloaded: [] };
    if (delta.changed.length > 0) {
      // More changes than one page: we cannot tell which lists they touch, so every loaded list reloads.
      const affected = lists.filter((l) => l.loaded && (page.hasMore || listAffected(l, delta.changed)));
      result.reloaded = affected.map((l) => l.id);
      await Promise.all(affected.map((l) => l.reload('after')));
      result.replied = await this.customerReplies(api, delta.mineUpdated, since - OVERLAP_MS);
    }
    if (me !== undefined && (!this.counted || delta.changed.length > 0)) {
      result.openCount = await this.openCount(api, lists, me);
      this.counted = result.openCount !== undefined;
    }
    return result;
  }

  private remember(t: TicketSummary): void {
    this.known.delete(t.id);
    this.known.set(t.id, stateOf(t));
    if (this.known.size > KNOWN_LIMIT) this.known.delete(this.known.keys().next().value as number);
  }

  /**
   * Of my updated tickets (a few at most, two at a time), those whose latest message is a customer's, since `from`.
   * Only the newest message is read (latestMessage), never the whole conversation.
   */
  private async customerReplies(api: BoldDeskApi, mine: TicketSummary[], from: number): Promise<TicketSummary[]> {
    const check = mine.slice(0, MAX_MESSAGE_CHECKS);
    const replied: TicketSummary[] = [];
    const newest = (id: number) => (api.latestMessage ? api.latestMessage(id) : api.getMessages(id).then((m) => m.at(-1)));
    for (let i = 0; i < check.length; i += 2) {
      const batch = check.slice(i, i + 2);
      const answers = await Promise.all(
        batch.map((t) =>
          newest(t.id).catch((error: unknown) => {
            this.source.log?.(`Auto refresh: could not read the messages of ticket #${t.id}`, error);
            return undefined;
          }),
        ),
      );
      answers.forEach((last, j) => {
        if (last?.isFromCustomer && Date.parse(last.createdOn) >= from) replied.push(batch[j]);
      });
    }
    return replied;
  }

  /** "My open tickets"' total when that list is loaded (no request), else one count request (PerPage=1). */
  private async openCount(api: BoldDeskApi, lists: readonly TicketList[], me: number): Promise<number | undefined> {
    const mine = lists.find((l) => l.id === 'mine');
    if (mine?.loaded && !mine.loading && mine.total !== undefined && !this.source.filterActive()) return mine.total;
    const open = (await api.getStatuses()).filter((s) => !s.isClosed).map((s) => s.id);
    if (open.length === 0) return 0;
    // A count BoldDesk made without applying the agent filter is everyone's count: no badge rather than a wrong one.
    const page = await api.listTickets({ statusIds: open, agentIds: [me] }, 1, 5);
    return page.unapplied || page.local ? undefined : page.total;
  }
}
