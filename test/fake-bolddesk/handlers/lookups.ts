// Lookups for forms and pickers: brands, priorities, statuses, sources, categories, groups and ticket views.
import { DIALECT_LOOKUP_PAGE_SIZE } from '../dialects';
import { defaultErrorBody, iso, ok, type Reply, type RequestContext } from '../http';
import { isReply, pageOf, parsePaging } from '../paging';
import { userDetails } from '../shapes';

/** `Filter` on lookup lists: case-insensitive contains on the name. */
function matches(ctx: RequestContext, name: string): boolean {
  const f = ctx.query.get('Filter')?.trim().toLowerCase();
  return !f || name.toLowerCase().includes(f);
}

/**
 * The lookup lists below ignore paging by default (the original guess). In the `paged-lookups` dialect they honour
 * Page/PerPage and, without PerPage, send only DIALECT_LOOKUP_PAGE_SIZE items: a client that does not page sees a
 * truncated list.
 */
function paged<T>(ctx: RequestContext, items: T[]): T[] | Reply {
  if (!ctx.dialects.has('paged-lookups')) return items;
  const paging = parsePaging(ctx.query);
  if (isReply(paging)) return paging;
  const perPage = ctx.query.get('PerPage') === undefined ? DIALECT_LOOKUP_PAGE_SIZE : paging.perPage;
  const start = (paging.page - 1) * perPage;
  return items.slice(start, start + perPage);
}

/** Brands: `{result}` with no count (confirmed). */
export function brands(ctx: RequestContext): Reply {
  return ok({ result: ctx.db.brands.map((b) => ({ brandId: b.brandId, brandName: b.brandName, isPublished: true, isDisabled: false, isDefault: b.isDefault })) });
}

export function priorities(ctx: RequestContext): Reply {
  const result = paged(ctx, ctx.db.priorities.filter((p) => matches(ctx, p.name)).map((p) => ({ id: p.id, name: p.name })));
  return isReply(result) ? result : ok({ result });
}

export function statuses(ctx: RequestContext): Reply {
  const result = paged(ctx, ctx.db.statuses.filter((s) => matches(ctx, s.name)).map((s) => ({
    id: s.id, name: s.name, colorCode: s.colorCode, statusCategory: { ...s.category }, fieldOptionId: null,
  })));
  return isReply(result) ? result : ok({ result });
}

export function sources(ctx: RequestContext): Reply {
  return ok({ result: ctx.db.sources.map((s) => ({ id: s.id, name: s.name })) });
}

/**
 * `GET /fields/collection/{apiName}/options`: only `category` is known to the fake (apiName = category is an
 * ASSUMPTION, docs/BOLDDESK-API.md, "Lookups"). The spec shape has no count; some clients read one, so both are sent.
 */
export function fieldOptions(ctx: RequestContext, [apiName]: string[]): Reply {
  if (apiName.toLowerCase() !== 'category') return ok({ result: [], count: 0 });
  const all = ctx.db.categories.filter((c) => matches(ctx, c.name)).map((c, i) => ({
    id: c.id, name: c.name, isReadOnly: false, isDefault: i === 0, sortOrder: i + 1, parentOptionId: null, isPrivate: false,
    canDelete: true, isSystemDefault: false,
  }));
  const result = paged(ctx, all);
  return isReply(result) ? result : ok({ result, count: all.length });
}

export function groups(ctx: RequestContext): Reply {
  const paging = parsePaging(ctx.query);
  if (isReply(paging)) return paging;
  const list = ctx.db.groups.filter((g) => matches(ctx, g.groupName)).map((g) => ({
    groupName: g.groupName, groupID: g.groupId, groupModuleId: 1, groupModuleName: 'Ticket', description: g.description,
    shortCode: g.groupName.slice(0, 2).toUpperCase(), colorCode: '#3F51B5', businessHours: null,
  }));
  return ok(pageOf(list, paging));
}

/** `GET /ticket_views/manage`: a BARE ARRAY (confirmed); `filterId` is what `GET /tickets?FilterId=` takes. */
export function ticketViewsManage(ctx: RequestContext): Reply {
  // Dialect: the admin list refuses keys (an agent without the admin role).
  if (ctx.dialects.has('views-admin-only')) return { status: 403, body: defaultErrorBody(403) };
  return lookupReply(paged(ctx, ctx.db.views.filter((v) => matches(ctx, v.name)).map((v) => ({
    id: v.id, filterId: v.filterId, name: v.name, isAdvancedView: true, isDefault: v.isDefault, accessScopeId: 1,
    accessScope: 'All agents', owner: userDetails(ctx.db.userById(v.ownerId)), groups: null,
    lastModifiedOn: iso(Date.UTC(2025, 0, v.id)), ticketSortingId: 0, status: 'Active', isEnabled: true,
  }))));
}

/** `GET /ticket_views`: the non-admin list, also a bare array, with the stored condition but no filterId. */
export function ticketViews(ctx: RequestContext): Reply {
  return lookupReply(paged(ctx, ctx.db.views.filter((v) => matches(ctx, v.name)).map((v) => ({
    id: v.id, name: v.name, condition: v.conditions.length ? `q=${v.conditions.join('&q=')}` : '', isAdvancedView: true,
    isDefault: v.isDefault, canEditOrDelete: true, accessScopeId: 1, isFavorite: false, ticketSortingId: 0, ownerId: v.ownerId,
    ownerName: ctx.db.userById(v.ownerId)?.name ?? '', isEnabled: true,
  }))));
}

/** A bare-array answer (the views lists). */
function lookupReply(items: unknown[] | Reply): Reply {
  return isReply(items) ? items : ok(items);
}
