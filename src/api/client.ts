// BoldDeskClient: the BoldDeskApi endpoints over HttpTransport (bolddesk-api.md §3–§7, §14).
// Paths and bodies live here; HTTP behaviour in http.ts; payload parsing in parse*.ts; Q in queryBuilder.ts.
import * as l10n from '@vscode/l10n';
import type { BoldDeskApi, ClientOptions } from './api';
import { NotFoundError, ProtocolError, ValidationError } from './errors';
import { type HttpRequest, HttpTransport } from './http';
import { isNoChangeError } from './httpErrors';
import type { Json, ParseContext } from './parse';
import { asObject, optBool, optString, readEnvelope } from './parse';
import {
  parseAgent,
  parseAgents,
  parseBrands,
  parseCategories,
  parseContacts,
  parseCreatedId,
  parsePriorities,
  parseStatuses,
  parseTicketViews,
} from './parseLookups';
import { byCreatedThenId, parseMessage, parseTicketDetail, parseTicketSummary } from './parseTickets';
import { clampPerPage, MAX_PER_PAGE, type QueryParams, ticketListParams } from './queryBuilder';
import type {
  Agent,
  Brand,
  Category,
  Contact,
  CreateTicketInput,
  FieldChanges,
  Page,
  Priority,
  RateLimitState,
  Status,
  TicketDetail,
  TicketMessage,
  TicketQuery,
  TicketSummary,
  TicketView,
} from './types';

const API = '/api/v1';
/** Conversation pages fetched at most (100 messages each) before we stop and show what we have. */
export const MAX_MESSAGE_PAGES = 20;

function ticketPath(ticketId: number, suffix = ''): string {
  if (!Number.isSafeInteger(ticketId) || ticketId <= 0) throw new NotFoundError(l10n.t('Ticket #{0} is not a valid ticket number.', String(ticketId)));
  return `${API}/tickets/${ticketId}${suffix}`;
}

export class BoldDeskClient implements BoldDeskApi {
  private readonly http: HttpTransport;
  /** Lookup promises; a rejected one is removed so the next call tries again. */
  private readonly cache = new Map<string, Promise<unknown>>();
  /** Identical writes in flight share one request: a double click sends one POST, not two. */
  private readonly inFlightWrites = new Map<string, Promise<Json>>();

  constructor(options: ClientOptions) {
    if (options.keyOrigin !== undefined && options.keyOrigin !== options.origin) {
      // l10n-ignore: a bug guard; the session never builds such a client (test/unit/sessionOriginRace.test.ts).
      throw new Error(`refusing to send a key stored for ${options.keyOrigin} to ${options.origin}`);
    }
    this.http = new HttpTransport(options);
  }

  get origin(): string {
    return this.http.origin;
  }

  get rateLimit(): RateLimitState {
    return this.http.rateLimit;
  }

  clearCache(): void {
    this.cache.clear();
  }

  async verifyKey(): Promise<void> {
    // No "who am I" endpoint exists; brands is the cheapest authenticated read (§7.9).
    const body = await this.get(`${API}/brands`);
    parseBrands(ctxOf('GET', `${API}/brands`), body);
  }

  async listTickets(query: TicketQuery, page: number, perPage: number, signal?: AbortSignal): Promise<Page<TicketSummary>> {
    const size = clampPerPage(perPage);
    const params = ticketListParams(query, page, size);
    const pageNo = Number(params.find(([k]) => k === 'Page')?.[1] ?? 1);
    const path = `${API}/tickets`;
    const { items, count } = readEnvelope(ctxOf('GET', path), await this.get(path, params, signal));
    const seen = new Set<number>();
    const tickets: TicketSummary[] = [];
    items.forEach((raw, i) => {
      const t = parseTicketSummary(ctxOf('GET', path), raw, `result[${i}]`);
      if (!seen.has(t.id)) {
        seen.add(t.id);
        tickets.push(t);
      }
    });
    // count is the total number of matches; 0 with items present means "not counted", so trust a full page.
    const total = count !== undefined && (count > 0 || items.length === 0) ? count : undefined;
    const hasMore = total !== undefined ? pageNo * size < total : items.length >= size;
    return { items: tickets, ...(total !== undefined ? { total } : {}), page: pageNo, perPage: size, hasMore };
  }

