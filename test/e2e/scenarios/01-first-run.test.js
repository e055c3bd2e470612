// Scenario 1 — first run: no key stored (a fresh VS Code profile), the welcome view offers "Set API Key"; a wrong
// key is rejected and nothing is stored; the right key is stored in SecretStorage and the tickets appear.
const assert = require('assert');
const { describe, it, before, after } = require('mocha');
const { openWorkbench, fake, demoKey, screenshotOnFailure } = require('../support/context');
const { myOpenTickets, requestsSince } = require('../support/expect');

describe('First run: Set API Key from the welcome view', function () {
  let handle;
  let wb;
  screenshotOnFailure(() => handle && handle.page);

  before(async function () {
    this.timeout(5 * 60 * 1000);
    fake().reset();
    handle = await openWorkbench({ withDemoKey: false }); // fresh user data + browser: SecretStorage is empty
    wb = handle.workbench;
  });

  after(async () => {
    if (handle) await handle.close();
  });

  it('shows the welcome view with "Set API Key" when no key is stored', async () => {
    await wb.tickets.open();
    // Until the extension has activated, the welcome view may briefly show its no-domain variant.
    await wb.tickets.welcome.filter({ hasText: 'no API key is stored yet' }).waitFor();
    await wb.tickets.welcomeButton('Set API Key').waitFor();
    assert.strictEqual(await wb.tickets.rows.count(), 0, 'the tree shows no rows without a key');
    assert.strictEqual(requestsSince(0).length, 0, 'nothing is sent to BoldDesk before a key exists');
    await wb.screenshot('welcome');
  });

  it('rejects a wrong key with a clear message and stores nothing', async () => {
    const from = fake().requests.length;
    await wb.tickets.welcomeButton('Set API Key').click();
    await wb.quickInput.waitForTitle('BoldDesk API Key for');
    assert.strictEqual(await wb.quickInput.input.getAttribute('type'), 'password', 'the key is typed into a masked input');
    await wb.quickInput.submit('bdk-this-key-does-not-exist');

    const message = await wb.notifications.waitFor('rejected this API key');
    assert.match(message, /Nothing was stored/);
    const checks = requestsSince(from);
    assert.ok(checks.length > 0 && checks.every((r) => r.status === 401), `the key was checked and refused: ${JSON.stringify(checks.map((r) => [r.path, r.status]))}`);
    assert.ok(checks.every((r) => r.headers['x-api-key'] === 'bdk-this-key-does-not-exist'));
    await wb.tickets.welcomeButton('Set API Key').waitFor();

    // Nothing stored: after a reload the extension reads SecretStorage again and still asks for a key.
    await wb.reload();
    await wb.tickets.open();
    await wb.tickets.welcome.filter({ hasText: 'no API key is stored yet' }).waitFor();
    assert.strictEqual(await wb.tickets.rows.count(), 0);
  });

  it('stores the right key and shows the tickets', async () => {
    const key = demoKey();
    await wb.tickets.welcomeButton('Set API Key').click();
    await wb.quickInput.waitForTitle('BoldDesk API Key for');
    await wb.quickInput.submit(key.key);
    await wb.notifications.waitFor('API key stored');

    await wb.tickets.waitForCategories(['My open tickets', 'Unassigned', 'All open']);
    // "My open tickets" (the key owner's, via bolddesk.agentEmail) opens first, newest first.
    const mine = myOpenTickets(key.agent.userId);
    assert.ok(mine.length > 0, 'the fake has open tickets for the demo agent');
    await wb.tickets.ticket(mine[0].id).waitFor();
    const shown = (await wb.tickets.childrenOf('My open tickets')).filter((r) => r.label.startsWith('#'));
    assert.deepStrictEqual(shown.slice(0, 3).map((r) => r.label), mine.slice(0, 3).map((t) => `#${t.id} ${t.subject}`));
    assert.strictEqual(await wb.tickets.welcome.isVisible(), false, 'the welcome view is gone');
  });

  it('keeps the key in SecretStorage across a window reload', async () => {
    const from = fake().requests.length;
    await wb.reload();
    await wb.tickets.open();
    await wb.tickets.waitForCategories(['My open tickets', 'All open']);
    const used = requestsSince(from).filter((r) => r.status === 200);
    assert.ok(used.length > 0 && used.every((r) => r.headers['x-api-key'] === demoKey().key), 'the stored key is used');
  });
});
