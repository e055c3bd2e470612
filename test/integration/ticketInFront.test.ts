// "Act on what is in front of me" (issue 18): a ticket command run from the palette without an argument acts on
// the active ticket panel's or draft tab's ticket; otherwise the picker lists open tickets first and takes a typed
// number — fetched when it is not listed, and asked again (with the number kept) when BoldDesk has no such ticket.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ticketWebUrl } from '../../src/api/ticketUrl';
import { Commands } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import { activateExtension, fixture, PromptSwitch } from './fixture';
import { waitFor } from '../support/poll';
import { answer, ScriptedPrompts } from '../support/scriptedPrompts';

let ext: ExtensionApi;
let prompts: PromptSwitch;

async function openPanel(ticketId: number): Promise<void> {
  await vscode.commands.executeCommand(Commands.openTicket, ticketId);
  await waitFor(`the panel of #${ticketId} to be the active editor`, () => ext.ticketPanels.get(ticketId)?.panel.active, 20000);
}

function link(ticketId: number): string {
  return ticketWebUrl(ext.session.origin ?? '', ticketId);
}

describe('Ticket commands act on the ticket in front of the user (fake BoldDesk)', function () {
  this.timeout(60000);

  before(async () => {
    ext = await activateExtension();
    prompts = new PromptSwitch(ext);
  });
  afterEach(async () => {
    prompts.restore();
    for (const id of ext.ticketPanels.openTicketIds) ext.ticketPanels.get(id)?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('from the palette, copy link / reference, add note and change status take the focused panel’s ticket without asking', async () => {
    const ticket = fixture().fake.db.tickets[3];
    await openPanel(ticket.id);
    const p = prompts.use(new ScriptedPrompts(answer.cancel()));
    const where = () => JSON.stringify({
      groups: vscode.window.tabGroups.all.map((g) => ({ active: g.isActive, tabs: g.tabs.map((t) => `${t.isActive ? '*' : ''}${t.label}`) })),
      activePanels: ext.ticketPanels.openTicketIds.filter((id) => ext.ticketPanels.get(id)?.panel.active),
      titles: ext.ticketPanels.openTicketIds.map((id) => `${id}:${ext.ticketPanels.get(id)?.panel.title}`),
      input: String(vscode.window.tabGroups.activeTabGroup.activeTab?.input?.constructor?.name),
    });
    assert.equal(await vscode.commands.executeCommand(Commands.copyLink), link(ticket.id), where());
    assert.match(String(await vscode.commands.executeCommand(Commands.copyReference)), new RegExp(`${ticket.id}\\b`));
    assert.deepEqual(p.asked, [], 'no ticket was asked for');
    // Change Status goes straight to the statuses of this ticket (then cancelled).
    await vscode.commands.executeCommand(Commands.changeStatus);
    assert.equal(p.asked.length, 1, JSON.stringify(p.asked));
    assert.equal(p.asked[0].title, `Change the status of #${ticket.id}`);
    // Add Private Note opens this ticket's note draft.
    const uri = await vscode.commands.executeCommand<string>(Commands.addNote);
    assert.ok(uri && decodeURIComponent(uri).includes(String(ticket.id)), uri);
    assert.equal(p.asked.length, 1, 'still nothing asked');
  });

  it('an active reply draft tab names the ticket too', async () => {
    const ticket = fixture().fake.db.tickets[5];
    prompts.use(new ScriptedPrompts());
    const uri = await vscode.commands.executeCommand<string>(Commands.addReply, ticket.id);
    await waitFor('the draft tab to be active', () => vscode.window.activeTextEditor?.document.uri.toString() === uri);
    const p = prompts.use(new ScriptedPrompts());
    assert.equal(await vscode.commands.executeCommand(Commands.copyLink), link(ticket.id));
    assert.deepEqual(p.asked, []);
  });

  it('with another editor in front, the picker lists open tickets first and opens a typed number (fetched once)', async () => {
    const { fake } = fixture();
    const open = fake.db.tickets[7];
    await openPanel(open.id);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'elsewhere' }));
    const listed = new Set(ext.treeProvider.recentTickets().map((t) => t.id));
    const other = fake.db.tickets.find((t) => !listed.has(t.id) && t.id !== open.id);
    assert.ok(other, 'a ticket the extension has not listed');
    const from = fake.requests.length;

    const p = prompts.use(new ScriptedPrompts(answer.type(`#${other.id}`)));
    assert.equal(await vscode.commands.executeCommand(Commands.copyLink), link(other.id));
    assert.equal(p.asked.length, 1, JSON.stringify(p.asked));
    assert.match(p.asked[0].labels?.[0] ?? '', new RegExp(`^#${open.id}( |$)`), "the open ticket is listed first");
    const gets = fake.requests.slice(from).filter((r) => r.method === 'GET' && r.path === `/api/v1/tickets/${other.id}`);
    assert.equal(gets.length, 1, 'the typed ticket was fetched to check it exists');
    assert.ok(ext.treeProvider.recentTickets().some((t) => t.id === other.id), 'and is now a recent ticket');
  });

  it('a typed number BoldDesk does not have is asked again with the number kept; Open Ticket always asks', async () => {
    const missing = 987654;
    await openPanel(fixture().fake.db.tickets[2].id);
    const p = prompts.use(new ScriptedPrompts(answer.type(String(missing)), answer.cancel()));
    assert.equal(await vscode.commands.executeCommand(Commands.openTicket), undefined);
    assert.equal(p.asked.length, 2, JSON.stringify(p.asked));
    assert.equal(p.asked[0].title, 'Open Ticket', 'Open Ticket asks even with a panel in front');
    assert.match(p.asked[1].title ?? '', new RegExp(`no ticket #${missing}`));
    assert.equal(p.asked[1].value, String(missing), 'what was typed is still there');
    assert.equal(ext.ticketPanels.get(missing), undefined, 'no panel for a ticket that does not exist');
  });
});

