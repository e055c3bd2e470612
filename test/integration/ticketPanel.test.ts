// The ticket webview panel in a real extension host (the workbench runs in real Chromium), against the fake
// BoldDesk: one panel per ticket, reused when opened again; the webview script loads, asks for the ticket and
// gets it (title changes only after that round trip); a reply sent through the panel's message handler reaches
// BoldDesk exactly once; a reply draft syncs live between its editor tab and the open panel.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { startFakeBoldDesk } from '../fake-bolddesk';
import { Commands, Settings } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import { TICKET_PANEL_VIEW_TYPE, type ExtensionMessage } from '../../src/views/ticketPanel/protocol';
import { activateExtension, fixture } from './fixture';
import { waitFor } from '../support/poll';

let ext: ExtensionApi;


/** Open editor tabs that are ticket panels (the tab's viewType carries a workbench prefix). */
function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(TICKET_PANEL_VIEW_TYPE));
}

describe('Ticket panel (webview, fake BoldDesk)', function () {
  this.timeout(60000);

  before(async () => {
    ext = await activateExtension();
  });

  beforeEach(() => fixture().fake.reset());

  afterEach(() => {
    for (const id of ext.ticketPanels.openTicketIds) ext.ticketPanels.get(id)?.dispose();
  });

  it('opens one panel per ticket and reveals it when the ticket is opened again', async () => {
    const [a, b] = fixture().fake.db.tickets;
    await vscode.commands.executeCommand(Commands.openTicket, a.id);
    const first = ext.ticketPanels.get(a.id);
    assert.ok(first, 'no panel for the opened ticket');
    await waitFor('the panel tab', () => panelTabs().length === 1, 20000);

    await vscode.commands.executeCommand(Commands.openTicket, b.id);
    await vscode.commands.executeCommand(Commands.openTicket, a.id);
    assert.strictEqual(ext.ticketPanels.get(a.id), first, 'opening the same ticket again made a new panel');
    await waitFor('two panel tabs', () => panelTabs().length === 2, 20000);
    assert.deepStrictEqual(ext.ticketPanels.openTicketIds.sort((x, y) => x - y), [a.id, b.id].sort((x, y) => x - y));
    assert.strictEqual(first.panel.active, true, 'the reopened ticket is the active tab');
  });

  it('the webview asks for the ticket and shows it with its conversation, notes included', async () => {
    const db = fixture().fake.db;
    const ticket = db.tickets.find((t) => t.messages.some((m) => m.kind === 'privateNote') && t.messages.length >= 2);
    assert.ok(ticket, 'a ticket with a private note in the fake');
    await vscode.commands.executeCommand(Commands.openTicket, ticket.id);
    const panel = ext.ticketPanels.get(ticket.id);
    assert.ok(panel);
    // Only the webview's own `ready` request starts a load: this proves the script ran under the CSP.
    const loaded = await waitFor('the webview to load the ticket', () => panel.controller.loaded, 20000);
    assert.strictEqual(loaded.ticket.id, ticket.id);
    assert.strictEqual(loaded.ticket.subject, ticket.subject);
    assert.ok(loaded.messages.some((m) => m.kind === 'note'), 'private notes are part of the conversation');
    assert.ok(panel.panel.title.startsWith(`#${ticket.id} `), panel.panel.title);
    assert.strictEqual(ext.treeProvider.recentTickets()[0].id, ticket.id);
  });

  it('sends a reply typed in the panel to BoldDesk exactly once', async () => {
    const fake = fixture().fake;
    const ticket = fake.db.tickets[2];
    await vscode.commands.executeCommand(Commands.openTicket, ticket.id);
    const panel = ext.ticketPanels.get(ticket.id);
    assert.ok(panel);
    const reply = await panel.handleMessage({ id: 1001, type: 'send', kind: 'reply', text: 'Sent from the panel' });
    assert.ok(reply && reply.ok, JSON.stringify(reply));
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/api/v1/tickets/${ticket.id}/updates`);
    assert.strictEqual(posts.length, 1);
    assert.deepStrictEqual(posts[0].body, { description: '<p>Sent from the panel</p>', replyOnBehalfOfRequester: false });
    assert.ok(fake.db.getTicket(ticket.id)?.messages.some((m) => m.description === '<p>Sent from the panel</p>'));
  });

  it('refuses a malformed webview message without touching BoldDesk', async () => {
    const fake = fixture().fake;
    const ticket = fake.db.tickets[3];
    await vscode.commands.executeCommand(Commands.openTicket, ticket.id);
    const panel = ext.ticketPanels.get(ticket.id);
    assert.ok(panel);
    await waitFor('the first load', () => panel.controller.loaded, 20000);
    fake.reset();
    const reply = await panel.handleMessage({ id: 7, type: 'openLink', url: 'command:workbench.action.terminal.new' });
    assert.ok(reply && !reply.ok);
    assert.strictEqual(fake.requests.length, 0);
  });

  it('restores a panel after a window reload from the state its webview saved (serializer)', async () => {
    const ticket = fixture().fake.db.tickets[5];
    const restored = vscode.window.createWebviewPanel(TICKET_PANEL_VIEW_TYPE, 'restored', vscode.ViewColumn.Active);
    await ext.ticketPanels.deserializeWebviewPanel(restored, { ticketId: ticket.id });
    const panel = ext.ticketPanels.get(ticket.id);
    assert.ok(panel && panel.panel === restored);
    assert.strictEqual(restored.webview.options.enableCommandUris, false);
    await waitFor('the restored webview to load the ticket', () => panel.controller.loaded, 20000);

    // State that is not ours (or a ticket already open) leaves no empty panel behind.
    let disposed = false;
    const junk = vscode.window.createWebviewPanel(TICKET_PANEL_VIEW_TYPE, 'junk', vscode.ViewColumn.Active);
    junk.onDidDispose(() => (disposed = true));
    await ext.ticketPanels.deserializeWebviewPanel(junk, { ticketId: 'x' });
    assert.strictEqual(disposed, true);
  });

  it('closing the panel forgets it, so the next open makes a fresh one', async () => {
    const ticket = fixture().fake.db.tickets[4];
    await vscode.commands.executeCommand(Commands.openTicket, ticket.id);
    const first = ext.ticketPanels.get(ticket.id);
    assert.ok(first);
    first.panel.dispose();
    await waitFor('the panel to be forgotten', () => ext.ticketPanels.get(ticket.id) === undefined, 20000);
    await vscode.commands.executeCommand(Commands.openTicket, ticket.id);
    const second = ext.ticketPanels.get(ticket.id);
    assert.ok(second && second !== first);
  });

  it('syncs a reply draft live: typed in its tab reaches the panel, saved by the panel shows in the clean tab', async () => {
    const ticket = fixture().fake.db.tickets[6];
    await vscode.commands.executeCommand(Commands.openTicket, ticket.id);
    const panel = ext.ticketPanels.get(ticket.id);
    assert.ok(panel);
    await waitFor('the first load', () => panel.controller.loaded, 20000);
    // What the host pushes to the webview (the composer applies it; its rule is tested in Chromium).
    const pushed: ExtensionMessage[] = [];
    const webview = panel.panel.webview;
    const original = webview.postMessage.bind(webview);
    webview.postMessage = (m: ExtensionMessage) => (pushed.push(m), original(m));

    const uri = vscode.Uri.from({ scheme: 'bolddesk-draft', path: `/Reply to #${ticket.id}.md` });
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    const doc = editor.document;
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), 'Typed in the tab')));
    const fromTab = await waitFor('the panel to receive the tab\'s text', () =>
      pushed.find((m) => m.type === 'draftChanged' && m.draft?.text === 'Typed in the tab'), 20000);
    assert.deepStrictEqual(fromTab, { type: 'draftChanged', draft: { kind: 'reply', text: 'Typed in the tab' } });
    await waitFor('the tab to be clean (autosaved)', () => !doc.isDirty, 20000);

    const reply = await panel.handleMessage({ id: 2001, type: 'saveDraft', draft: { kind: 'reply', text: 'Saved by the panel' } });
    assert.ok(reply && reply.ok, JSON.stringify(reply));
    await waitFor('the clean tab to show the panel\'s text', () => doc.getText() === 'Saved by the panel', 20000);
    assert.strictEqual(doc.isDirty, false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a panel of the previous domain closes when the domain changes: it never sends to the new one (issue 18, bug 6)', async () => {
    const ticket = fixture().fake.db.tickets[5];
    await vscode.commands.executeCommand(Commands.openTicket, ticket.id);
    const panel = ext.ticketPanels.get(ticket.id);
    assert.ok(panel);
    await waitFor('the ticket in the panel', () => panel.controller.loaded?.ticket.id === ticket.id, 20000);
    const other = await startFakeBoldDesk({ tickets: 10, seed: 2, quiet: true });
    const config = vscode.workspace.getConfiguration(Settings.section);
    try {
      await config.update(Settings.domain, other.url, vscode.ConfigurationTarget.Global);
      await waitFor('the old domain\'s panel to close', () => ext.ticketPanels.get(ticket.id) === undefined, 20000);
      const sent = await panel.handleMessage({ id: 77, type: 'send', kind: 'reply', text: 'meant for the old domain' });
      assert.ok(!sent?.ok, 'a closed panel does not send');
      assert.deepStrictEqual(other.requests.filter((r) => r.path.includes(`/tickets/${ticket.id}`)), [], 'nothing reached the new domain');
    } finally {
      await config.update(Settings.domain, fixture().fake.url, vscode.ConfigurationTarget.Global);
      await other.close();
    }
  });
});
