// Attaching files to a reply draft ("Attach to BoldDesk Ticket…") and sending it, in a real extension host against
// the fake: the file is uploaded, then the reply names its token; a failed upload sends nothing and keeps everything.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import { draftKey } from '../../src/drafts/draftStore';
import { activateExtension, fakeOrigin, fixture, PromptSwitch, waitFor, trusted } from './fixture';
import { ScriptedPrompts } from './scriptedPrompts';

let ext: ExtensionApi;
let promptSwitch: PromptSwitch;

describe('Attach to BoldDesk Ticket (fake BoldDesk)', function () {
  this.timeout(60000);
  let dir: string;
  let log: vscode.Uri;

  before(async () => {
    ext = await activateExtension();
    promptSwitch = new PromptSwitch(ext);
    await ext.session.resolveIdentity();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-attach-'));
    fs.writeFileSync(path.join(dir, 'crash.log'), 'FATAL out of memory at worker 3\n');
    log = vscode.Uri.file(path.join(dir, 'crash.log'));
  });

  after(async () => {
    promptSwitch.restore();
    fs.rmSync(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function attachAndType(ticketId: number, text: string): Promise<vscode.Uri> {
    const r = await vscode.commands.executeCommand<{ files: string[] }>(Commands.attachToTicket, { files: [log], ticketId, kind: 'reply' });
    assert.deepStrictEqual(r.files, ['crash.log']);
    const uri = vscode.Uri.parse(`bolddesk-draft:/Reply%20to%20%23${ticketId}.md`);
    const doc = await waitFor('the draft tab', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), text);
    assert.ok(await vscode.workspace.applyEdit(edit));
    return uri;
  }

  it('a failed upload sends nothing and keeps the text and the file; the next send uploads, then replies with the token', async () => {
    const { fake } = fixture();
    fake.reset();
    const ticket = fake.db.tickets[fake.db.tickets.length - 8];
    const p = promptSwitch.use(new ScriptedPrompts());
    const uri = await attachAndType(ticket.id, 'The crash log is attached.');
    assert.ok(p.messages.some((m) => m.message.includes('crash.log will be attached to Reply to #') && m.message.includes(ext.session.actingAs?.name ?? '?')),
      'says what will be attached and under whose name');

    fake.addFault({ fault: { type: 'status', status: 500 }, method: 'POST', path: '/attachments$', times: 1 });
    const failed = await vscode.commands.executeCommand<number | undefined>(Commands.sendDraft, trusted(uri));
    assert.strictEqual(failed, undefined);
    assert.ok(p.messages.some((m) => m.level === 'error' && /Nothing was sent; the text and the attached files are kept/.test(m.message)));
    assert.strictEqual(fake.requests.filter((r) => r.path.endsWith('/updates')).length, 0, 'no reply without its file');
    assert.match(ext.context.globalState.get<{ text: string }>(draftKey({ kind: 'reply', ticketId: ticket.id }, fakeOrigin()))?.text ?? '', /crash log is attached/);
    assert.strictEqual(ext.context.globalState.get<string[]>(`bolddesk.draftFiles.reply.${ticket.id}`)?.length, 1);

    const id = await vscode.commands.executeCommand<number | undefined>(Commands.sendDraft, trusted(uri));
    assert.strictEqual(typeof id, 'number');
    const uploads = fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/attachments' && r.status === 200);
    assert.strictEqual(uploads.length, 1);
    assert.match(String(uploads[0].body), /name="uploadFiles"; filename="crash.log"/);
    const reply = fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v1/tickets/${ticket.id}/updates`);
    assert.strictEqual(reply.length, 1);
    assert.match(String((reply[0].body as { attachments?: string }).attachments), /^fake-upload-\d+$/);
    assert.deepStrictEqual(ticket.messages.at(-1)?.attachments.map((a) => a.name), ['crash.log']);
    assert.strictEqual(ext.context.globalState.get(`bolddesk.draftFiles.reply.${ticket.id}`), undefined, 'forgotten once sent');
  });

  it('refuses a program file before anything is uploaded', async () => {
    const exe = path.join(dir, 'setup.exe');
    fs.writeFileSync(exe, 'MZ');
    const p = promptSwitch.use(new ScriptedPrompts());
    const r = await vscode.commands.executeCommand(Commands.attachToTicket, { files: [vscode.Uri.file(exe)], ticketId: 1, kind: 'reply' });
    assert.strictEqual(r, undefined);
    assert.ok(p.messages.some((m) => m.level === 'error' && /setup\.exe is a program file/.test(m.message)));
  });
});
