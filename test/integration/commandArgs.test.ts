// Commands that act on an argument without asking (Set Domain, Set API Key, Add Identity, Send) take arguments only
// from the extension itself (ExtensionApi.trusted / src/commands/trustedArg.ts). A `command:` link passes plain JSON,
// exactly what these tests pass: the command must ask instead of acting (docs/SECURITY.md, issue 13 §6).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import { KeyStore } from '../../src/auth/keyStore';
import { activateExtension, fakeOrigin, fixture, PromptSwitch } from './fixture';
import { waitFor } from '../support/poll';
import { answer, ScriptedPrompts } from '../support/scriptedPrompts';

let ext: ExtensionApi;
let promptSwitch: PromptSwitch;

function requestsWithKey(key: string): number {
  return fixture().fake.requests.filter((r) => Object.entries(r.headers).some(([k, v]) => k.toLowerCase() === 'x-api-key' && v === key)).length;
}

/** Every key stored for the fake's origin (SecretStorage), by identity. */
async function storedKeys(): Promise<(string | undefined)[]> {
  await ext.session.loadIdentities();
  return Promise.all(ext.session.identities.map((i) => ext.context.secrets.get(KeyStore.secretKeyFor(fakeOrigin(), i.id))));
}

describe('A command link cannot act on its argument without asking (fake BoldDesk)', function () {
  this.timeout(30000);

  before(async () => {
    ext = await activateExtension();
    promptSwitch = new PromptSwitch(ext);
  });
  afterEach(() => promptSwitch.restore());

  it('Set API Key ignores a key passed by a link: the user is asked, nothing is checked or stored', async () => {
    const keysBefore = await storedKeys();
    const attackerKey = fixture().fake.keys[1].key; // a real key of the same help desk: it would pass the check
    const p = promptSwitch.use(new ScriptedPrompts(answer.cancel()));
    assert.equal(await vscode.commands.executeCommand(Commands.setApiKey, attackerKey), false);
    const asked = p.asked.find((q) => q.method === 'input');
    assert.ok(asked, `the key prompt was shown: ${JSON.stringify(p.asked)}`);
    assert.notEqual(asked.value, attackerKey, 'the prompt is not prefilled with the link’s key');
    assert.deepEqual(await storedKeys(), keysBefore, 'the stored keys are unchanged');
    assert.equal(requestsWithKey(attackerKey), 0, 'the link’s key was never sent');
  });

  it('Add Identity ignores answers passed by a link: the user is asked, no identity is added', async () => {
    await ext.session.loadIdentities();
    const before = ext.session.identities.map((i) => i.label);
    const attackerKey = fixture().fake.keys[1].key;
    const p = promptSwitch.use(new ScriptedPrompts(answer.cancel()));
    const id = await vscode.commands.executeCommand(Commands.addIdentity, { label: 'Linked', apiKey: attackerKey, makeDefault: true });
    assert.equal(id, undefined);
    assert.ok(p.asked.some((q) => q.method === 'input'), `the identity questions were shown: ${JSON.stringify(p.asked)}`);
    assert.deepEqual(ext.session.identities.map((i) => i.label), before);
    assert.equal(requestsWithKey(attackerKey), 0, 'the link’s key was never sent');
  });

  it('Send with a link’s argument for a draft not in front of the user asks first; declined sends nothing', async () => {
    const { fake } = fixture();
    const ticketId = fake.db.tickets[fake.db.tickets.length - 7].id;
    promptSwitch.use(new ScriptedPrompts());
    const uri = await vscode.commands.executeCommand<string>(Commands.addReply, ticketId);
    const doc = await waitFor('the draft document', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), 'Not finished yet');
    assert.ok(await vscode.workspace.applyEdit(edit));
    // Another editor in front: the link names a draft the user is not looking at.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'elsewhere' }));
    const postsBefore = fake.requests.filter((r) => r.method === 'POST').length;

    const p = promptSwitch.use(new ScriptedPrompts(answer.confirm(false)));
    assert.equal(await vscode.commands.executeCommand(Commands.sendDraft, vscode.Uri.parse(uri)), undefined);
    const asked = p.asked.find((q) => q.method === 'confirm');
    assert.ok(asked, `a confirmation was asked: ${JSON.stringify(p.asked)}`);
    assert.ok(`${asked.title ?? ''} ${asked.prompt ?? ''}`.includes(`#${ticketId}`), JSON.stringify(asked));
    assert.equal(fake.requests.filter((r) => r.method === 'POST').length, postsBefore, 'nothing was posted');
    assert.equal(doc.getText(), 'Not finished yet', 'the draft is kept');

    // The same link string (not a Uri object) is refused the same way.
    const p2 = promptSwitch.use(new ScriptedPrompts(answer.confirm(false)));
    assert.equal(await vscode.commands.executeCommand(Commands.sendDraft, uri), undefined);
    assert.ok(p2.asked.some((q) => q.method === 'confirm'));
    assert.equal(fake.requests.filter((r) => r.method === 'POST').length, postsBefore, 'nothing was posted');

    // The draft in front of the user (what the editor title button passes) is sent without a question.
    await vscode.window.showTextDocument(doc);
    const p3 = promptSwitch.use(new ScriptedPrompts());
    assert.equal(typeof (await vscode.commands.executeCommand(Commands.sendDraft, vscode.Uri.parse(uri))), 'number');
    assert.equal(p3.asked.length, 0, JSON.stringify(p3.asked));
  });
});
