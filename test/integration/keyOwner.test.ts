// Who owns a key, in a real extension host against the fake BoldDesk (issue 18, bug 2): the agent e-mail the user
// typed is only a claim until a write shows which author BoldDesk records for that key. The fake records the key's
// real owner as the author, like BoldDesk.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import { activateExtension, fixture, PromptSwitch, trusted } from './fixture';
import { waitFor } from '../support/poll';
import { ScriptedPrompts } from '../support/scriptedPrompts';

let ext: ExtensionApi;
let promptSwitch: PromptSwitch;

describe('Key owner confirmed by what BoldDesk records (fake BoldDesk)', function () {
  this.timeout(30000);

  before(async () => {
    ext = await activateExtension();
    promptSwitch = new PromptSwitch(ext);
  });
  after(() => promptSwitch.restore());

  it('a typed agent e-mail is a claim; the first post reads back the real author and corrects the identity', async () => {
    const { fake } = fixture();
    const ben = fake.keys.find((k) => k.label === 'Ben laptop');
    const chloe = fake.db.agents.find((a) => a.name === 'Chloe Chen');
    assert.ok(ben && chloe && ben.agent.userId !== chloe.userId, 'a key of Ben and another agent, Chloe');
    promptSwitch.use(new ScriptedPrompts());
    // The user names the wrong agent for Ben's key.
    const id = await vscode.commands.executeCommand<string | undefined>(Commands.addIdentity, trusted({
      label: 'Laptop', apiKey: ben.key, agentEmail: chloe.email,
    }));
    assert.ok(id);
    try {
      await ext.session.resolveAgent(id);
      const before = ext.session.attributionText(id);
      assert.ok(!/will show this as|shows this as/.test(before), `a claim is not stated as fact: ${before}`);
      assert.match(before, /you said that API key belongs to “Chloe Chen” \(chloe@example.com\), not yet confirmed/);
      assert.strictEqual(ext.session.confirmedOwner(id), undefined);

      // One reply posted as that identity, through the draft tab.
      const prompts = promptSwitch.use(new ScriptedPrompts());
      const ticketId = fake.db.tickets[4].id;
      const uri = await vscode.commands.executeCommand<string>(Commands.addReply, ticketId);
      assert.strictEqual(await vscode.commands.executeCommand(Commands.postAs, { draft: uri, identity: 'Laptop' }), id);
      const doc = await waitFor('the draft', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri));
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(0, 0), 'Posted with the laptop key');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await vscode.commands.executeCommand<number>(Commands.sendDraft, trusted(vscode.Uri.parse(uri))));

      // BoldDesk recorded Ben: the extension says so, corrects the identity and confirms it.
      const owner = await waitFor('the confirmed owner', () => ext.session.confirmedOwner(id));
      const shown = fake.db.agents.find((a) => a.userId === ben.agent.userId)?.displayName; // the name BoldDesk shows
      assert.strictEqual(owner.userId, ben.agent.userId);
      const warning = await prompts.waitForMessage((m) => m.level === 'warning');
      assert.match(warning.message, new RegExp(`recorded your post as “${shown}”, not “Chloe Chen”`));
      await waitFor('the corrected agent e-mail', () => ext.session.identity(id)?.agentEmail === ben.agent.email);
      assert.strictEqual((await ext.session.resolveAgent(id))?.userId, ben.agent.userId);
      const agent = ext.session.agentFor(id);
      assert.strictEqual(agent?.userId, ben.agent.userId);
      const after = ext.session.attributionText(id);
      assert.match(after, new RegExp(`shows this as “${agent.name}” — confirmed`));
      assert.ok(!after.includes('Chloe'), after);
    } finally {
      promptSwitch.use(new ScriptedPrompts());
      await ext.session.removeIdentity(id);
    }
  });
});
