// The contract between the BoldDesk client and everything above it (model, views, commands).
// Implemented by BoldDeskClient (client.ts); tests may pass any object of this shape.
// Every method resolves to a typed value or rejects with a BoldDeskError (errors.ts); an aborted `signal`
// rejects with CancelledError.
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
import type { ServerForms } from './serverForms';

/** A downloaded attachment (src/api/download.ts). */
export interface Downloaded {
  bytes: Buffer;
  /** The server's content type (without parameters), '' when none. */
  contentType: string;
}

export interface BoldDeskApi {
  /** `https://host` (or `http://127.0.0.1:port` for loopback) this client talks to. */
  readonly origin: string;
  /** Cheap authenticated call to check a key: resolves or throws AuthError. */
  verifyKey(): Promise<void>;

  listTickets(query: TicketQuery, page: number, perPage: number, signal?: AbortSignal): Promise<Page<TicketSummary>>;
  getTicket(ticketId: number, signal?: AbortSignal): Promise<TicketDetail>;
  /** The whole conversation, oldest first (replies and notes). The 404-when-empty quirk gives []. */
  getMessages(ticketId: number, signal?: AbortSignal): Promise<TicketMessage[]>;
  /** Only the newest message (two small reads, not the whole conversation); optional: test doubles may omit it. */
  latestMessage?(ticketId: number, signal?: AbortSignal): Promise<TicketMessage | undefined>;

  /** Never retried. Returns the new ticket id. */
  createTicket(input: CreateTicketInput): Promise<number>;
  /** Public reply (`POST /tickets/{id}/updates`). Never retried. Returns the new update id. */
  /** `attachmentTokens`: from uploadAttachment, sent as `attachments`. */
  addReply(ticketId: number, html: string, attachmentTokens?: string[]): Promise<number>;
  /** Private note (`POST /tickets/{id}/notes?isPublicNote=false`). Never retried. */
  addNote(ticketId: number, html: string, attachmentTokens?: string[]): Promise<number>;
  /** `onProgress`: the file's bytes sent so far and its size, as the connection takes them. */
  uploadAttachment?(name: string, bytes: Uint8Array, contentType: string, onProgress?: (sent: number, total: number) => void): Promise<string>;
  /** `GET /tickets/{id}/attachments`, every page: each file with its message (`updateId`) and private-note flag. */
  getTicketAttachments?(ticketId: number, signal?: AbortSignal): Promise<import('./types').TicketAttachment[]>;
  /** An attachment's bytes from its `fileUrl` on the BoldDesk origin (optional: test doubles may omit it). */
  downloadAttachment?(fileUrl: string, maxBytes: number, signal?: AbortSignal): Promise<Downloaded>;
  /** `PUT update_fields`. Resolves `false` when BoldDesk answered "No changes found.". Never retried. */
  updateFields(ticketId: number, changes: FieldChanges): Promise<boolean>;

  // Lookups: cached by the client until clearCache() (Refresh).
  getBrands(): Promise<Brand[]>;
  getPriorities(): Promise<Priority[]>;
  getStatuses(): Promise<Status[]>;
  getCategories(): Promise<Category[]>;
  getTicketViews(): Promise<TicketView[]>;
  getAgentByEmail(email: string): Promise<Agent>;
  /** Agents for the assignee picker (first page, text filter). */
  searchAgents(text: string): Promise<Agent[]>;
  searchContacts(text: string): Promise<Contact[]>;
  clearCache(): void;

  /** Last rate-limit headers seen. */
  readonly rateLimit: RateLimitState;
  /** One raw GET, for BoldDesk: Check Connection only (connectionCheck.ts). */
  probe(path: string, query: Array<[string, string]>): Promise<unknown>;
}

export interface ClientOptions {
  /** Normalised origin from parseDomain(). */
  origin: string;
  apiKey: string;
  /** The origin `apiKey` was stored for: the client refuses to exist when it is not `origin` (docs/SECURITY.md). */
  keyOrigin?: string;
  timeoutMs: number;
  /** Called for each request with a redacted line, for the log channel. Never receives the key. */
  log?: (line: string) => void;
  /** Injected clock/sleep for tests and benchmarks. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Largest response body read before failing with ProtocolError (default 10 MB). */
  maxBodyBytes?: number;
  /** The Q forms to send (serverForms.ts), read on every list request; default DEFAULT_FORMS. */
  forms?: () => ServerForms;
  /** BoldDesk's rate limit makes a request wait (a 429's Retry-After, or a spent window): epoch ms it goes on. */
  onRateLimitWait?: (retryAt: number) => void;
}
