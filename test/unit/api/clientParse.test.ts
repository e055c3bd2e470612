// The response parsers: lenient about BoldDesk's variants, strict about shape — whatever the JSON, a typed
// value or a ProtocolError, never a TypeError.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ProtocolError } from '../../../src/api/errors';
import {
  isClosedStatusCategory,
  parseAgents,
  parseBrands,
  parseContacts,
  parseCreatedId,
  parseStatuses,
  parseTicketViews,
} from '../../../src/api/parseLookups';
import { messageKindOf, parseMessage, parseTicketDetail, parseTicketSummary } from '../../../src/api/parseTickets';
import { localConditions, ticketConditions, ticketListParams } from '../../../src/api/queryBuilder';

const ctx = { request: 'GET /api/v1/test' };

describe('response parsing', () => {
  it('any JSON → a typed value or a ProtocolError', () => {
    const parsers: Array<(body: unknown) => unknown> = [
      (b) => parseTicketDetail(ctx, b),
      (b) => parseTicketSummary(ctx, b as never, 'x'),
      (b) => parseMessage(ctx, b as never, 'x', 1),
      (b) => parseBrands(ctx, b),
      (b) => parseStatuses(ctx, b),
      (b) => parseTicketViews(ctx, b),
      (b) => parseAgents(ctx, b),
      (b) => parseContacts(ctx, b),
      (b) => parseCreatedId(ctx, b),
    ];
    const withIds = fc.oneof(
      fc.jsonValue(),
      fc.record({ result: fc.array(fc.dictionary(fc.constantFrom('id', 'ticketId', 'userId', 'brandId', 'name', 'title', 'status', 'attachments'), fc.jsonValue())) }),
    );
    fc.assert(
      fc.property(withIds, (body) => {
        for (const parse of parsers) {
          try {
            parse(body);
          } catch (e) {
            assert.ok(e instanceof ProtocolError, `${String(e)} for ${JSON.stringify(body)}`);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('list and detail variants map to the same model', () => {
    const list = parseTicketSummary(ctx, {
      ticketId: 5, title: 'Printer', brand: 'Acme', requestedBy: 'Ariana',
      priority: { id: 2, description: 'High', backgroundColor: '#f00' },
      status: { id: 1, description: 'Open', backgroundColor: '#0f0' }, agent: null,
    }, 'x');
    assert.deepEqual(list, {
      id: 5, subject: 'Printer', brand: 'Acme', requester: { userId: 0, name: 'Ariana' },
      priority: { id: 2, name: 'High' }, status: { id: 1, name: 'Open', color: '#0f0' },
    });
    const detail = parseTicketDetail(ctx, {
      id: '5', title: 'Printer', description: '<p>x</p>', brand: { brandId: 3, brandName: 'Acme' },
      requester: { userId: 9, displayName: 'Ariana', emailId: 'a@x.com' }, priority: { id: 2, name: 'High' },
    });
    assert.equal(detail.id, 5);
    assert.equal(detail.brand, 'Acme');
    assert.equal(detail.brandId, 3);
    assert.deepEqual(detail.requester, { userId: 9, name: 'Ariana', email: 'a@x.com' });
    assert.deepEqual(detail.priority, { id: 2, name: 'High' });
    assert.throws(() => parseTicketSummary(ctx, { title: 'no id' }, 'result[0]'), /result\[0\]\.ticketId\|id/);
  });

  it('message kind: a note only by the documented notesType marker, never by a messageTypeId number', () => {
    // No undocumented messageTypeId number decides (docs/BOLDDESK-API.md, "Conversation"): only the notes marker.
    assert.equal(messageKindOf(undefined), 'reply');
    assert.equal(messageKindOf('Notes'), 'note');
  });

  it('status closedness from the category name', () => {
    for (const n of ['Closed', 'solved', ' Resolved ']) assert.equal(isClosedStatusCategory(n), true);
    for (const n of ['Open', 'Pending', 'Closed soon', undefined]) assert.equal(isClosedStatusCategory(n), false);
    const [s] = parseStatuses(ctx, { result: [{ id: 4, name: 'Done', statusCategory: { id: 3, name: 'Closed' } }] });
    assert.equal(s.isClosed, true);
  });

  it('views: a bare array; filterId as a string; disabled views left out', () => {
    const views = parseTicketViews(ctx, [
      { id: 1, filterId: '1', name: 'Mine' }, { id: 2, filterId: 7, name: 'Num' }, { id: 3, filterId: '3', name: 'Off', isEnabled: false },
    ]);
    assert.deepEqual(views, [{ filterId: '1', name: 'Mine' }, { filterId: '7', name: 'Num' }]);
    assert.throws(() => parseTicketViews(ctx, { result: [] }), ProtocolError);
  });
});

describe('queryBuilder', () => {
  it('builds one Q per condition and escapes free text', () => {
    const forms = { unassignedQ: true, ignored: [], subjectQuoted: true };
    assert.deepEqual(ticketConditions({ statusIds: [1, 2], priorityIds: [], unassigned: true, text: ' say "hi" \\ ', modifiedSince: '2025-01-02T03:04:05Z' }, forms), [
      'status:[1,2]', 'agents:[0]', 'subject:"say \\"hi\\" \\\\"', 'lastmodifiedon:{"from":"2025-01-02T03:04:05.000Z"}',
    ]);
    // No source documents agents:[0]: by default "unassigned" is not sent but filtered by the client.
    assert.deepEqual(ticketConditions({ statusIds: [1], unassigned: true }), ['status:[1]']);
    assert.deepEqual(localConditions({ statusIds: [1], unassigned: true }), ['unassigned']);
    // A form a check saw ignored is left out and filtered locally; a bare subject when the check said so.
    const checked = { unassignedQ: false, ignored: ['priority' as const], subjectQuoted: false };
    assert.deepEqual(ticketConditions({ priorityIds: [4], agentIds: [11], text: 'login' }, checked), ['agents:[11]', 'subject:login']);
    assert.deepEqual(localConditions({ priorityIds: [4], agentIds: [11], text: 'login' }, checked), ['priority']);
    const params = ticketListParams({ filterId: '4' }, 0, 1000);
    assert.deepEqual(params, [['FilterId', '4'], ['Page', '1'], ['PerPage', '100'], ['RequiresCounts', 'true'], ['OrderBy', 'createdOn desc']]);
  });
});
