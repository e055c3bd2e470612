// BoldDeskClient: the BoldDeskApi endpoints over HttpTransport (docs/BOLDDESK-API.md has each path's source).
// Paths and bodies live here; HTTP behaviour in http.ts; payload parsing in parse*.ts; Q in queryBuilder.ts;
// the check of every returned ticket against its list's conditions in verifyTickets.ts.
import * as l10n from '@vscode/l10n';
import type { BoldDeskApi, ClientOptions, Downloaded } from './api';
import { extras } from '../lazy/load';
import { AuthError, BoldDeskError, CancelledError, NetworkError, NotFoundError, PermissionError, ProtocolError, RedirectError, TimeoutError, ValidationError } from './errors';
import { type HttpRequest, HttpTransport } from './http';
import { isNoChangeError } from './httpErrors';
import { latestMessage } from './latestMessage';
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
import { byCreatedThenId, parseMessage, parseTicketAttachment, parseTicketDetail, parseTicketSummary } from './parseTickets';
import { clampPerPage, localConditions, MAX_PER_PAGE, type QueryParams, ticketListParams } from './queryBuilder';
import { DEFAULT_FORMS, type ServerForms } from './serverForms';
import { failedConditions } from './verifyTickets';
import type {
  Agent,
  Brand,
  Category,
  Contact,
  CreateTicketInput,
  FieldChanges,
  FilterCondition,
  Page,
  Priority,
  RateLimitState,
  Status,
  TicketAttachment,
  TicketDetail,
  TicketMessage,
  TicketQuery,
  TicketSummary,
  TicketView,
} from './types';

const API = '/api/v1';
/** Conversation pages fetched at most (100 messages each) before we stop and show what we have. */
export const MAX_MESSAGE_PAGES = 20;
/** Lookup pages fetched at most (100 items each) before we stop, log it and use what we have. */
export const MAX_LOOKUP_PAGES = 10;

function ticketPath(ticketId: number, suffix = ''): string {
  if (!Number.isSafeInteger(ticketId) || ticketId <= 0) throw new NotFoundError(l10n.t('Ticket #{0} is not a valid ticket number.', String(ticketId)));
  return `${API}/tickets/${ticketId}${suffix}`;
}

/** dist/extras.js has its own copy of the error classes: re-create its errors as this bundle's (instanceof holds). */
function sameKindHere(e: unknown): unknown {
  if (e instanceof BoldDeskError || !(e instanceof Error)) return e;
  const { kind, status } = e as Error & { kind?: string; status?: number };
  const Kind = kind === 'auth' ? AuthError : kind === 'redirect' ? RedirectError : kind === 'timeout' ? TimeoutError : kind === 'network' ? NetworkError
    : kind === 'cancelled' ? CancelledError : kind === 'protocol' ? ProtocolError : undefined;
  return Kind ? new Kind(e.message, status) : e;
}

/** `attachments`: upload tokens as one comma-separated string (confirmed: S1); absent when there are none. */
function tokensField(tokens: string[] | undefined): { attachments?: string } {
  return tokens && tokens.length > 0 ? { attachments: tokens.join(',') } : {};
}

export class BoldDeskClient implements BoldDeskApi {
  private readonly http: HttpTransport;
  /** Lookup promises; a rejected one is removed so the next call tries again. */
  private readonly cache = new Map<string, Promise<unknown>>();
  /** Identical writes in flight share one request: a double click sends one POST, not two. */
  private readonly inFlightWrites = new Map<string, Promise<Json>>();
  private readonly log: (line: string) => void;
  /** Conditions already logged as ignored by BoldDesk (one line each, not one per page). */
  private readonly loggedIgnored = new Set<FilterCondition>();
  private formsSource: () => ServerForms;

  constructor(private readonly options: ClientOptions) {
    if (options.keyOrigin !== undefined && options.keyOrigin !== options.origin) {
      // l10n-ignore: a bug guard; the session never builds such a client (test/unit/auth/sessionOriginRace.test.ts).
      throw new Error(`refusing to send a key stored for ${options.keyOrigin} to ${options.origin}`);
    }
    this.http = new HttpTransport(options);
    this.log = options.log ?? (() => undefined);
    this.formsSource = options.forms ?? (() => DEFAULT_FORMS);
  }

