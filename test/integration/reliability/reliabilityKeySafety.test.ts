// Key safety through the real extension: a redirect to another loopback port (standing in for another host)
// never receives x-api-key; after a full scripted session (set key, browse, open, create, reply, note, change
// status, failures whose answers echo the key) the key is in SecretStorage and NOWHERE else the extension wrote:
// settings (every scope and the user settings.json), globalState, workspaceState, the log files, webview HTML
// and state, tree labels and every message shown. (The VSIX is scanned by test/unit/project/reliabilityBundle.test.ts.)
import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../../src/constants';
import type { ExtensionApi } from '../../../src/extensionApi';
import { createSteps, fixture, PromptSwitch, trusted } from '../fixture';
import { activate, storedKey, TreeReader, waitFor } from './reliabilitySupport';
import { answer, ScriptedPrompts } from '../../support/scriptedPrompts';

/** Every file under a folder, as text (binary files are read as latin1 so a key would still show). */
async function readAll(dir: vscode.Uri, out: Map<string, string> = new Map()): Promise<Map<string, string>> {
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return out;
  }
  for (const [name, type] of entries) {
    const uri = vscode.Uri.joinPath(dir, name);
    if (type & vscode.FileType.Directory) await readAll(uri, out);
    else if (type & vscode.FileType.File) out.set(uri.fsPath, Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('latin1'));
  }
  return out;
}

