// Prefetch on selection in a real extension host (issue 14): selecting a ticket row in the Tickets view (the real
// TreeView's onDidChangeSelection) fetches that ticket once; opening it then shows it without a new request to the
// fake BoldDesk; a burst of selections fetches at most the first and the last ticket.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import type { TicketNode } from '../../src/views/nodes/ticketNode';
import { activateExtension, fixture } from './fixture';
import { waitFor } from '../support/poll';

let ext: ExtensionApi;
const TICKET_PARTS = /^\/api\/v1\/tickets\/(\d+)(\/(updates|messages|attachments))?$/;

const label = (n: TreeNode) => {
  const l = (ext.treeProvider.getTreeItem(n) as vscode.TreeItem).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
};

async function ticketRows(): Promise<TicketNode[]> {
  await ext.session.resolveIdentity();
  // Read from the root each time: a reset by an earlier suite replaces the category nodes.
  let seen: string[] = [];
  const found = await waitFor('"All open" and its tickets', async () => {
    const roots = (await ext.treeProvider.getChildren()) ?? [];
    const all = roots.find((n) => label(n) === 'All open');
    seen = roots.map(label);
    if (!all) return undefined;
    const children = (await ext.treeProvider.getChildren(all)) ?? [];
    seen = children.map((n) => `${label(n)} (${String((ext.treeProvider.getTreeItem(n) as vscode.TreeItem).contextValue)})`);
    // The rows that carry a ticket: the extension runs from dist/, so its TicketNode is not this file's class.
    const rows = children.filter((n): n is TicketNode => typeof (n as Partial<TicketNode>).ticket?.id === 'number');
    return rows.length >= 5 ? { all, rows } : undefined;
  }, 30000, 200).catch((e: Error) => {
    throw new Error(`${e.message}; last seen: ${seen.join(' | ')}`);
  });
  // The rows must be rendered for reveal(): expand the category in the real view.
  await ext.treeView.reveal(found.all, { expand: true, select: false, focus: false });
  return found.rows;
}

/** The ticket ids whose parts were asked for since `from`. */
function ticketsAsked(from: number): number[] {
  const asked = fixture().fake.requests.slice(from).filter((r) => r.method === 'GET' && TICKET_PARTS.test(r.path));
  return [...new Set(asked.map((r) => Number(TICKET_PARTS.exec(r.path)?.[1])))];
}

describe('Prefetch on selection (real Tickets view)', function () {
  this.timeout(90000);

  before(async () => {
    ext = await activateExtension();
  });

  beforeEach(() => fixture().fake.reset());

  afterEach(() => {
    for (const id of ext.ticketPanels.openTicketIds) ext.ticketPanels.get(id)?.dispose();
  });

  it('selecting a ticket row prefetches it; opening it then asks BoldDesk nothing before showing it', async () => {
    const rows = await ticketRows();
    const row = rows[1];
    const id = row.ticket.id;
    const from = fixture().fake.requests.length;
    await ext.treeView.reveal(row, { select: true, focus: true });
    await waitFor('the prefetch', () => fixture().fake.requests.slice(from).some((r) => r.path === `/api/v1/tickets/${id}`) || undefined);
    // The ticket, its conversation and its attachment list, all answered (the client may send them one after another).
    await waitFor('the prefetch to finish', () => {
      const parts = fixture().fake.requests.slice(from).filter((r) => TICKET_PARTS.test(r.path));
      return (parts.length >= 3 && parts.every((r) => r.endSeq > 0)) || undefined;
    }, 30000);
    assert.deepStrictEqual(ticketsAsked(from), [id]);

    const mark = fixture().fake.requests.length;
    await vscode.commands.executeCommand(Commands.openTicket, id);
    const panel = ext.ticketPanels.get(id);
    assert.ok(panel);
    const loaded = await waitFor('the panel shows the ticket', () => panel.controller.loaded, 30000);
    assert.strictEqual(loaded.ticket.id, id);
    assert.deepStrictEqual(ticketsAsked(mark), [], 'opening after the prefetch asked BoldDesk for none of the ticket\'s parts');
  });

  it('a burst of selections prefetches at most the first and the last ticket', async () => {
    const rows = (await ticketRows()).slice(0, 5);
    // A real network: the first prefetch is still under way while the selection moves on.
    fixture().fake.setLatency(600, 0);
    try {
      const from = fixture().fake.requests.length;
      for (const row of rows) void ext.treeView.reveal(row, { select: true, focus: false });
      const last = rows[rows.length - 1].ticket.id;
      await waitFor('the last one prefetched', () => ticketsAsked(from).includes(last) || undefined, 30000);
      const asked = ticketsAsked(from);
      assert.ok(asked.length <= 2, `prefetched: ${asked.join(', ')}`);
    } finally {
      fixture().fake.setLatency(0);
    }
  });
});
