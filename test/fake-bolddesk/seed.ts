// Deterministic generation of contacts and tickets from a seed. Ticket core fields are built eagerly (cheap numbers
// and a subject); descriptions and conversations are built on first access from a per-ticket PRNG stream, so
// 100,000 tickets start fast and stay small until someone reads them.
import { AGENTS, BRANDS, CATEGORIES, PRIORITIES, STATUSES } from './seedData';
import { FakeTicket, type FakeContact, type FakeMessage, type MessageKind, type TicketLazySource } from './model';
import { Prng, subSeed } from './prng';
import { agentReply, attachmentFile, contactName, customerReply, noteText, ticketBody, ticketSubject } from './seedText';

export const FIRST_TICKET_ID = 1001;
export const FIRST_CONTACT_ID = 101;
const DAY = 86_400_000;
const SPAN = 180 * DAY;

/** Seeded message ids are ticketId * 10 + index; messages added later count up from here. */
export const FIRST_NEW_MESSAGE_ID = 50_000_000;

export function seedContacts(seed: number, count: number, anchor: number): FakeContact[] {
  const rng = new Prng(subSeed(seed, 0, 7));
  const contacts: FakeContact[] = [];
  for (let i = 0; i < count; i++) {
    const { name, email } = contactName(rng, i);
    const createdOn = anchor - 2 * 365 * DAY + Math.floor(rng.next() * 500 * DAY);
    contacts.push({
      userId: FIRST_CONTACT_ID + i, name, displayName: name.split(' ')[0], email,
      phone: rng.chance(0.5) ? `+1 555 01${String(rng.int(10, 99))}` : null,
      shortCode: name.split(' ').map((p) => p[0]).join('').toUpperCase(), colorCode: '#' + rng.int(0x202020, 0xdfdfdf).toString(16),
      createdOn, lastModifiedOn: createdOn + rng.int(0, 100) * DAY,
    });
  }
  return contacts;
}

/** Weighted pick: weights parallel to items. */
function weighted<T>(rng: Prng, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i];
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}

const STATUS_WEIGHTS = [25, 15, 12, 5, 18, 25];
const PRIORITY_WEIGHTS = [30, 40, 20, 10];
const SOURCE_IDS = [1, 1, 1, 2, 3, 4, 5];
const ANA = AGENTS[0].userId;

/** Builds `count` tickets, ids FIRST_TICKET_ID.., created over the 180 days before `anchor`, in id order. */
export function seedTickets(seed: number, count: number, anchor: number, contacts: FakeContact[], lazy: TicketLazySource): FakeTicket[] {
  const tickets: FakeTicket[] = new Array(count);
  const step = SPAN / Math.max(count, 1);
  const start = anchor - SPAN;
  for (let i = 0; i < count; i++) {
    const id = FIRST_TICKET_ID + i;
    const rng = new Prng(subSeed(seed, id));
    const createdOn = Math.floor(start + i * step + rng.next() * step * 0.8);
    const status = weighted(rng, STATUSES, STATUS_WEIGHTS);
    const r = rng.next();
    // Ana (the demo key owner) gets a large share so "my tickets" views are never empty.
    const agentId = r < 0.2 ? null : r < 0.45 ? ANA : rng.pick(AGENTS).userId;
    const agent = AGENTS.find((a) => a.userId === agentId);
    const requester = rng.pick(contacts);
    const sourceId = rng.pick(SOURCE_IDS);
    const lastModifiedOn = Math.min(anchor - 60_000, createdOn + Math.floor(rng.next() * 20 * DAY));
    tickets[i] = new FakeTicket({
      id, subject: ticketSubject(rng), brandId: weighted(rng, BRANDS, [60, 25, 15]).brandId, statusId: status.id,
      priorityId: weighted(rng, PRIORITIES, PRIORITY_WEIGHTS).id, categoryId: rng.chance(0.15) ? null : rng.pick(CATEGORIES).id,
      agentId, groupId: agent && rng.chance(0.7) ? agent.groupIds[0] : null, requesterId: requester.userId, sourceId,
      createdById: sourceId === 2 || sourceId === 4 ? (agentId ?? ANA) : requester.userId, lastModifiedById: agentId ?? requester.userId,
      createdOn, lastModifiedOn, lastStatusChangedOn: lastModifiedOn, closedOn: status.isClosed ? lastModifiedOn : null,
      objectRefs: rng.chance(0.4),
    }, lazy);
  }
  return tickets;
}

/** How many seeded messages a ticket has: every tenth ticket none at all (the 404 quirk), the others 1-8. */
export function seededMessageCount(seed: number, ticketId: number): number {
  if ((ticketId - FIRST_TICKET_ID) % 10 === 3) return 0;
  return new Prng(subSeed(seed, ticketId, 2)).int(1, 8);
}

/** Text and conversation of a seeded ticket, built from its own PRNG stream on first access. */
/** FakeDb materialises a ticket's messages before it changes the ticket, so the seeded times and agent still hold here. */
export function lazySource(seed: number, nameOf: (userId: number) => string, seededTicketCount: number): TicketLazySource {
  const isSeeded = (id: number) => id >= FIRST_TICKET_ID && id < FIRST_TICKET_ID + seededTicketCount;
  return {
    description(t: FakeTicket): string {
      const rng = new Prng(subSeed(seed, t.id, 1));
      const hostile = (t.id - FIRST_TICKET_ID) % 23 === 5;
      return ticketBody(rng, t.subject, nameOf(t.requesterId), hostile);
    },
    messages(t: FakeTicket): FakeMessage[] {
      if (!isSeeded(t.id)) return [];
      const count = seededMessageCount(seed, t.id);
      if (count === 0) return [];
      const times = { createdOn: t.createdOn, lastModifiedOn: t.lastModifiedOn };
      const rng = new Prng(subSeed(seed, t.id, 3));
      const customerFirst = t.createdById === t.requesterId;
      const list: FakeMessage[] = [{
        id: t.id * 10, ticketId: t.id, kind: 'reply', description: t.description, createdOn: times.createdOn,
        authorId: t.createdById, isFromCustomer: customerFirst, isFirstUpdate: true, source: 'Email', attachments: [],
      }];
      const agentId = t.agentId ?? AGENTS[3].userId;
      for (let k = 1; k < count; k++) {
        const at = times.createdOn + Math.floor(((times.lastModifiedOn - times.createdOn) * k) / (count - 1));
        const r = rng.next();
        let kind: MessageKind = 'reply';
        let authorId = agentId;
        let html: string;
        if (r < 0.2) {
          kind = 'privateNote';
          html = noteText(rng);
        } else if (r < 0.25) {
          kind = 'publicNote';
          html = noteText(rng);
        } else if (r < 0.6) {
          authorId = t.requesterId;
          html = customerReply(rng);
        } else {
          html = agentReply(rng, nameOf(agentId));
        }
        const id = t.id * 10 + k;
        const attachments = rng.chance(0.12)
          ? [{ id: id * 10 + 1, ...attachmentFile(rng), createdOn: at }]
          : [];
        list.push({ id, ticketId: t.id, kind, description: html, createdOn: at, authorId, isFromCustomer: authorId === t.requesterId,
          isFirstUpdate: false, source: kind === 'reply' ? 'Email' : 'Agent Portal', attachments });
      }
      return list;
    },
  };
}
