// The fake BoldDesk's test hooks: rate limits on a simulated clock, injected faults, the /__fake/ control API,
// the request log, and 100k tickets. Real HTTP on 127.0.0.1; no timing assertions.
import * as assert from 'node:assert/strict';
import http from 'node:http';
import { startFakeBoldDesk, type FakeBoldDesk } from '../../fake-bolddesk';

type Obj = Record<string, unknown>;

function get(fake: FakeBoldDesk, path: string, key: string | null = fake.keys[0].key, init: RequestInit = {}): Promise<Response> {
  return fetch(fake.url + path, { ...init, headers: key === null ? {} : { 'x-api-key': key } });
}

/** A raw request that reports how it ended, including connection errors fetch would wrap. */
function rawGet(fake: FakeBoldDesk, path: string): Promise<{ status?: number; body?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = http.get(fake.url + path, { headers: { 'x-api-key': fake.keys[0].key }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
      res.on('error', (e) => resolve({ status: res.statusCode, error: e.message }));
      res.on('aborted', () => resolve({ status: res.statusCode, error: 'aborted' }));
    });
    req.on('error', (e) => resolve({ error: e.message }));
  });
}

describe('fake BoldDesk: rate limits', () => {
  let fake: FakeBoldDesk;
  let clock = Date.UTC(2026, 0, 15, 12);

  before(async () => {
    fake = await startFakeBoldDesk({ tickets: 30, rateLimitPerMinute: 5, listRateLimitPerMinute: 3, now: () => clock, quiet: true });
  });
  after(() => fake.close());

  it('sends x-rate-limit-* on every answer and 429s with Retry-After per key owner until the window resets', async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await get(fake, '/api/v1/tickets');
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('x-rate-limit-limit'), '1m');
      assert.match(r.headers.get('x-rate-limit-reset') ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/);
      remaining.push(r.headers.get('x-rate-limit-remaining') ?? '');
    }
    assert.deepEqual(remaining, ['2', '1', '0']);
    const limited = await get(fake, '/api/v1/tickets');
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal(((await limited.json()) as { errors: Obj[] }).errors[0].errorType, 'APICallQuotaExceeded');
    assert.equal((await get(fake, '/api/v1/brands')).status, 200, 'the overall limit (5) is not reached yet');
    assert.equal((await get(fake, '/api/v1/tickets', fake.keys[1].key)).status, 200, 'another key owner has its own window');
    assert.equal((await get(fake, '/api/v1/brands')).status, 429, 'overall limit reached');
    clock += 61_000;
    assert.equal((await get(fake, '/api/v1/tickets')).status, 200);
    fake.reset();
  });
});

