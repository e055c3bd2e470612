// Raw BoldDesk ticket and message payloads → types.ts models. See docs/BOLDDESK-API.md, "Tickets list" and "Conversation".
import type { Attachment, MessageKind, NamedRef, StatusRef, TicketAttachment, TicketDetail, TicketMessage, TicketSummary, UserRef } from './types';
import {
  asObject,
  type Json,
  type JsonObject,
  optBool,
  optInt,
  optString,
  type ParseContext,
  reqInt,
} from './parse';

/**
 * The kind of an item read alone (a reply unless it says it is a note). The client does NOT decide private vs public
 * with this: getMessages() takes notes from `/notes` and replies from `/updates` (docs/BOLDDESK-API.md,
 * "Conversation"), because BoldDesk documents no table of `messageTypeId` values. Kept for items read elsewhere.
 */
export function messageKindOf(notesType: string | undefined): MessageKind {
  // `/tickets/{id}/notes` items say notesType "Notes" (documented).
  return notesType?.toLowerCase() === 'notes' ? 'note' : 'reply';
}

/** `{id, name}` or the list shape `{id, description}`; other shapes or missing → undefined. */
function namedRef(v: Json | undefined): NamedRef | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const id = optInt(v, 'id');
  const name = optString(v, ['name', 'description', 'displayName']);
  return id === undefined ? undefined : { id, name: name ?? '' };
}

function statusRef(v: Json | undefined): StatusRef | undefined {
  const ref = namedRef(v);
  if (!ref || typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const color = optString(v, ['backgroundColor', 'colorCode'], true);
  return color === undefined ? ref : { ...ref, color };
}

/** BoldDesk's "UserDetails" object (requester, createdBy, updatedBy…). */
export function userRef(v: Json | undefined): UserRef | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const userId = optInt(v, 'userId', 'id');
  if (userId === undefined) return undefined;
  const ref: UserRef = { userId, name: optString(v, ['displayName', 'name', 'contactDisplayName'], true) ?? '' };
  const email = optString(v, ['emailId', 'email'], true);
  if (email !== undefined) ref.email = email;
  const isAgent = optBool(v, 'isAgent');
  if (isAgent !== undefined) ref.isAgent = isAgent;
  return ref;
}

/** `requester` object, or `requestedBy` as an object or a bare name (userId 0 = not known). */
function requesterOf(o: JsonObject): UserRef | undefined {
  const fromObject = userRef(o.requester) ?? userRef(o.requestedBy);
  if (fromObject) return fromObject;
  const name = optString(o, ['requestedBy'], true);
  if (name === undefined) return undefined;
  const email = optString(o, ['requesterEmail'], true);
  return { userId: optInt(o, 'requesterId') ?? 0, name, ...(email !== undefined ? { email } : {}) };
}

/** `brand` is a name in lists and a `{brandId, brandName}` object in the detail. */
function brandOf(o: JsonObject): { name?: string; id?: number } {
  const b = o.brand;
  if (typeof b === 'string') return { name: b, id: optInt(o, 'brandId') };
  if (typeof b === 'object' && b !== null && !Array.isArray(b)) {
    return { name: optString(b, ['brandName', 'name']), id: optInt(b, 'brandId', 'id') ?? optInt(o, 'brandId') };
  }
  return { id: optInt(o, 'brandId') };
}

function assignDefined<T extends object>(target: T, values: Partial<T>): T {
  for (const [k, v] of Object.entries(values)) {
    if (v !== undefined) (target as Record<string, unknown>)[k] = v;
  }
  return target;
}

export function parseTicketSummary(ctx: ParseContext, raw: Json, where: string): TicketSummary {
  const o = asObject(ctx, raw, where);
  const summary: TicketSummary = {
    id: reqInt(ctx, o, ['ticketId', 'id'], where),
    subject: optString(o, ['title', 'subject']) ?? '',
  };
  return assignDefined(summary, {
    status: statusRef(o.status),
    priority: namedRef(o.priority),
    category: namedRef(o.category),
    agent: namedRef(o.agent),
    requester: requesterOf(o),
    brand: brandOf(o).name,
    createdOn: optString(o, ['createdOn'], true),
    lastUpdatedOn: optString(o, ['lastUpdatedOn', 'lastModifiedOn'], true),
  });
}

export function parseTicketDetail(ctx: ParseContext, raw: unknown): TicketDetail {
  const o = asObject(ctx, raw, 'body');
  const detail: TicketDetail = { ...parseTicketSummary(ctx, o, 'body'), description: optString(o, ['description']) ?? '' };
  return assignDefined(detail, {
    brandId: brandOf(o).id,
    group: namedRef(o.group),
    createdBy: userRef(o.createdBy),
    updatesCount: optInt(o, 'updatesCount'),
    notesCount: optInt(o, 'notesCount'),
  });
}

function parseAttachment(ctx: ParseContext, raw: Json, where: string): Attachment {
  const o = asObject(ctx, raw, where);
  const name = optString(o, ['name'], true) ?? 'attachment';
  const ext = optString(o, ['extension'], true);
  const att: Attachment = { id: reqInt(ctx, o, ['id'], where), name: ext && !name.endsWith(ext) ? name + ext : name };
  return assignDefined(att, {
    url: optString(o, ['fileUrl', 'url'], true),
    size: optInt(o, 'size'),
    contentType: optString(o, ['contentType'], true),
    isPrivate: optBool(o, 'isFileAttachedInPrivateNote'),
  });
}

/** An item of `GET /tickets/{id}/attachments` (S1): the attachment fields plus `updateId`. */
export function parseTicketAttachment(ctx: ParseContext, raw: Json, where: string): TicketAttachment {
  const a: TicketAttachment = parseAttachment(ctx, raw, where);
  return assignDefined(a, { updateId: optInt(asObject(ctx, raw, where), 'updateId') });
}

export function parseMessage(ctx: ParseContext, raw: Json, where: string, ticketId: number): TicketMessage {
  const o = asObject(ctx, raw, where);
  const rawAttachments = Array.isArray(o.attachments) ? o.attachments : [];
  const msg: TicketMessage = {
    id: reqInt(ctx, o, ['id'], where),
    ticketId,
    kind: messageKindOf(optString(o, ['notesType'])),
    html: optString(o, ['description']) ?? '',
    createdOn: optString(o, ['createdOn'], true) ?? '',
    attachments: rawAttachments.map((a, i) => parseAttachment(ctx, a, `${where}.attachments[${i}]`)),
  };
  return assignDefined(msg, {
    author: userRef(o.updatedBy),
    isFirstUpdate: optBool(o, 'isFirstUpdate'),
    isFromCustomer: optBool(o, 'isUpdatedByCustomer'),
  });
}

/** Oldest first; ties (same second) keep BoldDesk's id order. */
export function byCreatedThenId(a: TicketMessage, b: TicketMessage): number {
  const ta = Date.parse(a.createdOn);
  const tb = Date.parse(b.createdOn);
  if (Number.isFinite(ta) && Number.isFinite(tb) && ta !== tb) return ta - tb;
  return a.id - b.id;
}