describe('Reliability: the API key stays in SecretStorage (fake BoldDesk)', function () {
  this.timeout(60000);
  let ext: ExtensionApi;
  let tree: TreeReader;
  let prompts: PromptSwitch;
  /** Everything the user was shown during this suite. */
  const shown: string[] = [];

  before(async () => {
    ext = await activate();
    tree = new TreeReader(ext);
    prompts = new PromptSwitch(ext);
  });

  beforeEach(() => fixture().fake.reset());

  after(() => prompts.restore());

  function use(p: ScriptedPrompts): ScriptedPrompts {
    const record = p.onMessage;
    p.onMessage = (m) => {
      shown.push(m.message, ...m.actions);
      return record(m);
    };
    return prompts.use(p);
  }

  it('a redirect to another loopback port never receives x-api-key (tree load and reply)', async () => {
    const received: http.IncomingHttpHeaders[] = [];
    const other = http.createServer((req, res) => {
      received.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"result":[],"count":0,"id":1}');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const elsewhere = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    const { fake } = fixture();
    try {
      fake.addFault({ fault: { type: 'redirect', location: `${elsewhere}/api/v1/tickets` }, method: 'GET', path: /^\/api\/v1\/tickets$/ });
      ext.treeProvider.setFilter(undefined);
      const open = await tree.children(await tree.category('All open'));
      const node = tree.messages(open)[0];
      assert.ok(node, 'an error node');
      assert.match(tree.label(node), /redirected elsewhere — check the domain/);
      shown.push(tree.label(node), tree.describe(node).tooltip);

      const ticket = fake.db.tickets[3].id;
      fake.addFault({ fault: { type: 'redirect', status: 307, location: `${elsewhere}/api/v1/tickets/${ticket}/updates` }, method: 'POST' });
      await vscode.commands.executeCommand(Commands.openTicket, ticket);
      const panel = ext.ticketPanels.get(ticket);
      assert.ok(panel);
      const reply = await panel.handleMessage({ id: 7001, type: 'send', kind: 'reply', text: 'Redirected reply' });
      assert.ok(reply && !reply.ok);
      shown.push(reply.ok ? '' : reply.error.message);
      assert.match(reply.ok ? '' : reply.error.message, /redirected/);
      panel.dispose();
      assert.deepStrictEqual(received.map((h) => h['x-api-key']).filter(Boolean), [], 'the other host never got the key');
      assert.strictEqual(received.length, 0, 'the other host got no request at all');
    } finally {
      fake.clearFaults();
      await new Promise<void>((r) => other.close(() => r()));
    }
  });

  it('after a full session with failures, the key is nowhere but SecretStorage', async () => {
    const { fake, key } = fixture();
    const marker = `reliability-log-marker-${Date.now()}`;

    // Set the key (pasted with a line break), browse, load more.
    use(new ScriptedPrompts());
    assert.strictEqual(await vscode.commands.executeCommand(Commands.setApiKey, trusted(`${key}\n`)), true);
    await vscode.commands.executeCommand(Commands.refresh);
    const open = await tree.category('All open');
    const loadMore = tree.ofKind(await tree.children(open), 'loadMore')[0];
    const cmd = loadMore && tree.item(loadMore).command;
    if (cmd) await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));

    // Open a ticket in the panel; keep its HTML and the state it sent to the webview.
    const ticketId = fake.db.tickets[4].id;
    await vscode.commands.executeCommand(Commands.openTicket, ticketId);
    const panel = ext.ticketPanels.get(ticketId);
    assert.ok(panel);
    const loaded = await waitFor('the panel to load', () => panel.controller.loaded);
    const webviewTexts = [panel.panel.webview.html, JSON.stringify(loaded)];

    // Create, reply (draft), note (panel), change status.
    const contact = fake.db.contacts[0];
    use(new ScriptedPrompts(
      ...createSteps({ subject: 'Key safety', description: 'Body', priority: 'Low', requester: [answer.search(contact.email, contact.email)] }),
      answer.pick('Create ticket'),
    ));
    assert.strictEqual(typeof (await vscode.commands.executeCommand(Commands.createTicket)), 'number');
    use(new ScriptedPrompts());
    const uri = await vscode.commands.executeCommand<string>(Commands.addReply, ticketId);
    const doc = await waitFor('the draft', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), 'Key safety reply');
    await vscode.workspace.applyEdit(edit);
    assert.strictEqual(typeof (await vscode.commands.executeCommand(Commands.sendDraft, trusted(vscode.Uri.parse(uri)))), 'number');
    assert.ok((await panel.handleMessage({ id: 7101, type: 'send', kind: 'note', text: 'Key safety note' }))?.ok);
    const status = fake.db.statuses.find((s) => s.id !== fake.db.getTicket(ticketId)?.statusId);
    assert.ok(status);
    use(new ScriptedPrompts(answer.pick(status.name)));
    assert.strictEqual(await vscode.commands.executeCommand(Commands.changeStatus, ticketId), true);

    // Failures, some of whose answers echo the key back (a server could): the key must still not leak.
    const echo = { message: `Invalid request for key ${key}`, statusCode: 400, errors: [{ field: 'x-api-key', errorMessage: `bad ${key}`, errorType: 'InvalidValue' }] };
    fake.addFault({ fault: { type: 'status', status: 400, body: echo }, method: 'GET', path: /^\/api\/v1\/tickets$/, times: 3 });
    ext.treeProvider.setFilter(undefined);
    for (const n of tree.messages(await tree.children(await tree.category('All open')))) shown.push(tree.label(n), tree.describe(n).tooltip);
    fake.addFault({ fault: { type: 'status', status: 500, body: { ...echo, statusCode: 500 } }, method: 'POST', path: /\/notes$/, times: 1 });
    const failed = await panel.handleMessage({ id: 7102, type: 'send', kind: 'note', text: 'Echoed' });
    assert.ok(failed && !failed.ok);
    shown.push(failed.ok ? '' : failed.error.message);
    fake.revokeKey(key);
    await vscode.commands.executeCommand(Commands.refresh);
    for (const n of await tree.roots()) shown.push(tree.label(n), tree.describe(n).tooltip);
    const p = use(new ScriptedPrompts());
    await vscode.commands.executeCommand(Commands.setAgentEmail, fake.keys[1].agent.email);
    await p.waitForMessage((m) => m.level === 'error');
    fake.restoreKey(key);
    panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    ext.log.info(marker);

    // Where the key must be.
    const stored = (await storedKey(ext)) ?? '';
    assert.strictEqual(stored, key, 'the key is in SecretStorage');

    // Everywhere else the extension wrote.
    const texts = new Map<string, string>();
    const config = vscode.workspace.getConfiguration(Settings.section);
    for (const k of Object.keys(ext.context.extension.packageJSON.contributes.configuration.properties as object)) {
      texts.set(`setting ${k}`, JSON.stringify(config.inspect(k.replace(/^bolddesk\./, '')) ?? null));
    }
    for (const k of ext.context.globalState.keys()) texts.set(`globalState ${k}`, `${k}=${JSON.stringify(ext.context.globalState.get(k) ?? null)}`);
    for (const k of ext.context.workspaceState.keys()) texts.set(`workspaceState ${k}`, `${k}=${JSON.stringify(ext.context.workspaceState.get(k) ?? null)}`);
    webviewTexts.forEach((t, i) => texts.set(`webview ${i ? 'state' : 'html'}`, t));
    shown.forEach((t, i) => texts.set(`shown ${i}`, t));
    // User settings.json: globalStorage is <user data>/User/globalStorage/<extension id>.
    const userDir = vscode.Uri.joinPath(ext.context.globalStorageUri, '..', '..');
    // (Only settings.json and the extension's own storage folder: the workbench keeps SecretStorage elsewhere.)
    const own = ext.context.globalStorageUri.fsPath;
    for (const [file, text] of await readAll(userDir)) if (file.endsWith('settings.json') || file.startsWith(own)) texts.set(file, text);
    // Log files of this window (the BoldDesk output channel and the extension host's own logs).
    const logsRoot = vscode.Uri.joinPath(ext.context.logUri, '..', '..', '..');
    const logs = await waitFor('the log marker on disk', async () => {
      const files = await readAll(logsRoot);
      return [...files.values()].some((t) => t.includes(marker)) ? files : undefined;
    });
    for (const [file, text] of logs) texts.set(file, text);
    assert.ok([...logs.values()].some((t) => t.includes('GET /api/v1/tickets')), 'the request log was among the files scanned');
    assert.ok(texts.size > 10, `scanned ${texts.size} places`);

    const leaks = [...texts].filter(([, text]) => text.includes(key)).map(([where]) => where);
    assert.deepStrictEqual(leaks, [], 'the key was found outside SecretStorage');
  });
});
