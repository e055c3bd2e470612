// The ONE place a TicketQuery becomes `GET /api/v1/tickets` query parameters (docs/BOLDDESK-API.md, "Tickets list").
import { DEFAULT_FORMS, type ServerForms } from './serverForms';
import type { FilterCondition, TicketQuery } from './types';

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
 * TicketQuery → `Q` conditions (docs/BOLDDESK-API.md, "Ticket list filters"). An empty id list means no filter.
 *
 * Documented (spec, KB #16693, #20678): `status:[…]`, `lastmodifiedon:{"from":"…"}` (ISO with milliseconds).
 * From third-party code only, so every answer is checked (verifyTickets.ts) and a check may switch them off:
 *   - `agents:[…]` for assigned agents; `agents:[0]` for "unassigned" only when a connection check saw it work;
 *   - `priority:[…]`;
 *   - `subject:"…"` for free text (JSON-quoted, so quotes and backslashes are escaped), or bare when a check said so.
 * Conditions not sent are returned by localConditions(): the client filters them itself.
 */
export function ticketConditions(q: TicketQuery, forms: ServerForms = DEFAULT_FORMS): string[] {
  const conditions: string[] = [];
  const send = (c: FilterCondition) => !forms.ignored.includes(c);
  if (q.statusIds?.length) conditions.push(`status:${idList(q.statusIds)}`);
  if (q.priorityIds?.length && send('priority')) conditions.push(`priority:${idList(q.priorityIds)}`);
  const agents = (q.agentIds ?? []).filter((id) => id !== 0);
  if (agents.length && send('agent')) conditions.push(`agents:${idList(agents)}`);
  if (q.unassigned && forms.unassignedQ && send('unassigned')) conditions.push('agents:[0]');
  const text = q.text?.trim();
  if (text && send('text')) conditions.push(`subject:${forms.subjectQuoted ? JSON.stringify(text) : text}`);
  if (q.modifiedSince) {
    const t = Date.parse(q.modifiedSince);
    if (Number.isFinite(t)) conditions.push(`lastmodifiedon:${JSON.stringify({ from: new Date(t).toISOString() })}`);
  }
  return conditions;
}

/** The conditions of `q` that ticketConditions() leaves out with these forms (filtered by the client). */
export function localConditions(q: TicketQuery, forms: ServerForms = DEFAULT_FORMS): FilterCondition[] {
  const local: FilterCondition[] = [];
  if (q.priorityIds?.length && forms.ignored.includes('priority')) local.push('priority');
  if (q.agentIds?.some((id) => id !== 0) && forms.ignored.includes('agent')) local.push('agent');
  if (q.unassigned && (!forms.unassignedQ || forms.ignored.includes('unassigned'))) local.push('unassigned');
  if (q.text?.trim() && forms.ignored.includes('text')) local.push('text');
  return local;
}

/** Full query for one page of tickets, with the explicit stable order BoldDesk advises (KB #20678). */
export function ticketListParams(q: TicketQuery, page: number, perPage: number, forms: ServerForms = DEFAULT_FORMS): QueryParams {
  const params: QueryParams = [];
  if (q.filterId) params.push(['FilterId', q.filterId]);
  for (const c of ticketConditions(q, forms)) params.push(['Q', c]);
  params.push(
    ['Page', String(Math.max(1, Math.floor(page)))],
    ['PerPage', String(clampPerPage(perPage))],
    ['RequiresCounts', 'true'],
    // Default order is lastModifiedOn desc, which moves tickets between pages while paging.
    ['OrderBy', 'createdOn desc'],
  );
  return params;
}
