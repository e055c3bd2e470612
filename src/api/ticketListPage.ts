// One page of `GET /tickets` as the tree's Page: malformed rows skipped, duplicates dropped, every ticket checked
// against the list's conditions (verifyTickets.ts), and the total/hasMore worked out from BoldDesk's count only when
// nothing was filtered out here. For BoldDeskClient.listTickets (client.ts). No vscode import.
import { ProtocolError } from './errors';
import type { Json, ParseContext } from './parse';
import { parseTicketSummary } from './parseTickets';
import { failedConditions } from './verifyTickets';
import type { FilterCondition, Page, TicketQuery, TicketSummary } from './types';

export interface ListAnswer {
  path: string;
  query: TicketQuery;
  /** The conditions checked here rather than sent (queryBuilder.ts localConditions). */
  local: FilterCondition[];
  items: Json[];
  count: number | undefined;
  pageNo: number;
  size: number;
}

/** Where the page says what it left out: the client's log, and the conditions it already logged (once each). */
export interface ListLog {
  log(line: string): void;
  loggedIgnored: Set<FilterCondition>;
}

export function toTicketPage(a: ListAnswer, out: ListLog): Page<TicketSummary> {
  const { path, query, local, items, count, pageNo, size } = a;
  const seen = new Set<number>();
  const tickets: TicketSummary[] = [];
  const unapplied = new Set<FilterCondition>();
  let skipped = 0;
  items.forEach((raw, i) => {
    const t = summaryOrSkip({ request: `GET ${path}` }, raw, i);
    if (!t) return void skipped++;
    if (seen.has(t.id)) return;
    seen.add(t.id);
    // A ticket that does not meet the list's conditions is never shown as matching (verifyTickets.ts).
    const failed = failedConditions(query, t);
    for (const c of failed) if (!local.includes(c)) unapplied.add(c);
    if (failed.length === 0) tickets.push(t);
  });
  // One malformed row (no usable ticket id) is left out, never the whole list; said once per page in the log.
  if (skipped > 0) out.log(`GET ${path}: skipped ${skipped} rows without a valid ticket id.`);
  for (const c of unapplied) {
    if (out.loggedIgnored.has(c)) continue;
    out.loggedIgnored.add(c);
    // c names the Q form: status, agent (agents:[…]), unassigned (agents:[0]), priority, text (subject:…).
    out.log(`BoldDesk ignored the ${c} condition (Q)${query.filterId ? ' with FilterId' : ''} on GET ${path}: non-matching tickets left out.`);
  }
  // count is the total number of matches; 0 with items present means "not counted", so trust a full page.
  // It counts what BoldDesk matched, so it is no total of ours once we filtered anything out.
  const filtered = local.length > 0 || tickets.length < seen.size;
  const counted = count !== undefined && (count > 0 || items.length === 0) ? count : undefined;
  const total = filtered ? undefined : counted;
  const hasMore = counted !== undefined ? pageNo * size < counted : items.length >= size;
  return {
    items: tickets,
    ...(total !== undefined ? { total } : {}),
    page: pageNo,
    perPage: size,
    hasMore,
    fetched: items.length,
    ...(unapplied.size > 0 ? { unapplied: [...unapplied] } : {}),
    ...(local.length > 0 ? { local } : {}),
  };
}

/** A list row as a ticket, or undefined when the row is malformed (no valid id, not an object): the caller skips it. */
function summaryOrSkip(ctx: ParseContext, raw: Json, i: number): TicketSummary | undefined {
  try {
    return parseTicketSummary(ctx, raw, `result[${i}]`);
  } catch (e) {
    if (e instanceof ProtocolError) return undefined;
    throw e;
  }
}
