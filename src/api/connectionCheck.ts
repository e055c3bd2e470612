// BoldDesk: Check Connection — a few cheap requests (at most MAX_CHECK_REQUESTS, paced by the client's rate limiter)
// that settle, on the user's own help desk, what BoldDesk's documentation leaves open (docs/BOLDDESK-API.md,
// "Assumptions"): is the key valid, does BoldDesk apply each `Q` form the extension uses (asked with a small page
// and checked against the tickets it returns), are lookups paged, can this key read the views, how notes are told.
// The result becomes the ServerForms the client sends (cached per origin) and a report without the key or any
// customer data (no subjects, names or e-mails of customers).
// Shipped as its own file (dist/connectionCheck.js, esbuild.js) and loaded when the command runs, so it costs
// activation nothing. Errors thrown by the client come from the main bundle's classes: they are told apart by
// `kind`, never by instanceof.
import * as l10n from '@vscode/l10n';
import { type CheckResult, MAX_CHECK_REQUESTS, type Verdict } from './checkResult';
import type { Json } from './parse';
import { readEnvelope } from './parse';
import { parseTicketSummary } from './parseTickets';
import type { QueryParams } from './queryBuilder';
import type { FilterCondition, TicketSummary } from './types';
import { failedConditions } from './verifyTickets';

/** What the check needs from the client: one raw GET (paced, retried and logged like every request). */
export interface ProbeApi {
  readonly origin: string;
  probe(path: string, query: QueryParams): Promise<unknown>;
}

const API = '/api/v1';

/** The client's error kind ('auth', 'validation', …), or undefined for anything that is not a BoldDesk error. */
function kindOf(e: unknown): string | undefined {
  const k = typeof e === 'object' && e !== null ? (e as { kind?: unknown }).kind : undefined;
  return typeof k === 'string' ? k : undefined;
}

/** This file may be a separate bundle with its own copy of @vscode/l10n: the command hands it VS Code's strings. */
export function configureL10n(contents: Record<string, string> | undefined): void {
  if (contents) l10n.config({ contents });
}

class Budget {
  used = 0;
  constructor(private readonly api: ProbeApi) {}
  get left(): number {
    return MAX_CHECK_REQUESTS - this.used;
  }
  async get(path: string, query: QueryParams = []): Promise<Json | undefined> {
    if (this.left <= 0) return undefined;
    this.used++;
    return (await this.api.probe(path, query)) as Json;
  }
}

function tickets(body: Json | undefined): TicketSummary[] {
  if (body === undefined) return [];
  const ctx = { request: `GET ${API}/tickets` };
  return readEnvelope(ctx, body).items.map((raw, i) => parseTicketSummary(ctx, raw, `result[${i}]`));
}

function resultCount(body: Json | undefined): number {
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && Array.isArray(body.result)) return body.result.length;
  return Array.isArray(body) ? body.length : 0;
}

interface Answer { items: TicketSummary[]; count?: number; rejected: boolean }

/** One page of tickets for a `Q` list (and extra parameters); a 400 from BoldDesk is an answer ("rejected"). */
async function ask(b: Budget, q: string[], perPage = 1, extra: QueryParams = []): Promise<Answer> {
  try {
    const params: QueryParams = [...extra, ...q.map((c): [string, string] => ['Q', c]), ['Page', '1'], ['PerPage', String(perPage)], ['RequiresCounts', 'true'], ['OrderBy', 'createdOn desc']];
    const body = await b.get(`${API}/tickets`, params);
    return { items: tickets(body), count: body === undefined ? undefined : readEnvelope({ request: 'GET tickets' }, body).count, rejected: false };
  } catch (e) {
    if (kindOf(e) === 'validation') return { items: [], rejected: true };
    throw e;
  }
}

/** Checked on the ticket returned AND on the count: a condition BoldDesk ignores gives the baseline's count. */
function verdictOf(r: Answer, check: (t: TicketSummary) => boolean, baseline: Answer | undefined): Verdict {
  if (r.rejected) return 'rejected';
  if (r.items.length === 0) return 'unknown';
  if (!r.items.every(check)) return 'ignored';
  const unfiltered = baseline && !baseline.rejected && baseline.items.some((t) => !check(t))
    && r.count !== undefined && baseline.count !== undefined && r.count >= baseline.count;
  return unfiltered ? 'ignored' : 'honoured';
}

/** Lookups: statuses as the old code asked (no paging) and page by page. Returns the status ids. */
async function checkStatuses(b: Budget, result: CheckResult): Promise<number[]> {
  const statusPath = `${API}/ticket_collections/statuses`;
  const unpaged = resultCount(await b.get(statusPath));
  const statusBody = await b.get(statusPath, [['Page', '1'], ['PerPage', '100']]);
  const statusItems = statusBody !== undefined ? readEnvelope({ request: `GET ${statusPath}` }, statusBody).items : [];
  result.statuses = { unpaged, total: statusItems.length };
  return statusItems.map((s) => (typeof s === 'object' && s !== null && !Array.isArray(s) ? Number(s.id) : NaN)).filter(Number.isSafeInteger);
}

