// Agents (list, by id, by e-mail) and contacts (list with Filter, by id/e-mail, create).
import { DIALECT_LOOKUP_PAGE_SIZE } from '../dialects';
import { bodyObject, invalid, iso, notFound, ok, prop, required, validation, type FieldError, type Reply, type RequestContext } from '../http';
import type { FakeAgentRecord, FakeContact } from '../model';
import { isReply, pageOf, parseOrderBy, parsePaging } from '../paging';

function filterText(ctx: RequestContext): string {
  return ctx.query.get('Filter')?.trim().toLowerCase() ?? '';
}

function agentListItem(a: FakeAgentRecord): Record<string, unknown> {
  return {
    isAvailable: true, name: a.name, displayName: a.displayName, userId: a.userId, emailId: a.email, roles: a.roles,
    status: 'Active', lastActivityOn: iso(a.createdOn), shortCode: a.shortCode, colorCode: a.colorCode, ticketAccessScope: 'Global',
    availabilityStatus: { id: 1, name: 'Online', colorCode: '#000000', agentAvailabilityStatusCategory: { id: 1, name: 'Online' } },
    isVerified: true, createdOn: iso(a.createdOn), lastModifiedOn: iso(a.createdOn), chatAccessScope: 'Global', isTfaEnabled: false,
    profileImageUrl: null, userCountryId: null, isCopilotAssigned: null, copilotAssignedOn: null,
  };
}

export function listAgents(ctx: RequestContext): Reply {
  const paging = parsePaging(ctx.query);
  if (isReply(paging)) return paging;
  const order = parseOrderBy(ctx.query, { userid: 'userId', name: 'name', emailid: 'email' } as const, { field: 'userId', desc: false });
  if (isReply(order)) return order;
  const f = filterText(ctx);
  const list = ctx.db.agents.filter((a) => !f || a.name.toLowerCase().includes(f) || a.email.toLowerCase().includes(f));
  const sign = order.desc ? -1 : 1;
  list.sort((a, b) => sign * (a[order.field] < b[order.field] ? -1 : a[order.field] > b[order.field] ? 1 : 0));
  // Dialect `paged-lookups`: without PerPage only a few agents come back.
  const size = ctx.dialects.has('paged-lookups') && ctx.query.get('PerPage') === undefined ? DIALECT_LOOKUP_PAGE_SIZE : paging.perPage;
  const page = pageOf(list, { ...paging, perPage: size });
  return ok({ result: page.result.map(agentListItem), count: page.count });
}

/** `GET /agents/{userId}` and `GET /agents/{email}` share a template: a number means an id (inferred, docs/BOLDDESK-API.md). */
export function getAgent(ctx: RequestContext, [idOrEmail]: string[]): Reply {
  const key = decodeURIComponent(idOrEmail);
  const a = /^\d+$/.test(key) ? ctx.db.agentById(Number(key)) : ctx.db.agentByEmail(key);
  if (!a) return notFound('Agent not found.');
  const groups = ctx.db.groups.filter((g) => a.groupIds.includes(g.groupId)).map((g) => ({ groupName: g.groupName, groupId: g.groupId }));
  return ok({
    userId: a.userId, name: a.name, displayName: a.displayName, emailId: a.email, phoneNo: null, createdOn: iso(a.createdOn),
    roles: a.roles, groups, brands: ctx.db.brands.map((b) => ({ brandName: b.brandName, brandId: b.brandId, isDefault: b.isDefault, hasAccess: true })),
    status: 'Active', isBlocked: false, isVerified: true, isAvailable: true, lastActivityOn: iso(a.createdOn), shortCode: a.shortCode,
    colorCode: a.colorCode, hasAllBrandAccess: true,
    availabilityStatus: { id: 1, name: 'Online', colorCode: '#000000', agentAvailabilityStatusCategory: { id: 1, name: 'Online' } },
    ticketAccessScopeId: 1, chatAccessScopeId: 1, timezone: { id: 1, name: '+0.00' }, personalPreference: null, language: null,
    isTfaEnabled: false, ticketLimit: 0, profileImageUrl: null, mobileNo: null, externalReferenceId: null, jobTitle: null,
    contactName: '', contactDisplayName: '',
  });
}

