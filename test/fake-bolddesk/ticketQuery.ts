// The ticket `Q` filter language (docs/BOLDDESK-API.md, "Ticket list filters") turned into one predicate. Conditions are ANDed.
import type { FakeDb } from './db';
import { invalid, type FieldError } from './http';
import type { FakeTicket } from './model';

export type TicketPredicate = (t: FakeTicket) => boolean;

type IdKey = 'status' | 'priority' | 'agents' | 'requester' | 'ids' | 'brands' | 'categories' | 'groups' | 'source';
const ID_KEYS: Record<string, IdKey> = {
  status: 'status', priority: 'priority', agents: 'agents', requester: 'requester', ids: 'ids', ticketids: 'ids',
  brands: 'brands', categories: 'categories', groups: 'groups', source: 'source',
};
const ID_FIELD: Record<IdKey, (t: FakeTicket) => number | null> = {
  status: (t) => t.statusId, priority: (t) => t.priorityId, agents: (t) => t.agentId, requester: (t) => t.requesterId,
  ids: (t) => t.id, brands: (t) => t.brandId, categories: (t) => t.categoryId, groups: (t) => t.groupId, source: (t) => t.sourceId,
};

function parseIdList(raw: string): number[] | undefined {
  const m = /^\[\s*(.*?)\s*\]$/.exec(raw);
  if (!m) return undefined;
  if (m[1] === '') return [];
  const parts = m[1].split(',').map((s) => s.trim().replace(/^"(.*)"$/, '$1'));
  return parts.every((p) => /^-?\d+$/.test(p)) ? parts.map(Number) : undefined;
}

function parseRange(raw: string): { from: number; to: number } | undefined {
  let obj: unknown;
  try {
    obj = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return undefined;
  const r = obj as Record<string, unknown>;
  const from = r.from === undefined || r.from === null ? -Infinity : typeof r.from === 'string' ? Date.parse(r.from) : NaN;
  const to = r.to === undefined || r.to === null ? Infinity : typeof r.to === 'string' ? Date.parse(r.to) : NaN;
  if (Number.isNaN(from) || Number.isNaN(to) || (r.from === undefined && r.to === undefined)) return undefined;
  return { from, to };
}

export interface FilterOptions {
  /** Dialect `unassigned-none`: `agents:[0]` matches no ticket. */
  unassignedMatchesNothing?: boolean;
}

/** One condition `<key>:<value>` → a predicate, or the 400 error to answer. */
function condition(db: FakeDb, cond: string, opts: FilterOptions): TicketPredicate | FieldError {
  const colon = cond.indexOf(':');
  const key = (colon < 0 ? cond : cond.slice(0, colon)).trim().toLowerCase();
  const raw = colon < 0 ? '' : cond.slice(colon + 1).trim();
  const bad = (what: string) => invalid('q', `Invalid value for filter '${key}': ${what}.`);
  const idKey = ID_KEYS[key];
  if (idKey) {
    const ids = parseIdList(raw);
    if (!ids) return bad('expected a list of ids like [1,2]');
    if (idKey === 'agents') {
      // ASSUMPTION (docs/BOLDDESK-API.md, "Unassigned"; dialect unassigned-none says otherwise): agent id 0, or an empty list, means "unassigned".
      const wantUnassigned = (ids.length === 0 || ids.includes(0)) && !opts.unassignedMatchesNothing;
      const set = new Set(ids.filter((id) => id !== 0));
      return (t) => (t.agentId === null ? wantUnassigned : set.has(t.agentId));
    }
    if (ids.length === 0) return () => true; // ASSUMPTION: an empty list does not restrict.
    const set = new Set(ids);
    const get = ID_FIELD[idKey];
    return (t) => {
      const v = get(t);
      return v !== null && set.has(v);
    };
  }
  if (key === 'subject') {
    // Quoted (`subject:"printer"`, as S6 sends) or bare (`subject:printer`, like BoldDesk's own requesteremail example).
    let text: unknown = raw;
    if (raw.startsWith('"')) {
      try {
        text = JSON.parse(raw);
      } catch {
        text = undefined;
      }
    }
    if (typeof text !== 'string' || text === '') return bad('expected a string like "printer"');
    // A case-insensitive regex avoids lower-casing every subject on each request (100k tickets).
    const re = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    return (t) => re.test(t.subject);
  }
  if (key === 'createdon' || key === 'lastmodifiedon') {
    const range = parseRange(raw);
    if (!range) return bad('expected {"from":"<ISO date>","to":"<ISO date>"}');
    // Both ends inclusive.
    return key === 'createdon'
      ? (t) => t.createdOn >= range.from && t.createdOn <= range.to
      : (t) => t.lastModifiedOn >= range.from && t.lastModifiedOn <= range.to;
  }
  if (key === 'requesteremail') {
    let email: unknown;
    try {
      email = JSON.parse(raw);
    } catch {
      email = raw;
    }
    const contact = typeof email === 'string' ? db.contactByEmail(email) : undefined;
    // Observed (S6): an e-mail that matches no contact is a 400 on field emailId.
    if (!contact) return invalid('emailId', 'The contact does not exist.', 'NotExist');
    return (t) => t.requesterId === contact.userId;
  }
  return invalid('q', `Unknown filter key '${key}'.`);
}

/** All conditions ANDed; undefined when there are none (so listings can skip filtering). */
export function ticketFilter(db: FakeDb, conditions: string[], opts: FilterOptions = {}): TicketPredicate | undefined | FieldError {
  const cheap: TicketPredicate[] = [];
  const costly: TicketPredicate[] = [];
  for (const c of conditions) {
    if (c.trim() === '') continue;
    const p = condition(db, c, opts);
    if (typeof p !== 'function') return p;
    // Text matching last: most tickets are rejected by the cheap id checks first.
    (/^\s*subject\s*:/i.test(c) ? costly : cheap).push(p);
  }
  const preds = cheap.concat(costly);
  if (preds.length === 0) return undefined;
  if (preds.length === 1) return preds[0];
  return (t) => {
    for (let i = 0; i < preds.length; i++) if (!preds[i](t)) return false;
    return true;
  };
}

/**
 * One page of matches plus the total, in a single linear pass over the (cached) sorted list. With no predicate the
 * page is a plain slice, so 100,000 tickets stay fast.
 */
export function filterPage(sorted: readonly FakeTicket[], pred: TicketPredicate | undefined, start: number, size: number):
  { items: FakeTicket[]; total: number } {
  if (!pred) return { items: sorted.slice(start, start + size), total: sorted.length };
  const items: FakeTicket[] = [];
  let total = 0;
  for (const t of sorted) {
    if (!pred(t)) continue;
    if (total >= start && items.length < size) items.push(t);
    total++;
  }
  return { items, total };
}

/** Both predicates (either may be undefined = no restriction). */
export function bothOf(a: TicketPredicate | undefined, b: TicketPredicate | undefined): TicketPredicate | undefined {
  if (!a || !b) return a ?? b;
  return (t) => a(t) && b(t);
}