  /** The Q forms this client sends (serverForms.ts): ClientOptions.forms (a connection check's cached result), or set here. */
  get forms(): ServerForms {
    return this.formsSource();
  }
  set forms(forms: ServerForms) {
    this.formsSource = () => forms;
  }

  /** One raw GET for BoldDesk: Check Connection (connectionCheck.ts): paced, retried and logged like every request. */
  probe(path: string, query: QueryParams): Promise<Json> {
    return this.get(path, query);
  }

  /** An attachment's content from its `fileUrl` (same origin only, at most `maxBytes`): src/api/download.ts. */
  downloadAttachment(fileUrl: string, maxBytes: number, signal?: AbortSignal): Promise<Downloaded> {
    return extras().downloadFile(this.options, fileUrl, maxBytes, signal).catch((e: unknown) => {
      throw sameKindHere(e);
    });
  }

  /** Uploads one file (POST /attachments, part `uploadFiles`): its token for `attachments` (src/api/upload.ts). */
  uploadAttachment(name: string, bytes: Uint8Array, contentType: string): Promise<string> {
    return extras().uploadFile(this.options, name, bytes, contentType).catch((e: unknown) => {
      throw sameKindHere(e);
    });
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
    // No "who am I" endpoint exists; brands is the cheapest authenticated read (docs/BOLDDESK-API.md, "Connection and keys").
    const body = await this.get(`${API}/brands`);
    parseBrands(ctxOf('GET', `${API}/brands`), body);
  }

  async listTickets(query: TicketQuery, page: number, perPage: number, signal?: AbortSignal): Promise<Page<TicketSummary>> {
    const size = clampPerPage(perPage);
    const forms = this.forms;
    const params = ticketListParams(query, page, size, forms);
    const pageNo = Number(params.find(([k]) => k === 'Page')?.[1] ?? 1);
    const path = `${API}/tickets`;
    const { items, count } = readEnvelope(ctxOf('GET', path), await this.get(path, params, signal));
    const seen = new Set<number>();
    const tickets: TicketSummary[] = [];
    const local = localConditions(query, forms);
    const unapplied = new Set<FilterCondition>();
    let skipped = 0;
    items.forEach((raw, i) => {
      const t = summaryOrSkip(ctxOf('GET', path), raw, i);
      if (!t) return void skipped++;
      if (seen.has(t.id)) return;
      seen.add(t.id);
      // A ticket that does not meet the list's conditions is never shown as matching (verifyTickets.ts).
      const failed = failedConditions(query, t);
      for (const c of failed) if (!local.includes(c)) unapplied.add(c);
      if (failed.length === 0) tickets.push(t);
    });
    // One malformed row (no usable ticket id) is left out, never the whole list; said once per page in the log.
    if (skipped > 0) this.log(`GET ${path}: skipped ${skipped} rows without a valid ticket id.`);
    for (const c of unapplied) {
      if (this.loggedIgnored.has(c)) continue;
      this.loggedIgnored.add(c);
      // c names the Q form: status, agent (agents:[…]), unassigned (agents:[0]), priority, text (subject:…).
      this.log(`BoldDesk ignored the ${c} condition (Q)${query.filterId ? ' with FilterId' : ''} on GET ${path}: non-matching tickets left out.`);
    }
    // count is the total number of matches; 0 with items present means "not counted", so trust a full page.
    // It counts what BoldDesk matched, so it is no total of ours once we filtered anything out.
    const filtered = local.length > 0 || tickets.length < seen.size;
    const counted = count !== undefined && (count > 0 || items.length === 0) ? count : undefined;
    const total = filtered ? undefined : counted;
    const hasMore = counted !== undefined ? pageNo * size < counted : items.length >= size;
    return {
      items: tickets,
      ...(total !== undefined ? { total } : {}),
      page: pageNo,
      perPage: size,
      hasMore,
      fetched: items.length,
      ...(unapplied.size > 0 ? { unapplied: [...unapplied] } : {}),
      ...(local.length > 0 ? { local } : {}),
    };
  }

  async getTicket(ticketId: number, signal?: AbortSignal): Promise<TicketDetail> {
    const path = ticketPath(ticketId);
    return parseTicketDetail(ctxOf('GET', path), await this.get(path, [], signal, `Ticket #${ticketId}`));
  }

