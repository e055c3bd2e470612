// Property: whatever a server answers — random or truncated JSON, missing, extra or mistyped fields, huge numbers,
// unicode, odd statuses — every client endpoint resolves with a well-typed value or rejects with a BoldDeskError
// whose message is fit to show. Bodies are served by a real HTTP server on 127.0.0.1 (no HTTP mocks).
import * as assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { BoldDeskClient } from '../../../src/api/client';
import { BoldDeskError } from '../../../src/api/errors';

interface Answer {
  status: number;
  body: string;
}

const FIELDS = [
  'result', 'count', 'id', 'ticketId', 'userId', 'brandId', 'filterId', 'name', 'title', 'subject', 'description', 'status',
  'priority', 'category', 'agent', 'requester', 'requestedBy', 'brand', 'brandName', 'isDefault', 'statusCategory', 'createdOn',
  'messageTypeId', 'attachments', 'updatedBy', 'emailId', 'displayName', 'contactDisplayName', 'isSuccess', 'message', 'errors',
  'isEnabled', 'colorCode',
];

const scalar = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 2 ** 53, 2 ** 53 + 2, 1e308, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('12', ' 7 ', '1e3', '0x10', '', '\u202e\u0000', '👩‍💻'),
  fc.boolean(),
  fc.constant(null),
);

/** JSON shaped like BoldDesk answers, with fields missing, extra, mistyped or nested wrongly. */
const shaped: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), fc.array(tie('value'), { maxLength: 4 })),
  object: fc.dictionary(fc.constantFrom(...FIELDS), tie('value'), { maxKeys: 8 }),
})).value;

const envelope = fc.record(
  { result: fc.array(fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(scalar, shaped), { maxKeys: 10 }), { maxLength: 5 }), count: scalar },
  { requiredKeys: [] },
);

const bodyText = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  shaped.map((v) => JSON.stringify(v)),
  envelope.map((v) => JSON.stringify(v)),
  fc.tuple(envelope.map((v) => JSON.stringify(v)), fc.nat()).map(([t, n]) => t.slice(0, n % (t.length + 1))), // truncated
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', 'null', '<html>login</html>', '{"result":', '[1,2', '\ufeff{}'),
);

const answers = fc.record({ status: fc.constantFrom(200, 200, 200, 201, 204, 302, 400, 401, 403, 404, 409, 429, 500, 503), body: bodyText });

describe('reliability: every endpoint parses hostile answers into a value or a typed error', function () {
  this.timeout(60000);
  let server: http.Server;
  let origin = '';
  let next: Answer = { status: 200, body: '{}' };

  before(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(next.status, { 'content-type': 'application/json', 'retry-after': '0' });
        res.end(next.body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => new Promise<void>((r) => server.close(() => r())));

  const isId = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n);
  const isStr = (s: unknown) => typeof s === 'string';

  /** Each endpoint with a check of what it resolved to. */
  const endpoints: Array<[string, (c: BoldDeskClient) => Promise<unknown>, (v: unknown) => void]> = [
    ['listTickets', (c) => c.listTickets({ statusIds: [1] }, 1, 10), (v) => {
      const p = v as { items: { id: unknown; subject: unknown }[]; hasMore: unknown };
      assert.ok(p.items.every((t) => isId(t.id) && isStr(t.subject)));
      assert.equal(new Set(p.items.map((t) => t.id)).size, p.items.length, 'unique ids');
      assert.equal(typeof p.hasMore, 'boolean');
    }],
    ['getTicket', (c) => c.getTicket(5), (v) => assert.ok(isId((v as { id: unknown }).id) && isStr((v as { description: unknown }).description))],
    ['getMessages', (c) => c.getMessages(5), (v) => assert.ok((v as { id: unknown; html: unknown }[]).every((m) => isId(m.id) && isStr(m.html)))],
    ['createTicket', (c) => c.createTicket({ brandId: 1, subject: 's', description: 'd', priorityId: 1 }), (v) => assert.ok(isId(v))],
    ['addReply', (c) => c.addReply(5, '<p>x</p>'), (v) => assert.ok(isId(v))],
    ['addNote', (c) => c.addNote(5, '<p>x</p>'), (v) => assert.ok(isId(v))],
    ['updateFields', (c) => c.updateFields(5, { statusId: 2 }), (v) => assert.equal(typeof v, 'boolean')],
    ['getBrands', (c) => c.getBrands(), (v) => assert.ok((v as { id: unknown; name: unknown }[]).every((b) => isId(b.id) && isStr(b.name)))],
    ['getPriorities', (c) => c.getPriorities(), (v) => assert.ok((v as { id: unknown }[]).every((b) => isId(b.id)))],
    ['getStatuses', (c) => c.getStatuses(), (v) => assert.ok((v as { id: unknown; isClosed: unknown }[]).every((s) => isId(s.id) && typeof s.isClosed === 'boolean'))],
    ['getCategories', (c) => c.getCategories(), (v) => assert.ok((v as { id: unknown }[]).every((b) => isId(b.id)))],
    ['getTicketViews', (c) => c.getTicketViews(), (v) => assert.ok((v as { filterId: unknown }[]).every((x) => isStr(x.filterId)))],
    ['getAgentByEmail', (c) => c.getAgentByEmail('a@b.c'), (v) => assert.ok(isId((v as { userId: unknown }).userId))],
    ['searchAgents', (c) => c.searchAgents('a'), (v) => assert.ok((v as { userId: unknown }[]).every((a) => isId(a.userId)))],
    ['searchContacts', (c) => c.searchContacts('a'), (v) => assert.ok((v as { userId: unknown }[]).every((a) => isId(a.userId)))],
    ['verifyKey', (c) => c.verifyKey(), (v) => assert.equal(v, undefined)],
  ];

  for (const [name, call, check] of endpoints) {
    it(`${name}: a valid value or a BoldDeskError with a clean message`, async () => {
      await fc.assert(
        fc.asyncProperty(answers, async (a) => {
          next = a;
          const client = new BoldDeskClient({ origin, apiKey: 'bdk-secret-key-for-parse-tests', timeoutMs: 2000, sleep: async () => undefined });
          let value: unknown;
          try {
            value = await call(client);
          } catch (e) {
            assert.ok(e instanceof BoldDeskError, `untyped ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} for ${JSON.stringify(a)}`);
            assert.ok(e.message.trim().length > 0);
            for (const bad of ['[object Object]', 'undefined', 'bdk-secret-key-for-parse-tests']) assert.ok(!e.message.includes(bad), e.message);
            return;
          }
          check(value);
        }),
        { numRuns: 60 },
      );
    });
  }
});
