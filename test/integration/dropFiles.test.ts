// Files dropped onto the ticket panel's composer, in a real extension host against the fake: the page hands over a
// name and base64 bytes (never a path); the extension checks them like picked files (type, count, size), keeps its
// own copy until the message is sent or the file removed, and uploads the exact bytes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import { activateExtension, fakeOrigin, fixture } from './fixture';
import { waitFor } from '../support/poll';

let ext: ExtensionApi;

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

describe('Drop files onto the composer (fake BoldDesk)', function () {
  this.timeout(60000);

  before(async () => {
    ext = await activateExtension();
    await ext.session.resolveIdentity();
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  async function openPanel(offset: number) {
    const { fake } = fixture();
    fake.reset();
    const ticket = fake.db.tickets[fake.db.tickets.length - offset];
    await vscode.commands.executeCommand(Commands.openTicket, ticket.id);
    const panel = ext.ticketPanels.get(ticket.id);
    assert.ok(panel);
    await waitFor('the panel to load', () => panel.controller.loaded, 20000);
    return { fake, ticket, panel };
  }

  const b64 = (text: string) => Buffer.from(text).toString('base64');
  const stored = (kind: string, id: number) => ext.context.globalState.get<string[]>(`bolddesk.draftFiles.${kind}.${id}@${fakeOrigin()}`) ?? [];

  it('keeps a copy of the dropped bytes, deletes it when the file is removed, and uploads the exact bytes with the note', async () => {
    const { fake, ticket, panel } = await openPanel(12);
    const dropped = await panel.handleMessage({ id: 4001, type: 'dropFile', kind: 'note', name: 'heap ü.txt', data: b64('heap: 2.1 GB\n') });
    assert.deepStrictEqual(dropped && dropped.ok && dropped.result, { files: { reply: [], note: [{ name: 'heap ü.txt' }] } });
    const [copy] = stored('note', ticket.id).map((u) => vscode.Uri.parse(u));
    assert.ok(copy.toString().startsWith(vscode.Uri.joinPath(ext.context.globalStorageUri, 'dropped').toString()), copy.toString());
    assert.strictEqual(Buffer.from(await vscode.workspace.fs.readFile(copy)).toString(), 'heap: 2.1 GB\n');

    const removed = await panel.handleMessage({ id: 4002, type: 'removeFile', kind: 'note', index: 0 });
    assert.ok(removed && removed.ok);
    assert.strictEqual(await exists(copy), false, 'the copy is deleted with the entry');

    await panel.handleMessage({ id: 4003, type: 'dropFile', kind: 'note', name: 'heap ü.txt', data: b64('heap: 2.4 GB\n') });
    const [again] = stored('note', ticket.id).map((u) => vscode.Uri.parse(u));
    const sent = await panel.handleMessage({ id: 4004, type: 'send', kind: 'note', text: 'Heap numbers attached.' });
    assert.ok(sent && sent.ok, JSON.stringify(sent));
    const uploads = fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/attachments');
    assert.strictEqual(uploads.length, 1);
    assert.match(String(uploads[0].body), /filename="heap ü\.txt"\r\nContent-Type: text\/plain\r\n\r\nheap: 2\.4 GB\n\r\n--/);
    assert.deepStrictEqual(fake.db.getTicket(ticket.id)?.messages.at(-1)?.attachments.map((a) => a.name), ['heap ü.txt']);
    assert.strictEqual(await exists(again), false, 'the copy is deleted once BoldDesk has the file');
    assert.deepStrictEqual(stored('note', ticket.id), []);
    panel.dispose();
  });

  it('refuses a program, an 11th file, a path for a name and an oversized body, keeping nothing it refused', async () => {
    const { fake, ticket, panel } = await openPanel(13);
    const exe = await panel.handleMessage({ id: 4101, type: 'dropFile', kind: 'reply', name: 'setup.exe', data: b64('MZ') });
    assert.ok(exe && !exe.ok && /setup\.exe is a program file/.test(exe.error.message), JSON.stringify(exe));
    for (let i = 0; i < 10; i++) {
      const r = await panel.handleMessage({ id: 4110 + i, type: 'dropFile', kind: 'reply', name: `part${i}.txt`, data: b64(`part ${i}\n`) });
      assert.ok(r && r.ok, JSON.stringify(r));
    }
    const eleventh = await panel.handleMessage({ id: 4130, type: 'dropFile', kind: 'reply', name: 'part10.txt', data: b64('part 10\n') });
    assert.ok(eleventh && !eleventh.ok && /11 files are attached; one message takes at most 10/.test(eleventh.error.message), JSON.stringify(eleventh));
    const named = await panel.handleMessage({ id: 4131, type: 'dropFile', kind: 'reply', name: '../../.ssh/id_rsa', data: b64('x') });
    assert.ok(named && !named.ok, 'a path is not a file name');
    const big = await panel.handleMessage({ id: 4132, type: 'dropFile', kind: 'reply', name: 'big.bin', data: 'A'.repeat(28 * 1024 * 1024) });
    assert.ok(big && !big.ok, 'over 20 MB is refused before it is decoded');
    assert.strictEqual(stored('reply', ticket.id).length, 10);
    const folders = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(ext.context.globalStorageUri, 'dropped'));
    const ours = stored('reply', ticket.id).map((u) => vscode.Uri.joinPath(vscode.Uri.parse(u), '..').path.split('/').pop());
    assert.deepStrictEqual(folders.map(([n]) => n).filter((n) => !ours.includes(n)), [], 'no copy of a refused file is left behind');
    assert.strictEqual(fake.requests.filter((r) => r.method === 'POST').length, 0, 'nothing uploaded before a send');
    for (let i = 9; i >= 0; i--) await panel.handleMessage({ id: 4140 + i, type: 'removeFile', kind: 'reply', index: i });
    panel.dispose();
  });
});
