// Raw BoldDesk lookup payloads (brands, priorities, statuses, categories, views, agents, contacts)
// → types.ts models. See docs/BOLDDESK-API.md, "Lookups" and "Views".
import type { Agent, Brand, Category, Contact, NamedRef, Priority, Status, TicketView } from './types';
import {
  asArray,
  asObject,
  type Json,
  optBool,
  optInt,
  optObject,
  optString,
  type ParseContext,
  readEnvelope,
  reqInt,
  shapeError,
} from './parse';

/**
 * Whether a status counts as closed, from its `statusCategory` name (ids are per tenant, names are not
 * configurable in the same way). Falls back to the status's own name when it has no category.
 */
export function isClosedStatusCategory(name: string | undefined): boolean {
  return name !== undefined && /^(closed|solved|resolved)$/i.test(name.trim());
}

function mapResult<T>(ctx: ParseContext, body: unknown, item: (o: Json, where: string) => T): T[] {
  return readEnvelope(ctx, body).items.map((raw, i) => item(raw, `result[${i}]`));
}

function namedItem(ctx: ParseContext, raw: Json, where: string): NamedRef {
  const o = asObject(ctx, raw, where);
  return { id: reqInt(ctx, o, ['id'], where), name: optString(o, ['name', 'description']) ?? '' };
}

export function parseBrands(ctx: ParseContext, body: unknown): Brand[] {
  return mapResult(ctx, body, (raw, where) => {
    const o = asObject(ctx, raw, where);
    return {
      id: reqInt(ctx, o, ['brandId', 'id'], where),
      name: optString(o, ['brandName', 'name']) ?? '',
      isDefault: optBool(o, 'isDefault') ?? false,
    };
  });
}

export function parsePriorities(ctx: ParseContext, body: unknown): Priority[] {
  return mapResult(ctx, body, (raw, where) => namedItem(ctx, raw, where));
}

export function parseCategories(ctx: ParseContext, body: unknown): Category[] {
  return mapResult(ctx, body, (raw, where) => namedItem(ctx, raw, where));
}

export function parseStatuses(ctx: ParseContext, body: unknown): Status[] {
  return mapResult(ctx, body, (raw, where) => {
    const o = asObject(ctx, raw, where);
    const status: Status = { ...namedItem(ctx, o, where), isClosed: false };
    const color = optString(o, ['colorCode', 'backgroundColor'], true);
    if (color !== undefined) status.color = color;
    const cat = optObject(o, 'statusCategory');
    const catId = cat ? optInt(cat, 'id') : undefined;
    if (cat && catId !== undefined) status.category = { id: catId, name: optString(cat, ['name']) ?? '' };
    status.isClosed = isClosedStatusCategory(status.category?.name ?? status.name);
    return status;
  });
}

/** `/ticket_views/manage` answers a BARE ARRAY; `filterId` (a string) is what `FilterId=` takes. */
export function parseTicketViews(ctx: ParseContext, body: unknown): TicketView[] {
  const views: TicketView[] = [];
  asArray(ctx, body, 'body').forEach((raw, i) => {
    const where = `[${i}]`;
    const o = asObject(ctx, raw, where);
    if (optBool(o, 'isEnabled') === false) return;
    const filterId = optString(o, ['filterId'], true) ?? optInt(o, 'filterId', 'id')?.toString();
    if (filterId === undefined) throw shapeError(ctx, `${where}.filterId`, 'a view id');
    views.push({ filterId, name: optString(o, ['name']) ?? `View ${filterId}` });
  });
  return views;
}

/** A flat agent record (`GET /agents/{email}`) or an item of `GET /agents`. */
export function parseAgent(ctx: ParseContext, raw: unknown, where: string): Agent {
  const o = asObject(ctx, raw, where);
  return {
    userId: reqInt(ctx, o, ['userId', 'id'], where),
    // The agent's full name, as agents know each other in BoldDesk; displayName is the short public alias.
    name: optString(o, ['name', 'displayName'], true) ?? '',
    email: optString(o, ['emailId', 'email']) ?? '',
  };
}

export function parseAgents(ctx: ParseContext, body: unknown): Agent[] {
  return mapResult(ctx, body, (raw, where) => parseAgent(ctx, raw, where));
}

export function parseContacts(ctx: ParseContext, body: unknown): Contact[] {
  return mapResult(ctx, body, (raw, where) => {
    const o = asObject(ctx, raw, where);
    return {
      userId: reqInt(ctx, o, ['userId', 'id'], where),
      name: optString(o, ['contactDisplayName', 'contactName', 'displayName', 'name'], true) ?? '',
      email: optString(o, ['emailId', 'email']) ?? '',
    };
  });
}

/** 201 `{id, …}` from create ticket, reply and note. */
export function parseCreatedId(ctx: ParseContext, body: unknown): number {
  return reqInt(ctx, asObject(ctx, body, 'body'), ['id'], 'body');
}
