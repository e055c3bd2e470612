// Attachments in a real extension host against the fake: the webview asks for the image thumbnail (the extension
// downloads it with the key), a log file opens in a read-only editor tab, an image in VS Code's image preview.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import type { FakeAttachment } from '../fake-bolddesk/model';
import { activateExtension, fixture } from './fixture';
import { waitFor } from '../support/poll';

let ext: ExtensionApi;

describe('Attachments (fake BoldDesk)', function () {
  this.timeout(60000);
  const at = Date.parse('2025-12-12T13:15:00Z');
  const log: FakeAttachment = { id: 880001, name: 'error-log.txt', extension: '.txt', contentType: 'text/plain', size: 2400, createdOn: at };
  const png: FakeAttachment = { id: 880002, name: 'screenshot.png', extension: '.png', contentType: 'image/png', size: 3000, createdOn: at };
  let ticketId: number;

  before(async () => {
    ext = await activateExtension();
    const { fake, agent } = fixture();
    const t = fake.db.tickets[5];
    ticketId = t.id;
    const m = fake.db.addMessage(t, { kind: 'reply', description: '<p>Logs and a screenshot attached.</p>', authorId: agent.userId, at: Date.now() });
    m.attachments.push(log, png);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the thumbnail the webview asked for, opens the log read-only and the image in the image preview', async () => {
    const { fake, key } = fixture();
    await vscode.commands.executeCommand(Commands.openTicket, ticketId);
    const panel = ext.ticketPanels.get(ticketId);
    assert.ok(panel);
    const loaded = await waitFor('the ticket to load', () => panel.controller.loaded, 30000);
    const listed = loaded.messages.flatMap((m) => m.attachments).filter((a) => a.id === log.id || a.id === png.id);
    assert.deepStrictEqual(listed.map((a) => [a.name, a.kind, a.size]), [['error-log.txt', 'text', 2400], ['screenshot.png', 'image', 3000]]);

    // The webview renders the image attachment and asks for its thumbnail: the extension host downloads it.
    const thumb = await waitFor('the thumbnail download', () =>
      fake.requests.find((r) => r.path === `/attachment/download/${png.id}/screenshot.png`), 30000);
    assert.strictEqual(thumb.headers['x-api-key'], key);
    assert.strictEqual(thumb.status, 200);

    const opened = await panel.controller.handle({ id: 900001, type: 'openAttachment', attachmentId: log.id });
    assert.ok(opened?.ok, JSON.stringify(opened));
    const editor = await waitFor('the log tab', () => vscode.window.activeTextEditor?.document.uri.scheme === 'bolddesk-attachment' && vscode.window.activeTextEditor);
    assert.match(editor.document.getText(), /^2025-12-12T13:15:00Z ERROR worker-0 request 0 failed/);
    assert.ok(editor.document.uri.path.endsWith(`/${log.id}/error-log.txt`), editor.document.uri.path);
    // Typing into the tab changes nothing: the editor is read-only (a text document content provider).
    const before = editor.document.getText();
    await vscode.commands.executeCommand('type', { text: 'typed' });
    assert.strictEqual(editor.document.getText(), before, 'the attachment tab is read-only');
    assert.strictEqual(editor.document.isDirty, false);

    const image = await panel.controller.handle({ id: 900002, type: 'openAttachment', attachmentId: png.id });
    assert.ok(image?.ok, JSON.stringify(image));
    const tab = await waitFor('the image preview tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) =>
      t.input instanceof vscode.TabInputCustom && t.input.viewType === 'imagePreview.previewEditor' && t.input.uri.path.endsWith('/screenshot.png')));
    assert.ok(tab);
  });
  it('reads GET /tickets/{id}/attachments: files only that list names show on their message, a private note\'s as internal', async () => {
    const { fake, agent } = fixture();
    const t = fake.db.tickets[7];
    const onNote: FakeAttachment = { id: 880011, name: 'heap.txt', extension: '.txt', contentType: 'text/plain', size: 900, createdOn: at };
    const onReply: FakeAttachment = { id: 880012, name: 'steps.txt', extension: '.txt', contentType: 'text/plain', size: 700, createdOn: at };
    const note = fake.db.addMessage(t, { kind: 'privateNote', description: '<p>Heap dump.</p>', authorId: agent.userId, at: Date.now() });
    note.attachments.push(onNote);
    const reply = fake.db.addMessage(t, { kind: 'reply', description: '<p>Steps.</p>', authorId: agent.userId, at: Date.now() + 1000 });
    reply.attachments.push(onReply);
    fake.setDialects(['attachments-listed-only']);
    try {
      await vscode.commands.executeCommand(Commands.openTicket, t.id);
      const panel = ext.ticketPanels.get(t.id);
      assert.ok(panel);
      const loaded = await waitFor('the ticket to load', () => panel.controller.loaded, 30000);
      assert.ok(fake.requests.some((r) => r.method === 'GET' && r.path === `/api/v1/tickets/${t.id}/attachments`), 'the list was read');
      const shown = (text: string) => loaded.messages.find((m) => m.html.includes(text))?.attachments.map((a) => [a.name, a.internal === true]);
      assert.deepStrictEqual(shown('Heap dump.'), [['heap.txt', true]]);
      assert.deepStrictEqual(shown('Steps.'), [['steps.txt', false]]);
      const opened = await panel.controller.handle({ id: 900101, type: 'openAttachment', attachmentId: onNote.id });
      assert.ok(opened?.ok, JSON.stringify(opened));
      panel.dispose();
    } finally {
      fake.setDialects([]);
    }
  });
});