describe('fake BoldDesk: faults, control API and request log', () => {
  let fake: FakeBoldDesk;

  before(async () => {
    fake = await startFakeBoldDesk({ tickets: 30, quiet: true });
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  it('status faults answer the documented envelope without needing a key, for `times` requests', async () => {
    fake.addFault({ fault: { type: 'status', status: 500 }, method: 'get', path: /\/tickets$/, times: 1 });
    const r = await get(fake, '/api/v1/tickets', null);
    assert.equal(r.status, 500);
    assert.equal(((await r.json()) as { errors: Obj[] }).errors[0].errorType, 'UnknownError');
    assert.equal((await get(fake, '/api/v1/tickets')).status, 200, 'times: 1 is used up');
    fake.addFault({ fault: { type: 'status', status: 403 }, path: 'brands' });
    const denied = await get(fake, '/api/v1/brands');
    assert.equal(denied.status, 403);
    assert.equal(((await denied.json()) as { errors: Obj[] }).errors[0].errorType, 'AccessDenied');
    assert.equal((await get(fake, '/api/v1/brands')).status, 403, 'default times is unlimited');
  });

  it('rateLimit faults send 429 with Retry-After, or only x-rate-limit-reset when omitRetryAfter', async () => {
    fake.addFault({ fault: { type: 'rateLimit', retryAfterSeconds: 7 }, times: 1 });
    fake.addFault({ fault: { type: 'rateLimit', omitRetryAfter: true }, times: 1 });
    const a = await get(fake, '/api/v1/brands');
    assert.equal(a.status, 429);
    assert.equal(a.headers.get('retry-after'), '7');
    const b = await get(fake, '/api/v1/brands');
    assert.equal(b.status, 429);
    assert.equal(b.headers.get('retry-after'), null);
    assert.ok(Date.parse(b.headers.get('x-rate-limit-reset') ?? '') > 0);
  });

  it('wrongShape, malformedJson and hugeBody send 200s a strict client must reject or survive', async () => {
    fake.addFault({ fault: { type: 'wrongShape' }, times: 1 });
    assert.deepEqual(await (await get(fake, '/api/v1/tickets')).json(), { result: 'oops' });
    fake.addFault({ fault: { type: 'malformedJson' }, times: 1 });
    await assert.rejects((await get(fake, '/api/v1/tickets')).json());
    fake.addFault({ fault: { type: 'hugeBody', bytes: 3_000_000 }, times: 1 });
    const huge = await (await get(fake, '/api/v1/tickets')).text();
    assert.equal(Buffer.byteLength(huge), 3_000_000);
    assert.ok(Array.isArray((JSON.parse(huge) as { result: unknown[] }).result));
  });

  it('redirect, reset, down and stall faults; latency answers normally', async () => {
    fake.addFault({ fault: { type: 'redirect', location: 'http://localhost:9/elsewhere' }, times: 1 });
    const moved = await get(fake, '/api/v1/brands', fake.keys[0].key, { redirect: 'manual' });
    assert.equal(moved.status, 302);
    assert.equal(moved.headers.get('location'), 'http://localhost:9/elsewhere');
    fake.addFault({ fault: { type: 'reset' }, times: 1 });
    assert.ok((await rawGet(fake, '/api/v1/brands')).error);
    fake.addFault({ fault: { type: 'reset', afterHeaders: true }, times: 1 });
    const cut = await rawGet(fake, '/api/v1/brands');
    assert.equal(cut.status, 200);
    assert.ok(cut.error, 'body is cut off');
    fake.addFault({ fault: { type: 'down' }, times: 1 });
    assert.ok((await rawGet(fake, '/api/v1/brands')).error);
    fake.addFault({ fault: { type: 'stall', ms: 30_000 }, times: 1 });
    await assert.rejects(get(fake, '/api/v1/brands', fake.keys[0].key, { signal: AbortSignal.timeout(300) }));
    fake.addFault({ fault: { type: 'latency', ms: 50 }, times: 1 });
    assert.equal((await get(fake, '/api/v1/brands')).status, 200);
  });

  it('a hold fault keeps the answer back (request recorded, none sent) until releaseHeld, then answers normally', async () => {
    fake.addFault({ fault: { type: 'hold' }, method: 'GET', path: 'brands$', times: 1 });
    let answered = false;
    const pending = get(fake, '/api/v1/brands').then((r) => {
      answered = true;
      return r.status;
    });
    const held = () => fake.requests.find((r) => r.path === '/api/v1/brands' && r.endSeq === 0 && r === fake.requests[0]);
    while (!held()) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal((await get(fake, '/api/v1/brands')).status, 200, 'other requests are answered meanwhile');
    assert.equal(answered, false, 'still held');
    assert.equal(fake.releaseHeld(), 1);
    assert.equal(await pending, 200);
    assert.ok(held() === undefined, 'answered once released');
  });

  it('records every request, faulted ones too, with headers and the key owner', async () => {
    fake.addFault({ fault: { type: 'status', status: 503 }, path: 'statuses', times: 1 });
    await get(fake, '/api/v1/ticket_collections/statuses?Page=1', fake.keys[2].key);
    await get(fake, '/api/v1/brands', null);
    const [faulted, anonymous] = fake.requests;
    assert.equal(faulted.status, 503);
    assert.equal(faulted.agentUserId, fake.keys[2].agent.userId);
    assert.equal(faulted.headers['x-api-key'], fake.keys[2].key);
    assert.deepEqual(faulted.query, { Page: ['1'] });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers['x-api-key'], undefined);
    assert.equal(anonymous.agentUserId, undefined);
  });

  it('offers the same hooks over the /__fake/ control API without a key', async () => {
    const post = (path: string, body?: unknown) => fetch(fake.url + path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
    assert.equal((await post('/__fake/faults', { fault: { type: 'status', status: 502 }, path: '^/api/v1/brands$', times: 1 })).status, 201);
    assert.equal((await post('/__fake/faults', { fault: { type: 'nonsense' } })).status, 400);
    assert.equal((await get(fake, '/api/v1/brands')).status, 502);
    const log = (await (await fetch(fake.url + '/__fake/requests')).json()) as { path: string; status: number }[];
    assert.deepEqual(log.map((r) => [r.path, r.status]), [['/api/v1/brands', 502]]);
    const key = fake.keys[0].key;
    await post(`/__fake/keys/${encodeURIComponent(key)}/revoke`);
    assert.equal((await get(fake, '/api/v1/brands')).status, 401);
    await post(`/__fake/keys/${encodeURIComponent(key)}/restore`);
    assert.equal((await get(fake, '/api/v1/brands')).status, 200);

    const t = fake.db.tickets[4];
    await fetch(`${fake.url}/api/v1/tickets/${t.id}/notes`, { method: 'POST', headers: { 'x-api-key': fake.keys[1].key, 'content-type': 'application/json' },
      body: JSON.stringify({ description: '<p>secret</p>' }) });
    const record = (await (await fetch(`${fake.url}/__fake/tickets/${t.id}`)).json()) as { messages: Obj[] };
    const note = record.messages[record.messages.length - 1];
    assert.equal(note.isPrivate, true);
    assert.equal((note.author as Obj).email, fake.keys[1].agent.email);

    fake.addFault({ fault: { type: 'status', status: 500 } });
    await post('/__fake/reset');
    assert.equal(fake.requests.length, 0);
    assert.equal((await get(fake, '/api/v1/brands')).status, 200, 'reset cleared the faults');
  });
});

describe('fake BoldDesk: 100,000 tickets', () => {
  it('starts and pages through a deep page with counts and a filter', async () => {
    const fake = await startFakeBoldDesk({ tickets: 100_000, quiet: true });
    try {
      assert.equal(fake.db.tickets.length, 100_000);
      const page = (await (await get(fake, '/api/v1/tickets?Page=500&PerPage=100&RequiresCounts=true&OrderBy=createdOn desc')).json()) as { result: Obj[]; count: number };
      assert.equal(page.count, 100_000);
      assert.equal(page.result.length, 100);
      const open = (await (await get(fake, '/api/v1/tickets?Q=status:[1]&Q=agents:[0]&RequiresCounts=true')).json()) as { count: number };
      assert.equal(open.count, fake.db.tickets.filter((t) => t.statusId === 1 && t.agentId === null).length);
    } finally {
      await fake.close();
    }
  });
});
