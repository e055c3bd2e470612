// The fake's own unauthenticated control API under /__fake/ (only on the fake), so out-of-process users (the
// demo, the e2e runner) can inject faults, reset, read the request log and inspect tickets.
import type { FakeDb } from './db';
import { parseDialects, type Dialect } from './dialects';
import { bodyObject, iso, notFound, ok, validation, invalid, type Reply } from './http';
import { MESSAGE_TYPE_ID } from './model';
import type { Fault, FakeKey, FaultRule, RecordedRequest } from './types';

export interface ControlTarget {
  url: string;
  db: FakeDb;
  keys: FakeKey[];
  requests: RecordedRequest[];
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  revokeKey(key: string): void;
  restoreKey(key: string): void;
  reset(): void;
  readonly dialects: readonly Dialect[];
  setDialects(dialects: readonly Dialect[]): void;
  setLatency(ms: number, jitterMs?: number): void;
  readonly latencySetting: { ms: number; jitterMs: number };
}

const FAULT_TYPES = new Set<Fault['type']>(['status', 'rateLimit', 'stall', 'reset', 'malformedJson', 'wrongShape', 'hugeBody', 'redirect', 'latency', 'hold', 'down']);

function parseRule(body: unknown): FaultRule | string {
  const rule = bodyObject(body);
  const fault = rule ? bodyObject(rule.fault) : undefined;
  if (!rule || !fault || typeof fault.type !== 'string' || !FAULT_TYPES.has(fault.type as Fault['type'])) {
    return `Expected {"fault":{"type":one of ${[...FAULT_TYPES].join('|')}},"method"?,"path"?,"times"?}`;
  }
  if (rule.path !== undefined && typeof rule.path !== 'string') return '"path" must be a regex source string';
  if (typeof rule.path === 'string') {
    try {
      new RegExp(rule.path);
    } catch {
      return `"path" is not a valid regex: ${rule.path}`;
    }
  }
  if (rule.times !== undefined && (typeof rule.times !== 'number' || rule.times < 1)) return '"times" must be a positive number';
  return { fault: fault as unknown as Fault, method: typeof rule.method === 'string' ? rule.method : undefined,
    path: rule.path as string | undefined, times: rule.times as number | undefined };
}

/** The whole stored record of a ticket, with every message and its author (for assertions from outside). */
export function ticketRecord(db: FakeDb, id: number): Record<string, unknown> | undefined {
  const t = db.getTicket(id);
  if (!t) return undefined;
  const person = (userId: number | null) => {
    const u = userId === null ? undefined : db.userById(userId);
    return u ? { userId: u.userId, name: u.name, email: u.email, isAgent: u.isAgent } : null;
  };
  return {
    id: t.id, subject: t.subject, description: t.description, brandId: t.brandId, statusId: t.statusId,
    status: db.statusById(t.statusId)?.name ?? null, priorityId: t.priorityId, priority: db.priorityById(t.priorityId)?.name ?? null,
    categoryId: t.categoryId, agentId: t.agentId, agent: person(t.agentId), groupId: t.groupId, requester: person(t.requesterId),
    createdBy: person(t.createdById), lastModifiedBy: person(t.lastModifiedById), sourceId: t.sourceId,
    createdOn: iso(t.createdOn), lastModifiedOn: iso(t.lastModifiedOn), closedOn: t.closedOn === null ? null : iso(t.closedOn),
    messages: t.messages.map((m) => ({
      id: m.id, kind: m.kind, messageTypeId: MESSAGE_TYPE_ID[m.kind], isPrivate: m.kind === 'privateNote', isFirstUpdate: m.isFirstUpdate,
      description: m.description, createdOn: iso(m.createdOn), author: person(m.authorId), isFromCustomer: m.isFromCustomer,
      attachments: m.attachments.map((a) => ({ id: a.id, name: a.name, size: a.size })),
    })),
  };
}

/** Answers a /__fake/ request; body is the parsed JSON (or undefined). */
export function handleControl(target: ControlTarget, method: string, path: string, body: unknown, search: URLSearchParams): Reply {
  const parts = path.split('/').filter(Boolean).slice(1).map(decodeURIComponent); // drop "__fake"
  const route = `${method} ${parts[0] ?? ''}`;
  switch (route) {
    case 'GET info':
      return ok({ url: target.url, keys: target.keys.map((k) => ({ key: k.key, label: k.label, agent: k.agent })),
        agents: target.db.agents.map((a) => ({ userId: a.userId, name: a.name, email: a.email })), tickets: target.db.tickets.length,
        dialects: target.dialects, latency: target.latencySetting });
    case 'POST dialects': {
      // {"dialects":["unassigned-none",…]} or {"dialects":"all"}; [] = the default guesses again.
      const raw = bodyObject(body)?.dialects;
      const text = Array.isArray(raw) ? raw.join(',') : typeof raw === 'string' ? raw : undefined;
      if (text === undefined) return validation(invalid('dialects', 'Expected {"dialects":[names]} or {"dialects":"all"}'));
      try {
        target.setDialects(parseDialects(text));
      } catch (e) {
        return validation(invalid('dialects', e instanceof Error ? e.message : String(e)));
      }
      return ok({ dialects: target.dialects });
    }
    case 'POST latency': {
      // {"ms":150,"jitterMs":15}: every later BoldDesk request waits that long before it is answered.
      const o = bodyObject(body);
      const ms = o?.ms;
      const jitter = o?.jitterMs;
      if (typeof ms !== 'number' || ms < 0 || (jitter !== undefined && (typeof jitter !== 'number' || jitter < 0))) {
        return validation(invalid('ms', 'Expected {"ms":number>=0,"jitterMs"?:number>=0}'));
      }
      target.setLatency(ms, jitter as number | undefined);
      return ok({ ok: true });
    }
    case 'POST faults': {
      const rule = parseRule(body);
      if (typeof rule === 'string') return validation(invalid('fault', rule));
      target.addFault(rule);
      return ok({ ok: true }, 201);
    }
    case 'DELETE faults':
      target.clearFaults();
      return ok({ ok: true });
    case 'POST reset':
      target.reset();
      return ok({ ok: true });
    case 'GET requests': {
      const since = Number(search.get('since') ?? 0) || 0;
      return ok(target.requests.slice(since));
    }
    case 'POST keys': {
      const [key, action] = parts.slice(1);
      if (!key || (action !== 'revoke' && action !== 'restore')) return notFound('Use POST /__fake/keys/{key}/revoke|restore');
      if (action === 'revoke') target.revokeKey(key);
      else target.restoreKey(key);
      return ok({ ok: true });
    }
    case 'GET tickets': {
      const record = ticketRecord(target.db, Number(parts[1]));
      return record ? ok(record) : notFound('Ticket not found.');
    }
    case 'GET attachments':
      return { status: 200, body: `Fake attachment ${parts[1] ?? ''} (${parts[2] ?? 'file'})\n`, headers: { 'content-type': 'text/plain; charset=utf-8' } };
    default:
      return notFound('Unknown control route. See test/fake-bolddesk/control.ts');
  }
}
