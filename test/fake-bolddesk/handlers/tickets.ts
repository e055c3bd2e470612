// GET /tickets (list with Q, FilterId, BrandIds, paging), GET /tickets/{id}, POST /tickets.
import { bodyObject, idValue, invalid, notFound, ok, prop, required, validation, type FieldError, type Reply, type RequestContext } from '../http';
import { isReply, parseOrderBy, parsePaging } from '../paging';
import { ticketDetail, ticketListItem } from '../shapes';
import { API_SOURCE_ID } from '../seedData';
import { bothOf, filterPage, ticketFilter } from '../ticketQuery';
import type { TicketSortField } from '../db';
import { takeUploads } from './attachments';

/** Keys known only from third-party code (docs/BOLDDESK-API.md); the `ignore-undocumented-q` dialect drops them. */
const UNDOCUMENTED_KEY = /^\s*(agents|priority|subject)\s*:/i;

const ORDER_FIELDS: Record<string, TicketSortField> = {
  createdon: 'createdOn', ticketid: 'ticketId', id: 'ticketId', lastmodifiedon: 'lastModifiedOn', lastupdatedon: 'lastModifiedOn',
};

export function listTickets(ctx: RequestContext): Reply {
  const paging = parsePaging(ctx.query);
  if (isReply(paging)) return paging;
  // Default sort is lastModifiedOn desc (confirmed, KB #20678): tickets that change move between pages.
  const order = parseOrderBy(ctx.query, ORDER_FIELDS, { field: 'lastModifiedOn', desc: true });
  if (isReply(order)) return order;
  let conditions = [...ctx.query.all('Q')];
  // Dialect: BoldDesk silently ignores the Q keys no BoldDesk document names.
  if (ctx.dialects.has('ignore-undocumented-q')) conditions = conditions.filter((c) => !UNDOCUMENTED_KEY.test(c));
  const filterId = ctx.query.get('FilterId')?.trim();
  const viewConditions: string[] = [];
  if (filterId) {
    const view = ctx.db.views.find((v) => v.filterId === filterId);
    if (!view) return validation(invalid('filterId', `Ticket view '${filterId}' does not exist.`, 'NotExist'));
    // Dialect: the view alone decides; Q is dropped without a word.
    if (ctx.dialects.has('filterid-wins')) conditions = [];
    viewConditions.push(...view.conditions.map((c) => c.replace(/\{me\}/g, String(ctx.owner.userId))));
  }
  const brandIds = ctx.query.get('BrandIds')?.trim();
  if (brandIds) {
    if (!/^\d+(\s*,\s*\d+)*$/.test(brandIds)) return validation(invalid('brandIds', 'BrandIds must be comma-separated ids.'));
    conditions.push(`brands:[${brandIds}]`);
  }
  const asked = ticketFilter(ctx.db, conditions, { unassignedMatchesNothing: ctx.dialects.has('unassigned-none') });
  if (asked !== undefined && typeof asked !== 'function') return validation(asked);
  // A view's own conditions are BoldDesk's business: the dialects never change what a view means.
  const stored = ticketFilter(ctx.db, viewConditions);
  if (stored !== undefined && typeof stored !== 'function') return validation(stored);
  const pred = bothOf(asked, stored);
  const { items, total } = filterPage(ctx.db.sorted(order), pred, (paging.page - 1) * paging.perPage, paging.perPage);
  return ok({ result: items.map((t) => ticketListItem(ctx.db, t)), count: paging.requiresCounts ? total : 0 });
}

export function getTicket(ctx: RequestContext, [id]: string[]): Reply {
  const t = ctx.db.getTicket(Number(id));
  return t ? ok(ticketDetail(ctx.db, t)) : notFound('Ticket not found.');
}

function text(body: Record<string, unknown>, name: string): string | undefined {
  const v = prop(body, name);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/** Validates an optional or required id field against a lookup. */
function checkId(errors: FieldError[], body: Record<string, unknown>, field: string, exists: (id: number) => boolean, isRequired: boolean): number | undefined {
  const v = idValue(prop(body, field));
  if (v === undefined) {
    if (isRequired) errors.push(required(field));
    return undefined;
  }
  if (Number.isNaN(v) || !exists(v)) errors.push(invalid(field, `Invalid ${field}.`));
  return v;
}

export function createTicket(ctx: RequestContext): Reply {
  const body = bodyObject(ctx.body);
  if (!body) return validation(invalid('', 'A JSON object body is required.'));
  const db = ctx.db;
  const errors: FieldError[] = [];
  const brandId = checkId(errors, body, 'brandId', (id) => db.brands.some((b) => b.brandId === id), true);
  const subject = text(body, 'subject');
  if (!subject) errors.push(required('subject'));
  else if (subject.length > 400) errors.push(invalid('subject', 'The subject is too long.', 'LengthExceeds'));
  const description = text(body, 'description');
  if (!description) errors.push(required('description'));
  const priorityId = checkId(errors, body, 'priorityId', (id) => !!db.priorityById(id), true);
  const categoryId = checkId(errors, body, 'categoryId', (id) => db.categories.some((c) => c.id === id), false);
  const statusId = checkId(errors, body, 'statusId', (id) => !!db.statusById(id), false);
  const agentId = checkId(errors, body, 'agentId', (id) => !!db.agentById(id), false);
  const groupId = checkId(errors, body, 'groupId', (id) => db.groups.some((g) => g.groupId === id), false);

  // Requester rules (KB #21245): requesterId; or an existing requesterEmailId; or a new e-mail plus requesterName.
  let requesterId: number | undefined;
  let newContact: { name: string; email: string } | undefined;
  const rid = idValue(prop(body, 'requesterId'));
  const email = text(body, 'requesterEmailId')?.trim();
  if (rid !== undefined) {
    if (Number.isNaN(rid) || !db.userById(rid)) errors.push(invalid('requesterId', 'The requester does not exist.', 'NotExist'));
    else requesterId = rid;
  } else if (email) {
    const existing = db.contactByEmail(email) ?? db.agentByEmail(email);
    const name = text(body, 'requesterName')?.trim();
    if (existing) requesterId = existing.userId;
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push(invalid('requesterEmailId', 'Invalid email address.'));
    else if (!name) errors.push(required('requesterName'));
    else newContact = { name, email };
  } else {
    requesterId = ctx.owner.userId; // inferred: with no requester the key owner raises the ticket
  }
  if (errors.length > 0) return validation(errors);
  // `attachments`: upload tokens, comma-separated (confirmed: S1 create ticket example); they go on the description.
  const files = takeUploads(ctx, body);
  if (!Array.isArray(files)) return files;

  const at = ctx.now();
  if (newContact) requesterId = db.addContact(newContact, at).userId;
  const ticket = db.createTicket({
    subject: subject as string, brandId: brandId as number, priorityId: priorityId as number, statusId: statusId ?? 1,
    categoryId: categoryId ?? null, agentId: agentId ?? null, groupId: groupId ?? null, requesterId: requesterId as number,
    sourceId: API_SOURCE_ID, createdById: ctx.owner.userId,
  }, description as string, at);
  ticket.messages[0]?.attachments.push(...files);
  return ok({ id: ticket.id, isFileUploadSuccess: true }, 201);
}