function contactJson(c: FakeContact, detail: boolean): Record<string, unknown> {
  const item: Record<string, unknown> = {
    userId: c.userId, contactName: c.name, contactDisplayName: c.displayName, emailId: c.email, isVerified: true, isBlocked: false,
    isDeleted: false, contactPhoneNo: c.phone, contactMobileNo: null, contactJobTitle: null, contactAddress: null,
    contactExternalReferenceId: null, contactGroup: [], primaryContactGroup: null, shortCode: c.shortCode, colorCode: c.colorCode,
    createdOn: iso(c.createdOn), lastModifiedOn: iso(c.lastModifiedOn), isTfaEnabled: false, profileImageUrl: null, contactCustomFields: {},
  };
  if (detail) Object.assign(item, { status: 'Active', secondaryEmailId: null, lastActivityOn: iso(c.lastModifiedOn), contactTag: [], contactNotes: null });
  return item;
}

export function listContacts(ctx: RequestContext): Reply {
  const paging = parsePaging(ctx.query);
  if (isReply(paging)) return paging;
  const order = parseOrderBy(ctx.query, { userid: 'userId', contactid: 'userId', contactname: 'name', emailid: 'email',
    createdon: 'createdOn', lastmodifiedon: 'lastModifiedOn' } as const, { field: 'userId', desc: false });
  if (isReply(order)) return order;
  const f = filterText(ctx);
  let list = ctx.db.contacts.filter((c) => !f || c.name.toLowerCase().includes(f) || c.displayName.toLowerCase().includes(f)
    || c.email.toLowerCase().includes(f));
  for (const q of ctx.query.all('Q')) {
    const m = /^\s*ids\s*:\s*\[([\d\s,]*)\]\s*$/i.exec(q);
    if (!m) return validation(invalid('q', `Unsupported contact filter '${q}'.`));
    const ids = new Set(m[1].split(',').filter((s) => s.trim() !== '').map(Number));
    list = list.filter((c) => ids.has(c.userId));
  }
  const sign = order.desc ? -1 : 1;
  list = list.slice().sort((a, b) => sign * (a[order.field] < b[order.field] ? -1 : a[order.field] > b[order.field] ? 1 : 0));
  const page = pageOf(list, paging);
  return ok({ result: page.result.map((c) => contactJson(c, false)), count: page.count });
}

export function getContact(ctx: RequestContext, [idOrEmail]: string[]): Reply {
  const key = decodeURIComponent(idOrEmail);
  const c = /^\d+$/.test(key) ? ctx.db.contactById(Number(key)) : ctx.db.contactByEmail(key);
  return c ? ok(contactJson(c, true)) : notFound('Contact not found.');
}

export function createContact(ctx: RequestContext): Reply {
  const body = bodyObject(ctx.body) ?? {};
  const name = prop(body, 'contactName');
  const email = prop(body, 'emailId');
  const errors: FieldError[] = [];
  if (typeof name !== 'string' || name.trim() === '') errors.push(required('contactName'));
  if (typeof email !== 'string' || email.trim() === '') errors.push(required('emailId'));
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errors.push(invalid('emailId', 'Invalid email address.'));
  else if (ctx.db.contactByEmail(email) || ctx.db.agentByEmail(email)) errors.push(invalid('emailId', 'The email address already exists.', 'AlreadyExists'));
  if (errors.length > 0) return validation(errors);
  const display = prop(body, 'contactDisplayName');
  const phone = prop(body, 'contactPhoneNo');
  const c = ctx.db.addContact({ name: (name as string).trim(), email: (email as string).trim(),
    displayName: typeof display === 'string' ? display : undefined, phone: typeof phone === 'string' ? phone : null }, ctx.now());
  return ok({ id: c.userId, message: 'Contact successfully added.' }, 201);
}
