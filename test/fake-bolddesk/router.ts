// Route table of the BoldDesk API the fake serves, under both /api/v1 and /api/v1.0 (paths case-insensitive).
import { defaultErrorBody, type Handler } from './http';
import { getTicket, createTicket, listTickets } from './handlers/tickets';
import { listMessages, listNotes, listTicketAttachments, listUpdates, postNote, postUpdate } from './handlers/conversation';
import { updateFields } from './handlers/updateFields';
import { downloadAttachment, uploadAttachment } from './handlers/attachments';
import { brands, fieldOptions, groups, priorities, sources, statuses, ticketViews, ticketViewsManage } from './handlers/lookups';
import { createContact, getAgent, getContact, listAgents, listContacts } from './handlers/people';

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const route = (method: string, path: string, handler: Handler): Route =>
  ({ method, pattern: new RegExp(`^${path}/?$`, 'i'), handler });

const ROUTES: Route[] = [
  route('GET', '/tickets', listTickets),
  route('POST', '/tickets', createTicket),
  route('GET', '/tickets/(\\d+)', getTicket),
  // The full conversation has NO `tickets` segment (documented, docs/BOLDDESK-API.md, "Conversation").
  route('GET', '/(\\d+)/messages', listMessages),
  route('GET', '/tickets/(\\d+)/updates', listUpdates),
  route('POST', '/tickets/(\\d+)/updates', postUpdate),
  route('GET', '/tickets/(\\d+)/notes', listNotes),
  route('POST', '/tickets/(\\d+)/notes', postNote),
  route('GET', '/tickets/(\\d+)/attachments', listTicketAttachments),
  route('PUT', '/tickets/(\\d+)/update_fields', updateFields),
  route('POST', '/attachments', uploadAttachment),
  route('GET', '/brands', brands),
  route('GET', '/ticket_collections/priorities', priorities),
  route('GET', '/ticket_collections/statuses', statuses),
  route('GET', '/ticket_collections/sources', sources),
  route('GET', '/fields/collection/([^/]+)/options', fieldOptions),
  route('GET', '/ticket_views/manage', ticketViewsManage),
  route('GET', '/ticket_views', ticketViews),
  route('GET', '/groups', groups),
  route('GET', '/agents', listAgents),
  route('GET', '/agents/([^/]+)', getAgent),
  route('GET', '/contacts', listContacts),
  route('POST', '/contacts', createContact),
  route('GET', '/contacts/([^/]+)', getContact),
];

const PREFIX = /^\/api\/v1(?:\.0)?(\/.*)$/i;

export type RouteMatch =
  | { kind: 'handler'; handler: Handler; params: string[]; isTicketList: boolean }
  | { kind: 'error'; status: number; body: unknown };

/** Attachment content lives outside /api/v1, where `fileUrl` points (handlers/attachments.ts). */
const FILE_PATH = /^\/attachment\/download\/(\d+)(?:\/[^/]*)?$/i;

export function matchRoute(method: string, path: string): RouteMatch {
  const file = FILE_PATH.exec(path);
  if (file) {
    return method.toUpperCase() === 'GET'
      ? { kind: 'handler', handler: downloadAttachment, params: [file[1]], isTicketList: false }
      : { kind: 'error', status: 405, body: defaultErrorBody(405) };
  }
  const rest = PREFIX.exec(path)?.[1];
  if (rest !== undefined) {
    let pathKnown = false;
    for (const r of ROUTES) {
      const m = r.pattern.exec(rest);
      if (!m) continue;
      pathKnown = true;
      if (r.method === method.toUpperCase()) {
        return { kind: 'handler', handler: r.handler, params: m.slice(1), isTicketList: r.handler === listTickets };
      }
    }
    if (pathKnown) return { kind: 'error', status: 405, body: defaultErrorBody(405) };
  }
  return { kind: 'error', status: 404, body: defaultErrorBody(404) };
}

/** Whether a request counts against the separate `GET /tickets` rate limit. */
export function isTicketListRequest(method: string, path: string): boolean {
  const m = matchRoute(method, path);
  return m.kind === 'handler' && m.isTicketList;
}
