// Scenario 5 — what a person meets when BoldDesk misbehaves: it is down, it rate-limits (429), or the key is revoked
// while working. Each shows its message in the Tickets view, and the tree recovers once the fault is gone. BoldDesk's
// own words in a notification stay words: link syntax in them never becomes a clickable command (docs/SECURITY.md).
const assert = require('assert');
const { describe, it, before, after } = require('mocha');
const { sharedTicketsView, fake, demoKey, screenshotOnFailure } = require('../support/context');
const { allOpenTickets, requestsSince } = require('../support/expect');

describe('Errors shown in the Tickets view', function () {
  let handle;
  let wb;
  let host;
  screenshotOnFailure(() => handle && handle.page);

  before(async function () {
    this.timeout(5 * 60 * 1000);
    ({ handle, wb } = await sharedTicketsView());
    host = new URL(fake().url).host;
  });

  after(() => fake() && fake().reset());

  /** The tree is back: categories, and the newest open ticket under the expanded "All open". */
  async function waitForRecovery() {
    await wb.tickets.waitForCategories(['My open tickets', 'Unassigned', 'All open']);
    await wb.tickets.expand('All open');
    await wb.tickets.reveal(wb.tickets.ticket(allOpenTickets()[0].id));
  }

  it('BoldDesk down: "Can\'t reach …", and Refresh brings the tickets back', async () => {
    fake().addFault({ fault: { type: 'down' } });
    await wb.tickets.refresh();
    const message = await wb.tickets.waitForRow(`Can't reach ${host}`);
    assert.strictEqual(await wb.tickets.row(/^#\d+ /).count(), 0, 'no stale tickets pretend to be current');

    fake().clearFaults();
    await message.click(); // the message's own action: refresh
    await waitForRecovery();
  });

  it('rate limited (429): "Rate limited — retrying in N s", then it retries by itself', async () => {
    const from = fake().requests.length;
    fake().addFault({ fault: { type: 'rateLimit', retryAfterSeconds: 4 }, method: 'GET', path: '^/api/v1/tickets$' });
    await wb.tickets.refresh();
    const message = await wb.tickets.waitForRow(/^Rate limited — retrying in \d+ s$/);
    assert.ok(message);
    assert.ok(requestsSince(from, 'GET', /^\/api\/v1\/tickets$/).some((r) => r.status === 429));
    await wb.screenshot('errors'); // the message sits under the tickets already shown

    const cleared = fake().requests.length;
    fake().clearFaults();
    // No click: the list retries after Retry-After and the message goes away.
    await wb.tickets.row(/^Rate limited/).first().waitFor({ state: 'detached' });
    await waitForRecovery();
    assert.ok(requestsSince(cleared, 'GET', /^\/api\/v1\/tickets$/).some((r) => r.status === 200), 'a retry succeeded');
  });

  it("BoldDesk's words in a notification are text: no command link in any notification", async () => {
    const t = allOpenTickets()[0];
    const target = fake().db.statuses.find((s) => s.id !== t.statusId && !s.isClosed);
    const words = '[Fix it](command:workbench.action.terminal.new)';
    fake().addFault({
      fault: { type: 'status', status: 400, body: { message: words, errors: [{ field: 'statusId', errorMessage: words }] } },
      method: 'PUT', path: 'update_fields$', times: 1,
    });
    await waitForRecovery();
    await wb.tickets.contextMenu(await wb.tickets.reveal(wb.tickets.ticket(t.id)), 'Change Status');
    await wb.quickInput.pick(target.name);
    const text = await wb.notifications.waitFor('BoldDesk did not accept the request');
    assert.ok(text.includes('command:workbench.action.terminal.new'), `shown as text: ${text}`);
    const hrefs = await handle.page
      .locator('.notifications-toasts a, .notifications-center a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') || ''));
    assert.deepStrictEqual(hrefs.filter((h) => /^command:/i.test(h.trim())), [], 'no notification holds a command link');
    await wb.notifications.clearAll(wb);
  });

  it('key revoked while working: "API key rejected — Set API Key…", fixed by setting the key again', async () => {
    const key = demoKey();
    fake().revokeKey(key.key);
    await wb.tickets.refresh();
    const message = await wb.tickets.waitForRow('API key rejected — Set API Key…');
    assert.strictEqual(await wb.tickets.row(/^#\d+ /).count(), 0, 'no tickets are shown with a rejected key');

    fake().restoreKey(key.key); // e.g. an admin re-enabled it
    await message.click(); // the message's own action: Set API Key
    await wb.quickInput.waitForTitle('BoldDesk API Key for');
    await wb.quickInput.submit(key.key);
    await wb.notifications.waitFor('API key stored');
    await waitForRecovery();
  });
});
