// BoldDeskClient: the BoldDeskApi endpoints over HttpTransport (docs/BOLDDESK-API.md has each path's source).
// Paths live here; GETs, shared writes, paged lists and the lookup cache in clientRequests.ts; HTTP behaviour in
// http.ts; payload parsing in parse*.ts; Q in queryBuilder.ts; a list page checked against its list's conditions in
// ticketListPage.ts (verifyTickets.ts); the conversation in conversation.ts; write bodies and answers in ticketWrites.ts.
import * as l10n from '@vscode/l10n';
import type { BoldDeskApi, ClientOptions, Downloaded } from './api';
import { extras } from '../lazy/load';
import { API, ClientRequests, ctxOf, ticketPath } from './clientRequests';
import { readConversation, readTicketAttachments } from './conversation';
import { AuthError, BoldDeskError, CancelledError, NetworkError, NotFoundError, PermissionError, ProtocolError, RedirectError, TimeoutError, ValidationError } from './errors';
import { type HttpRequest, HttpTransport } from './http';
import { isNoChangeError } from './httpErrors';
import { latestMessage } from './latestMessage';
import type { Json } from './parse';
import { asObject, readEnvelope } from './parse';
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
import { parseTicketDetail } from './parseTickets';
import { clampPerPage, localConditions, type QueryParams, ticketListParams } from './queryBuilder';
import { DEFAULT_FORMS, type ServerForms } from './serverForms';
import { toTicketPage } from './ticketListPage';
import { changedFields, createTicketBody, fieldsAnswer, tokensField, writeResult } from './ticketWrites';
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

/** dist/extras.js has its own copy of the error classes: re-create its errors as this bundle's (instanceof holds). */
function sameKindHere(e: unknown): unknown {
  if (e instanceof BoldDeskError || !(e instanceof Error)) return e;
  const { kind, status } = e as Error & { kind?: string; status?: number };
  const Kind = kind === 'auth' ? AuthError : kind === 'redirect' ? RedirectError : kind === 'timeout' ? TimeoutError : kind === 'network' ? NetworkError
    : kind === 'cancelled' ? CancelledError : kind === 'protocol' ? ProtocolError : undefined;
  return Kind ? new Kind(e.message, status) : e;
}

/** 403 (no permission) or 404 (no such list on this tenant): try the other views list. */
function isRefused(e: unknown): boolean {
  return e instanceof PermissionError || e instanceof NotFoundError;
}

export class BoldDeskClient implements BoldDeskApi {
  private readonly http: HttpTransport;
  /** GETs, shared writes, paged lists and the lookup cache (clientRequests.ts). */
  private readonly req: ClientRequests;
  /** Conditions already logged as ignored by BoldDesk (one line each, not one per page). */
  private readonly loggedIgnored = new Set<FilterCondition>();
  private formsSource: () => ServerForms;

