// How BoldDeskClient (client.ts) talks to BoldDesk: GETs through HttpTransport (http.ts), identical writes in flight
// shared, lists read page by page to the end, lookups cached per client. Paths and bodies stay in client.ts.
// No vscode import.
import * as l10n from '@vscode/l10n';
import { NotFoundError } from './errors';
import type { HttpRequest, HttpTransport } from './http';
import type { Json, ParseContext } from './parse';
import { MAX_PER_PAGE, type QueryParams } from './queryBuilder';

export const API = '/api/v1';
/** Lookup pages fetched at most (100 items each) before we stop, log it and use what we have. */
export const MAX_LOOKUP_PAGES = 10;

export type ParseList<T> = (ctx: ParseContext, body: unknown) => T[];

export function ticketPath(ticketId: number, suffix = ''): string {
  if (!Number.isSafeInteger(ticketId) || ticketId <= 0) throw new NotFoundError(l10n.t('Ticket #{0} is not a valid ticket number.', String(ticketId)));
  return `${API}/tickets/${ticketId}${suffix}`;
}

export function ctxOf(method: string, path: string): ParseContext {
  return { request: `${method} ${path}` };
}

export class ClientRequests {
  /** Lookup promises; a rejected one is removed so the next call tries again. */
  private readonly cache = new Map<string, Promise<unknown>>();
  /** Identical writes in flight share one request: a double click sends one POST, not two. */
  private readonly inFlightWrites = new Map<string, Promise<Json>>();

  constructor(
    private readonly http: HttpTransport,
    readonly log: (line: string) => void,
  ) {}

  clearCache(): void {
    this.cache.clear();
  }

  get(path: string, query: QueryParams = [], signal?: AbortSignal, what?: string): Promise<Json> {
    return this.http.request({ method: 'GET', path, query, signal, what });
  }

  write(req: HttpRequest): Promise<Json> {
    const key = JSON.stringify([req.method, req.path, req.query ?? [], req.body ?? null]);
    const pending = this.inFlightWrites.get(key);
    if (pending) return pending;
    const promise = this.http.request(req).finally(() => this.inFlightWrites.delete(key));
    this.inFlightWrites.set(key, promise);
    return promise;
  }

  pagedLookup<T>(key: string, path: string, query: QueryParams, parse: ParseList<T>, id: (t: T) => unknown): Promise<T[]> {
    return this.cached(key, () => this.readPages(path, query, parse, id));
  }

  /** Page=1,2,… with PerPage=100 until a short page, a page with nothing new, the count, or `maxPages` (logged). */
  async readPages<T>(path: string, query: QueryParams, parse: ParseList<T>, id: (t: T) => unknown,
    maxPages = MAX_LOOKUP_PAGES, signal?: AbortSignal): Promise<T[]> {
    const ctx = ctxOf('GET', path);
    const byId = new Map<unknown, T>();
    for (let page = 1; ; page++) {
      let body: Json;
      try {
        body = await this.get(path, [...query, ['Page', String(page)], ['PerPage', String(MAX_PER_PAGE)]], signal);
      } catch (e) {
        // Past the last page some lists answer 404 (observed): what we have is the whole list.
        if (e instanceof NotFoundError && page > 1) break;
        throw e;
      }
      const items = parse(ctx, body);
      const before = byId.size;
      for (const item of items) if (!byId.has(id(item))) byId.set(id(item), item);
      const count = countOf(body);
      if (items.length < MAX_PER_PAGE || byId.size === before || (count !== undefined && count > 0 && byId.size >= count)) break;
      if (page >= maxPages) {
        this.log(`GET ${path}: stopped after ${page} pages (${byId.size} items); the list may be incomplete.`);
        break;
      }
    }
    return [...byId.values()];
  }

  cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit) return hit as Promise<T>;
    const promise = load();
    this.cache.set(key, promise);
    promise.catch(() => {
      if (this.cache.get(key) === promise) this.cache.delete(key);
    });
    return promise;
  }
}

/** `count` of a `{result, count}` answer (undefined for bare arrays and answers without it). */
function countOf(body: Json): number | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const c = (body as Record<string, Json>).count;
  return typeof c === 'number' && Number.isFinite(c) ? c : undefined;
}
