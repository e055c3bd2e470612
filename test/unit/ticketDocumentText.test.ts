// The read-only ticket document: properties, the conversation oldest first with notes marked, and untrusted
// HTML reduced to text.
import * as assert from 'node:assert/strict';
import type { TicketDetail, TicketMessage } from '../../src/api/types';
import { renderTicketDocument } from '../../src/views/ticketDocumentText';

const ticket: TicketDetail = {
  id: 42,
  subject: 'Printer <b>on fire</b>',
  status: { id: 1, name: 'Open' },
  priority: { id: 4, name: 'Urgent' },
  requester: { userId: 7, name: 'Cora Customer', email: 'cora@example.com' },
  createdOn: '2025-01-02T10:00:00Z',
  description: '<p>It <script>alert(1)</script>smokes</p>',
};

function message(id: number, kind: 'reply' | 'note', createdOn: string, html: string, extra: Partial<TicketMessage> = {}): TicketMessage {
  return { id, ticketId: 42, kind, html, createdOn, attachments: [], author: { userId: 11, name: 'Ana' }, ...extra };
}

describe('renderTicketDocument', () => {
  it('puts the properties first and the conversation oldest first, notes marked as private', () => {
    const text = renderTicketDocument(
      ticket,
      [
        message(3, 'note', '2025-01-02T12:00:00Z', '<p>internal: call them</p>'),
        message(1, 'reply', '2025-01-02T10:00:00Z', '<p>It smokes</p>', { isFirstUpdate: true, isFromCustomer: true }),
        message(2, 'reply', '2025-01-02T11:00:00Z', '<p>Unplug it</p>'),
      ],
      'https://acme.bolddesk.com/agent/tickets/42',
    );
    assert.ok(text.startsWith('#42 Printer <b>on fire</b>\n'), 'the subject is shown as typed, never interpreted');
    assert.match(text, /Status: +Open\n/);
    assert.match(text, /Requester: Cora Customer <cora@example.com>/);
    assert.match(text, /Assignee: +Unassigned\n/);
    const order = ['It smokes', 'Unplug it', 'internal: call them'].map((s) => text.indexOf(s));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.ok(order.every((i) => i > 0));
    assert.match(text, /── PRIVATE NOTE · Ana/);
    assert.match(text, /── Customer reply · Ana/);
    assert.equal((text.match(/It smokes/g) ?? []).length, 1, 'the description is not repeated when it is the first message');
  });

  it('turns HTML into text and drops scripts', () => {
    const text = renderTicketDocument(ticket, []);
    assert.match(text, /It smokes/);
    assert.ok(!text.includes('<script>'));
    assert.ok(!text.includes('alert(1)'));
    assert.ok(!/<\/?p>/.test(text));
  });
});
