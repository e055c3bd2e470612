// The extension in a real VS Code against each fake BoldDesk dialect (test/fake-bolddesk/dialects.ts): the tree's
// lists show only tickets that belong to them and say when BoldDesk did not apply a filter, a field change reports
// what BoldDesk holds, and BoldDesk: Check Connection's result changes what is sent. No HTTP mocks.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CheckResult } from '../../src/api/checkResult';
import { Commands, ContextValues } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import type { TicketNode } from '../../src/views/nodes/ticketNode';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import { DIALECTS, type Dialect } from '../fake-bolddesk';
import { OPEN_STATUS_IDS } from '../fake-bolddesk/seedData';
import { activateExtension, fixture, PromptSwitch } from './fixture';
import { answer, ScriptedPrompts } from '../support/scriptedPrompts';

let ext: ExtensionApi;
let promptSwitch: PromptSwitch;

function label(node: TreeNode): string {
  const l = (ext.treeProvider.getTreeItem(node) as vscode.TreeItem).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

async function categoryChildren(name: string): Promise<TreeNode[]> {
  const roots = (await ext.treeProvider.getChildren()) ?? [];
  const found = roots.find((n) => label(n) === name);
  assert.ok(found, `no category "${name}" in [${roots.map(label).join(', ')}]`);
  return (await ext.treeProvider.getChildren(found)) ?? [];
}

const ticketsOf = (nodes: TreeNode[]) =>
  nodes.filter((n) => (ext.treeProvider.getTreeItem(n) as vscode.TreeItem).contextValue === ContextValues.ticket).map((n) => (n as TicketNode).ticket);

async function useDialects(dialects: Dialect[]): Promise<void> {
  fixture().fake.setDialects(dialects);
  fixture().fake.reset();
  await ext.treeProvider.refresh();
}

/** Forget any stored check for the fake's origin (the defaults apply again). */
async function forgetCheck(): Promise<void> {
  const origin = ext.session.origin;
  assert.ok(origin);
  await ext.context.globalState.update(`bolddesk.connectionCheck:${origin}`, undefined);
}

describe('BoldDesk dialects in the extension (fake BoldDesk)', function () {
  this.timeout(60000);

  before(async () => {
    ext = await activateExtension();
    promptSwitch = new PromptSwitch(ext);
    await ext.session.resolveIdentity();
  });

  afterEach(async () => {
    fixture().fake.setDialects([]);
    await forgetCheck();
    promptSwitch.use(new ScriptedPrompts());
  });

  // Later suites (untrustedText) need the extension's real Prompts back.
  after(() => promptSwitch.restore());

  for (const dialect of [undefined, ...DIALECTS] as (Dialect | undefined)[]) {
    it(`lists show only their tickets on ${dialect ?? 'the default fake'}`, async () => {
      await useDialects(dialect ? [dialect] : []);
      const me = ext.session.actingAs?.userId;
      assert.ok(me);
      const mine = ticketsOf(await categoryChildren('My open tickets'));
      for (const t of mine) assert.strictEqual(t.agent?.id, me, `My open tickets: #${t.id}`);
      const unassigned = ticketsOf(await categoryChildren('Unassigned'));
      for (const t of unassigned) assert.ok(!t.agent, `Unassigned: #${t.id} has ${t.agent?.name}`);
      const open = fixture().fake.db.tickets.filter((t) => t.agentId === null && OPEN_STATUS_IDS.includes(t.statusId));
      if (open.length > 0) assert.ok(unassigned.length > 0, 'the unassigned open tickets are not hidden');
    });
  }

  it('ignore-undocumented-q: "My open tickets" says once that BoldDesk did not apply the assignee filter', async () => {
    await useDialects(['ignore-undocumented-q']);
    const nodes = await categoryChildren('My open tickets');
    const notices = nodes.filter((n) => /did not apply the assignee filter/.test(label(n)));
    assert.strictEqual(notices.length, 1, nodes.map(label).join(' | '));
    assert.strictEqual(label(nodes[0]), label(notices[0]), 'the notice comes first');
    const item = ext.treeProvider.getTreeItem(notices[0]) as vscode.TreeItem;
    assert.strictEqual(item.command?.command, Commands.checkConnection);
  });

  it('unassign-ignored: Change Assignee says BoldDesk did not unassign and offers Open in Browser', async () => {
    await useDialects(['unassign-ignored']);
    const { fake } = fixture();
    const ticket = fake.db.tickets.find((t) => t.agentId !== null);
    assert.ok(ticket);
    const agentId = ticket.agentId;
    const p = promptSwitch.use(new ScriptedPrompts(answer.pick('Unassign')));
    const result = await vscode.commands.executeCommand(Commands.changeAssignee, ticket.id);
    assert.deepStrictEqual(p.unexpected, []);
    assert.strictEqual(result, false);
    const shown = await p.waitForMessage((m) => m.level === 'warning');
    assert.match(shown.message, /did not change the assignee/);
    assert.deepStrictEqual(shown.actions, ['Open in Browser']);
    assert.ok(!p.messages.some((m) => /Nothing changed/.test(m.message)), 'never "Nothing changed"');
    assert.strictEqual(fake.db.getTicket(ticket.id)?.agentId, agentId, 'still assigned in BoldDesk');
  });

  it('Check Connection: its result is stored per origin and decides how "Unassigned" is asked', async () => {
    for (const dialects of [['unassigned-none'], []] as Dialect[][]) {
      await useDialects(dialects);
      promptSwitch.use(new ScriptedPrompts());
      const result = await vscode.commands.executeCommand<CheckResult>(Commands.checkConnection);
      assert.ok(result.requests <= 15);
      assert.strictEqual(result.forms.unassigned, dialects.length ? 'ignored' : 'honoured');
      const report = vscode.window.activeTextEditor?.document.getText() ?? '';
      assert.match(report, /BoldDesk connection check/);
      assert.ok(!report.includes(fixture().key), 'no key in the report');
      fixture().fake.reset();
      await ext.treeProvider.refresh();
      await categoryChildren('Unassigned'); // loads its first page
      const sentZero = fixture().fake.requests.some((r) => (r.query.Q ?? []).includes('agents:[0]'));
      assert.strictEqual(sentZero, dialects.length === 0, 'agents:[0] only where the check saw it work');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });
});
