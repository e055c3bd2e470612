// Page / PerPage / RequiresCounts / OrderBy, shared by every list endpoint.
import { invalid, validation, type QueryParams, type Reply } from './http';

export const DEFAULT_PER_PAGE = 10; // ASSUMPTION (docs/BOLDDESK-API.md, "Paging"): the real default is unknown.
export const MAX_PER_PAGE = 100; // inferred limit; over it the fake answers 400 on field perPage (ASSUMPTION).

export interface Paging {
  page: number;
  perPage: number;
  requiresCounts: boolean;
}

export function isReply(x: unknown): x is Reply {
  return typeof x === 'object' && x !== null && 'status' in x && typeof (x as Reply).status === 'number';
}

function intParam(q: QueryParams, name: string): number | undefined | null {
  const v = q.get(name);
  if (v === undefined || v.trim() === '') return undefined;
  return /^\s*-?\d+\s*$/.test(v) ? Number(v) : null;
}

export function parsePaging(q: QueryParams): Paging | Reply {
  const page = intParam(q, 'page');
  const perPage = intParam(q, 'perPage');
  if (page === null || (page !== undefined && page < 1)) return validation(invalid('page', 'Page must be a number greater than 0.'));
  if (perPage === null || (perPage !== undefined && (perPage < 1 || perPage > MAX_PER_PAGE))) {
    return validation(invalid('perPage', `PerPage must be between 1 and ${MAX_PER_PAGE}.`));
  }
  return { page: page ?? 1, perPage: perPage ?? DEFAULT_PER_PAGE, requiresCounts: q.bool('requiresCounts', false) };
}

/** `count` is the total number of matches when RequiresCounts=true, otherwise 0 (ASSUMPTION, docs/BOLDDESK-API.md, "Paging"). */
export function pageOf<T>(items: readonly T[], p: Paging): { result: T[]; count: number } {
  const start = (p.page - 1) * p.perPage;
  return { result: items.slice(start, start + p.perPage), count: p.requiresCounts ? items.length : 0 };
}

/**
 * Parses `OrderBy=<field> [asc|desc]` (field names case-insensitive). `fields` maps lower-case accepted names to the
 * internal field; an unknown field or direction is a 400 on field orderBy.
 */
export function parseOrderBy<F extends string>(q: QueryParams, fields: Record<string, F>, fallback: { field: F; desc: boolean }):
  { field: F; desc: boolean } | Reply {
  const raw = q.get('orderBy')?.trim();
  if (!raw) return fallback;
  const [name, dir, ...rest] = raw.split(/\s+/);
  const field = fields[name.toLowerCase()];
  const direction = (dir ?? 'asc').toLowerCase();
  if (!field || rest.length > 0 || (direction !== 'asc' && direction !== 'desc')) {
    return validation(invalid('orderBy', `Invalid OrderBy '${raw}'.`));
  }
  return { field, desc: direction === 'desc' };
}