  /**
   * The conversation from the two documented lists (docs/BOLDDESK-API.md, "Conversation"): public updates from
   * `/tickets/{id}/updates`, notes from `/tickets/{id}/notes`, merged by time. Whether an item is a note is known
   * from the list it came from, never from an undocumented `messageTypeId` number. An id in both lists is a note.
   */
  async getMessages(ticketId: number, signal?: AbortSignal): Promise<TicketMessage[]> {
    const [updates, notes] = await Promise.all([
      this.conversationList(ticketPath(ticketId, '/updates'), ticketId, signal),
      this.conversationList(ticketPath(ticketId, '/notes'), ticketId, signal),
    ]);
    const byId = new Map<number, TicketMessage>();
    for (const m of updates) byId.set(m.id, { ...m, kind: 'reply' });
    for (const m of notes) byId.set(m.id, { ...m, kind: 'note' });
    return [...byId.values()].sort(byCreatedThenId);
  }

  /** Every file of the ticket with the message it is on (documented, S1; docs/BOLDDESK-API.md "Attachments: the ticket's list"). */
  getTicketAttachments(ticketId: number, signal?: AbortSignal): Promise<TicketAttachment[]> {
    const parse = (ctx: ParseContext, body: unknown) => readEnvelope(ctx, body).items.map((raw, i) => parseTicketAttachment(ctx, raw, `result[${i}]`));
    return this.readPages(ticketPath(ticketId, '/attachments'), [['RequiresCounts', 'true']], parse, (a) => a.id, MAX_MESSAGE_PAGES, signal);
  }

  /** The newest reply or note only (auto refresh; src/api/latestMessage.ts). */
  latestMessage(ticketId: number, signal?: AbortSignal): Promise<TicketMessage | undefined> {
    return latestMessage((path, query) => this.get(path, query, signal, `Ticket #${ticketId}`), ticketPath(ticketId), ticketId, () =>
      this.getMessages(ticketId, signal),
    );
  }

  private async conversationList(path: string, ticketId: number, signal?: AbortSignal): Promise<TicketMessage[]> {
    const parse = (ctx: ParseContext, body: unknown) =>
      readEnvelope(ctx, body).items.map((raw, i) => parseMessage(ctx, raw, `result[${i}]`, ticketId));
    try {
      return await this.readPages(path, [['RequiresCounts', 'true']], parse, (m) => m.id, MAX_MESSAGE_PAGES, signal);
    } catch (e) {
      // BoldDesk may answer 404 for an empty conversation (observed on /messages): empty when the ticket exists.
      if (e instanceof NotFoundError && (await this.ticketExists(ticketId, signal))) return [];
      throw e;
    }
  }

