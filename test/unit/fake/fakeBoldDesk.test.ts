// The fake BoldDesk server against the reference: auth, query conventions, paging, filters, shapes, conversation,
// writes and their attribution. Runs a real HTTP server on 127.0.0.1 (no mocks). Faults, rate limits, the
// control API and scale are in fakeBoldDeskFaults.test.ts.
import * as assert from 'node:assert/strict';
import { startFakeBoldDesk, type FakeBoldDesk } from '../../fake-bolddesk';

interface Res {
  status: number;
  headers: Headers;
  json: unknown;
}
type Obj = Record<string, unknown>;
type ListBody = { result: Obj[]; count: number };

const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

async function call(fake: FakeBoldDesk, path: string, init: { method?: string; body?: unknown; key?: string | null } = {}): Promise<Res> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const key = init.key === undefined ? fake.keys[0].key : init.key;
  if (key !== null) headers['x-api-key'] = key;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(fake.url + path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

const list = (r: Res): ListBody => r.json as ListBody;
const isoAt = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('fake BoldDesk: API behaviour', () => {
  let fake: FakeBoldDesk;
  let clock = T0;

  before(async () => {
    fake = await startFakeBoldDesk({ tickets: 80, seed: 7, now: () => clock, quiet: true });
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  it('answers 401 with the documented envelope for a missing, unknown or revoked key', async () => {
    const expected = { message: 'Unauthorized', statusCode: 401, errors: [{ field: 'User', errorMessage: 'Unauthorized', errorType: 'Unauthorized' }] };
    assert.deepEqual((await call(fake, '/api/v1/brands', { key: null })).json, expected);
    assert.equal((await call(fake, '/api/v1/brands', { key: 'not-a-key' })).status, 401);
    fake.revokeKey(fake.keys[1].key);
    assert.equal((await call(fake, '/api/v1/brands', { key: fake.keys[1].key })).status, 401);
    fake.restoreKey(fake.keys[1].key);
    assert.equal((await call(fake, '/api/v1/brands', { key: fake.keys[1].key })).status, 200);
  });

  it('serves both /api/v1 and /api/v1.0, and 404s unknown routes with the NotFound envelope', async () => {
    assert.deepEqual((await call(fake, '/api/v1.0/brands')).json, (await call(fake, '/api/v1/brands')).json);
    const r = await call(fake, '/api/v1/no_such_thing');
    assert.equal(r.status, 404);
    assert.equal((r.json as { errors: Obj[] }).errors[0].errorType, 'NotFound');
  });

  it('matches query names case-insensitively and pages without duplicates under an explicit OrderBy', async () => {
    const a = list(await call(fake, '/api/v1/tickets?Page=2&PerPage=5&RequiresCounts=true&OrderBy=ticketId%20asc'));
    const b = list(await call(fake, '/api/v1/tickets?page=2&perpage=5&requirescounts=TRUE&orderby=ticketId+asc'));
    assert.deepEqual(b, a);
    assert.deepEqual(a.result.map((t) => t.ticketId), [1006, 1007, 1008, 1009, 1010]);
    assert.equal(a.count, 80);

    const seen: number[] = [];
    const created: string[] = [];
    for (let page = 1; ; page++) {
      const p = list(await call(fake, `/api/v1/tickets?Page=${page}&PerPage=7&RequiresCounts=true&OrderBy=createdOn desc`));
      assert.equal(p.count, 80);
      if (p.result.length === 0) break;
      for (const t of p.result) {
        seen.push(t.ticketId as number);
        created.push(t.createdOn as string);
      }
    }
    assert.equal(new Set(seen).size, 80);
    assert.deepEqual(created, [...created].sort().reverse());
  });

  it('defaults to 10 per page, rejects PerPage over 100 and sends count 0 without RequiresCounts', async () => {
    assert.equal(list(await call(fake, '/api/v1/tickets')).result.length, 10);
    assert.equal(list(await call(fake, '/api/v1/tickets')).count, 0);
    const r = await call(fake, '/api/v1/tickets?PerPage=101');
    assert.equal(r.status, 400);
    assert.equal((r.json as { errors: Obj[] }).errors[0].field, 'perPage');
  });

  it('filters with Q (status, priority, agents incl. 0 = unassigned, requester, subject, dates, ids) and rejects unknown keys', async () => {
    const all = fake.db.tickets;
    const count = async (...q: string[]) =>
      list(await call(fake, `/api/v1/tickets?PerPage=100&RequiresCounts=true&${q.map((c) => 'Q=' + encodeURIComponent(c)).join('&')}`));
    const open = await count('status:[1,2]');
    assert.equal(open.count, all.filter((t) => t.statusId === 1 || t.statusId === 2).length);
    assert.ok(open.result.every((t) => [1, 2].includes((t.status as Obj).id as number)));
    const unassignedUrgent = await count('agents:[0]', 'priority:[4]');
    assert.equal(unassignedUrgent.count, all.filter((t) => t.agentId === null && t.priorityId === 4).length);
    assert.ok(unassignedUrgent.result.every((t) => t.agent === null));
    assert.equal((await count('agents:[11]')).count, all.filter((t) => t.agentId === 11).length);
    const requester = all[3].requesterId;
    assert.equal((await count(`requester:[${requester}]`)).count, all.filter((t) => t.requesterId === requester).length);
    const word = all[0].subject.split(' ')[1];
    const bySubject = await count(`subject:"${word.toUpperCase()}"`);
    assert.equal(bySubject.count, all.filter((t) => t.subject.toLowerCase().includes(word.toLowerCase())).length);
    assert.ok(bySubject.count >= 1);
    const from = all[20].createdOn;
    const to = all[30].createdOn;
    const range = `{"from":"${new Date(from).toISOString()}","to":"${new Date(to).toISOString()}"}`;
    assert.equal((await count(`createdon:${range}`)).count, 11);
    assert.equal((await count(`lastmodifiedon:{"from":"${new Date(from).toISOString()}"}`)).count, all.filter((t) => t.lastModifiedOn >= from).length);
    assert.deepEqual((await count('ids:[1003,1005,99]')).result.map((t) => t.ticketId).sort(), [1003, 1005]);
    for (const bad of ['colour:[1]', 'status:1,2', 'subject:', 'subject:"unterminated']) {
      const r = await call(fake, `/api/v1/tickets?Q=${encodeURIComponent(bad)}`);
      assert.equal(r.status, 400, bad);
      assert.equal((r.json as { message: string }).message, 'Validation Failed');
    }
  });

  it('lists views as a bare array and applies a view via FilterId, "My…" per key owner', async () => {
    const views = (await call(fake, '/api/v1/ticket_views/manage')).json as Obj[];
    assert.ok(Array.isArray(views));
    const urgent = views.find((v) => v.name === 'Urgent tickets') as Obj;
    const mine = views.find((v) => v.name === 'My Pending Tickets') as Obj;
    assert.equal(typeof urgent.filterId, 'string');
    const u = list(await call(fake, `/api/v1/tickets?FilterId=${urgent.filterId}&PerPage=100&RequiresCounts=true`));
    assert.ok(u.count > 0 && u.result.every((t) => (t.priority as Obj).id === 4 && (t.status as Obj).id as number <= 4));
    for (const k of [fake.keys[0], fake.keys[2]]) {
      const m = list(await call(fake, `/api/v1/tickets?FilterId=${mine.filterId}&PerPage=100`, { key: k.key }));
      assert.ok(m.result.length > 0 && m.result.every((t) => (t.agent as Obj).id === k.agent.userId), k.label);
    }
    assert.equal((await call(fake, '/api/v1/tickets?FilterId=999')).status, 400);
  });

  it('uses different shapes for list items and the detail, and mixes string/object requestedBy and brand', async () => {
    const items = list(await call(fake, '/api/v1/tickets?PerPage=60&OrderBy=ticketId')).result;
    assert.ok(items.every((t) => typeof t.ticketId === 'number' && !('id' in t) && 'description' in (t.priority as Obj)));
    assert.ok(items.some((t) => typeof t.requestedBy === 'string') && items.some((t) => typeof t.requestedBy === 'object'));
    assert.ok(items.some((t) => typeof t.brand === 'string') && items.some((t) => typeof t.brand === 'object'));
    const d = (await call(fake, '/api/v1/tickets/1002')).json as Obj;
    assert.equal(d.id, 1002);
    assert.ok(!('ticketId' in d));
    assert.deepEqual(Object.keys(d.priority as Obj).sort(), ['id', 'name']);
    assert.match(d.description as string, /<p>/);
    assert.equal((await call(fake, '/api/v1/tickets/999999')).status, 404);
  });

  it('answers 404 for a ticket without messages and lists others oldest first with the first update', async () => {
    const empty = fake.db.tickets.find((t) => t.messages.length === 0);
    assert.ok(empty, 'seed has tickets without messages');
    const r = await call(fake, `/api/v1/${empty.id}/messages`);
    assert.equal(r.status, 404);
    assert.equal((r.json as { errors: Obj[] }).errors[0].errorType, 'NotFound');
    const busy = fake.db.tickets.find((t) => t.messages.length >= 4);
    assert.ok(busy);
    const m = list(await call(fake, `/api/v1/${busy.id}/messages?PerPage=100&RequiresCounts=true`));
    assert.equal(m.count, busy.messages.length);
    assert.equal(m.result[0].isFirstUpdate, true);
    assert.ok(m.result.every((x, i) => i === 0 || (x.createdOn as string) >= (m.result[i - 1].createdOn as string)));
    assert.ok(m.result.every((x) => [1, 2, 3].includes(x.messageTypeId as number) && typeof (x.updatedBy as Obj).userId === 'number'));
    assert.ok(fake.db.tickets.some((t) => t.messages.some((x) => x.attachments.length > 0)));
  });

  it('creates a ticket attributed to the key owner, validating required fields and requester rules', async () => {
    const missing = await call(fake, '/api/v1/tickets', { method: 'POST', body: {} });
    assert.equal(missing.status, 400);
    const fields = (missing.json as { errors: Obj[] }).errors.filter((e) => e.errorType === 'FieldRequired').map((e) => e.field).sort();
    assert.deepEqual(fields, ['brandId', 'description', 'priorityId', 'subject']);
    const base = { brandId: 1, subject: 'Printer on fire', description: '<p>Smoke</p>', priorityId: 4 };
    const noName = await call(fake, '/api/v1/tickets', { method: 'POST', body: { ...base, requesterEmailId: 'new.person@example.org', requesterId: null } });
    assert.equal(noName.status, 400);
    assert.equal((noName.json as { errors: Obj[] }).errors[0].field, 'requesterName');

    clock = T0 + 5_000;
    const bot = fake.keys.find((k) => k.label === 'API Bot');
    assert.ok(bot);
    const created = await call(fake, '/api/v1/tickets', { method: 'POST', key: bot.key,
      body: { ...base, requesterEmailId: 'new.person@example.org', requesterName: 'New Person', requesterId: null } });
    assert.equal(created.status, 201);
    assert.equal((created.json as Obj).isFileUploadSuccess, true);
    const id = (created.json as Obj).id as number;
    const d = (await call(fake, `/api/v1/tickets/${id}`)).json as Obj;
    assert.equal((d.createdBy as Obj).userId, bot.agent.userId);
    assert.equal((d.requester as Obj).emailId, 'new.person@example.org');
    assert.equal(d.createdOn, isoAt(clock));
    const first = list(await call(fake, `/api/v1/${id}/messages`)).result[0];
    assert.equal((first.updatedBy as Obj).userId, bot.agent.userId);
    const again = await call(fake, '/api/v1/tickets', { method: 'POST', body: { ...base, requesterEmailId: 'NEW.person@example.org' } });
    assert.equal(again.status, 201, 'an existing contact e-mail needs no name');
    assert.equal(fake.db.contacts.filter((c) => c.email === 'new.person@example.org').length, 1);
  });

  it('records a reply and notes with author and visibility, and bumps lastModifiedOn', async () => {
    const ben = fake.keys[2];
    const t = fake.db.tickets[10];
    clock = T0 + 60_000;
    const reply = await call(fake, `/api/v1/tickets/${t.id}/updates`, { method: 'POST', key: ben.key, body: { description: '<p>On it</p>', replyOnBehalfOfRequester: false } });
    assert.equal(reply.status, 201);
    const note = await call(fake, `/api/v1/tickets/${t.id}/notes?isPublicNote=false`, { method: 'POST', key: ben.key, body: { description: '<p>internal</p>' } });
    const pub = await call(fake, `/api/v1/tickets/${t.id}/notes?ispublicnote=true`, { method: 'POST', body: { description: '<p>public</p>' } });
    assert.equal(note.status, 201);
    const msgs = list(await call(fake, `/api/v1/${t.id}/messages?PerPage=100`)).result;
    const byId = (x: Res) => msgs.find((m) => m.id === (x.json as Obj).id) as Obj;
    assert.equal(byId(reply).messageTypeId, 1);
    assert.equal((byId(reply).updatedBy as Obj).userId, ben.agent.userId);
    assert.equal(byId(note).messageTypeId, 2);
    assert.equal(byId(pub).messageTypeId, 3);
    assert.equal((byId(pub).updatedBy as Obj).userId, fake.keys[0].agent.userId);
    const notes = list(await call(fake, `/api/v1/tickets/${t.id}/notes?PerPage=100`)).result.map((m) => m.id);
    const updates = list(await call(fake, `/api/v1/tickets/${t.id}/updates?PerPage=100`)).result.map((m) => m.id);
    assert.ok(notes.includes((note.json as Obj).id) && !updates.includes((note.json as Obj).id));
    assert.ok(updates.includes((reply.json as Obj).id));
    assert.equal(((await call(fake, `/api/v1/tickets/${t.id}`)).json as Obj).lastUpdatedOn, isoAt(clock));
    assert.equal(list(await call(fake, '/api/v1/tickets?PerPage=1')).result[0].ticketId, t.id, 'default order is lastModifiedOn desc');
    const blank = await call(fake, `/api/v1/tickets/${t.id}/updates`, { method: 'POST', body: { description: '  ' } });
    assert.equal(blank.status, 400);
    assert.deepEqual((blank.json as { errors: Obj[] }).errors[0], { field: 'description', errorMessage: 'This field is required.', errorType: 'FieldRequired' });
  });

  it('updates fields with case-insensitive keys and numeric strings, and says "No changes found." otherwise', async () => {
    const t = fake.db.tickets[12];
    const target = { status: t.statusId === 2 ? 3 : 2, priority: t.priorityId === 3 ? 1 : 3 };
    const put = (fields: Obj) => call(fake, `/api/v1/tickets/${t.id}/update_fields`, { method: 'PUT', body: { fields } });
    const r = await put({ StatusId: String(target.status), priorityid: target.priority, AGENTID: null });
    assert.deepEqual(r.json, { isSuccess: true, message: 'Successfully updated.' });
    const d = (await call(fake, `/api/v1/tickets/${t.id}`)).json as Obj;
    assert.equal((d.status as Obj).id, target.status);
    assert.deepEqual(d.priority, { id: target.priority, name: fake.db.priorityById(target.priority)?.name });
    assert.equal(d.agent, null);
    const same = await put({ statusId: target.status });
    assert.equal(same.status, 400);
    assert.equal((same.json as Obj).message, 'No changes found.');
    assert.equal((same.json as { errors: Obj[] }).errors[0].errorType, 'NoChangeFound');
    const bad = await put({ statusId: 99 });
    assert.equal(bad.status, 400);
    assert.equal((bad.json as { errors: Obj[] }).errors[0].field, 'statusId');
  });

  it('serves lookups, agents by e-mail or id, and contacts with Filter and create', async () => {
    const statuses = (await call(fake, '/api/v1/ticket_collections/statuses')).json as { result: Obj[] };
    const closedCats = statuses.result.filter((s) => ['Resolved', 'Closed'].includes(s.name as string)).map((s) => (s.statusCategory as Obj).name);
    assert.deepEqual(closedCats, ['Solved', 'Closed']);
    assert.deepEqual(((await call(fake, '/api/v1/ticket_collections/priorities')).json as { result: Obj[] }).result.map((p) => p.name), ['Low', 'Medium', 'High', 'Urgent']);
    assert.ok(list(await call(fake, '/api/v1/fields/collection/category/options')).result.length >= 5);
    const ana = (await call(fake, '/api/v1/agents/' + encodeURIComponent('ANA@example.com'))).json as Obj;
    assert.equal(ana.name, 'Ana Agent');
    assert.equal(((await call(fake, `/api/v1/agents/${ana.userId}`)).json as Obj).emailId, 'ana@example.com');
    assert.equal((await call(fake, '/api/v1/agents/nobody@example.com')).status, 404);
    const c = fake.db.contacts[5];
    const found = list(await call(fake, `/api/v1/contacts?Filter=${encodeURIComponent(c.email.slice(0, 8).toUpperCase())}&RequiresCounts=true`));
    assert.ok(found.result.some((x) => x.userId === c.userId));
    const made = await call(fake, '/api/v1/contacts', { method: 'POST', body: { contactName: 'Zed Zero', emailId: 'zed@zero.example' } });
    assert.equal(made.status, 201);
    assert.equal((await call(fake, '/api/v1/contacts', { method: 'POST', body: { contactName: 'Zed', emailId: 'zed@zero.example' } })).status, 400);
  });

  it('generates the same data for the same seed and different data for another', async () => {
    const same = await startFakeBoldDesk({ tickets: 80, seed: 7, now: () => T0, quiet: true });
    const other = await startFakeBoldDesk({ tickets: 80, seed: 8, now: () => T0, quiet: true });
    try {
      const fresh = same.db.tickets.slice(0, 10).map((t) => [t.subject, t.statusId, t.description]);
      assert.deepEqual(fresh, fake.db.tickets.slice(0, 10).map((t) => [t.subject, t.statusId, t.description]));
      assert.notDeepEqual(other.db.tickets.slice(0, 10).map((t) => t.subject), fresh.map((x) => x[0]));
    } finally {
      await same.close();
      await other.close();
    }
  });
});
