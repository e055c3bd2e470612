// The fake tenant's mutable data and every change to it (so dates, authors and sort caches stay consistent).
// Tests may read anything here; to change a ticket use updateTicket/addMessage, or call changed() afterwards.
import { FakeTicket, type FakeAgentRecord, type FakeBrand, type FakeContact, type FakeGroup, type FakeMessage, type FakeNamed,
  type FakePriority, type FakeStatus, type FakeView, type MessageKind, type TicketFields } from './model';
import { AGENTS, BRANDS, CATEGORIES, GROUPS, PRIORITIES, SOURCES, STATUSES, VIEWS } from './seedData';
import { FIRST_NEW_MESSAGE_ID, FIRST_TICKET_ID, lazySource, seedContacts, seedTickets } from './seed';

/** An agent or a contact, as far as authorship and requesters go. */
export interface FakeUser {
  userId: number;
  name: string;
  displayName: string;
  email: string;
  isAgent: boolean;
  shortCode: string;
  colorCode: string;
}

export type TicketSortField = 'ticketId' | 'createdOn' | 'lastModifiedOn';
export interface TicketOrder {
  field: TicketSortField;
  desc: boolean;
}

export type TicketChanges = Partial<Pick<TicketFields, 'statusId' | 'priorityId' | 'agentId' | 'categoryId' | 'groupId' | 'subject'>>;

export interface NewMessage {
  kind: MessageKind;
  description: string;
  authorId: number;
  isFromCustomer?: boolean;
  source?: string;
  at: number;
}

const clone = <T extends object>(items: readonly T[]): T[] => items.map((x) => ({ ...x }));

export class FakeDb {
  readonly brands: FakeBrand[] = clone(BRANDS);
  readonly priorities: FakePriority[] = clone(PRIORITIES);
  readonly statuses: FakeStatus[] = clone(STATUSES);
  readonly categories: FakeNamed[] = clone(CATEGORIES);
  readonly sources: FakeNamed[] = clone(SOURCES);
  readonly groups: FakeGroup[] = clone(GROUPS);
  readonly agents: FakeAgentRecord[] = clone(AGENTS);
  readonly views: FakeView[] = clone(VIEWS);
  readonly contacts: FakeContact[];
  /** In id order; new tickets are appended. */
  readonly tickets: FakeTicket[];
  /** Bumped on every ticket change; the sorted-list caches key on it. */
  version = 0;
  private nextMessageId = FIRST_NEW_MESSAGE_ID;
  private nextContactId: number;
  private readonly sortCache = new Map<string, { version: number; list: FakeTicket[] }>();

  constructor(opts: { seed: number; tickets: number; anchor: number; contacts?: number }) {
    this.contacts = seedContacts(opts.seed, opts.contacts ?? 60, opts.anchor);
    this.nextContactId = this.contacts[this.contacts.length - 1].userId + 1;
    const lazy = lazySource(opts.seed, (id) => this.userById(id)?.name ?? 'Customer', opts.tickets);
    this.tickets = seedTickets(opts.seed, opts.tickets, opts.anchor, this.contacts, lazy);
  }

  getTicket(id: number): FakeTicket | undefined {
    const guess = this.tickets[id - FIRST_TICKET_ID];
    if (guess?.id === id) return guess;
    return this.tickets.find((t) => t.id === id);
  }

  agentById(id: number): FakeAgentRecord | undefined {
    return this.agents.find((a) => a.userId === id);
  }

  agentByEmail(email: string): FakeAgentRecord | undefined {
    const e = email.trim().toLowerCase();
    return this.agents.find((a) => a.email.toLowerCase() === e);
  }

  contactById(id: number): FakeContact | undefined {
    const guess = this.contacts[id - (this.contacts[0]?.userId ?? 0)];
    if (guess?.userId === id) return guess;
    return this.contacts.find((c) => c.userId === id);
  }

  contactByEmail(email: string): FakeContact | undefined {
    const e = email.trim().toLowerCase();
    return this.contacts.find((c) => c.email.toLowerCase() === e);
  }

  userById(id: number): FakeUser | undefined {
    const a = this.agentById(id);
    if (a) return { userId: a.userId, name: a.name, displayName: a.displayName, email: a.email, isAgent: true, shortCode: a.shortCode, colorCode: a.colorCode };
    const c = this.contactById(id);
    if (c) return { userId: c.userId, name: c.name, displayName: c.displayName, email: c.email, isAgent: false, shortCode: c.shortCode, colorCode: c.colorCode };
    return undefined;
  }

  statusById(id: number): FakeStatus | undefined {
    return this.statuses.find((s) => s.id === id);
  }

  priorityById(id: number): FakePriority | undefined {
    return this.priorities.find((p) => p.id === id);
  }

