// Ticket references and auto refresh in a real extension host against the fake BoldDesk: links cost nothing,
// hovers at most one request per distinct ticket (and never a 429) however many references a document has;
// a refresh asks only for changes and tells about three new assignments in ONE notification.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, Views } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import { activateExtension, fixture, PromptSwitch } from './fixture';
import { ScriptedPrompts } from '../support/scriptedPrompts';
import { waitFor } from '../support/poll';

let ext: ExtensionApi;
let promptSwitch: PromptSwitch;
/** Closes the side bar and waits until the extension host knows the Tickets view is hidden. */
async function hideView(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await waitFor('the Tickets view to be hidden', () => !ext.treeView.visible);
}
/** The Tickets view's badge number (a function: each read is fresh). */
const badge = (): number | undefined => ext.treeView.badge?.value;

function hoverText(h: vscode.Hover): string {
  return h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

describe('Ticket references and auto refresh (fake BoldDesk)', function () {
  this.timeout(60000);

  before(async () => {
    ext = await activateExtension();
    promptSwitch = new PromptSwitch(ext);
    await ext.session.resolveIdentity();
  });

  after(async () => {
    promptSwitch.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('links 200 references without a request; hovers cost at most one request per distinct ticket', async () => {
    const { fake } = fixture();
    const ids = fake.db.tickets.slice(0, 20).map((t) => t.id);
    const lines = Array.from({ length: 200 }, (_, i) => {
      const id = ids[i % ids.length];
      return i % 2 ? `// fixes BD-${id} again` : `see bolddesk#${id} here`;
    });
    const doc = await vscode.workspace.openTextDocument({ content: lines.join('\n'), language: 'plaintext' });
    await vscode.window.showTextDocument(doc);
    ext.references.lookups.clear();
    fake.reset();

    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    const ours = links.filter((l) => l.target?.scheme === 'command');
    assert.equal(ours.length, 200);
    assert.equal(ours[0].target?.path, Commands.openTicket);
    assert.deepEqual(JSON.parse(decodeURIComponent(ours[0].target?.query ?? '')), [ids[0]]);
    assert.equal(fake.requests.length, 0, 'links fetch nothing');

    const hovers = await Promise.all(
      lines.map((line, i) => {
        const col = line.search(/BD-|bolddesk#/) + 2;
        return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(i, col));
      }),
    );
    const gets = fake.requests.filter((r) => r.method === 'GET' && /^\/api\/v1\/tickets\/\d+$/.test(r.path));
    assert.equal(gets.length, ids.length, `${gets.length} ticket requests for ${ids.length} distinct tickets`);
    assert.equal(new Set(gets.map((r) => r.path)).size, gets.length, 'never the same ticket twice');
    assert.equal(fake.requests.filter((r) => r.status === 429).length, 0, 'never beyond the rate limit');

    const first = fake.db.getTicket(ids[0]);
    assert.ok(first);
    const text = hovers[0].map(hoverText).join('\n');
    assert.ok(text.includes(`BoldDesk #${ids[0]}`), text);
    assert.ok(text.includes('Status:') && text.includes('Priority:') && text.includes('Assignee:'), text);
  });

  it('copies "BD-<id> <subject>" for a ticket', async () => {
    const t = fixture().fake.db.tickets[3];
    const copied = await vscode.commands.executeCommand<string>(Commands.copyReference, t.id);
    assert.equal(copied, `BD-${t.id} ${t.subject.replace(/\s+/g, ' ').trim()}`);
    assert.equal(await vscode.env.clipboard.readText(), copied);
  });

  it('a refresh asks only for changes and notifies once for three new assignments', async () => {
    const { fake, agent } = fixture();
    const roots = await ext.treeProvider.getChildren();
    assert.ok(roots.length > 0);
    const lists = ext.treeProvider.model.lists ?? [];
    const open = lists.find((l) => l.id === 'open');
    const mine = lists.find((l) => l.id === 'mine');
    assert.ok(open && mine);
    await Promise.all([open.ensureLoaded(), mine.ensureLoaded()]);

    promptSwitch.use(new ScriptedPrompts());
    await hideView(); // the user is not looking at the view
    await ext.loop.tick(); // absorbs whatever earlier tests changed
    await vscode.commands.executeCommand(`${Views.tickets}.focus`); // … and then looked: nothing unseen
    await waitFor('the view to be shown', () => ext.treeView.visible);
    await waitFor('the badge to go', () => badge() === undefined);
    await hideView();

    const other = fake.agents.find((a) => a.userId !== agent.userId);
    assert.ok(other);
    const targets = open.items.filter((t) => t.agent?.id !== agent.userId).slice(0, 3);
    assert.equal(targets.length, 3);
    for (const t of targets) fake.db.updateTicket(fake.db.getTicket(t.id)!, { agentId: agent.userId }, other.userId, Date.now());

    const p = promptSwitch.use(new ScriptedPrompts());
    fake.reset();
    const result = await ext.loop.tick();
    assert.ok(result);
    assert.deepEqual(result.newlyAssigned.map((t) => t.id).sort(), targets.map((t) => t.id).sort());
    const deltas = fake.requests.filter(
      (r) => r.path === '/api/v1/tickets' && Object.values(r.query).flat().some((q) => q.startsWith('lastmodifiedon:{"from":')),
    );
    assert.equal(deltas.length, 1, 'one request for the changes');
    await p.waitForMessage((m) => m.message === '3 tickets newly assigned to you.' && m.actions.includes('Show'));
    assert.equal(p.messages.length, 1, `one notification: ${JSON.stringify(p.messages)}`);
    assert.ok(mine.items.some((t) => t.id === targets[0].id), '"My open tickets" shows them');
    // The status bar counts my open tickets; the badge counts what is new for me since I last looked (issue 18).
    assert.equal(ext.loop.openTickets, mine.total);
    assert.equal(badge(), 3, 'three newly assigned, unseen');

    // Nothing changed since: one list request, no notification.
    fake.reset();
    const quiet = await ext.loop.tick();
    assert.equal(quiet?.changed.length, 0);
    assert.equal(fake.requests.length, 1);
    assert.equal(p.messages.length, 1);
    assert.equal(badge(), 3, 'still unseen');
    await vscode.commands.executeCommand(`${Views.tickets}.focus`);
    await waitFor('the badge to go once the view is shown', () => ext.treeView.badge === undefined);
  });

  /** Makes one ticket newly assigned to me while the view is hidden: a badge of at least 1. */
  async function unseenAssignment(): Promise<void> {
    const { fake, agent } = fixture();
    await hideView();
    await ext.loop.tick();
    const other = fake.agents.find((a) => a.userId !== agent.userId);
    const target = fake.db.tickets.find((t) => t.agentId !== agent.userId && !fake.db.statusById(t.statusId)?.isClosed);
    assert.ok(other && target);
    fake.db.updateTicket(target, { agentId: agent.userId }, other.userId, Date.now());
    promptSwitch.use(new ScriptedPrompts());
    await ext.loop.tick();
  }

  it('adding a second identity keeps the badge and the count: the acting agent did not change', async () => {
    const { fake } = fixture();
    const mine = (ext.treeProvider.model.lists ?? []).find((l) => l.id === 'mine');
    assert.ok(mine);
    await unseenAssignment();
    const count = ext.treeView.badge?.value;
    assert.ok(count !== undefined && count > 0, 'a badge to begin with');
    const open = ext.loop.openTickets;
    assert.ok(open !== undefined && open > 0, 'a count to begin with');
    const bot = fake.keys.find((k) => k.label === 'API Bot');
    assert.ok(bot, 'the fake has an API Bot key');
    const { id } = await ext.session.addIdentity('API Bot', bot.key, bot.agent.email, false);
    try {
      assert.equal(ext.treeView.badge?.value, count, 'the badge stays');
      const result = await ext.loop.tick();
      assert.ok(result && result.changed.length === 0, 'nothing seen so far is reported again');
    } finally {
      await ext.session.removeIdentity(id);
    }
    assert.equal(ext.treeView.badge?.value, count, 'and stays after removing it');
    assert.equal(ext.loop.openTickets, open, 'so does the count');
  });

  it('a revoked key clears the badge and the count: no stale number beside "API key rejected" (issue 18, bug 7)', async () => {
    const { fake, key } = fixture();
    await ext.treeProvider.getChildren(); // the categories, as the view asks for them
    const mine = (ext.treeProvider.model.lists ?? []).find((l) => l.id === 'mine');
    assert.ok(mine);
    await mine.ensureLoaded();
    await unseenAssignment();
    assert.ok((ext.treeView.badge?.value ?? 0) > 0, 'a badge to begin with');
    assert.ok((ext.loop.openTickets ?? 0) > 0, 'a count to begin with');
    fake.revokeKey(key);
    try {
      await ext.treeProvider.refresh();
      await ext.loop.tick();
      assert.ok(mine.error !== undefined || ext.treeProvider.model.error !== undefined, 'the tree shows the rejected key');
      assert.strictEqual(ext.treeView.badge, undefined, 'no badge counts tickets BoldDesk no longer shows us');
      assert.strictEqual(ext.loop.openTickets, undefined, 'no count either');
    } finally {
      fake.restoreKey(key);
      await ext.treeProvider.refresh();
    }
  });
});