  async getTicket(ticketId: number, signal?: AbortSignal): Promise<TicketDetail> {
    const path = ticketPath(ticketId);
    return parseTicketDetail(ctxOf('GET', path), await this.get(path, [], signal, `Ticket #${ticketId}`));
  }

  async getMessages(ticketId: number, signal?: AbortSignal): Promise<TicketMessage[]> {
    ticketPath(ticketId);
    // NO `tickets` segment on this path (§4.2).
    const path = `${API}/${ticketId}/messages`;
    const ctx = ctxOf('GET', path);
    const byId = new Map<number, TicketMessage>();
    for (let page = 1; page <= MAX_MESSAGE_PAGES; page++) {
      let body: Json;
      try {
        const params: QueryParams = [['Page', String(page)], ['PerPage', String(MAX_PER_PAGE)], ['RequiresCounts', 'true']];
        body = await this.get(path, params, signal, l10n.t('The conversation of ticket #{0}', ticketId));
      } catch (e) {
        // BoldDesk answers 404 for a ticket without messages (observed, §4.2), and past the last page.
        if (e instanceof NotFoundError) break;
        throw e;
      }
      const { items, count } = readEnvelope(ctx, body);
      items.forEach((raw, i) => {
        const m = parseMessage(ctx, raw, `result[${i}]`, ticketId);
        byId.set(m.id, m);
      });
      if (items.length < MAX_PER_PAGE || (count !== undefined && count > 0 && page * MAX_PER_PAGE >= count)) break;
    }
    return [...byId.values()].sort(byCreatedThenId);
  }

  async createTicket(input: CreateTicketInput): Promise<number> {
    const body: Record<string, Json> = {
      brandId: input.brandId,
      subject: input.subject,
      description: input.description,
      priorityId: input.priorityId,
    };
    if (input.categoryId !== undefined) body.categoryId = input.categoryId;
    // Requester rules (§5, KB #21245): an existing contact by id; a new one needs e-mail AND name AND requesterId null.
    if (input.requester?.kind === 'existing') body.requesterId = input.requester.userId;
    if (input.requester?.kind === 'new') {
      body.requesterEmailId = input.requester.email;
      body.requesterName = input.requester.name;
      body.requesterId = null;
    }
    const path = `${API}/tickets`;
    const answer = await this.write({ method: 'POST', path, body });
    return writeResult(() => parseCreatedId(ctxOf('POST', path), answer));
  }

  async addReply(ticketId: number, html: string): Promise<number> {
    const path = ticketPath(ticketId, '/updates');
    const body = { description: html, replyOnBehalfOfRequester: false };
    const answer = await this.write({ method: 'POST', path, body, what: `Ticket #${ticketId}` });
    return writeResult(() => parseCreatedId(ctxOf('POST', path), answer));
  }

  async addNote(ticketId: number, html: string): Promise<number> {
    const path = ticketPath(ticketId, '/notes');
    // isPublicNote is a QUERY parameter (§6.2); false = private, agents only.
    const req: HttpRequest = { method: 'POST', path, query: [['isPublicNote', 'false']], body: { description: html }, what: `Ticket #${ticketId}` };
    const answer = await this.write(req);
    return writeResult(() => parseCreatedId(ctxOf('POST', path), answer));
  }

  async updateFields(ticketId: number, changes: FieldChanges): Promise<boolean> {
    const path = ticketPath(ticketId, '/update_fields');
    const fields: Record<string, Json> = {};
    if (changes.statusId !== undefined) fields.statusId = changes.statusId;
    if (changes.priorityId !== undefined) fields.priorityId = changes.priorityId;
    if (changes.agentId !== undefined) fields.agentId = changes.agentId;
    if (Object.keys(fields).length === 0) return false;
    let body: Json;
    try {
      body = await this.write({ method: 'PUT', path, body: { fields }, what: `Ticket #${ticketId}` });
    } catch (e) {
      if (isNoChangeError(e)) return false;
      throw e;
    }
    const o = writeResult(() => asObject(ctxOf('PUT', path), body, 'body'));
    if (optBool(o, 'isSuccess') === false) {
      const words = optString(o, ['message'], true)?.slice(0, 300);
      if (words && /no changes? found/i.test(words)) return false;
      const text = words
        ? l10n.t('BoldDesk did not change ticket #{0}: {1}', ticketId, words)
        : l10n.t('BoldDesk did not change ticket #{0} and gave no reason.', ticketId);
      throw new ValidationError(text, 200, [], [], words);
    }
    return true;
  }