/** The status, agent, unassigned and priority forms, each probed with the sample's status condition kept. */
async function checkForms(b: Budget, result: CheckResult, statusIds: number[], me: { userId: number } | undefined, sample: Answer): Promise<void> {
  const one = statusIds.slice(0, 1);
  const all = statusIds.length ? [`status:[${statusIds.join(',')}]`] : [];
  const verdict = (r: Answer, check: (t: TicketSummary) => boolean) => verdictOf(r, check, sample);
  if (one.length) result.forms.status = verdict(await ask(b, [`status:[${one[0]}]`]), (t) => t.status?.id === one[0]);

  if (me) result.forms.agent = verdict(await ask(b, [...all, `agents:[${me.userId}]`]), (t) => t.agent?.id === me.userId);

  // agents:[0]: honoured only if it returns an unassigned ticket; an empty answer while the sample shows unassigned
  // tickets means it matches nothing.
  const unassigned = await ask(b, [...all, 'agents:[0]']);
  const noAgent = (t: TicketSummary) => !t.agent || t.agent.id === 0;
  result.forms.unassigned = verdict(unassigned, noAgent);
  if (result.forms.unassigned === 'unknown' && !unassigned.rejected && sample.items.some(noAgent)) result.forms.unassigned = 'ignored';

  const withPriority = sample.items.find((t) => t.priority);
  if (withPriority?.priority) {
    const p = withPriority.priority.id;
    result.forms.priority = verdict(await ask(b, [...all, `priority:[${p}]`]), (t) => t.priority?.id === p);
  }
}

/** A word from a sample subject (never reported), quoted first; bare when the quoted form did not work. */
async function checkText(b: Budget, result: CheckResult, all: string[], sample: Answer): Promise<void> {
  const word = sample.items.map((t) => t.subject.split(/\s+/).find((w) => /^[\p{L}\p{N}]{4,}$/u.test(w))).find(Boolean);
  if (!word) return;
  const has = (t: TicketSummary) => failedConditions({ text: word }, t).length === 0;
  const quoted = verdictOf(await ask(b, [...all, `subject:${JSON.stringify(word)}`]), has, sample);
  result.forms.text = quoted;
  if (quoted !== 'honoured' && b.left > 0) {
    const bare = verdictOf(await ask(b, [...all, `subject:${word}`]), has, sample);
    if (bare === 'honoured') {
      result.forms.text = 'honoured';
      result.subjectQuoted = false;
    }
  }
}

/** Views: the admin list (gives filterId), else the agent's own list. Returns a view's filter id, if any. */
async function checkViews(b: Budget, result: CheckResult): Promise<string | undefined> {
  let filterId: string | undefined;
  try {
    const views = await b.get(`${API}/ticket_views/manage`, [['Page', '1'], ['PerPage', '1']]);
    result.views = 'admin list';
    if (Array.isArray(views) && views[0] && typeof views[0] === 'object' && !Array.isArray(views[0])) filterId = String(views[0].filterId ?? views[0].id);
  } catch (e) {
    if (kindOf(e) === 'auth' || kindOf(e) === undefined) throw e;
    try {
      const views = await b.get(`${API}/ticket_views`, [['Page', '1'], ['PerPage', '1']]);
      result.views = 'agent list';
      if (Array.isArray(views) && views[0] && typeof views[0] === 'object' && !Array.isArray(views[0])) filterId = String(views[0].id);
    } catch (e2) {
      if (kindOf(e2) === 'auth' || kindOf(e2) === undefined) throw e2;
    }
  }
  return filterId;
}

/** The view alone, then the view plus the status of one of its tickets: both must hold. */
async function checkFilterIdWithQ(b: Budget, result: CheckResult, filterId: string | undefined): Promise<void> {
  if (filterId === undefined || b.left < 3) return;
  const view = await ask(b, [], 30, [['FilterId', filterId]]);
  const status = view.items[0]?.status?.id;
  if (status === undefined) return;
  const both = await ask(b, [`status:[${status}]`], 1, [['FilterId', filterId]]);
  result.filterIdWithQ = verdictOf(both, (t) => t.status?.id === status, view);
}

/** Notes: read one ticket's notes and see whether they carry the documented marker. */
async function checkNotes(b: Budget, result: CheckResult, ticket: TicketSummary | undefined): Promise<void> {
  if (!ticket) return;
  try {
    const body = await b.get(`${API}/tickets/${ticket.id}/notes`, [['Page', '1'], ['PerPage', '1']]);
    const items = body !== undefined ? readEnvelope({ request: 'GET notes' }, body).items : [];
    const first = items[0];
    if (first && typeof first === 'object' && !Array.isArray(first)) result.notes = 'notesType' in first ? 'notesType' : 'no notes seen';
  } catch (e) {
    if (kindOf(e) === 'auth' || kindOf(e) === undefined) throw e;
    result.notes = 'unreadable';
  }
}