  /** After a 404 on a conversation list: an empty conversation when the ticket exists, else the 404 stands. */
  private async ticketExists(ticketId: number, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.getTicket(ticketId, signal);
      return true;
    } catch (e) {
      if (e instanceof NotFoundError) return false;
      throw e;
    }
  }

  async createTicket(input: CreateTicketInput): Promise<number> {
    const body: Record<string, Json> = {
      brandId: input.brandId,
      subject: input.subject,
      description: input.description,
      priorityId: input.priorityId,
    };
    if (input.categoryId !== undefined) body.categoryId = input.categoryId;
    Object.assign(body, tokensField(input.attachmentTokens));
    // Requester rules (KB #21245, docs/BOLDDESK-API.md, "Create ticket"): an existing contact by id; a new one needs e-mail AND name AND requesterId null.
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

  async addReply(ticketId: number, html: string, attachmentTokens?: string[]): Promise<number> {
    const path = ticketPath(ticketId, '/updates');
    const body = { description: html, replyOnBehalfOfRequester: false, ...tokensField(attachmentTokens) };
    const answer = await this.write({ method: 'POST', path, body, what: `Ticket #${ticketId}` });
    return writeResult(() => parseCreatedId(ctxOf('POST', path), answer));
  }

  async addNote(ticketId: number, html: string, attachmentTokens?: string[]): Promise<number> {
    const path = ticketPath(ticketId, '/notes');
    // isPublicNote is a QUERY parameter (docs/BOLDDESK-API.md, "Replies and notes"); false = private, agents only.
    const req: HttpRequest = { method: 'POST', path, query: [['isPublicNote', 'false']], body: { description: html, ...tokensField(attachmentTokens) }, what: `Ticket #${ticketId}` };
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
    // The spec gives brands no paging parameters: one request.
    return this.cached('brands', async () => parseBrands(ctxOf('GET', `${API}/brands`), await this.get(`${API}/brands`)));
  }

  // Lookups are paged like every list (the spec declares Page/PerPage on them, default size undocumented):
  // read them to the end, or a truncated status list would make "open" lists miss tickets.
  getPriorities(): Promise<Priority[]> {
    return this.pagedLookup('priorities', `${API}/ticket_collections/priorities`, [], parsePriorities, (p) => p.id);
  }

  getStatuses(): Promise<Status[]> {
    return this.pagedLookup('statuses', `${API}/ticket_collections/statuses`, [], parseStatuses, (s) => s.id);
  }

  getCategories(): Promise<Category[]> {
    // ASSUMPTION (docs/BOLDDESK-API.md, "Categories"): the options of the field whose apiName is `category`.
    return this.pagedLookup('categories', `${API}/fields/collection/category/options`, [], parseCategories, (c) => c.id);
  }

  /**
   * The admin list `/ticket_views/manage` is the only one that gives `filterId`; a key without admin rights may be
   * refused. Then the agent's own list `/ticket_views` (documented, no `filterId`) is used with its `id` as the
   * FilterId (inferred: the spec's examples give the same value). docs/BOLDDESK-API.md, "Views".
   */
  getTicketViews(): Promise<TicketView[]> {
    return this.cached('views', async () => {
      try {
        return await this.readPages(`${API}/ticket_views/manage`, [], parseTicketViews, (v) => v.filterId);
      } catch (e) {
        if (e instanceof AuthError || !(e instanceof ValidationError || isRefused(e))) throw e;
        this.log(`GET ${API}/ticket_views/manage refused (${(e as Error).name}); using GET ${API}/ticket_views.`);
        return this.readPages(`${API}/ticket_views`, [], parseTicketViews, (v) => v.filterId);
      }
    });
  }

  getAgentByEmail(email: string): Promise<Agent> {
    const clean = email.trim();
    const path = `${API}/agents/${encodeURIComponent(clean)}`;
    return this.cached(`agent:${clean.toLowerCase()}`, async () => {
      try {
        return parseAgent(ctxOf('GET', path), await this.get(path, [], undefined, l10n.t('An agent with the e-mail {0}', clean)), 'body');
      } catch (e) {
        // BoldDesk may answer 400 (NotExist) instead of 404 for an e-mail that is not an agent (docs/BOLDDESK-API.md, "Connection and keys").
        if (e instanceof ValidationError) {
          throw new NotFoundError(l10n.t('No BoldDesk agent has the e-mail {0}. Check the setting bolddesk.agentEmail.', clean), e.status);
        }
        throw e;
      }
    });
  }

  searchAgents(text: string): Promise<Agent[]> {
    const params: QueryParams = [['Filter', text.trim()]];
    return this.pagedLookup(`agents?${text.trim().toLowerCase()}`, `${API}/agents`, params, parseAgents, (a) => a.userId);
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

  private pagedLookup<T>(key: string, path: string, query: QueryParams, parse: (ctx: ParseContext, body: unknown) => T[], id: (t: T) => unknown): Promise<T[]> {
    return this.cached(key, () => this.readPages(path, query, parse, id));
  }

  /** Page=1,2,… with PerPage=100 until a short page, a page with nothing new, the count, or `maxPages` (logged). */
  private async readPages<T>(path: string, query: QueryParams, parse: (ctx: ParseContext, body: unknown) => T[], id: (t: T) => unknown,
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

/** `count` of a `{result, count}` answer (undefined for bare arrays and answers without it). */
function countOf(body: Json): number | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const c = (body as Record<string, Json>).count;
  return typeof c === 'number' && Number.isFinite(c) ? c : undefined;
}

/** 403 (no permission) or 404 (no such list on this tenant): try the other views list. */
function isRefused(e: unknown): boolean {
  return e instanceof PermissionError || e instanceof NotFoundError;
}

/** A list row as a ticket, or undefined when the row is malformed (no valid id, not an object): the caller skips it. */
function summaryOrSkip(ctx: ParseContext, raw: Json, i: number): TicketSummary | undefined {
  try {
    return parseTicketSummary(ctx, raw, `result[${i}]`);
  } catch (e) {
    if (e instanceof ProtocolError) return undefined;
    throw e;
  }
}

function ctxOf(method: string, path: string): ParseContext {
  return { request: `${method} ${path}` };
}