  addContact(input: { name: string; email: string; displayName?: string; phone?: string | null }, at: number): FakeContact {
    const contact: FakeContact = {
      userId: this.nextContactId++, name: input.name, displayName: input.displayName || input.name, email: input.email,
      phone: input.phone ?? null, shortCode: input.name.split(/\s+/).map((p) => p[0] ?? '').join('').slice(0, 2).toUpperCase(),
      colorCode: '#607D8B', createdOn: at, lastModifiedOn: at,
    };
    this.contacts.push(contact);
    return contact;
  }

  /** A new ticket whose first update is its description, written by `createdById`. */
  createTicket(fields: Omit<TicketFields, 'id' | 'createdOn' | 'lastModifiedOn' | 'lastModifiedById' | 'lastStatusChangedOn' | 'closedOn' | 'objectRefs'>,
    description: string, at: number): FakeTicket {
    const last = this.tickets[this.tickets.length - 1];
    const id = last ? last.id + 1 : FIRST_TICKET_ID;
    const status = this.statusById(fields.statusId);
    const ticket = new FakeTicket({
      ...fields, id, createdOn: at, lastModifiedOn: at, lastModifiedById: fields.createdById, lastStatusChangedOn: at,
      closedOn: status?.isClosed ? at : null, objectRefs: id % 2 === 0,
    }, undefined, description, []);
    ticket.messages.push({
      id: this.nextMessageId++, ticketId: id, kind: 'reply', description, createdOn: at, authorId: fields.createdById,
      isFromCustomer: fields.createdById === fields.requesterId && !this.agentById(fields.createdById), isFirstUpdate: true,
      source: 'API', attachments: [],
    });
    this.tickets.push(ticket);
    this.changed();
    return ticket;
  }

  /** Appends a reply or note and marks the ticket modified by its author. */
  addMessage(ticket: FakeTicket, input: NewMessage): FakeMessage {
    const messages = ticket.messages; // materialise the seeded conversation before the ticket's dates move
    const message: FakeMessage = {
      id: this.nextMessageId++, ticketId: ticket.id, kind: input.kind, description: input.description, createdOn: input.at,
      authorId: input.authorId, isFromCustomer: input.isFromCustomer ?? false, isFirstUpdate: false,
      source: input.source ?? 'API', attachments: [],
    };
    messages.push(message);
    this.touch(ticket, input.authorId, input.at);
    return message;
  }

  /** Applies changes; returns the names of the fields that really changed (empty = nothing changed). */
  updateTicket(ticket: FakeTicket, changes: TicketChanges, byId: number, at: number): string[] {
    void ticket.messages;
    const changed: string[] = [];
    for (const [key, value] of Object.entries(changes) as [keyof TicketChanges, TicketChanges[keyof TicketChanges]][]) {
      if (value === undefined || ticket[key] === value) continue;
      (ticket as unknown as Record<string, unknown>)[key] = value;
      changed.push(key);
    }
    if (changed.length === 0) return changed;
    if (changed.includes('statusId')) {
      ticket.lastStatusChangedOn = at;
      ticket.closedOn = this.statusById(ticket.statusId)?.isClosed ? at : null;
    }
    this.touch(ticket, byId, at);
    return changed;
  }

  touch(ticket: FakeTicket, byId: number, at: number): void {
    void ticket.messages;
    ticket.lastModifiedOn = at;
    ticket.lastModifiedById = byId;
    this.changed();
  }

  /** Call after changing tickets directly so listings re-sort. */
  changed(): void {
    this.version++;
  }

  /**
   * Tickets in the given order (ties by id), cached per order until the next change. Sorting packs (seconds, index)
   * into one double and uses the native Float64Array sort, which is far cheaper than a comparator on 100k objects.
   */
  sorted(order: TicketOrder): readonly FakeTicket[] {
    if (order.field === 'ticketId' && !order.desc) return this.tickets;
    const cacheKey = `${order.field} ${order.desc ? 'desc' : 'asc'}`;
    const cached = this.sortCache.get(cacheKey);
    if (cached && cached.version === this.version) return cached.list;
    const list = order.field === 'ticketId' ? this.tickets.slice().reverse() : sortByTime(this.tickets, order.field, order.desc);
    this.sortCache.set(cacheKey, { version: this.version, list });
    return list;
  }
}

const SLOT = 2 ** 20;

function sortByTime(tickets: FakeTicket[], field: 'createdOn' | 'lastModifiedOn', desc: boolean): FakeTicket[] {
  const n = tickets.length;
  if (n >= SLOT) {
    const sign = desc ? -1 : 1;
    return tickets.slice().sort((a, b) => sign * ((a[field] - b[field]) || (a.id - b.id)));
  }
  const keys = new Float64Array(n);
  // Second precision is what the API shows; ties then fall back to position (= id order).
  for (let i = 0; i < n; i++) keys[i] = Math.floor(tickets[i][field] / 1000) * SLOT + i;
  keys.sort();
  const out = new Array<FakeTicket>(n);
  for (let i = 0; i < n; i++) out[desc ? n - 1 - i : i] = tickets[keys[i] % SLOT];
  return out;
}
