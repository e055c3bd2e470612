// Records the fake stores. These are the fake's own shapes; shapes.ts turns them into BoldDesk JSON.
import type { FakeAgent } from './types';

export interface FakeBrand {
  brandId: number;
  brandName: string;
  isDefault: boolean;
}

export interface FakePriority {
  id: number;
  name: string;
  textColor: string;
  backgroundColor: string;
}

export interface FakeStatus {
  id: number;
  name: string;
  colorCode: string;
  textColor: string;
  backgroundColor: string;
  category: { id: number; name: string };
  /** Resolved/Closed: sets closedOn. */
  isClosed: boolean;
}

export interface FakeNamed {
  id: number;
  name: string;
}

export interface FakeGroup {
  groupId: number;
  groupName: string;
  description: string;
}

export interface FakeAgentRecord extends FakeAgent {
  displayName: string;
  shortCode: string;
  colorCode: string;
  roles: { roleId: number; roleName: string }[];
  groupIds: number[];
  createdOn: number;
}

export interface FakeContact {
  userId: number;
  name: string;
  displayName: string;
  email: string;
  phone: string | null;
  shortCode: string;
  colorCode: string;
  createdOn: number;
  lastModifiedOn: number;
}

/** A ticket view: a stored list of `Q` conditions. `{me}` in a condition means the requesting key's owner. */
export interface FakeView {
  id: number;
  filterId: string;
  name: string;
  conditions: string[];
  ownerId: number;
  isDefault: boolean;
}

export interface FakeAttachment {
  id: number;
  name: string;
  extension: string;
  contentType: string;
  size: number;
  createdOn: number;
}

export type MessageKind = 'reply' | 'privateNote' | 'publicNote';

/** ASSUMPTION (docs/BOLDDESK-API.md, "Conversation"): messageTypeId 1 = public reply, 2 = private note, 3 = public note. */
export const MESSAGE_TYPE_ID: Record<MessageKind, number> = { reply: 1, privateNote: 2, publicNote: 3 };
/** The `note-type-ids` dialect: other numbers (the spec's only example is 0 on an ordinary message). */
export const DIALECT_MESSAGE_TYPE_ID: Record<MessageKind, number> = { reply: 0, privateNote: 4, publicNote: 5 };

export interface FakeMessage {
  id: number;
  ticketId: number;
  kind: MessageKind;
  /** HTML. */
  description: string;
  createdOn: number;
  /** userId of an agent or a contact. */
  authorId: number;
  isFromCustomer: boolean;
  /** The ticket's original description. */
  isFirstUpdate: boolean;
  source: string;
  attachments: FakeAttachment[];
}

/** Generates the parts of a ticket that are only built on first access (to keep 100k tickets cheap). */
export interface TicketLazySource {
  description(t: FakeTicket): string;
  messages(t: FakeTicket): FakeMessage[];
}

export interface TicketFields {
  id: number;
  subject: string;
  brandId: number;
  statusId: number;
  priorityId: number;
  categoryId: number | null;
  /** null = unassigned. */
  agentId: number | null;
  groupId: number | null;
  requesterId: number;
  sourceId: number;
  createdById: number;
  lastModifiedById: number;
  createdOn: number;
  lastModifiedOn: number;
  lastStatusChangedOn: number;
  closedOn: number | null;
  /** List shape variant: `requestedBy`/`brand` as objects (true) or as strings (false). */
  objectRefs: boolean;
}

export class FakeTicket implements TicketFields {
  id: number;
  subject: string;
  brandId: number;
  statusId: number;
  priorityId: number;
  categoryId: number | null;
  agentId: number | null;
  groupId: number | null;
  requesterId: number;
  sourceId: number;
  createdById: number;
  lastModifiedById: number;
  createdOn: number;
  lastModifiedOn: number;
  lastStatusChangedOn: number;
  closedOn: number | null;
  objectRefs: boolean;
  private descriptionHtml: string | undefined;
  private messageList: FakeMessage[] | undefined;

  constructor(fields: TicketFields, private readonly lazy: TicketLazySource | undefined, description?: string, messages?: FakeMessage[]) {
    // Explicit assignments in a fixed order give all 100k tickets one hidden class (Object.assign was much slower).
    this.id = fields.id;
    this.subject = fields.subject;
    this.brandId = fields.brandId;
    this.statusId = fields.statusId;
    this.priorityId = fields.priorityId;
    this.categoryId = fields.categoryId;
    this.agentId = fields.agentId;
    this.groupId = fields.groupId;
    this.requesterId = fields.requesterId;
    this.sourceId = fields.sourceId;
    this.createdById = fields.createdById;
    this.lastModifiedById = fields.lastModifiedById;
    this.createdOn = fields.createdOn;
    this.lastModifiedOn = fields.lastModifiedOn;
    this.lastStatusChangedOn = fields.lastStatusChangedOn;
    this.closedOn = fields.closedOn;
    this.objectRefs = fields.objectRefs;
    this.descriptionHtml = description;
    this.messageList = messages;
  }

  /** HTML; generated from the seed on first access for seeded tickets. */
  get description(): string {
    if (this.descriptionHtml === undefined) this.descriptionHtml = this.lazy ? this.lazy.description(this) : '';
    return this.descriptionHtml;
  }

  set description(html: string) {
    this.descriptionHtml = html;
  }

  /** Oldest first; generated from the seed on first access. Mutate through FakeDb to keep dates right. */
  get messages(): FakeMessage[] {
    if (this.messageList === undefined) this.messageList = this.lazy ? this.lazy.messages(this) : [];
    return this.messageList;
  }

  set messages(list: FakeMessage[]) {
    this.messageList = list;
  }
}
