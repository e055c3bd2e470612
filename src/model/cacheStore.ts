// The warm-start cache on disk: what the tree showed last time for one help desk + identity (lookups and the first
// page of each category that was open), so the next start shows it at once and revalidates in the background.
// One JSON file per origin + identity, named by a hash (no domain or e-mail in file names), and a second one for
// the opened tickets with their conversations (≤ 30). Never holds the key: only what BoldDesk returned is written.
// Capped: ≤ 100 tickets a list, ≤ 40 lists, ≤ 2 MB a file. Tickets are written as rows (cacheRows.ts); a file of
// plain ticket objects (written before rows) is still read.
// Customer data on disk: docs/SECURITY.md. No vscode: the folder (globalStorageUri) is handed in.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Agent, Page, Status, TicketSummary, TicketView } from '../api/types';
import { readRows, RowWriter } from './cacheRows';

export const CACHE_VERSION = 1;
const MAX_ITEMS = 100;
const MAX_LISTS = 40;
export const MAX_BYTES = 2 * 1024 * 1024;
export interface CachedList {
  /** The category id (`mine`, `open`, `view:…`). */
  id: string;
  /** The query the page answered (JSON), so a changed category never shows another list's tickets. */
  query: string;
  page: Page<TicketSummary>;
  savedAt: number;
}

export interface CacheSnapshot {
  version: typeof CACHE_VERSION;
  origin: string;
  identityId: string;
  savedAt: number;
  statuses: Status[];
  views: TicketView[];
  agent?: Agent;
  lists: CachedList[];
}

/** The file's text for a snapshot (no caps): each list's tickets as rows against one table of shared values. */
export function serializeSnapshot(snapshot: CacheSnapshot): string {
  const writer = new RowWriter();
  const lists = snapshot.lists.map(({ page: { items, ...page }, ...l }) => ({ ...l, page: { ...page, rows: writer.rows(items) } }));
  return JSON.stringify({ ...snapshot, lists, values: writer.values });
}

export class TicketCacheStore {
  constructor(private readonly dir: string) {}

  fileFor(origin: string, identityId: string, kind: 'lists' | 'tickets' = 'lists'): string {
    const name = createHash('sha256').update(`${origin}\n${identityId}`).digest('hex').slice(0, 32);
    return path.join(this.dir, kind === 'lists' ? `${name}.json` : `${name}.tickets.json`);
  }

  /** The snapshot, or undefined when there is none or it is unreadable, of another version, or for someone else. */
  async load(origin: string, identityId: string): Promise<CacheSnapshot | undefined> {
    let text: string;
    try {
      text = await fs.readFile(this.fileFor(origin, identityId), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const s = JSON.parse(text) as CacheSnapshot & { values?: unknown[] };
      if (s?.version !== CACHE_VERSION || s.origin !== origin || s.identityId !== identityId) return undefined;
      if (!Array.isArray(s.statuses) || !Array.isArray(s.views) || !Array.isArray(s.lists)) return undefined;
      const values = Array.isArray(s.values) ? s.values : [];
      delete s.values;
      s.lists = s.lists.flatMap((l) => {
        if (typeof l?.id !== 'string' || typeof l.page !== 'object' || l.page === null) return [];
        const { rows, ...page } = l.page as Page<TicketSummary> & { rows?: unknown };
        const items = rows !== undefined ? readRows(rows, values)
          : Array.isArray(page.items) && page.items.every((t) => typeof t?.id === 'number' && typeof t.subject === 'string') ? page.items : undefined;
        return items ? [{ ...l, page: { ...page, items } }] : [];
      });
      return s;
    } catch {
      return undefined;
    }
  }

  /** Writes the snapshot (capped) atomically: a crash leaves the old file or the new one, never half of one. */
  async save(snapshot: CacheSnapshot): Promise<void> {
    const lists = snapshot.lists.slice(0, MAX_LISTS).map((l) => ({ ...l, page: { ...l.page, items: l.page.items.slice(0, MAX_ITEMS) } }));
    let text = serializeSnapshot({ ...snapshot, lists });
    while (Buffer.byteLength(text) > MAX_BYTES && lists.length > 0) {
      lists.pop();
      text = serializeSnapshot({ ...snapshot, lists });
    }
    if (Buffer.byteLength(text) > MAX_BYTES) return;
    await this.write(this.fileFor(snapshot.origin, snapshot.identityId), text);
  }

  async remove(origin: string, identityId: string): Promise<void> {
    await fs.rm(this.fileFor(origin, identityId), { force: true });
    await fs.rm(this.fileFor(origin, identityId, 'tickets'), { force: true });
  }

  /** Writes a file of the cache atomically: a crash leaves the old file or the new one, never half of one. */
  async write(file: string, text: string): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, text, { encoding: 'utf8', mode: 0o600 });
    await fs.rename(tmp, file);
  }

  /** Every snapshot (the cache was turned off). */
  async removeAll(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}
