// Sending attachments, against the fake over real HTTP: POST /api/v1/attachments (multipart, part `uploadFiles`)
// gives a token; the token in `attachments` puts the file on the reply or note; an unknown token is refused.
import * as assert from 'node:assert/strict';
import { ValidationError } from '../../../src/api/errors';
import { rejection, startHarness, type Harness } from './clientHelpers';

describe('uploading attachments (against the fake BoldDesk)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ tickets: 3, seed: 21 });
  });
  after(async () => h.fake.close());

  it('uploads as multipart `uploadFiles`, then the reply carries the file', async () => {
    const client = h.client({ timeoutMs: 5000 });
    const ticket = h.fake.db.tickets[0];
    const text = 'line 1\nline 2 <b>not html</b>\n';
    const token = await client.uploadAttachment('server "prod".log', new TextEncoder().encode(text), 'text/plain');
    const upload = h.fake.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/attachments');
    assert.ok(upload);
    assert.match(String(upload.headers['content-type']), /^multipart\/form-data; boundary=/);
    assert.equal(upload.headers['x-api-key'], h.key);
    assert.match(String(upload.body), /Content-Disposition: form-data; name="uploadFiles"; filename="server _prod_.log"\r\nContent-Type: text\/plain\r\n\r\nline 1\nline 2 <b>not html<\/b>\n\r\n--/);

    await client.addReply(ticket.id, '<p>log attached</p>', [token]);
    const post = h.fake.requests.find((r) => r.method === 'POST' && r.path === `/api/v1/tickets/${ticket.id}/updates`);
    assert.deepEqual(post?.body, { description: '<p>log attached</p>', replyOnBehalfOfRequester: false, attachments: token });
    const files = ticket.messages.at(-1)?.attachments.map((a) => [a.name, a.size, a.contentType]);
    assert.deepEqual(files, [['server _prod_.log', Buffer.byteLength(text), 'text/plain']]);
  });

  it('sends no `attachments` field without files, and BoldDesk refuses an unknown token', async () => {
    const client = h.client({ timeoutMs: 5000 });
    const ticket = h.fake.db.tickets[1];
    await client.addNote(ticket.id, '<p>no files</p>');
    const note = h.fake.requests.filter((r) => r.path === `/api/v1/tickets/${ticket.id}/notes`).at(-1);
    assert.deepEqual(note?.body, { description: '<p>no files</p>' });
    await rejection(client.addNote(ticket.id, '<p>x</p>', ['no-such-token']), ValidationError);
  });

  it('streams a large file with its Content-Length and reports the bytes sent, each whole percent once, up to all of them', async () => {
    const client = h.client({ timeoutMs: 5000 });
    const size = 3 * 1024 * 1024 + 123;
    const heard: [number, number][] = [];
    await client.uploadAttachment('big.log', new Uint8Array(size).fill(0x61), 'text/plain', (sent, total) => heard.push([sent, total]));
    const upload = h.fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/attachments').at(-1);
    assert.ok(upload);
    assert.equal(upload.headers['transfer-encoding'], undefined, 'not a chunked upload');
    assert.equal(Number(upload.headers['content-length']), Buffer.byteLength(String(upload.body)));
    assert.ok(String(upload.body).includes(`\r\n\r\n${'a'.repeat(size)}\r\n--`), 'every byte arrived, in order');
    assert.ok(heard.length >= 10 && heard.length <= 100, `${heard.length} reports`);
    assert.ok(heard.every(([sent, total], i) => total === size && sent > (heard[i - 1]?.[0] ?? 0)), 'growing');
    assert.deepEqual(heard.at(-1), [size, size]);
  });
});