export async function runConnectionCheck(api: ProbeApi, me: { userId: number; name: string } | undefined, now = () => new Date()): Promise<CheckResult> {
  const b = new Budget(api);
  const result: CheckResult = {
    origin: api.origin, at: now().toISOString(), key: 'valid', forms: { status: 'unknown', agent: 'unknown', unassigned: 'unknown', priority: 'unknown', text: 'unknown' },
    subjectQuoted: true, filterIdWithQ: 'unknown', statuses: undefined, views: 'refused', notes: 'no notes seen', requests: 0,
  };
  if (me) result.agentName = me.name;
  try {
    await b.get(`${API}/brands`);
  } catch (e) {
    if (kindOf(e) === 'auth') {
      result.key = 'rejected';
      result.requests = b.used;
      return result;
    }
    throw e;
  }
  const statusIds = await checkStatuses(b, result);
  // A sample of tickets filtered by every status: the forms are checked on it, and it gives values to test.
  const all = statusIds.length ? [`status:[${statusIds.join(',')}]`] : [];
  const sample = all.length ? await ask(b, all, 30) : { items: [], rejected: false };
  await checkForms(b, result, statusIds, me, sample);
  await checkText(b, result, all, sample);
  await checkFilterIdWithQ(b, result, await checkViews(b, result));
  await checkNotes(b, result, sample.items[0]);
  result.requests = b.used;
  return result;
}

function verdictText(v: Verdict): string {
  switch (v) {
    case 'honoured': return l10n.t('applied by BoldDesk');
    case 'ignored': return l10n.t('NOT applied (BoldDesk returned non-matching tickets or none)');
    case 'rejected': return l10n.t('refused by BoldDesk (400)');
    case 'unknown': return l10n.t('could not be checked (no ticket to check)');
  }
}

function fallbackText(c: FilterCondition, v: Verdict): string {
  if (c === 'unassigned') return v === 'honoured' ? l10n.t('sent to BoldDesk') : l10n.t('filtered in VS Code from the open tickets');
  if (v === 'ignored' || v === 'rejected') return l10n.t('not sent; filtered in VS Code');
  return l10n.t('sent to BoldDesk; every returned ticket is still checked');
}

/** The copyable report. No key, no customer data: verdicts, counts and the help desk's host only. */
export function reportText(r: CheckResult, extensionVersion: string): string {
  const lines: string[] = [];
  lines.push(l10n.t('BoldDesk connection check — {0}', r.at));
  lines.push(l10n.t('Help desk: {0}', r.origin));
  lines.push(l10n.t('Extension version: {0}', extensionVersion));
  lines.push(l10n.t('API key: {0} (the key itself is not shown)', r.key === 'valid' ? l10n.t('accepted') : l10n.t('REJECTED')));
  if (r.key === 'rejected') return lines.join('\n');
  lines.push(l10n.t('Acting agent (bolddesk.agentEmail): {0}', r.agentName ?? l10n.t('not set or not found')));
  lines.push('');
  lines.push(l10n.t('Ticket list filters (Q):'));
  const forms: [FilterCondition, string][] = [
    ['status', 'status:[…]'], ['agent', 'agents:[me]'], ['unassigned', 'agents:[0]'], ['priority', 'priority:[…]'],
    ['text', r.subjectQuoted ? 'subject:"…"' : 'subject:…'],
  ];
  for (const [c, form] of forms) lines.push(`  ${form.padEnd(14)} ${verdictText(r.forms[c])} → ${fallbackText(c, r.forms[c])}`);
  lines.push(`  ${'FilterId + Q'.padEnd(14)} ${verdictText(r.filterIdWithQ)} → ${l10n.t('every returned ticket is checked')}`);
  lines.push('');
  const s = r.statuses;
  lines.push(s
    ? l10n.t('Statuses: {0} without paging, {1} when paged → the extension reads every lookup page by page', s.unpaged, s.total)
    : l10n.t('Statuses: not read'));
  lines.push(l10n.t('Views: {0}', r.views === 'admin list' ? l10n.t('readable (admin list)')
    : r.views === 'agent list' ? l10n.t('admin list refused; the agent list is used') : l10n.t('NOT readable with this key; built-in lists only')));
  lines.push(l10n.t('Notes: {0} → notes are read from /notes, replies from /updates', r.notes === 'notesType' ? l10n.t('marked with notesType')
    : r.notes === 'unreadable' ? l10n.t('could not be read') : l10n.t('none seen on the sample ticket')));
  lines.push(l10n.t('Requests used: {0} of {1}', r.requests, MAX_CHECK_REQUESTS));
  return lines.join('\n');
}

