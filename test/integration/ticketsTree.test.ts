// The Tickets view in a real extension host, read through its TreeDataProvider (getChildren/getTreeItem) against
// the fake BoldDesk: categories, tickets, "Load more", the filter and error nodes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, ContextValues, Settings } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import { activateExtension, fixture } from './fixture';
import { waitFor } from '../support/poll';

const PAGE = 10;
let ext: ExtensionApi;

function item(node: TreeNode): vscode.TreeItem {
  return ext.treeProvider.getTreeItem(node) as vscode.TreeItem;
}

function label(node: TreeNode): string {
  const l = item(node).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

async function roots(): Promise<TreeNode[]> {
  return (await ext.treeProvider.getChildren()) ?? [];
}

async function category(name: string): Promise<TreeNode> {
  const found = (await roots()).find((n) => label(n) === name);
  assert.ok(found, `no category "${name}" in [${(await roots()).map(label).join(', ')}]`);
  return found;
}

async function children(node: TreeNode): Promise<TreeNode[]> {
  return (await ext.treeProvider.getChildren(node)) ?? [];
}

const tickets = (nodes: TreeNode[]) => nodes.filter((n) => item(n).contextValue === ContextValues.ticket);


describe('Tickets tree (fake BoldDesk)', function () {
  this.timeout(30000);

  before(async () => {
    ext = await activateExtension();
    const config = vscode.workspace.getConfiguration(Settings.section);
    await config.update(Settings.pageSize, PAGE, vscode.ConfigurationTarget.Global);
    // The provider resets its pages on the change event, which arrives with the new value.
    await waitFor('the page size setting', () => vscode.workspace.getConfiguration(Settings.section).get(Settings.pageSize) === PAGE);
  });

  after(async () => {
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.pageSize, undefined, vscode.ConfigurationTarget.Global);
  });

  beforeEach(() => fixture().fake.reset());

  it('shows "My open tickets", "Unassigned", "All open" and the BoldDesk views, and who BoldDesk shows as the author', async () => {
    await ext.session.resolveIdentity();
    await waitFor('My open tickets', async () => (await roots()).some((n) => label(n) === 'My open tickets'));
    const labels = (await roots()).map(label);
    assert.deepStrictEqual(labels.slice(0, 3), ['My open tickets', 'Unassigned', 'All open']);
    assert.ok(labels.includes('Urgent tickets'), labels.join(', '));
    // The tenant's views are marked as such; the built-in lists are not (issue 18).
    const marked = (await roots()).filter((n) => /BoldDesk view/.test(String(item(n).description ?? ''))).map(label);
    assert.ok(marked.includes('Urgent tickets') && marked.includes('Unassigned tickets'), marked.join(', '));
    assert.deepStrictEqual(marked.filter((l) => ['My open tickets', 'Unassigned', 'All open'].includes(l)), []);
    const agent = ext.session.actingAs;
    assert.strictEqual(agent?.userId, fixture().agent.userId, 'the key owner');
    assert.strictEqual(ext.treeView.description, `acting as ${agent.name}`);
    assert.strictEqual(ext.treeView.message, undefined, 'one identity and no filter: nothing above the tree');
  });

  it('lists tickets of a category with status, priority and requester, and a count once loaded', async () => {
    const open = await category('All open');
    const nodes = await children(open);
    const first = tickets(nodes);
    assert.strictEqual(first.length, PAGE);
    const db = fixture().fake.db;
    for (const n of first) {
      const ti = item(n);
      const m = /^#(\d+) (.*)$/.exec(label(n));
      assert.ok(m, label(n));
      const record = db.tickets.find((t) => t.id === Number(m[1]));
      assert.ok(record, `ticket ${m[1]} exists in the fake`);
      assert.strictEqual(m[2], record.subject);
      assert.match(String(ti.description), / · /);
      assert.deepStrictEqual(ti.command?.command, Commands.openTicket);
    }
    const expectedOpen = db.tickets.filter((t) => !db.statusById(t.statusId)?.isClosed).length;
    assert.strictEqual(item(await category('All open')).description, String(expectedOpen));
  });

  it('"Load more…" adds the next page without duplicates', async () => {
    const open = await category('All open');
    const before = await children(open);
    const loadMore = before.find((n) => item(n).contextValue === ContextValues.loadMore);
    assert.ok(loadMore, 'a Load more node while pages remain');
    const cmd = item(loadMore).command;
    assert.ok(cmd);
    assert.strictEqual(cmd.command, Commands.loadMore);
    // Rapid double click: the second joins the first.
    await Promise.all([
      vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? [])),
      vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? [])),
    ]);
    const after = tickets(await children(open));
    assert.strictEqual(after.length, 2 * PAGE);
    const ids = after.map(label);
    assert.strictEqual(new Set(ids).size, ids.length, 'no duplicate ticket nodes');
    assert.deepStrictEqual(ids.slice(0, PAGE), tickets(before).map(label), 'the first page stays in place');
  });

  it('a rejected key shows an "API key rejected" node that opens Set API Key; restore + Refresh recovers', async () => {
    const { fake, key } = fixture();
    fake.revokeKey(key);
    await vscode.commands.executeCommand(Commands.refresh);
    const nodes = await roots();
    assert.strictEqual(nodes.length, 1);
    assert.strictEqual(label(nodes[0]), 'API key rejected — Set API Key…');
    assert.strictEqual(item(nodes[0]).command?.command, Commands.setApiKey);

    fake.restoreKey(key);
    await vscode.commands.executeCommand(Commands.refresh);
    const labels = (await roots()).map(label);
    assert.ok(labels.includes('All open'), labels.join(', '));
    assert.strictEqual(tickets(await children(await category('All open'))).length > 0, true);
  });

  it('an unreachable BoldDesk shows "Can\'t reach …" in the category, which retries on click', async () => {
    const { fake } = fixture();
    fake.addFault({ fault: { type: 'down' }, path: '/tickets$', method: 'GET' });
    await ext.treeProvider.refresh();
    const open = await category('All open');
    const nodes = await children(open);
    const message = nodes.find((n) => item(n).contextValue === ContextValues.message);
    assert.ok(message, 'an error node');
    assert.strictEqual(label(message), `Can't reach ${ext.session.host}`);
    assert.strictEqual(item(message).command?.command, Commands.refresh);
    fake.clearFaults();
    await vscode.commands.executeCommand(Commands.refresh);
    assert.strictEqual(tickets(await children(await category('All open'))).length > 0, true);
  });

  it('a 429 on Refresh is not silent: the view says it is rate limited and when it retries, until it has', async () => {
    const { fake } = fixture();
    await children(await category('All open')); // loaded, so Refresh reloads it
    await waitFor('All open loaded', async () => tickets(await children(await category('All open'))).length > 0);
    fake.addFault({ fault: { type: 'rateLimit', retryAfterSeconds: 4 }, path: '/tickets$', method: 'GET', times: 1 });
    const refreshed = vscode.commands.executeCommand(Commands.refresh);
    const said = await waitFor('a rate-limit message above the tree', () => {
      const m = ext.treeView.message ?? '';
      return /Rate limited/.test(m) && m;
    });
    assert.match(said, /retrying in \d+ s/);
    await refreshed;
    assert.ok(!/Rate limited/.test(ext.treeView.message ?? ''), `the message goes once the retry is done: ${ext.treeView.message}`);
    assert.ok(fake.requests.some((r) => r.path === '/api/v1/tickets' && r.status === 429), 'BoldDesk did answer 429');
    assert.strictEqual(tickets(await children(await category('All open'))).length > 0, true);
  });

  it('the filter narrows every category and shows in the view description', async () => {
    const urgent = fixture().fake.db.priorityById(4);
    assert.ok(urgent);
    await vscode.commands.executeCommand(Commands.filter, { priorityIds: [4] });
    try {
      assert.match(String(ext.treeView.description), new RegExp(`filter: ${urgent.name}`));
      assert.equal(ext.treeView.message, `Filtered by ${urgent.name}.`, 'said above the tree too (the description is hidden)');
      const nodes = tickets(await children(await category('All open')));
      assert.ok(nodes.length > 0);
      for (const n of nodes) assert.match(String(item(n).description), new RegExp(` · ${urgent.name} · `));
    } finally {
      await vscode.commands.executeCommand(Commands.clearFilter);
    }
    assert.ok(!String(ext.treeView.description ?? '').includes('filter'));
    assert.equal(ext.treeView.message, undefined);
  });

  it('a Refresh that brings nothing new tells the tree nothing; a changed ticket redraws only its categories', async () => {
    // VS Code holds a tree change back until 200 ms after the one before it: needless events delayed the fresh rows
    // of a warm start by 200 ms and more (issue 14).
    const open = await category('All open');
    await waitFor('All open loaded', async () => tickets(await children(open)).length > 0);
    const events: (TreeNode | undefined)[] = [];
    const sub = ext.treeProvider.onDidChangeTreeData((n) => void events.push(n ?? undefined));
    const firstId = Number(/#(\d+)/.exec(label(tickets(await children(open))[0]))?.[1]);
    const ticket = fixture().fake.db.tickets.find((t) => t.id === firstId);
    assert.ok(ticket);
    const subject = ticket.subject;
    try {
      await vscode.commands.executeCommand(Commands.refresh);
      assert.deepStrictEqual(events.map((n) => (n ? label(n) : 'root')), [], 'nothing changed');
      ticket.subject = `${subject} (edited)`;
      await vscode.commands.executeCommand(Commands.refresh);
      const redrawn = events.map((n) => (n ? label(n) : 'root'));
      assert.ok(redrawn.includes('All open') && !redrawn.includes('root'), redrawn.join(', '));
      assert.ok(tickets(await children(open)).some((n) => label(n) === `#${ticket.id} ${subject} (edited)`));
    } finally {
      sub.dispose();
      ticket.subject = subject;
    }
  });
});
