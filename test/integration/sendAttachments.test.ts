// Attaching files to a reply draft ("Attach to BoldDesk Ticket…") and sending it, in a real extension host against
// the fake: the file is uploaded, then the reply names its token; a failed upload sends nothing and keeps everything.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import type { ExtensionMessage } from '../../src/views/ticketPanel/protocol';
import { draftKey } from '../../src/drafts/draftStore';
import { activateExtension, createSteps, fakeOrigin, fixture, PromptSwitch, trusted } from './fixture';
import { waitFor } from '../support/poll';
import { answer, ScriptedPrompts } from '../support/scriptedPrompts';

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
    assert.strictEqual(ext.context.globalState.get<string[]>(`bolddesk.draftFiles.reply.${ticket.id}@${fakeOrigin()}`)?.length, 1);

    const id = await vscode.commands.executeCommand<number | undefined>(Commands.sendDraft, trusted(uri));
    assert.strictEqual(typeof id, 'number');
    const uploads = fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/attachments' && r.status === 200);
    assert.strictEqual(uploads.length, 1);
    assert.match(String(uploads[0].body), /name="uploadFiles"; filename="crash.log"/);
    const reply = fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v1/tickets/${ticket.id}/updates`);
    assert.strictEqual(reply.length, 1);
    assert.match(String((reply[0].body as { attachments?: string }).attachments), /^fake-upload-\d+$/);
    assert.deepStrictEqual(ticket.messages.at(-1)?.attachments.map((a) => a.name), ['crash.log']);
    assert.strictEqual(ext.context.globalState.get(`bolddesk.draftFiles.reply.${ticket.id}@${fakeOrigin()}`), undefined, 'forgotten once sent');
  });

  it('refuses a program file before anything is uploaded', async () => {
    const exe = path.join(dir, 'setup.exe');
    fs.writeFileSync(exe, 'MZ');
    const p = promptSwitch.use(new ScriptedPrompts());
    const r = await vscode.commands.executeCommand(Commands.attachToTicket, { files: [vscode.Uri.file(exe)], ticketId: 1, kind: 'reply' });
    assert.strictEqual(r, undefined);
    assert.ok(p.messages.some((m) => m.level === 'error' && /setup\.exe is a program file/.test(m.message)));
  });
  it('the panel composer: files from the open dialog; a failed upload keeps text and files; then one upload and one reply', async () => {
    const { fake } = fixture();
    fake.reset();
    const ticket = fake.db.tickets[fake.db.tickets.length - 9];
    await vscode.commands.executeCommand(Commands.openTicket, ticket.id);
    const panel = ext.ticketPanels.get(ticket.id);
    assert.ok(panel);
    await waitFor('the panel to load', () => panel.controller.loaded, 20000);
    const pushed: ExtensionMessage[] = [];
    const webview = panel.panel.webview;
    const original = webview.postMessage.bind(webview);
    webview.postMessage = (m: ExtensionMessage) => (pushed.push(m), original(m));

    const p = promptSwitch.use(new ScriptedPrompts(answer.files(log.toString())));
    const attached = await panel.handleMessage({ id: 3001, type: 'attachFiles', kind: 'reply' });
    assert.deepStrictEqual(attached && attached.ok && attached.result, { files: { reply: [{ name: 'crash.log' }], note: [] } });
    assert.strictEqual(p.asked[0]?.method, 'pickFiles');
    assert.strictEqual(fake.requests.filter((r) => r.method === 'POST').length, 0, 'nothing uploaded before the send');

    fake.addFault({ fault: { type: 'status', status: 500 }, method: 'POST', path: '/attachments$', times: 1 });
    const failed = await panel.handleMessage({ id: 3002, type: 'send', kind: 'reply', text: 'Log attached.' });
    assert.ok(failed && !failed.ok);
    assert.match(failed.error.message, /Nothing was sent; your text and the attached files are kept/);
    assert.strictEqual(fake.requests.filter((r) => r.path.endsWith('/updates') && r.method === 'POST').length, 0, 'no reply without its file');
    assert.match(ext.context.globalState.get<{ text: string }>(draftKey({ kind: 'reply', ticketId: ticket.id }, fakeOrigin()))?.text ?? '', /Log attached/);
    assert.strictEqual(ext.context.globalState.get<string[]>(`bolddesk.draftFiles.reply.${ticket.id}@${fakeOrigin()}`)?.length, 1);

    // Two presses: one upload, one reply.
    const [sent, second] = await Promise.all([
      panel.handleMessage({ id: 3003, type: 'send', kind: 'reply', text: 'Log attached.' }),
      panel.handleMessage({ id: 3004, type: 'send', kind: 'reply', text: 'Log attached.' }),
    ]);
    assert.ok(sent && sent.ok, JSON.stringify(sent));
    assert.ok(second && !second.ok, 'the second press was refused');
    const uploads = fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/attachments' && r.status === 200);
    assert.strictEqual(uploads.length, 1);
    const replies = fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v1/tickets/${ticket.id}/updates`);
    assert.strictEqual(replies.length, 1);
    assert.match(String((replies[0].body as { attachments?: string }).attachments), /^fake-upload-\d+$/);
    assert.deepStrictEqual(fake.db.getTicket(ticket.id)?.messages.at(-1)?.attachments.map((a) => a.name), ['crash.log']);
    assert.ok(pushed.some((m) => m.type === 'sendProgress' && /crash\.log \(1 of 1\)/.test(m.text)), 'upload progress shown');
    assert.deepStrictEqual(pushed.filter((m) => m.type === 'filesChanged').at(-1), { type: 'filesChanged', files: { reply: [], note: [] } });
    assert.strictEqual(ext.context.globalState.get(`bolddesk.draftFiles.reply.${ticket.id}@${fakeOrigin()}`), undefined, 'forgotten once sent');
    panel.dispose();
  });

  it('the panel composer refuses a program file and too many files before anything is uploaded', async () => {
    const { fake } = fixture();
    fake.reset();
    const ticket = fake.db.tickets[fake.db.tickets.length - 10];
    await vscode.commands.executeCommand(Commands.openTicket, ticket.id);
    const panel = ext.ticketPanels.get(ticket.id);
    assert.ok(panel);
    const exe = path.join(dir, 'tool.exe');
    fs.writeFileSync(exe, 'MZ');
    const many = Array.from({ length: 11 }, (_, i) => {
      const f = path.join(dir, `part${i}.txt`);
      fs.writeFileSync(f, `part ${i}\n`);
      return vscode.Uri.file(f).toString();
    });
    promptSwitch.use(new ScriptedPrompts(answer.files(vscode.Uri.file(exe).toString()), answer.files(...many)));
    const exeReply = await panel.handleMessage({ id: 3101, type: 'attachFiles', kind: 'note' });
    assert.ok(exeReply && !exeReply.ok && /tool\.exe is a program file/.test(exeReply.error.message), JSON.stringify(exeReply));
    const manyReply = await panel.handleMessage({ id: 3102, type: 'attachFiles', kind: 'note' });
    assert.ok(manyReply && !manyReply.ok && /11 files are attached; one message takes at most 10/.test(manyReply.error.message), JSON.stringify(manyReply));
    assert.strictEqual(ext.context.globalState.get(`bolddesk.draftFiles.note.${ticket.id}@${fakeOrigin()}`), undefined);
    assert.strictEqual(fake.requests.filter((r) => r.method === 'POST').length, 0);
    panel.dispose();
  });
  it('Attach Selection as File: the selected lines become a file named after them and go up with the note', async () => {
    const { fake } = fixture();
    fake.reset();
    const ticket = fake.db.tickets[fake.db.tickets.length - 11];
    const src = path.join(dir, 'app.ts');
    fs.writeFileSync(src, 'const a = 1;\nconst b = "two";\nconst c = `three`;\nconst d = 4;\n');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(src)));
    editor.selection = new vscode.Selection(1, 0, 3, 0); // lines 2–3 (the end at column 0 leaves line 4 out)
    const p = promptSwitch.use(new ScriptedPrompts());
    const r = await vscode.commands.executeCommand<{ files: string[] }>(Commands.attachSelectionAsFile, { ticketId: ticket.id, kind: 'note' });
    assert.deepStrictEqual(r?.files, ['app-L2-3.ts']);
    assert.ok(p.messages.some((m) => m.message.includes('app-L2-3.ts will be attached to')), JSON.stringify(p.messages));

    const draft = await waitFor('the note draft tab', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'bolddesk-draft' && d.uri.path.includes(`#${ticket.id}`) && !d.uri.path.startsWith('/Reply')));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(draft.uri, new vscode.Position(0, 0), 'The two lines are attached.');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const [copy] = ext.context.globalState.get<string[]>(`bolddesk.draftFiles.note.${ticket.id}@${fakeOrigin()}`) ?? [];
    assert.ok(copy && fs.existsSync(vscode.Uri.parse(copy).fsPath), 'the selection was written to the extension\'s storage');
    const id = await vscode.commands.executeCommand<number | undefined>(Commands.sendDraft, draft.uri);
    assert.strictEqual(typeof id, 'number', JSON.stringify(p.messages));
    assert.strictEqual(fs.existsSync(vscode.Uri.parse(copy).fsPath), false, 'its copy is deleted once BoldDesk has the note');
    const uploads = fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/attachments');
    assert.strictEqual(uploads.length, 1);
    const body = String(uploads[0].body);
    assert.match(body, /filename="app-L2-3\.ts"/);
    assert.ok(body.includes('const b = "two";\nconst c = `three`;\n') && !body.includes('const d'), body);
    const note = fake.requests.find((r) => r.method === 'POST' && r.path === `/api/v1/tickets/${ticket.id}/notes`);
    assert.match(String((note?.body as { attachments?: string }).attachments), /^fake-upload-\d+$/);
    assert.ok(p.progress.some((t) => /Uploading app-L2-3\.ts \(1 of 1\)/.test(t)), JSON.stringify(p.progress));
  });
  it('a new ticket with a file: a failed upload creates nothing; Try Again keeps answers and file, uploads, then one POST with the token', async () => {
    const { fake } = fixture();
    fake.reset();
    const contact = fake.db.contacts[1];
    const createAnswers = () => [
      ...createSteps({
        subject: 'Crash with log', description: 'See the log.', priority: 'High',
        requester: [answer.search(contact.email, contact.email)], brand: 'Acme Mobile', category: 'Billing',
      }),
      answer.pick('Create ticket'),
    ];
    // The user presses Try Again after the first attempt ended (not while it still holds the one-create-at-a-time lock).
    let firstEnded: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (firstEnded = resolve));
    class LaterClick extends ScriptedPrompts {
      override async error(message: string, ...actions: string[]): Promise<string | undefined> {
        const action = await super.error(message, ...actions);
        await ended;
        return action;
      }
    }
    const p = promptSwitch.use(new LaterClick(...createAnswers(), ...createAnswers()));
    p.onMessage = (m) => (m.level === 'error' && m.actions.includes('Try Again') ? 'Try Again' : undefined);
    fake.addFault({ fault: { type: 'status', status: 500 }, method: 'POST', path: '/attachments$', times: 1 });
    await vscode.commands.executeCommand(Commands.attachToTicket, { files: [log], kind: 'ticket' });
    assert.strictEqual(fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/tickets').length, 0, 'no ticket without its file');
    firstEnded();
    await waitFor('the upload error', () => p.messages.find((m) => m.level === 'error'));
    assert.match(p.messages.find((m) => m.level === 'error')?.message ?? '', /The ticket was not created; what you typed and the files are kept/);

    const create = await waitFor('the ticket POST after Try Again', () => fake.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/tickets'), 30000);
    assert.deepStrictEqual(p.unexpected, []);
    assert.strictEqual(fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/tickets').length, 1);
    const uploads = fake.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/attachments');
    assert.deepStrictEqual(uploads.map((r) => r.status), [500, 200], 'the failed upload was not retried by itself');
    const body = create.body as { subject: string; attachments?: string };
    assert.strictEqual(body.subject, 'Crash with log');
    assert.match(String(body.attachments), /^fake-upload-\d+$/);
    const created = fake.db.tickets.find((t) => t.subject === 'Crash with log');
    assert.deepStrictEqual(created?.messages[0]?.attachments.map((a) => a.name), ['crash.log']);
    assert.ok(p.progress.some((t) => /Uploading crash\.log \(1 of 1\)/.test(t)), JSON.stringify(p.progress));
  });
});
