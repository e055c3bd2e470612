// The conversation: GET /{id}/messages (404 when empty: the observed quirk), GET/POST /tickets/{id}/updates,
// GET/POST /tickets/{id}/notes?isPublicNote=.
import type { FakeUser } from '../db';
import { bodyObject, idValue, invalid, notFound, ok, prop, required, validation, type Reply, type RequestContext } from '../http';
import { DIALECT_MESSAGE_TYPE_ID, MESSAGE_TYPE_ID, type FakeMessage, type FakeTicket, type MessageKind } from '../model';
import { isReply, pageOf, parseOrderBy, parsePaging } from '../paging';
import { attachmentJson, messageJson } from '../shapes';
import { takeUploads } from './attachments';

type Variant = 'message' | 'update' | 'note';

const ORDER_FIELDS: Record<string, 'createdOn' | 'id'> = { createdon: 'createdOn', updatedon: 'createdOn', id: 'id' };

function ticketOf(ctx: RequestContext, id: string): FakeTicket | undefined {
  return ctx.db.getTicket(Number(id));
}

/** Shared by the three reads: filter, order (oldest first unless asked), page. */
function listConversation(ctx: RequestContext, t: FakeTicket, variant: Variant, keep: (m: FakeMessage) => boolean): Reply {
  const paging = parsePaging(ctx.query);
  if (isReply(paging)) return paging;
  const order = parseOrderBy(ctx.query, ORDER_FIELDS, { field: 'createdOn', desc: false });
  if (isReply(order)) return order;
  const includeFirst = variant === 'note' || ctx.query.bool('isFirstUpdateRequired', true);
  let list = t.messages.filter((m) => keep(m) && (includeFirst || !m.isFirstUpdate));
  // Observed (S6): a ticket with no messages answers 404 instead of an empty list. Only /messages does this.
  if (variant === 'message' && list.length === 0) return notFound('No messages found for this ticket.');
  const sign = order.desc ? -1 : 1;
  list = list.slice().sort((a, b) => sign * ((a[order.field] - b[order.field]) || (a.id - b.id)));
  const page = pageOf(list, paging);
  const typeIds = typeIdsOf(ctx);
  const listedOnly = ctx.dialects.has('attachments-listed-only');
  return ok({ result: page.result.map((m) => {
    const json = messageJson(ctx.db, m, ctx.baseUrl, variant, typeIds);
    return listedOnly ? { ...json, attachments: [] } : json;
  }), count: page.count });
}

function typeIdsOf(ctx: RequestContext): Record<MessageKind, number> {
  return ctx.dialects.has('note-type-ids') ? DIALECT_MESSAGE_TYPE_ID : MESSAGE_TYPE_ID;
}

export function listMessages(ctx: RequestContext, [id]: string[]): Reply {
  const t = ticketOf(ctx, id);
  if (!t) return notFound('Ticket not found.');
  const rawTypes = ctx.query.get('messageTypeIds')?.trim();
  const types = rawTypes ? new Set(rawTypes.split(',').map((s) => Number(s.trim()))) : undefined;
  return listConversation(ctx, t, 'message', (m) => !types || types.has(typeIdsOf(ctx)[m.kind]));
}

export function listUpdates(ctx: RequestContext, [id]: string[]): Reply {
  const t = ticketOf(ctx, id);
  return t ? listConversation(ctx, t, 'update', (m) => m.kind === 'reply') : notFound('Ticket not found.');
}

export function listNotes(ctx: RequestContext, [id]: string[]): Reply {
  const t = ticketOf(ctx, id);
  return t ? listConversation(ctx, t, 'note', (m) => m.kind !== 'reply') : notFound('Ticket not found.');
}

/**
 * GET /tickets/{id}/attachments (confirmed: S1, docs/BOLDDESK-API.md "Attachments: the ticket's list"): every file of
 * the conversation, oldest message first, with `updateId` (its message) and `isFileAttachedInPrivateNote`; paged.
 */
export function listTicketAttachments(ctx: RequestContext, [id]: string[]): Reply {
  const t = ticketOf(ctx, id);
  if (!t) return notFound('Ticket not found.');
  const paging = parsePaging(ctx.query);
  if (isReply(paging)) return paging;
  const all = t.messages.slice().sort((a, b) => (a.createdOn - b.createdOn) || (a.id - b.id)).flatMap((m) => m.attachments.map((a) => ({
    ...attachmentJson(ctx.db, a, m, ctx.baseUrl), updateId: m.id, isFileAttachedInPrivateNote: m.kind === 'privateNote',
  })));
  const page = pageOf(all, paging);
  return ok({ result: page.result, count: page.count });
}

/** HTML that renders as nothing (e.g. "<p></p>", "&nbsp;") counts as empty. */
function isBlankHtml(html: string): boolean {
  return html.replace(/<[^>]*>/g, '').replace(/&nbsp;|\s/g, '') === '' && !/<img\b/i.test(html);
}

/** `updatedByuserIdorEmailId`: post as another user (id or e-mail); otherwise the key owner. */
function author(ctx: RequestContext, body: Record<string, unknown>): FakeUser | Reply {
  const raw = prop(body, 'updatedByuserIdorEmailId');
  if (raw === undefined || raw === null || raw === '') return ctx.db.userById(ctx.owner.userId) as FakeUser;
  const id = idValue(raw);
  const user = id !== undefined && !Number.isNaN(id) ? ctx.db.userById(id)
    : typeof raw === 'string' ? ctx.db.userById((ctx.db.agentByEmail(raw) ?? ctx.db.contactByEmail(raw))?.userId ?? -1) : undefined;
  return user ?? validation(invalid('updatedByuserIdorEmailId', 'The user does not exist.', 'NotExist'));
}

function post(ctx: RequestContext, id: string, kind: MessageKind): Reply {
  const t = ticketOf(ctx, id);
  if (!t) return notFound('Ticket not found.');
  const body = bodyObject(ctx.body) ?? {};
  const description = prop(body, 'description');
  if (typeof description !== 'string' || isBlankHtml(description)) return validation(required('description'));
  let by = author(ctx, body);
  if (isReply(by)) return by;
  const files = takeUploads(ctx, body);
  if (isReply(files)) return files;
  let fromCustomer = !by.isAgent;
  let statusId: number | undefined;
  if (kind === 'reply') {
    if (prop(body, 'replyOnBehalfOfRequester') === true) {
      by = ctx.db.userById(t.requesterId) ?? by;
      fromCustomer = true;
    }
    statusId = idValue(prop(body, 'ticketStatusId'));
    if (statusId !== undefined && (Number.isNaN(statusId) || !ctx.db.statusById(statusId))) {
      return validation(invalid('ticketStatusId', 'Invalid ticketStatusId.'));
    }
  }
  const at = ctx.now();
  const message = ctx.db.addMessage(t, { kind, description, authorId: by.userId, isFromCustomer: fromCustomer, at,
    source: kind === 'reply' ? 'Email' : 'Agent Portal' });
  message.attachments.push(...files);
  if (statusId !== undefined) ctx.db.updateTicket(t, { statusId }, ctx.owner.userId, at);
  return ok({ id: message.id, isFileUploadSuccess: true }, 201);
}

export function postUpdate(ctx: RequestContext, [id]: string[]): Reply {
  return post(ctx, id, 'reply');
}

/** `isPublicNote` is a query parameter; missing or false = private (docs/BOLDDESK-API.md, "Replies and notes"). */
export function postNote(ctx: RequestContext, [id]: string[]): Reply {
  return post(ctx, id, ctx.query.bool('isPublicNote', false) ? 'publicNote' : 'privateNote');
}
