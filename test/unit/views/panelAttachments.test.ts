// Attachments in the ticket panel, against the fake BoldDesk over real HTTP: listed with size, type and "internal",
// thumbnails as data: URLs read from the bytes, text and images handed to the sink (editor tab / image preview),
// the rest saved; files are fetched by the extension host with the key, only on the BoldDesk origin; caps hold.
import * as assert from 'node:assert/strict';
import { describeError } from '../../../src/api/describeError';
import { RedirectError } from '../../../src/api/errors';
import { DraftStore } from '../../../src/drafts/draftStore';
import { attachmentKind, sniffImage } from '../../../src/views/ticketPanel/attachmentKind';
import type { AttachmentFile } from '../../../src/views/ticketPanel/panelAttachments';
import { TicketPanelController } from '../../../src/views/ticketPanel/panelController';
import { PanelDraftAdapter } from '../../../src/views/ticketPanel/panelDrafts';
import { validateRequest } from '../../../src/views/ticketPanel/validateRequest';
import { attachmentBytes } from '../../fake-bolddesk/handlers/attachments';
import type { FakeAttachment } from '../../fake-bolddesk/model';
import { rejection, startHarness, type Harness } from '../api/clientHelpers';
import { MemoryState } from '../../support/memoryState';

describe('ticket panel: attachments (against the fake BoldDesk)', () => {
  let h: Harness;
  let controller: TicketPanelController;
  const shown: AttachmentFile[] = [];
  const saved: AttachmentFile[] = [];
  const at = Date.parse('2025-12-12T13:15:00Z');
  const files: Record<string, FakeAttachment> = {
    png: { id: 990001, name: 'screenshot.png', extension: '.png', contentType: 'image/png', size: 4000, createdOn: at },
    log: { id: 990002, name: 'error-log.txt', extension: '.txt', contentType: 'text/plain', size: 3000, createdOn: at },
    pdf: { id: 990003, name: 'invoice.pdf', extension: '.pdf', contentType: 'application/pdf', size: 5000, createdOn: at },
    huge: { id: 990004, name: 'dump.log', extension: '.log', contentType: 'text/plain', size: 11 * 1024 * 1024, createdOn: at },
    internal: { id: 990005, name: 'internal.json', extension: '.json', contentType: 'application/json', size: 200, createdOn: at },
    fakePng: { id: 990006, name: 'not-really.png', extension: '.png', contentType: 'application/octet-stream', size: 100, createdOn: at },
  };

  before(async () => {
    h = await startHarness({ tickets: 4, seed: 11 });
    const t = h.fake.db.tickets[0];
    const agent = h.fake.keys[0].agent.userId;
    const reply = h.fake.db.addMessage(t, { kind: 'reply', description: '<p>see files</p>', authorId: agent, at });
    reply.attachments.push(files.png, files.log, files.pdf, files.huge, files.fakePng);
    const note = h.fake.db.addMessage(t, { kind: 'privateNote', description: '<p>internal</p>', authorId: agent, at: at + 1000 });
    note.attachments.push(files.internal);
    const client = h.client({ timeoutMs: 5000 });
    controller = new TicketPanelController(t.id, {
      getApi: async () => client,
      origin: () => client.origin,
      attribution: () => '',
      drafts: new PanelDraftAdapter(new DraftStore(new MemoryState())),
      openExternal: async () => undefined,
      openInBrowser: async () => undefined,
      ticketChanged: () => undefined,
      noteOpened: () => undefined,
      describeError,
      log: { info: () => undefined, error: () => undefined },
      attachmentSink: {
        show: async (f) => void shown.push(f),
        saveAs: async (f) => (saved.push(f), true),
      },
    }, () => undefined);
    assert.ok(await controller.load());
  });
  after(async () => h.fake.close());
  beforeEach(() => {
    h.fake.requests.length = 0;
    shown.length = 0;
    saved.length = 0;
  });

  function downloads(): string[] {
    return h.fake.requests.filter((r) => r.path.startsWith('/attachment/download/')).map((r) => r.path);
  }

  it('lists each attachment with id, name, size, type and kind; private-note files are internal', () => {
    const all = controller.loaded?.messages.flatMap((m) => m.attachments) ?? [];
    const byName = (n: string) => all.find((a) => a.name === n);
    assert.deepEqual(
      { ...byName('screenshot.png'), url: undefined },
      { id: 990001, name: 'screenshot.png', url: undefined, size: 4000, contentType: 'image/png', kind: 'image', internal: false },
    );
    assert.equal(byName('error-log.txt')?.kind, 'text');
    assert.equal(byName('invoice.pdf')?.kind, 'other');
    assert.equal(byName('internal.json')?.internal, true);
  });

  it('gives an image thumbnail as a data: URL of the real bytes, fetched once with the key', async () => {
    const reply = await controller.handle({ id: 1, type: 'attachmentThumbnail', attachmentId: files.png.id });
    assert.ok(reply?.ok);
    const dataUrl = (reply.result as { dataUrl?: string }).dataUrl ?? '';
    assert.ok(dataUrl.startsWith('data:image/png;base64,'), dataUrl.slice(0, 40));
    assert.deepEqual(Buffer.from(dataUrl.split(',')[1], 'base64'), attachmentBytes(files.png));
    assert.deepEqual(downloads(), ['/attachment/download/990001/screenshot.png']);
    assert.equal(h.fake.requests[0].headers['x-api-key'], h.key);
  });

  it('gives no thumbnail for text, nor for a "PNG" whose bytes are not an image', async () => {
    for (const [i, f] of [files.log, files.fakePng].entries()) {
      const reply = await controller.handle({ id: 10 + i, type: 'attachmentThumbnail', attachmentId: f.id });
      assert.deepEqual(reply, { type: 'reply', id: 10 + i, ok: true, result: {} });
    }
  });

  it('opens a log file and an image through the sink with their bytes; saves a PDF instead', async () => {
    await controller.handle({ id: 2, type: 'openAttachment', attachmentId: files.log.id });
    await controller.handle({ id: 3, type: 'openAttachment', attachmentId: files.png.id });
    await controller.handle({ id: 4, type: 'openAttachment', attachmentId: files.pdf.id });
    assert.deepEqual(shown.map((f) => [f.name, f.kind, Buffer.from(f.bytes).equals(attachmentBytes(files[f.kind === 'text' ? 'log' : 'png']))]),
      [['error-log.txt', 'text', true], ['screenshot.png', 'image', true]]);
    assert.deepEqual(saved.map((f) => [f.name, f.bytes.length]), [['invoice.pdf', 5000]]);
    assert.match(new TextDecoder().decode(shown[0].bytes), /ERROR worker-0 request 0 failed/);
  });

  it('marks a private-note file internal when it is opened', async () => {
    await controller.handle({ id: 5, type: 'openAttachment', attachmentId: files.internal.id });
    assert.deepEqual(shown.map((f) => [f.name, f.internal]), [['internal.json', true]]);
  });

  it('refuses a file over the cap with a clear message, without downloading it', async () => {
    const reply = await controller.handle({ id: 6, type: 'openAttachment', attachmentId: files.huge.id });
    assert.ok(reply && !reply.ok);
    assert.match(reply.error.message, /“dump\.log” is 11\.0 MB, more than the 10 MB that can be opened here/);
    assert.deepEqual(downloads(), []);
  });

  it('answers an unknown attachment id with an error and no request', async () => {
    const reply = await controller.handle({ id: 7, type: 'openAttachment', attachmentId: 12345 });
    assert.ok(reply && !reply.ok);
    assert.match(reply.error.message, /not part of this ticket/);
    assert.deepEqual(downloads(), []);
  });

  it('never sends the key to another origin', async () => {
    const client = h.client({ timeoutMs: 2000 });
    await rejection(client.downloadAttachment('http://evil.test/attachment/download/1', 1000), RedirectError);
    await rejection(client.downloadAttachment('//evil.test/x', 1000), RedirectError);
  });

  it('accepts attachment requests only with a positive id and nothing else', () => {
    assert.ok(validateRequest({ id: 1, type: 'openAttachment', attachmentId: 3 }).ok);
    assert.ok(!validateRequest({ id: 1, type: 'openAttachment', attachmentId: 0 }).ok);
    assert.ok(!validateRequest({ id: 1, type: 'saveAttachment', attachmentId: '3' }).ok);
    assert.ok(!validateRequest({ id: 1, type: 'attachmentThumbnail', attachmentId: 3, url: 'https://x' }).ok);
  });

  it('kinds and image sniffing', () => {
    assert.equal(attachmentKind('a.SVG', 'image/svg+xml'), 'other', 'SVG is active content, never an inline image');
    assert.equal(attachmentKind('trace', 'text/plain'), 'text');
    assert.equal(attachmentKind('x.jpg'), 'image');
    assert.equal(sniffImage(new Uint8Array([0x3c, 0x73, 0x76, 0x67])), undefined);
    assert.equal(sniffImage(attachmentBytes(files.png)), 'image/png');
  });
});
