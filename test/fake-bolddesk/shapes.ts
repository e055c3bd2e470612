// FakeDb records → BoldDesk JSON. List items and the detail deliberately differ (docs/BOLDDESK-API.md, "Tickets list"):
// `ticketId` vs `id`, priority {id,description,…} vs {id,name}, and requestedBy/brand as string or object.
import type { FakeDb, FakeUser } from './db';
import { iso } from './http';
import { MESSAGE_TYPE_ID, type FakeAttachment, type FakeMessage, type FakeTicket, type MessageKind } from './model';

/** The "UserDetails" object used for updatedBy, createdBy, requester… */
export function userDetails(u: FakeUser | undefined): Record<string, unknown> | null {
  if (!u) return null;
  return {
    agentShiftId: 0, agentShiftName: '', ticketLimit: 0, chatLimit: 0, emailId: u.email, shortCode: u.shortCode,
    colorCode: u.colorCode, status: 'Active', isVerified: true, profileImageUrl: null, userId: u.userId, name: u.name,
    displayName: u.displayName, isAgent: u.isAgent,
  };
}

function counts(t: FakeTicket): { updates: number; notes: number; attachments: number } {
  let updates = 0;
  let notes = 0;
  let attachments = 0;
  for (const m of t.messages) {
    if (m.kind === 'reply') {
      if (!m.isFirstUpdate) updates++;
    } else notes++;
    attachments += m.attachments.length;
  }
  return { updates, notes, attachments };
}

function lastReply(t: FakeTicket): FakeMessage | undefined {
  for (let i = t.messages.length - 1; i >= 0; i--) if (t.messages[i].kind === 'reply') return t.messages[i];
  return undefined;
}

function statusRef(db: FakeDb, t: FakeTicket): Record<string, unknown> {
  const s = db.statusById(t.statusId);
  return { description: s?.name ?? '', textColor: s?.textColor ?? '#FFFFFF', backgroundColor: s?.backgroundColor ?? '#808080', id: t.statusId };
}

function named(list: { id: number; name: string }[], id: number | null): { id: number; name: string } | null {
  if (id === null) return null;
  const x = list.find((e) => e.id === id);
  return x ? { id: x.id, name: x.name } : null;
}

function groupRef(db: FakeDb, id: number | null): { name: string; id: number } | null {
  const g = id === null ? undefined : db.groups.find((x) => x.groupId === id);
  return g ? { name: g.groupName, id: g.groupId } : null;
}

/** A `GET /tickets` item. */
export function ticketListItem(db: FakeDb, t: FakeTicket): Record<string, unknown> {
  const requester = db.userById(t.requesterId);
  const agent = t.agentId === null ? undefined : db.agentById(t.agentId);
  const brand = db.brands.find((b) => b.brandId === t.brandId);
  const priority = db.priorityById(t.priorityId);
  const status = db.statusById(t.statusId);
  const c = counts(t);
  const last = lastReply(t);
  const lastBy = last ? db.userById(last.authorId) : undefined;
  return {
    ticketId: t.id,
    title: t.subject,
    agent: agent ? { name: agent.name, id: agent.userId } : null,
    group: groupRef(db, t.groupId),
    category: named(db.categories, t.categoryId),
    status: statusRef(db, t),
    priority: { description: priority?.name ?? '', textColor: priority?.textColor ?? '#FFFFFF', backgroundColor: priority?.backgroundColor ?? '#808080', id: t.priorityId },
    brand: t.objectRefs ? { brandId: t.brandId, brandName: brand?.brandName ?? '' } : (brand?.brandName ?? ''),
    brandId: t.brandId,
    mode: 'Public',
    isVisibleToCustomer: true,
    updatesCount: c.updates,
    attachmentsCount: c.attachments,
    source: db.sources.find((s) => s.id === t.sourceId)?.name ?? 'Email',
    requestedBy: t.objectRefs ? userDetails(requester) : (requester?.name ?? ''),
    requester: userDetails(requester),
    requesterEmail: requester?.email ?? null,
    lastRepliedBy: lastBy?.name ?? null,
    lastRepliedOn: last ? iso(last.createdOn) : null,
    createdOn: iso(t.createdOn),
    lastUpdatedOn: iso(t.lastModifiedOn),
    lastStatusChangedOn: iso(t.lastStatusChangedOn),
    closedOn: t.closedOn === null ? null : iso(t.closedOn),
    responseDue: null,
    resolutionDue: null,
    tag: [],
    ticketStatusCategoryId: status?.category.id ?? null,
    statusSortOrder: t.statusId,
    prioritySortOrder: t.priorityId,
    createdBy: userDetails(db.userById(t.createdById)),
    lastModifiedBy: userDetails(db.userById(t.lastModifiedById)),
    isSpamOrDeleted: false,
  };
}