  getBrands(): Promise<Brand[]> {
    return this.lookup('brands', `${API}/brands`, [], parseBrands);
  }

  getPriorities(): Promise<Priority[]> {
    return this.lookup('priorities', `${API}/ticket_collections/priorities`, [], parsePriorities);
  }

  getStatuses(): Promise<Status[]> {
    return this.lookup('statuses', `${API}/ticket_collections/statuses`, [], parseStatuses);
  }

  getCategories(): Promise<Category[]> {
    // ASSUMPTION (§7.5, §14.4): categories are the options of the field whose apiName is `category`.
    return this.lookup('categories', `${API}/fields/collection/category/options`, [], parseCategories);
  }

  getTicketViews(): Promise<TicketView[]> {
    return this.lookup('views', `${API}/ticket_views/manage`, [], parseTicketViews);
  }

  getAgentByEmail(email: string): Promise<Agent> {
    const clean = email.trim();
    const path = `${API}/agents/${encodeURIComponent(clean)}`;
    return this.cached(`agent:${clean.toLowerCase()}`, async () => {
      try {
        return parseAgent(ctxOf('GET', path), await this.get(path, [], undefined, l10n.t('An agent with the e-mail {0}', clean)), 'body');
      } catch (e) {
        // BoldDesk may answer 400 (NotExist) instead of 404 for an e-mail that is not an agent (§14.2).
        if (e instanceof ValidationError) {
          throw new NotFoundError(l10n.t('No BoldDesk agent has the e-mail {0}. Check the setting bolddesk.agentEmail.', clean), e.status);
        }
        throw e;
      }
    });
  }

  searchAgents(text: string): Promise<Agent[]> {
    const params: QueryParams = [['Filter', text.trim()], ['Page', '1'], ['PerPage', '50']];
    return this.lookup(`agents?${text.trim().toLowerCase()}`, `${API}/agents`, params, parseAgents);
  }

  async searchContacts(text: string): Promise<Contact[]> {
    // Not cached: a contact created a moment ago (new requester) must show up in the next search.
    const params: QueryParams = [['Filter', text.trim()], ['Page', '1'], ['PerPage', '20'], ['RequiresCounts', 'true']];
    const path = `${API}/contacts`;
    return parseContacts(ctxOf('GET', path), await this.get(path, params));
  }

  private get(path: string, query: QueryParams = [], signal?: AbortSignal, what?: string): Promise<Json> {
    return this.http.request({ method: 'GET', path, query, signal, what });
  }

  private write(req: HttpRequest): Promise<Json> {
    const key = JSON.stringify([req.method, req.path, req.query ?? [], req.body ?? null]);
    const pending = this.inFlightWrites.get(key);
    if (pending) return pending;
    const promise = this.http.request(req).finally(() => this.inFlightWrites.delete(key));
    this.inFlightWrites.set(key, promise);
    return promise;
  }

  private lookup<T>(key: string, path: string, query: QueryParams, parse: (ctx: ParseContext, body: unknown) => T): Promise<T> {
    return this.cached(key, async () => parse(ctxOf('GET', path), await this.get(path, query)));
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
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

/** A 2xx write whose answer we cannot read probably did save: say so instead of inviting a second try. */
function writeResult<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ProtocolError && !e.outcomeUnknown) {
      e.outcomeUnknown = true;
      e.message += ` ${l10n.t('It was probably saved: check the ticket in BoldDesk before trying again.')}`;
    }
    throw e;
  }
}

function ctxOf(method: string, path: string): ParseContext {
  return { request: `${method} ${path}` };
}