  constructor(private readonly options: ClientOptions) {
    if (options.keyOrigin !== undefined && options.keyOrigin !== options.origin) {
      // l10n-ignore: a bug guard; the session never builds such a client (test/unit/auth/sessionOriginRace.test.ts).
      throw new Error(`refusing to send a key stored for ${options.keyOrigin} to ${options.origin}`);
    }
    this.http = new HttpTransport(options);
    this.req = new ClientRequests(this.http, options.log ?? (() => undefined));
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
  uploadAttachment(name: string, bytes: Uint8Array, contentType: string, onProgress?: (sent: number, total: number) => void): Promise<string> {
    return extras().uploadFile(this.options, name, bytes, contentType, undefined, onProgress).catch((e: unknown) => {
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
    this.req.clearCache();
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
    const local = localConditions(query, forms);
    return toTicketPage({ path, query, local, items, count, pageNo, size }, { log: this.req.log, loggedIgnored: this.loggedIgnored });
  }

  async getTicket(ticketId: number, signal?: AbortSignal): Promise<TicketDetail> {
    const path = ticketPath(ticketId);
    return parseTicketDetail(ctxOf('GET', path), await this.get(path, [], signal, `Ticket #${ticketId}`));
  }

  /** The conversation: public updates and notes merged by time (conversation.ts; docs/BOLDDESK-API.md, "Conversation"). */
  getMessages(ticketId: number, signal?: AbortSignal): Promise<TicketMessage[]> {
    return readConversation(this.req, ticketId, (id, sig) => this.ticketExists(id, sig), signal);
  }

  /** Every file of the ticket with the message it is on (conversation.ts). */
  getTicketAttachments(ticketId: number, signal?: AbortSignal): Promise<TicketAttachment[]> {
    return readTicketAttachments(this.req, ticketId, signal);
  }

  /** The newest reply or note only (auto refresh; src/api/latestMessage.ts). */
  latestMessage(ticketId: number, signal?: AbortSignal): Promise<TicketMessage | undefined> {
    return latestMessage((path, query) => this.get(path, query, signal, `Ticket #${ticketId}`), ticketPath(ticketId), ticketId, () =>
      this.getMessages(ticketId, signal),
    );
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
    const body = createTicketBody(input);
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
    const fields = changedFields(changes);
    if (Object.keys(fields).length === 0) return false;
    let body: Json;
    try {
      body = await this.write({ method: 'PUT', path, body: { fields }, what: `Ticket #${ticketId}` });
    } catch (e) {
      if (isNoChangeError(e)) return false;
      throw e;
    }
    return fieldsAnswer(writeResult(() => asObject(ctxOf('PUT', path), body, 'body')), ticketId);
  }

  getBrands(): Promise<Brand[]> {
    // The spec gives brands no paging parameters: one request.
    return this.req.cached('brands', async () => parseBrands(ctxOf('GET', `${API}/brands`), await this.get(`${API}/brands`)));
  }

  // Lookups are paged like every list (the spec declares Page/PerPage on them, default size undocumented):
  // read them to the end, or a truncated status list would make "open" lists miss tickets.
  getPriorities(): Promise<Priority[]> {
    return this.req.pagedLookup('priorities', `${API}/ticket_collections/priorities`, [], parsePriorities, (p) => p.id);
  }

  getStatuses(): Promise<Status[]> {
    return this.req.pagedLookup('statuses', `${API}/ticket_collections/statuses`, [], parseStatuses, (s) => s.id);
  }

  getCategories(): Promise<Category[]> {
    // ASSUMPTION (docs/BOLDDESK-API.md, "Categories"): the options of the field whose apiName is `category`.
    return this.req.pagedLookup('categories', `${API}/fields/collection/category/options`, [], parseCategories, (c) => c.id);
  }

  /**
   * The admin list `/ticket_views/manage` is the only one that gives `filterId`; a key without admin rights may be
   * refused. Then the agent's own list `/ticket_views` (documented, no `filterId`) is used with its `id` as the
   * FilterId (inferred: the spec's examples give the same value). docs/BOLDDESK-API.md, "Views".
   */
  getTicketViews(): Promise<TicketView[]> {
    return this.req.cached('views', async () => {
      try {
        return await this.req.readPages(`${API}/ticket_views/manage`, [], parseTicketViews, (v) => v.filterId);
      } catch (e) {
        if (e instanceof AuthError || !(e instanceof ValidationError || isRefused(e))) throw e;
        this.req.log(`GET ${API}/ticket_views/manage refused (${(e as Error).name}); using GET ${API}/ticket_views.`);
        return this.req.readPages(`${API}/ticket_views`, [], parseTicketViews, (v) => v.filterId);
      }
    });
  }

  getAgentByEmail(email: string): Promise<Agent> {
    const clean = email.trim();
    const path = `${API}/agents/${encodeURIComponent(clean)}`;
    return this.req.cached(`agent:${clean.toLowerCase()}`, async () => {
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
    return this.req.pagedLookup(`agents?${text.trim().toLowerCase()}`, `${API}/agents`, params, parseAgents, (a) => a.userId);
  }

  async searchContacts(text: string): Promise<Contact[]> {
    // Not cached: a contact created a moment ago (new requester) must show up in the next search.
    const params: QueryParams = [['Filter', text.trim()], ['Page', '1'], ['PerPage', '20'], ['RequiresCounts', 'true']];
    const path = `${API}/contacts`;
    return parseContacts(ctxOf('GET', path), await this.get(path, params));
  }

  private get(path: string, query: QueryParams = [], signal?: AbortSignal, what?: string): Promise<Json> {
    return this.req.get(path, query, signal, what);
  }

  private write(req: HttpRequest): Promise<Json> {
    return this.req.write(req);
  }
}
