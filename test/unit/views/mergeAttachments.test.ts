// The conversation's attachments from the messages' own lists and GET /tickets/{id}/attachments (pure merge).
import * as assert from 'assert';
import type { TicketAttachment, TicketMessage } from '../../../src/api/types';
import { mergeTicketAttachments } from '../../../src/views/ticketPanel/mergeAttachments';

function msg(id: number, attachments: TicketMessage['attachments'] = []): TicketMessage {
  return { id, ticketId: 1, kind: 'reply', html: `<p>${id}</p>`, createdOn: '2025-01-01T00:00:00Z', attachments };
}

describe('mergeTicketAttachments', () => {
  it('adds a listed file to its message, keeps the message\'s own data, and takes the private flag from the list', () => {
    const own = { id: 10, name: 'own.log', size: 5, url: 'https://x/a' };
    const listed: TicketAttachment[] = [
      { id: 10, name: 'own.log', isPrivate: true, updateId: 1 },
      { id: 11, name: 'only-listed.png', size: 7, updateId: 1 },
      { id: 12, name: 'other.txt', updateId: 2 },
    ];
    const out = mergeTicketAttachments([msg(1, [own]), msg(2)], listed);
    assert.deepStrictEqual(out[0].attachments, [{ ...own, isPrivate: true }, { id: 11, name: 'only-listed.png', size: 7 }]);
    assert.deepStrictEqual(out[1].attachments, [{ id: 12, name: 'other.txt' }]);
  });

  it('leaves out a listed file whose message is not in the conversation, and changes nothing without a list', () => {
    const messages = [msg(1)];
    assert.deepStrictEqual(mergeTicketAttachments(messages, [{ id: 5, name: 'x', updateId: 99 }, { id: 6, name: 'y' }]), messages);
    assert.deepStrictEqual(mergeTicketAttachments(messages, undefined), messages);
  });
});
