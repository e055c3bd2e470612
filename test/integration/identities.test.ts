// Several identities (API keys) for one domain in a real extension host against the fake BoldDesk: writes made
// "as" an identity use that identity's key (the fake records the key owner as ticket creator / message author),
// removing one leaves the others, the single key of earlier versions is migrated, and keys are only in SecretStorage.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { KeyStore } from '../../src/auth/keyStore';
import { Commands, Settings } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import type { FakeAgent } from '../fake-bolddesk';
import { activateExtension, createSteps, fakeOrigin, fixture, PromptSwitch, trusted } from './fixture';
import { waitFor } from '../support/poll';
import { answer, ScriptedPrompts } from '../support/scriptedPrompts';
import { typeInto } from '../support/typeInto';

let ext: ExtensionApi;
let promptSwitch: PromptSwitch;

function bot(): { key: string; agent: FakeAgent } {
  const k = fixture().fake.keys.find((x) => x.label === 'API Bot');
  assert.ok(k, 'the fake has an API Bot key');
  return k;
}

function labelOf(id: string | undefined): string | undefined {
  return ext.session.identities.find((i) => i.id === id)?.label;
}

/** Every value of every bolddesk setting (all scopes) and of globalState/workspaceState, as text. */
function everythingButSecrets(): string[] {
  const config = vscode.workspace.getConfiguration(Settings.section);
  const settingKeys = Object.values(Settings).filter((k) => k !== Settings.section);
  const settings = settingKeys.map((k) => JSON.stringify(config.inspect(k) ?? null));
  const dump = (m: vscode.Memento) => m.keys().map((k) => `${k}=${JSON.stringify(m.get(k) ?? null)}`);
  return [...settings, ...dump(ext.context.globalState), ...dump(ext.context.workspaceState)];
}

async function addBot(): Promise<string> {
  promptSwitch.use(new ScriptedPrompts());
  const { key, agent } = bot();
  const id = await vscode.commands.executeCommand<string | undefined>(Commands.addIdentity, trusted({
    label: 'API Bot',
    apiKey: key,
    agentEmail: agent.email,
  }));
  assert.ok(id, 'the identity was added');
  return id;
}


