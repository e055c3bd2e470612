// Scenario 7 — where developers work: a ticket reference in an editor shows the ticket on hover, and a selection
// becomes the start of a new ticket. Runs on the shared workbench (demo key stored).
const assert = require('assert');
const { describe, it, before } = require('mocha');
const path = require('path');
const { sharedWorkbench, fake, screenshotOnFailure, ROOT } = require('../support/context');
const { allOpenTickets, requestsSince } = require('../support/expect');

describe('Tickets in code', function () {
  let handle;
  let wb;
  screenshotOnFailure(() => handle && handle.page);

  before(async function () {
    this.timeout(5 * 60 * 1000);
    fake().reset();
    handle = await sharedWorkbench();
    wb = handle.workbench;
    await wb.tickets.open();
    await wb.tickets.waitForCategories(['All open']);
    await wb.editor.closeAll(wb);
  });

  it('shows the ticket when hovering a BD-1234 reference in an editor', async () => {
    const ticket = allOpenTickets()[3];
    await wb.runCommand('File: New Untitled Text File');
    await wb.editor.typeLines([`BD-${ticket.id}`, '// retry twice until the ticket above is fixed']);
    const from = fake().requests.length;
    await handle.page.locator('.view-lines span', { hasText: new RegExp(`^BD-${ticket.id}$`) }).last().hover();
    const hover = handle.page.locator('.monaco-hover', { hasText: ticket.subject });
    await hover.waitFor();
    await handle.page.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', 'reference-hover.png') }); // with the hover
    const lookups = requestsSince(from, 'GET').filter((r) => r.path === `/api/v1/tickets/${ticket.id}`);
    assert.strictEqual(lookups.length, 1, 'one lookup for the hovered ticket');
  });

  it('starts a ticket from the selected code', async () => {
    await wb.editor.textEditor.locator('.view-lines').click();
    await handle.page.keyboard.press('Control+A');
    // Not wb.runCommand: its Escape would clear the selection the command needs.
    await handle.page.keyboard.press('F1');
    await wb.quickInput.waitOpen();
    await wb.quickInput.type('>BoldDesk: Create Ticket from Selection');
    await wb.quickInput.pick('BoldDesk: Create Ticket from Selection', { exact: true });
    await wb.quickInput.waitForTitle('Create BoldDesk ticket');
    await wb.screenshot('create-from-selection');
    await handle.page.keyboard.press('Escape');
    await wb.quickInput.waitClosed();
  });
});