describe('The Tickets tree selects the ticket in front (fake BoldDesk)', function () {
  this.timeout(60000);

  before(async () => {
    ext = await activateExtension();
  });
  afterEach(async () => {
    for (const id of ext.ticketPanels.openTicketIds) ext.ticketPanels.get(id)?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a focused panel selects its row when the tree shows it; an unlisted one loads no list for that', async () => {
    const { fake } = fixture();
    await vscode.commands.executeCommand('bolddesk.tickets.focus');
    const [first] = await ext.treeProvider.getChildren();
    // The first category is expanded: wait until the tree has rendered its rows.
    const rows = await waitFor('rows of the first category', async () => {
      const shown = ((await ext.treeProvider.getChildren(first)) as { ticket?: { id: number } }[]).filter((n) => n.ticket);
      return shown.length > 1 ? shown : undefined;
    }, 20000);
    const target = rows[1].ticket!.id;
    await openPanel(target);
    await waitFor(`#${target} selected in the tree`, () => (ext.treeView.selection[0] as { ticket?: { id: number } } | undefined)?.ticket?.id === target, 10000);

    const listed = new Set(ext.treeProvider.recentTickets().map((t) => t.id));
    const other = fake.db.tickets.find((t) => !listed.has(t.id));
    assert.ok(other);
    const from = fake.requests.length;
    await openPanel(other.id);
    await waitFor('the panel to load', () => ext.ticketPanels.get(other.id)?.controller.loaded, 20000);
    assert.equal((ext.treeView.selection[0] as { ticket?: { id: number } } | undefined)?.ticket?.id, target, 'the selection stays');
    const lists = fake.requests.slice(from).filter((r) => r.method === 'GET' && r.path === '/api/v1/tickets');
    assert.deepEqual(lists, [], 'no ticket list was loaded to find the row');
  });
});
