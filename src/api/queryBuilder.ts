// The ONE place a TicketQuery becomes `GET /api/v1/tickets` query parameters (bolddesk-api.md §2, §3).
import type { TicketQuery } from './types';

/** Ordered name/value pairs: `Q` repeats, one condition per occurrence. */
export type QueryParams = Array<[string, string]>;

export const MAX_PER_PAGE = 100;

/** Clamp to BoldDesk's page-size limit (1…100; the spec states none, every client uses 100). */
export function clampPerPage(perPage: number): number {
  if (!Number.isFinite(perPage)) return MAX_PER_PAGE;
  return Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(perPage)));
}

function idList(ids: number[]): string {
  return `[${ids.filter((n) => Number.isSafeInteger(n)).join(',')}]`;
}

/**
 * TicketQuery → `Q` conditions. An empty id list means "no filter on that field".
 *
 * confirmed (S1, S3): `status:[…]`, `lastmodifiedon:{"from":"…"}` (ISO with milliseconds).
 * ASSUMPTION (keys used by a third-party client, not verified on a live tenant, §2.2):
 *   - `agents:[…]` for assigned agents, with `agents:[0]` meaning "unassigned";
 *   - `priority:[…]`;
 *   - `subject:"…"` for free text (JSON-quoted, so quotes and backslashes in the text are escaped).
 * Change the keys here and nowhere else if a tenant says otherwise.
 */
export function ticketConditions(q: TicketQuery): string[] {
  const conditions: string[] = [];
  if (q.statusIds?.length) conditions.push(`status:${idList(q.statusIds)}`);
  if (q.priorityIds?.length) conditions.push(`priority:${idList(q.priorityIds)}`);
  if (q.agentIds?.length) conditions.push(`agents:${idList(q.agentIds)}`);
  const text = q.text?.trim();
  if (text) conditions.push(`subject:${JSON.stringify(text)}`);
  if (q.modifiedSince) {
    const t = Date.parse(q.modifiedSince);
    if (Number.isFinite(t)) conditions.push(`lastmodifiedon:${JSON.stringify({ from: new Date(t).toISOString() })}`);
  }
  return conditions;
}

/** Full query for one page of tickets, with the explicit stable order BoldDesk advises (§2.1). */
export function ticketListParams(q: TicketQuery, page: number, perPage: number): QueryParams {
  const params: QueryParams = [];
  if (q.filterId) params.push(['FilterId', q.filterId]);
  for (const c of ticketConditions(q)) params.push(['Q', c]);
  params.push(
    ['Page', String(Math.max(1, Math.floor(page)))],
    ['PerPage', String(clampPerPage(perPage))],
    ['RequiresCounts', 'true'],
    // Default order is lastModifiedOn desc, which moves tickets between pages while paging.
    ['OrderBy', 'createdOn desc'],
  );
  return params;
}
