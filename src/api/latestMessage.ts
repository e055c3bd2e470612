// The newest message of a conversation without downloading it (auto refresh only needs to know whether the last word
// is the customer's): page 1 of `/updates` and of `/notes`, two items each, `OrderBy=createdOn desc`. BoldDesk documents
// OrderBy on its list operations but not for these two in particular (docs/BOLDDESK-API.md, "Conversation": inferred),
// so the answer is checked: two items that come oldest first mean the order was ignored, and the caller falls back to
// the whole conversation. No vscode import.
import { NotFoundError } from './errors';
import type { Json, ParseContext } from './parse';
import { readEnvelope } from './parse';
import { byCreatedThenId, parseMessage } from './parseTickets';
import type { QueryParams } from './queryBuilder';
import type { TicketMessage } from './types';

export const NEWEST_FIRST: QueryParams = [['Page', '1'], ['PerPage', '2'], ['OrderBy', 'createdOn desc']];

type Get = (path: string, query: QueryParams) => Promise<Json>;

/** The newest item of one list; 'unordered' when BoldDesk did not apply the order; undefined when empty (or 404). */
async function newestOf(get: Get, path: string, ticketId: number, kind: TicketMessage['kind']): Promise<TicketMessage | undefined | 'unordered'> {
  let body: Json;
  try {
    body = await get(path, NEWEST_FIRST);
  } catch (e) {
    if (e instanceof NotFoundError) return undefined; // an empty conversation may be a 404 (observed); a missing ticket throws below
    throw e;
  }
  const ctx: ParseContext = { request: `GET ${path}` };
  const items = readEnvelope(ctx, body).items.map((raw, i) => ({ ...parseMessage(ctx, raw, `result[${i}]`, ticketId), kind }));
  if (items.length >= 2 && byCreatedThenId(items[0], items[1]) < 0) return 'unordered';
  return items[0];
}

/**
 * The conversation's newest message (a reply or a note), or undefined when it has none. `whole` reads the full
 * conversation: used only when BoldDesk ignored the order.
 */
export async function latestMessage(get: Get, basePath: string, ticketId: number, whole: () => Promise<TicketMessage[]>): Promise<TicketMessage | undefined> {
  const [update, note] = await Promise.all([
    newestOf(get, `${basePath}/updates`, ticketId, 'reply'),
    newestOf(get, `${basePath}/notes`, ticketId, 'note'),
  ]);
  if (update === 'unordered' || note === 'unordered') return (await whole()).at(-1);
  if (!update || !note) return update ?? note;
  return byCreatedThenId(update, note) > 0 ? update : note;
}