describe('Several identities (fake BoldDesk)', function () {
  this.timeout(30000);

  before(async () => {
    ext = await activateExtension();
    promptSwitch = new PromptSwitch(ext);
  });

  beforeEach(() => fixture().fake.reset());

  after(async () => {
    // Leave exactly the demo key as the only (default) identity for the suites that follow.
    for (const i of [...ext.session.identities]) if (i.label === 'API Bot') await ext.session.removeIdentity(i.id);
    if ((await ext.session.loadIdentities()).length === 0) await ext.session.storeKey(fixture().key);
    promptSwitch.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('migrates the single key of earlier versions to the first identity, transparently', async () => {
    for (const i of [...(await ext.session.loadIdentities())]) await ext.session.removeIdentity(i.id);
    assert.strictEqual(await ext.session.hasKey(), false);
    // What an earlier version stored: one secret per origin, no identity list.
    await ext.context.secrets.store(KeyStore.secretKeyFor(fakeOrigin()), fixture().key);
    const first = await waitFor('the migrated identity', () => ext.session.identities[0]);
    assert.strictEqual(await ext.session.hasKey(), true);
    assert.strictEqual(await ext.context.secrets.get(KeyStore.secretKeyFor(fakeOrigin(), first.id)), fixture().key);
    assert.strictEqual(await ext.context.secrets.get(KeyStore.secretKeyFor(fakeOrigin())), undefined, 'the old entry is gone');
    assert.strictEqual(first.agentEmail, undefined, 'it keeps using the bolddesk.agentEmail setting');
    assert.strictEqual((await ext.session.resolveIdentity())?.userId, fixture().agent.userId);
  });

  it('Add Identity checks the key with BoldDesk and never stores a rejected one', async () => {
    const before = ext.session.identities.length;
    const p = promptSwitch.use(new ScriptedPrompts());
    const id = await vscode.commands.executeCommand(Commands.addIdentity, trusted({ label: 'Broken', apiKey: 'not-a-key' }));
    assert.strictEqual(id, undefined);
    assert.strictEqual(ext.session.identities.length, before);
    assert.match(p.messages.find((m) => m.level === 'error')?.message ?? '', /rejected this API key/);
  });

  it('two identities post as different agents: create, reply, note and the panel use the chosen key', async () => {
    const { fake, agent: ana } = fixture();
    const botId = await addBot();
    const defaultId = ext.session.defaultIdentity?.id;
    assert.ok(defaultId && defaultId !== botId, 'adding an identity keeps the default');
    assert.strictEqual(await vscode.commands.executeCommand(Commands.switchIdentity, 'API Bot'), true);
    assert.strictEqual(await vscode.commands.executeCommand(Commands.switchIdentity, defaultId), true);
    await ext.session.resolveAgent(botId);

    // Create: the confirm step offers "Post as…"; the ticket is created with the API Bot key.
    const contact = fake.db.contacts[0];
    const p = promptSwitch.use(
      new ScriptedPrompts(
        ...createSteps({
          subject: 'Created by the bot', description: 'Body', priority: 'High', requester: [answer.search(contact.email, contact.email)],
          brand: 'Acme Mobile', category: 'Billing',
        }),
        answer.pick(/^Post as /), answer.pick('API Bot'), answer.pick('Create ticket'),
      ),
    );
    const ticketId = await vscode.commands.executeCommand<number>(Commands.createTicket);
    assert.deepStrictEqual(p.unexpected, []);
    assert.strictEqual(fake.db.getTicket(ticketId)?.createdById, bot().agent.userId, 'BoldDesk shows the bot as creator');
    const create = fake.requests.find((r) => r.method === 'POST' && r.path === '/api/v1/tickets');
    assert.strictEqual(create?.headers['x-api-key'], bot().key);
    const confirm = p.asked[p.asked.length - 1];
    assert.match(confirm.placeholder ?? '', /API Bot/, 'the confirm step names the chosen identity');

    // Draft reply as the default identity (Ana), draft note "Post as… API Bot".
    promptSwitch.use(new ScriptedPrompts());
    const replyUri = await vscode.commands.executeCommand<string>(Commands.addReply, ticketId);
    await typeInto(replyUri, 'Reply as Ana');
    const replyId = await vscode.commands.executeCommand<number>(Commands.sendDraft, trusted(vscode.Uri.parse(replyUri)));
    const noteUri = await vscode.commands.executeCommand<string>(Commands.addNote, ticketId);
    await typeInto(noteUri, 'Note as the bot');
    assert.strictEqual(await vscode.commands.executeCommand(Commands.postAs, { draft: noteUri, identity: 'API Bot' }), botId);
    const noteId = await vscode.commands.executeCommand<number>(Commands.sendDraft, trusted(vscode.Uri.parse(noteUri)));

    // The panel composer's "Post as" select.
    await vscode.commands.executeCommand(Commands.openTicket, ticketId);
    const panel = ext.ticketPanels.get(ticketId);
    assert.ok(panel);
    const sent = await panel.handleMessage({ id: 9001, type: 'send', kind: 'reply', text: 'Panel reply as the bot', postAs: botId });
    assert.ok(sent?.ok, JSON.stringify(sent));
    const gone = await panel.handleMessage({ id: 9002, type: 'send', kind: 'reply', text: 'x', postAs: 'nosuchid' });
    assert.ok(gone && !gone.ok && /removed/.test(gone.error.message), JSON.stringify(gone));
    panel.dispose();

    const messages = fake.db.getTicket(ticketId)?.messages ?? [];
    const authorOf = (pred: (m: (typeof messages)[number]) => boolean) => messages.find(pred)?.authorId;
    assert.strictEqual(authorOf((m) => m.id === replyId), ana.userId, 'the reply is Ana’s');
    assert.strictEqual(authorOf((m) => m.id === noteId), bot().agent.userId, 'the note is the bot’s');
    assert.strictEqual(authorOf((m) => m.description === '<p>Panel reply as the bot</p>'), bot().agent.userId);
  });

  it('the view and the status bar show the identity in use', async () => {
    const botId = ext.session.identities.find((i) => i.label === 'API Bot')?.id ?? (await addBot());
    await vscode.commands.executeCommand(Commands.switchIdentity, botId);
    await ext.session.resolveIdentity();
    await waitFor('the view description', () => /acting as API Bot/.test(String(ext.treeView.description)));
    // The description is hidden while Tickets is the only view of its container: the message above the tree says it.
    assert.match(String(ext.treeView.message), /^Acting as API Bot\.$/);
    const defaultId = ext.session.identities.find((i) => i.id !== botId)?.id;
    await vscode.commands.executeCommand(Commands.switchIdentity, defaultId);
    assert.strictEqual(labelOf(ext.session.defaultIdentity?.id), labelOf(defaultId));
    await ext.session.resolveIdentity();
    await waitFor('the view description', () => !/API Bot/.test(String(ext.treeView.description ?? '')));
    assert.doesNotMatch(String(ext.treeView.message ?? ''), /API Bot/);
  });

  it('keys are nowhere but SecretStorage (settings, globalState, workspaceState)', async () => {
    assert.ok(ext.session.identities.length >= 2);
    const keys = [fixture().key, bot().key];
    const texts = everythingButSecrets();
    assert.ok(texts.some((t) => t.includes('API Bot')), 'the labels are kept (globalState)');
    for (const text of texts) for (const key of keys) assert.ok(!text.includes(key), `a key leaked into: ${text}`);
    for (const i of ext.session.identities) {
      assert.ok(await ext.context.secrets.get(KeyStore.secretKeyFor(fakeOrigin(), i.id)), `secret of ${i.label}`);
    }
  });

  it('Remove API Key with several identities asks which; removing one leaves the other', async () => {
    const botId = ext.session.identities.find((i) => i.label === 'API Bot')?.id;
    assert.ok(botId);
    const p = promptSwitch.use(new ScriptedPrompts(answer.pick('API Bot'), answer.confirm(true)));
    assert.strictEqual(await vscode.commands.executeCommand(Commands.removeApiKey), true);
    assert.deepStrictEqual(p.asked.map((q) => q.method), ['pick', 'confirm']);
    assert.strictEqual(ext.session.identities.length, 1);
    assert.strictEqual(await ext.context.secrets.get(KeyStore.secretKeyFor(fakeOrigin(), botId)), undefined);
    const left = ext.session.defaultIdentity;
    assert.ok(left);
    assert.strictEqual(await ext.context.secrets.get(KeyStore.secretKeyFor(fakeOrigin(), left.id)), fixture().key);

    // Remove Identity by name does the same, and the tree still loads with the remaining key.
    await addBot();
    promptSwitch.use(new ScriptedPrompts(answer.confirm(true)));
    assert.strictEqual(await vscode.commands.executeCommand(Commands.removeIdentity, 'API Bot'), true);
    assert.deepStrictEqual(ext.session.identities.map((i) => i.id), [left.id]);
    const labels = ((await ext.treeProvider.getChildren()) ?? []).map((n) => n.getTreeItem().label);
    assert.ok(labels.includes('All open'), labels.join(', '));
  });
});
