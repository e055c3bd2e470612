// Normalised BoldDesk models. The client (src/api/client.ts) parses raw responses into these;
// nothing above src/api sees a raw BoldDesk payload. See docs/BOLDDESK-API.md for the wire shapes and their sources.

export interface NamedRef {
  id: number;
  name: string;
}

export interface UserRef {
  userId: number;
  name: string;
  email?: string;
  isAgent?: boolean;
}

/** A ticket as listed (`GET /tickets` items use `ticketId`; the detail uses `id` — both map to `id`). */
export interface TicketSummary {
  id: number;
  subject: string;
  status?: StatusRef;
  priority?: NamedRef;
  category?: NamedRef;
  agent?: NamedRef;
  requester?: UserRef;
  brand?: string;
  createdOn?: string;
  lastUpdatedOn?: string;
}

export interface StatusRef extends NamedRef {
  /** Background colour as BoldDesk reports it (list items), for icons. */
  color?: string;
}

export interface TicketDetail extends TicketSummary {
  /** Customer-written HTML: untrusted. */
  description: string;
  brandId?: number;
  group?: NamedRef;
  createdBy?: UserRef;
  updatesCount?: number;
  notesCount?: number;
}

export type MessageKind = 'reply' | 'note';

export interface TicketMessage {
  id: number;
  ticketId: number;
  kind: MessageKind;
  /** Untrusted HTML. */
  html: string;
  author?: UserRef;
  createdOn: string;
  isFirstUpdate?: boolean;
  isFromCustomer?: boolean;
  attachments: Attachment[];
}

export interface Attachment {
  id: number;
  name: string;
  url?: string;
  size?: number;
  /** e.g. image/png; may be '' (BoldDesk's own example has it empty). */
  contentType?: string;
  /** `isFileAttachedInPrivateNote` (listed by GET /tickets/{id}/attachments): an internal file. */
  isPrivate?: boolean;
}

/** An item of `GET /tickets/{id}/attachments`: an attachment and the message (`updateId`) it belongs to. */
export interface TicketAttachment extends Attachment {
  updateId?: number;
}

export interface Page<T> {
  items: T[];
  /** Total matches when BoldDesk reported one (`RequiresCounts=true`). */
  total?: number;
  page: number;
  perPage: number;
  /** True when another page may exist. */
  hasMore: boolean;
  /** How many items BoldDesk returned before the client dropped the ones that do not match (ticket lists). */
  fetched?: number;
  /** Conditions BoldDesk was asked for but did not apply (it returned tickets that do not match them). */
  unapplied?: FilterCondition[];
  /** Conditions not sent to BoldDesk at all (no trusted `Q` form): the client filtered the page itself. */
  local?: FilterCondition[];
}

/** The conditions a ticket list can ask for; each is checked on every returned ticket (verifyTickets.ts). */
export type FilterCondition = 'status' | 'agent' | 'unassigned' | 'priority' | 'text';

export interface Brand {
  id: number;
  name: string;
  isDefault: boolean;
}

export type Priority = NamedRef;

export interface Status extends NamedRef {
  color?: string;
  category?: NamedRef;
  /** Derived from `statusCategory` (see isClosedStatusCategory in parseLookups.ts): true for closed/solved/resolved ones. */
  isClosed: boolean;
}

export type Category = NamedRef;

export interface TicketView {
  /** `filterId` from `/ticket_views/manage`: what `GET /tickets?FilterId=` takes. */
  filterId: string;
  name: string;
}

export interface Agent {
  userId: number;
  name: string;
  email: string;
}

export interface Contact {
  userId: number;
  name: string;
  email: string;
}

/** What a tree category lists. Exactly one of the filter shapes is used per query. */
export interface TicketQuery {
  /** A BoldDesk ticket view (`FilterId`). */
  filterId?: string;
  /** Status ids to include (`Q=status:[…]`). */
  statusIds?: number[];
  /** Priority ids (`Q=priority:[…]`). */
  priorityIds?: number[];
  /** Assigned agent ids (`Q=agents:[…]`, known from third-party code only: checked on every returned ticket). */
  agentIds?: number[];
  /** Only tickets without an agent. No documented `Q` form: filtered by the client unless a connection check saw
   * `agents:[0]` work (docs/BOLDDESK-API.md, "Unassigned"). */
  unassigned?: boolean;
  /** Free text in the subject (`Q=subject:"…"`, checked on every returned ticket). */
  text?: string;
  /** Only tickets modified since (`Q=lastmodifiedon:{"from":…}`). */
  modifiedSince?: string;
}

export interface CreateTicketInput {
  brandId: number;
  subject: string;
  /** HTML. */
  description: string;
  priorityId: number;
  categoryId?: number;
  requester?: { kind: 'existing'; userId: number } | { kind: 'new'; email: string; name: string };
  /** Upload tokens (BoldDeskApi.uploadAttachment), sent as `attachments`. */
  attachmentTokens?: string[];
}

export interface FieldChanges {
  statusId?: number;
  priorityId?: number;
  /** null unassigns. */
  agentId?: number | null;
}

export interface RateLimitState {
  remaining?: number;
  /** Epoch ms when the window resets. */
  resetAt?: number;
}
