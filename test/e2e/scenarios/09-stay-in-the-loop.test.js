// Scenario 9 — staying in the loop: auto refresh is switched on in the Settings editor (bolddesk.autoRefreshMinutes,
// 2 minutes: the shortest interval), a colleague assigns a ticket to Ana Agent in BoldDesk (the fake), and the next
// check tells her with ONE notification whose "Open" action opens the ticket. The check also updates the tree, the
// badge and the status bar count. There is no command to check now, so this waits for the first interval (~2 min).
// Runs on the shared workbench; auto refresh is switched off again at the end.
const assert = require('assert');
const { describe, it, before, after } = require('mocha');
const { sharedTicketsView, fake, demoKey, screenshotOnFailure } = require('../support/context');
const { myOpenTickets, requestsSince } = require('../support/expect');
const T = require('../pages/timeouts');
const { until } = require('../pages/wait');

const SETTING = 'bolddesk.autoRefreshMinutes';
const INTERVAL_MINUTES = 2;

describe('Staying in the loop', function () {
  let handle;
  let wb;
  let ticket;
  screenshotOnFailure(() => handle && handle.page);

  /** Opens the Settings editor and searches for bolddesk.autoRefreshMinutes; returns its row. */
  async function findSetting() {
    const page = handle.page;
    await wb.runCommand('Preferences: Open Settings (UI)');
    const editor = page.locator('.settings-editor');
    await editor.waitFor();
    await editor.locator('.settings-header .suggest-input-container').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(SETTING);
    const item = editor.locator(`[data-key="${SETTING}"]`).first(); // the setting's row
    await item.waitFor();
    assert.match(await item.innerText(), /Check BoldDesk for changed tickets every this many minutes/);
    return item;
  }

  /** Sets bolddesk.autoRefreshMinutes in the Settings editor (search, type the number), as a person would. */
  async function setAutoRefresh(minutes) {
    const item = await findSetting();
    await item.locator('input').first().fill(String(minutes));
    // Written to the user settings: the row is marked as modified.
    await item.and(handle.page.locator('.is-configured')).waitFor();
    await wb.editor.closeAll(wb);
  }

  /** Auto refresh off again: "Reset Setting" from the setting's gear menu (back to the default, 0 = off). */
  async function resetAutoRefresh() {
    const page = handle.page;
    // First close the ticket panel: when the Settings editor closes, the panel takes the focus back a moment later,
    // which would close the command palette that closes the editors.
    await wb.editor.closeAll(wb);
    const item = await findSetting();
    const configured = item.and(page.locator('.is-configured'));
    if (await configured.count()) {
      await item.hover();
      await item.locator('.setting-toolbar-container .action-label').first().click();
      const menu = page.locator('.context-view .monaco-menu');
      const reset = menu.locator('.action-item', { hasText: 'Reset Setting' });
      await reset.waitFor();
      for (let i = 0; i < 10 && !(await reset.and(menu.locator('.action-item.focused')).count()); i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await configured.waitFor({ state: 'detached' });
    }
    await wb.editor.closeAll(wb);
  }

  before(async function () {
    this.timeout(5 * 60 * 1000);
    ({ handle, wb } = await sharedTicketsView({ categories: ['My open tickets', 'Unassigned', 'All open'] }));

    // A customer writes in: a new, unassigned ticket, which the tree shows under "Unassigned" after a refresh.
    const db = fake().db;
    const requester = db.contacts[7];
    ticket = db.createTicket({
      subject: 'Checkout page stays blank after login', brandId: db.brands[0].brandId, statusId: 1,
      priorityId: db.priorities.find((p) => p.name === 'High').id, categoryId: null, agentId: null, groupId: null,
      requesterId: requester.userId, sourceId: 8, createdById: requester.userId,
    }, '<p>Since this morning the checkout page is blank right after I log in. Chrome and Firefox, same result.</p>', Date.now() - 5000);
    await wb.tickets.refresh();
    await wb.tickets.collapse('All open');
    await wb.tickets.expand('Unassigned');
    await wb.tickets.reveal(wb.tickets.ticket(ticket.id));
    await wb.tickets.collapse('Unassigned'); // its list stays loaded; a shorter tree for the screenshot
    await wb.tickets.expand('My open tickets');
  });

  after(async function () {
    this.timeout(2 * 60 * 1000);
    if (handle) await resetAutoRefresh().catch((e) => console.log(`      could not switch auto refresh off: ${e.message}`));
  });

  it('notifies about a ticket newly assigned to me; "Open" shows it', async function () {
    this.timeout(8 * 60 * 1000);
    const ana = demoKey().agent;
    const colleague = fake().db.agents.find((a) => a.userId !== ana.userId && a.name !== 'API Bot');
    await setAutoRefresh(INTERVAL_MINUTES);
    // Ana is busy elsewhere: the side bar is closed, so what the check finds is new to her (the badge counts it).
    await wb.runCommand('View: Close Primary Side Bar');
    await wb.tickets.sidebar.waitFor({ state: 'hidden' });
    const from = fake().requests.length;

    // Meanwhile, in BoldDesk, a colleague assigns the new ticket to Ana.
    assert.deepStrictEqual(fake().db.updateTicket(ticket, { agentId: ana.userId }, colleague.userId, Date.now()), ['agentId']);

    // The first check runs one interval after the setting changed: wait for its notification (a toast).
    const toast = wb.notifications.toasts.filter({ hasText: 'was assigned to you' }).first();
    await toast.waitFor({ timeout: (INTERVAL_MINUTES + 2) * 60 * 1000 });
    const text = (await toast.locator('.notification-list-item-message').innerText()).trim();
    assert.strictEqual(text, `Ticket #${ticket.id} "${ticket.subject}" was assigned to you.`);
    const open = toast.locator('.monaco-button', { hasText: /^Open$/ });
    await open.waitFor({ timeout: T.short });

    // One check: one list request for what changed since the last check (lastmodifiedon), nothing per ticket.
    const deltas = requestsSince(from, 'GET', /^\/api\/v1\/tickets$/).filter((r) => /lastmodifiedon/i.test((r.query.Q || []).join(' ')));
    assert.strictEqual(deltas.length, 1, `one "modified since" request: ${JSON.stringify(deltas.map((r) => r.query))}`);
    // The view's badge counts what is new for Ana since she last looked: this one ticket (issue 18). The one status
    // bar item counts her open tickets beside her name ("Ana Agent", "Default (Ana Agent)", "… (not confirmed)").
    const badge = wb.tickets.activityItem.locator('xpath=..').locator('.badge-content');
    assert.strictEqual((await badge.innerText()).trim(), '1', 'the badge counts the one ticket new to her');
    const mine = myOpenTickets(ana.userId).length;
    await wb.waitForStatus(new RegExp(`BoldDesk: ${mine} · .*${ana.name}`), T.short);
    await wb.screenshot('notification');

    await open.click();
    await wb.editor.waitForTab(`#${ticket.id}`);
    await wb.editor.waitForTicketContent([ticket.subject, 'checkout page is blank right after I log in']);
    assert.strictEqual(await wb.notifications.toasts.filter({ hasText: 'was assigned to you' }).count(), 0, 'the notification is gone');

    // She looks at the Tickets view: the badge goes, and the ticket is under "My open tickets".
    await wb.tickets.open();
    await badge.waitFor({ state: 'hidden', timeout: T.short });
    const underMine = async () => (await wb.tickets.childrenOf('My open tickets')).some((r) => r.label.startsWith(`#${ticket.id} `));
    assert.ok(await until(underMine, T.short), 'the ticket is shown under "My open tickets"');
  });
});
