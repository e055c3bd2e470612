// Scenario 14 — Start Work on Ticket from the tree: the dialog says what will happen and under whose name; then the
// branch exists and is checked out (real git in the workspace), BoldDesk got one field change (status and assignee,
// by the key owner), the commit box holds the reference and the status bar shows the branch's ticket.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { describe, it, before } = require('mocha');
const { sharedTicketsView, fake, demoKey, screenshotOnFailure } = require('../support/context');
const { allOpenTickets, requestsSince } = require('../support/expect');

describe('Start Work on Ticket', function () {
  let handle;
  let wb;
  let ticket;
  let repo;
  const git = (...args) => execFileSync('git', ['-c', 'user.name=Ana Agent', '-c', 'user.email=ana@example.com', ...args],
    { cwd: repo, encoding: 'utf8' }).trim();
  screenshotOnFailure(() => handle && handle.page);

  before(async function () {
    this.timeout(5 * 60 * 1000);
    ({ handle, wb } = await sharedTicketsView());
    repo = handle.server.workspace;
    if (!fs.existsSync(path.join(repo, '.git'))) {
      fs.writeFileSync(path.join(repo, 'README.md'), '# shop\n');
      git('init', '-q', '-b', 'main');
      git('add', '.');
      git('commit', '-q', '-m', 'Initial commit');
      await wb.reload(); // the git extension looks for repositories when the window opens
      ({ handle, wb } = await sharedTicketsView());
    }
    // A ticket on the first page of "All open", open and unassigned (made so when none is).
    const firstPage = allOpenTickets().slice(0, 5);
    ticket = firstPage.find((t) => t.statusId === 1 && !t.agentId) ?? firstPage[0];
    ticket.statusId = 1;
    ticket.agentId = null;
  });

  it('says what will happen, then creates the branch, moves and assigns the ticket and fills the commit box', async () => {
    const from = fake().requests.length;
    await wb.tickets.expand('All open');
    const row = await wb.tickets.reveal(wb.tickets.ticket(ticket.id));
    await wb.tickets.contextMenu(row, 'Start Work on Ticket');
    const qi = wb.quickInput;
    await qi.waitForTitle(`Start work on #${ticket.id}`);
    await qi.pick('In Progress');
    const dialog = handle.page.locator('.monaco-dialog-box');
    await dialog.waitFor();
    const said = await dialog.innerText();
    assert.match(said, new RegExp(`Branch: bd-${ticket.id}-`));
    assert.match(said, /Status: Open → In Progress/);
    assert.match(said, /Ana Agent/);
    await wb.screenshot('start-work');
    await dialog.locator('.monaco-button', { hasText: 'Start Work' }).click();

    await wb.notifications.waitFor(`is now In Progress`);
    const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
    assert.match(branch, new RegExp(`^bd-${ticket.id}-`));
    const puts = requestsSince(from, 'PUT');
    assert.deepStrictEqual(puts.map((r) => [r.path, r.body, r.agentUserId]),
      [[`/api/v1/tickets/${ticket.id}/update_fields`, { fields: { statusId: 2, agentId: demoKey().agent.userId } }, demoKey().agent.userId]]);
    await handle.page.locator('#workbench\\.parts\\.statusbar .statusbar-item', { hasText: `BD-${ticket.id}` }).first().waitFor();

    await handle.page.keyboard.press('Control+Shift+G'); // the Source Control view
    await handle.page.locator('.scm-editor', { hasText: `BD-${ticket.id}` }).first().waitFor();
    await wb.screenshot('start-work-done');
  });
});