/** `GET /tickets/{id}`: not wrapped, `id` instead of `ticketId`. */
export function ticketDetail(db: FakeDb, t: FakeTicket): Record<string, unknown> {
  const agent = t.agentId === null ? undefined : db.agentById(t.agentId);
  const brand = db.brands.find((b) => b.brandId === t.brandId);
  const priority = db.priorityById(t.priorityId);
  const c = counts(t);
  const last = lastReply(t);
  return {
    id: t.id,
    title: t.subject,
    description: t.description,
    isVisibleInCustomerPortal: true,
    brand: brand ? { brandId: brand.brandId, brandName: brand.brandName, isPublished: true, isDisabled: false, isDefault: brand.isDefault } : null,
    requester: userDetails(db.userById(t.requesterId)),
    agent: agent ? { name: agent.name, id: agent.userId, email: agent.email, shortCode: agent.shortCode, colorCode: agent.colorCode, phoneNumber: null } : null,
    group: groupRef(db, t.groupId),
    category: named(db.categories, t.categoryId),
    priority: priority ? { id: priority.id, name: priority.name } : null,
    status: statusRef(db, t),
    source: named(db.sources, t.sourceId),
    type: { id: 1, name: 'Incident' },
    tag: [],
    resolutionDue: null,
    responseDue: null,
    lastRepliedOn: last ? iso(last.createdOn) : null,
    lastStatusChangedOn: iso(t.lastStatusChangedOn),
    createdOn: iso(t.createdOn),
    lastUpdatedOn: iso(t.lastModifiedOn),
    createdBy: userDetails(db.userById(t.createdById)),
    updatesCount: c.updates,
    notesCount: c.notes,
    contactGroup: null,
    closedOn: t.closedOn === null ? null : iso(t.closedOn),
    closedBy: t.closedOn === null ? null : userDetails(db.userById(t.lastModifiedById)),
    additionalNotifications: [],
    watchers: [],
    customFields: null,
    isSpam: false,
    totalWorkLogged: 0,
    totalBillableWorkLogged: 0,
    feedbackCategory: null,
    externalReferenceId: null,
    ticketFormDetails: null,
    state: { id: 1, name: 'Active' },
  };
}

export function attachmentJson(db: FakeDb, a: FakeAttachment, m: FakeMessage, baseUrl: string): Record<string, unknown> {
  const by = db.userById(m.authorId);
  return {
    id: a.id, name: a.name, extension: a.extension, contentType: a.contentType, size: a.size, createdOn: iso(a.createdOn),
    fileUrl: `${baseUrl}/attachment/download/${a.id}/${encodeURIComponent(a.name)}`, cloudStorageType: null, isExternalFile: false,
    fileScanStatus: null, updatedBy: by ? { userId: by.userId, name: by.name, displayName: by.displayName, isAgent: by.isAgent } : null,
  };
}

/** A message for `/{id}/messages` (variant 'message'), `/updates` or `/notes`. */
export function messageJson(db: FakeDb, m: FakeMessage, baseUrl: string, variant: 'message' | 'update' | 'note',
  typeIds: Record<MessageKind, number> = MESSAGE_TYPE_ID): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: m.id,
    description: m.description,
    hasAttachment: m.attachments.length > 0,
    attachments: m.attachments.map((a) => attachmentJson(db, a, m, baseUrl)),
    createdOn: iso(m.createdOn),
    updatedOn: iso(m.createdOn),
    updatedBy: userDetails(db.userById(m.authorId)),
    source: m.source,
    isUpdatedByCustomer: m.isFromCustomer,
    isFirstUpdate: m.isFirstUpdate,
    messageTypeId: typeIds[m.kind],
    messageTag: [],
    isAnyEmailDeliveryFailed: false,
  };
  if (variant === 'message') {
    Object.assign(base, { updateFlagId: null, updateFlagName: null, modifiedOrDeletedBy: null, modifiedEmailSubject: null,
      sourceId: 0, activityCount: null, additionalDetails: { ipAddress: '', userAgent: '' }, skipEmailNotification: false,
      chatConversationId: null, skipSurveyEmailNotification: null });
  } else {
    Object.assign(base, { ticketUpdatesFlag: 'none', ticketUpdatesFlagId: 0 });
    if (variant === 'note') base.notesType = 'Notes';
  }
  return base;
}
