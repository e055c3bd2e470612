// Every error class, retries and the key's safety, against the real fake BoldDesk over HTTP.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BoldDeskClient } from '../../../src/api/client';
import { describeError } from '../../../src/api/describeError';
import {
  AuthError,
  BoldDeskError,
  CancelledError,
  ConfigError,
  NetworkError,
  NotFoundError,
  PermissionError,
  ProtocolError,
  RateLimitError,
  RedirectError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../../../src/api/errors';
import { authMessage } from '../../../src/api/httpErrors';
import { assertNoKey, type Harness, rejection, startHarness } from './clientHelpers';

describe('BoldDeskClient errors (fake BoldDesk)', () => {
  let h: Harness;
  const errors: BoldDeskError[] = [];
  const expectError = async <E extends BoldDeskError>(p: Promise<unknown>, cls: abstract new (...a: never[]) => E): Promise<E> => {
    const e = await rejection(p, cls);
    errors.push(e);
    return e;
  };
  before(async () => {
    h = await startHarness({ tickets: 12 });
  });
  after(() => h.fake.close());
  beforeEach(() => h.fake.reset());
  afterEach(() => {
    // Whatever went wrong, the key must not be in any message or log line.
    assertNoKey(h.key, [...errors.map((e) => e.message), ...errors.map((e) => describeError(e)), ...h.logs]);
    for (const e of errors) assert.doesNotMatch(e.message, /\[object Object\]|undefined/);
    errors.length = 0;
  });

  it('401 → AuthError that says how to make a new key', async () => {
    h.fake.revokeKey(h.key);
    const e = await expectError(h.client().verifyKey(), AuthError);
    assert.equal(e.message, authMessage());
    assert.equal(h.requestsTo(/brands$/).length, 1, 'not retried');
  });

  it('403, and 400 with errorType AccessDenied → PermissionError', async () => {
    h.fake.addFault({ fault: { type: 'status', status: 403 }, path: 'brands', times: 1 });
    await expectError(h.client().getBrands(), PermissionError);
    const body = { message: 'Access Denied', statusCode: 400, errors: [{ field: 'brand', errorMessage: 'Access Denied', errorType: 'AccessDenied' }] };
    h.fake.addFault({ fault: { type: 'status', status: 400, body }, path: 'brands', times: 1 });
    const e = await expectError(h.client().getBrands(), PermissionError);
    assert.match(e.message, /ask a BoldDesk admin/);
  });

  it('400 → ValidationError with the field errors (errorType as string or number)', async () => {
    const api = h.client();
    const e = await expectError(api.createTicket({ brandId: h.fake.db.brands[0].brandId, priorityId: 999, subject: 'x', description: 'y' }), ValidationError);
    assert.ok(e.fieldErrors.some((f) => /priority/i.test(f.field)), JSON.stringify(e.fieldErrors));
    const body = { message: 'Validation Failed', statusCode: 400, errors: [{ field: 'subject', errorMessage: 'This field is required.', errorType: 2 }] };
    h.fake.addFault({ fault: { type: 'status', status: 400, body }, method: 'POST', times: 1 });
    const e2 = await expectError(api.addReply(h.fake.db.tickets[0].id, 'x'), ValidationError);
    assert.deepEqual(e2.errorTypes, ['2']);
    assert.match(e2.message, /subject: This field is required/);
  });

  it('404 → NotFoundError', async () => {
    await expectError(h.client().updateFields(999999, { statusId: 1 }), NotFoundError);
  });

  it('429 on a write → RateLimitError with retryAt from Retry-After, not retried', async () => {
    h.fake.addFault({ fault: { type: 'rateLimit', retryAfterSeconds: 7 }, method: 'POST', times: 1 });
    const before = Date.now();
    const e = await expectError(h.client().addNote(h.fake.db.tickets[0].id, 'x'), RateLimitError);
    assert.ok(e.retryAt >= before + 7000 && e.retryAt <= Date.now() + 7000, `retryAt ${e.retryAt - before}`);
    assert.equal(e.outcomeUnknown, false);
    assert.equal(h.requestsTo(/notes$/, 'POST').length, 1);
  });

  it('429 on a GET: waits the short Retry-After and retries; gives up at once on a long one', async () => {
    h.fake.addFault({ fault: { type: 'rateLimit', retryAfterSeconds: 2 }, path: 'priorities', times: 1 });
    await h.client().getPriorities();
    assert.equal(h.requestsTo(/priorities$/).length, 2);
    assert.ok(h.sleeps.some((ms) => ms >= 1500 && ms <= 2000), `waited ${h.sleeps.join(',')}`);
    h.fake.addFault({ fault: { type: 'rateLimit', retryAfterSeconds: 300 }, path: 'statuses' });
    const e = await expectError(h.client().getStatuses(), RateLimitError);
    assert.equal(h.requestsTo(/statuses$/).length, 1, 'did not fire into a 5-minute wait');
    assert.match(e.message, /about (29\d|300) s/);
  });

  it('GET is retried after 503 and a reset; 500 on a GET is not retried', async () => {
    h.fake.addFault({ fault: { type: 'status', status: 503 }, path: 'brands', times: 1 });
    h.fake.addFault({ fault: { type: 'reset' }, path: 'brands', times: 1 });
    assert.ok((await h.client().getBrands()).length > 0);
    assert.equal(h.requestsTo(/brands$/).length, 3);
    h.fake.addFault({ fault: { type: 'status', status: 500 }, path: 'statuses', times: 1 });
    const e = await expectError(h.client().getStatuses(), ServerError);
    assert.equal(e.status, 500);
    assert.equal(h.requestsTo(/statuses$/).length, 1);
  });

  it('a GET that keeps failing gives up after 3 attempts', async () => {
    h.fake.addFault({ fault: { type: 'status', status: 503 }, path: 'brands' });
    await expectError(h.client().getBrands(), ServerError);
    assert.equal(h.requestsTo(/brands$/).length, 3);
  });

  it('POST is never retried: 500 and reset send exactly one request and mark the outcome unknown', async () => {
    const t = h.fake.db.tickets[1];
    h.fake.addFault({ fault: { type: 'status', status: 500 }, method: 'POST', times: 1 });
    const e1 = await expectError(h.client().addReply(t.id, 'hello'), ServerError);
    assert.equal(e1.outcomeUnknown, true);
    assert.match(describeError(e1), /check the ticket in BoldDesk before trying again/);
    assert.equal(h.requestsTo(/updates$/, 'POST').length, 1);

    h.fake.reset();
    h.fake.addFault({ fault: { type: 'reset' }, method: 'POST', times: 1 });
    const e2 = await expectError(h.client().addReply(t.id, 'hello'), NetworkError);
    assert.equal(e2.outcomeUnknown, true);
    assert.equal(h.requestsTo(/updates$/, 'POST').length, 1);

    h.fake.reset();
    h.fake.addFault({ fault: { type: 'reset', afterHeaders: true }, method: 'POST', times: 1 });
    const e4 = await expectError(h.client().addNote(t.id, 'hello'), NetworkError);
    assert.equal(e4.outcomeUnknown, true, 'cut off mid-answer');
    assert.equal(h.requestsTo(/notes$/, 'POST').length, 1);

    h.fake.reset();
    h.fake.addFault({ fault: { type: 'status', status: 503 }, method: 'PUT', times: 1 });
    const e3 = await expectError(h.client().updateFields(t.id, { priorityId: 2 }), ServerError);
    assert.equal(e3.outcomeUnknown, false, '503 = not accepted');
    assert.equal(h.requestsTo(/update_fields$/).length, 1);
  });

  it('a caller abort → CancelledError, before or during the request', async () => {
    const pre = new AbortController();
    pre.abort();
    await rejection(h.client().listTickets({}, 1, 10, pre.signal), CancelledError);
    assert.equal(h.fake.requests.length, 0);
    h.fake.addFault({ fault: { type: 'latency', ms: 3000 } });
    const mid = new AbortController();
    const pending = h.client().getTicket(h.fake.db.tickets[0].id, mid.signal);
    setTimeout(() => mid.abort(), 50);
    await rejection(pending, CancelledError);
  });

  it('a server that is down → NetworkError naming the host', async () => {
    h.fake.addFault({ fault: { type: 'down' } });
    const e = await expectError(h.client().getBrands(), NetworkError);
    assert.match(e.message, new RegExp(`127\\.0\\.0\\.1:${h.fake.port}`));
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await expectError(h.client({ origin: `http://127.0.0.1:${port}` }).getBrands(), NetworkError);
    assert.match(refused.message, /Can't reach 127\.0\.0\.1:\d+: the connection was refused/);
  });

  it('a stalled answer → TimeoutError; a GET is retried once, a PUT never (outcome unknown)', async () => {
    h.fake.addFault({ fault: { type: 'stall', ms: 3000 } });
    const e = await expectError(h.client({ timeoutMs: 200 }).getBrands(), TimeoutError);
    assert.match(e.message, /did not answer within 0\.2 s/);
    assert.equal(h.requestsTo(/brands$/).length, 2);
    const put = await expectError(h.client({ timeoutMs: 200 }).updateFields(h.fake.db.tickets[0].id, { priorityId: 1 }), TimeoutError);
    assert.equal(put.outcomeUnknown, true);
    assert.equal(h.requestsTo(/update_fields$/).length, 1);
  });

  it('garbage JSON, the wrong shape and a huge body → ProtocolError', async () => {
    h.fake.addFault({ fault: { type: 'malformedJson' }, path: 'brands', times: 1 });
    await expectError(h.client().getBrands(), ProtocolError);
    h.fake.addFault({ fault: { type: 'wrongShape' }, path: 'tickets', times: 1 });
    await expectError(h.client().listTickets({}, 1, 10), ProtocolError);
    h.fake.addFault({ fault: { type: 'wrongShape' }, path: 'priorities', times: 1 });
    await expectError(h.client().getPriorities(), ProtocolError);
    h.fake.addFault({ fault: { type: 'hugeBody', bytes: 3 * 1024 * 1024 }, path: 'statuses', times: 1 });
    const e = await expectError(h.client({ maxBodyBytes: 1024 * 1024 }).getStatuses(), ProtocolError);
    assert.match(e.message, /larger than 1 MB/);
  });

  it('follows a same-origin redirect, with the key', async () => {
    h.fake.addFault({ fault: { type: 'redirect', location: '/api/v1/brands?from=redirect', status: 301 }, path: 'brands', times: 1 });
    assert.ok((await h.client().getBrands()).length > 0);
    const reqs = h.requestsTo(/brands$/);
    assert.equal(reqs.length, 2);
    assert.deepEqual(reqs[1].query.from, ['redirect']);
    assert.ok(reqs.every((r) => r.headers['x-api-key'] === h.key));
  });

  it('never sends the key along a redirect to another origin', async () => {
    const got: http.IncomingHttpHeaders[] = [];
    const other = http.createServer((req, res) => {
      got.push(req.headers);
      res.setHeader('content-type', 'application/json');
      res.end('{"result":[]}');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    try {
      const port = (other.address() as AddressInfo).port;
      for (const location of [`http://127.0.0.1:${port}/api/v1/brands`, `http://localhost:${h.fake.port}/api/v1/brands`]) {
        h.fake.addFault({ fault: { type: 'redirect', location, status: 302 }, path: 'brands', times: 1 });
        const e = await expectError(h.client().getBrands(), RedirectError);
        assert.match(e.message, /API key is only sent to 127\.0\.0\.1/);
      }
      h.fake.addFault({ fault: { type: 'redirect', location: `http://127.0.0.1:${port}/x`, status: 307 }, method: 'POST', times: 1 });
      await expectError(h.client().addNote(h.fake.db.tickets[0].id, 'secret text'), RedirectError);
      assert.ok(got.every((headers) => headers['x-api-key'] === undefined), 'the other server saw the key');
      assert.equal(got.length, 0, 'nothing was sent to the other origin at all');
      assert.equal(h.requestsTo(/brands$/).filter((r) => r.headers.host === `localhost:${h.fake.port}`).length, 0);
    } finally {
      await new Promise<void>((r) => other.close(() => r()));
    }
  });

  it('refuses at construction an origin that is not https or loopback http, and a missing key', () => {
    for (const origin of ['http://acme.bolddesk.com', 'ftp://x.y', '', 'https://acme.bolddesk.com/api/v1']) {
      assert.throws(() => new BoldDeskClient({ origin, apiKey: 'k', timeoutMs: 1000 }), ConfigError);
    }
    assert.throws(() => new BoldDeskClient({ origin: 'https://acme.bolddesk.com', apiKey: '  ', timeoutMs: 1000 }), ConfigError);
    assert.equal(new BoldDeskClient({ origin: 'https://acme.bolddesk.com/', apiKey: 'k', timeoutMs: 1 }).origin, 'https://acme.bolddesk.com');
  });

  it('logs one line per request with method, path and status, and never the key', async () => {
    h.logs.length = 0;
    await h.client().listTickets({ text: 'printer' }, 1, 5);
    assert.equal(h.logs.length, 1);
    assert.match(h.logs[0], /^GET \/api\/v1\/tickets\?.*Page=1.* → 200 \d+ ms$/);
    assert.doesNotMatch(h.logs[0], /x-api-key|Accept/i);
  });
});
