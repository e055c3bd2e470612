// Preview panels (issue 18), in a real extension host: a click in the Tickets view (Open Ticket with
// `{ preview: true }`) opens a preview that the next click replaces in place; a double-click, typing in it, any
// other work in it, Keep Open or opening it on purpose keeps it; `workbench.editor.enablePreview: false` turns it off.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import { TICKET_PANEL_VIEW_TYPE } from '../../src/views/ticketPanel/protocol';
import { activateExtension, fixture } from './fixture';
import { waitFor } from '../support/poll';

let ext: ExtensionApi;

/** The ticket panels' tab labels in the active group, in tab order. */
function panelLabels(): string[] {
  return vscode.window.tabGroups.activeTabGroup.tabs
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(TICKET_PANEL_VIEW_TYPE))
    .map((t) => t.label.split(' ')[0]);
}

/** A click on the ticket's row in the Tickets view. */
async function click(ticketId: number): Promise<void> {
  await vscode.commands.executeCommand(Commands.openTicket, ticketId, { preview: true });
}

async function tabsAre(ids: number[]): Promise<void> {
  const want = ids.map((id) => `#${id}`);
  await waitFor(`the ticket tabs ${want.join(', ')}`, () => JSON.stringify(panelLabels()) === JSON.stringify(want), 20000)
    .catch(() => assert.deepStrictEqual(panelLabels(), want));
  assert.deepStrictEqual(ext.ticketPanels.openTicketIds.sort((x, y) => x - y), [...ids].sort((x, y) => x - y));
}

/** Past the double-click window, so two opens are two separate clicks. */
const later = () => new Promise((r) => setTimeout(r, 600));

describe('Ticket preview panels (Tickets view clicks)', function () {
  this.timeout(60000);

  before(async () => {
    ext = await activateExtension();
  });
  beforeEach(() => fixture().fake.reset());
  afterEach(async () => {
    for (const id of ext.ticketPanels.openTicketIds) ext.ticketPanels.get(id)?.dispose();
    await vscode.workspace.getConfiguration('workbench.editor').update('enablePreview', undefined, vscode.ConfigurationTarget.Global);
  });

  it('the next click replaces a preview in its place; a ticket opened on purpose stays', async () => {
    const [pinned, a, b] = fixture().fake.db.tickets;
    await vscode.commands.executeCommand(Commands.openTicket, pinned.id);
    await click(a.id);
    await tabsAre([pinned.id, a.id]);
    assert.equal(ext.ticketPanels.get(a.id)?.isPreview, true);
    assert.equal(ext.ticketPanels.get(pinned.id)?.isPreview, false);
    await later();
    await click(b.id);
    await tabsAre([pinned.id, b.id]);
    assert.equal(ext.ticketPanels.get(b.id)?.panel.active, true, 'the new preview is in front');
  });

  it('a double-click, Keep Open, typing or opening it on purpose keeps the preview', async () => {
    const [a, b, c, d, e] = fixture().fake.db.tickets;
    await click(a.id);
    await click(a.id); // the second click of a double-click
    await later();
    await click(b.id);
    await tabsAre([a.id, b.id]);

    assert.equal((await ext.ticketPanels.get(b.id)?.handleMessage({ id: 1, type: 'keepOpen' }))?.ok, true);
    await later();
    await click(c.id);
    await tabsAre([a.id, b.id, c.id]);

    await ext.ticketPanels.get(c.id)?.handleMessage({ id: 1, type: 'saveDraft', draft: { kind: 'note', text: 'typed' } });
    await later();
    await click(d.id);
    await tabsAre([a.id, b.id, c.id, d.id]);

    await later();
    await click(d.id); // a later single click on the preview's row keeps it a preview
    assert.equal(ext.ticketPanels.get(d.id)?.isPreview, true);
    await vscode.commands.executeCommand(Commands.openTicket, d.id); // opened from the palette: kept
    await later();
    await click(e.id);
    await tabsAre([a.id, b.id, c.id, d.id, e.id]);
    await ext.ticketPanels.get(c.id)?.handleMessage({ id: 2, type: 'saveDraft', draft: { kind: 'note', text: '' } }); // clean up
  });

  it('with workbench.editor.enablePreview off, every click opens its own panel', async () => {
    const [a, b] = fixture().fake.db.tickets;
    await vscode.workspace.getConfiguration('workbench.editor').update('enablePreview', false, vscode.ConfigurationTarget.Global);
    await click(a.id);
    await later();
    await click(b.id);
    await tabsAre([a.id, b.id]);
  });
});
