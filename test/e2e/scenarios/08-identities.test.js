// Scenario 8 — several identities: a second API key (the fake's "API Bot" agent) is added from the palette under a
// local label, a reply draft is posted as that identity with "Post As…", and Switch Identity changes the default
// and back. BoldDesk (the fake) must record the bot's reply under the bot's name, with the bot's key.
// Runs on the shared workbench (demo key stored as the identity "Default"); it ends with "Default" as the default
// again, so later scenarios act as Ana Agent.
const assert = require('assert');
const { describe, it, before, after } = require('mocha');
const { sharedTicketsView, fake, demoKey, screenshotOnFailure } = require('../support/context');
const { allOpenTickets, myOpenTickets, requestsSince, htmlToText } = require('../support/expect');
const T = require('../pages/timeouts');
const { until } = require('../pages/wait');

const BOT_LABEL = 'API Bot';

describe('Several identities', function () {
  let handle;
  let wb;
  let bot;
  let botAdded = false;
  screenshotOnFailure(() => handle && handle.page);

  /** The status bar item by its screen-reader name: "BoldDesk: acting as <name>", then the open count once known. */
  const actingAs = (name) => handle.page.locator(`#workbench\\.parts\\.statusbar [aria-label^="BoldDesk: acting as ${name}"]`).first();

  /** Runs Switch Identity and picks `label`; waits for the confirmation. */
  async function switchTo(label) {
    await wb.runCommand('BoldDesk: Switch Identity');
    await wb.quickInput.waitForTitle('Switch BoldDesk Identity');
    await wb.quickInput.pick(label, { exact: true, settled: (rows) => rows.length === 2 });
    await wb.notifications.waitFor(`Now acting as “${label}”`);
  }

  /** Waits until the "My open tickets" category shows `n` as its count. */
  async function waitForMyOpenCount(n) {
    const count = wb.tickets.category('My open tickets').locator('.label-description');
    const shown = await until(async () => (await count.innerText().catch(() => '')).trim() === String(n), T.ui);
    assert.ok(shown, `"My open tickets" shows ${n}; it shows "${await count.innerText().catch(() => '')}"`);
  }

  before(async function () {
    this.timeout(5 * 60 * 1000);
    ({ handle, wb } = await sharedTicketsView());
    bot = fake().keys.find((k) => k.agent.name === 'API Bot');
    assert.ok(bot, 'the fake has a key of the "API Bot" agent');
  });

  after(async function () {
    this.timeout(2 * 60 * 1000);
    // Later scenarios act as Ana Agent: make sure "Default" is the default identity again, even after a failure.
    if (!botAdded || (await actingAs('Default (Ana Agent)').isVisible().catch(() => false))) return;
    await switchTo('Default').catch((e) => console.log(`      could not switch back to "Default": ${e.message}`));
  });

  it('adds the "API Bot" key as a second identity with a local label', async () => {
    const from = fake().requests.length;
    await wb.runCommand('BoldDesk: Add Identity (another API key)');
    const qi = wb.quickInput;
    await qi.waitForTitle('Add BoldDesk Identity (1/3)');
    await qi.submit(BOT_LABEL);
    await qi.waitForTitle('Add BoldDesk Identity (2/3)');
    assert.strictEqual(await qi.input.getAttribute('type'), 'password', 'the key is typed into a password box');
    await qi.submit(bot.key);
    await qi.waitForTitle('Add BoldDesk Identity (3/3');
    await qi.submit(bot.agent.email);
    await wb.notifications.waitFor(`Identity “${BOT_LABEL}” added for ${new URL(fake().url).host}`);
    botAdded = true;

    // The key was checked with BoldDesk (as the bot) before it was stored.
    const checks = requestsSince(from).filter((r) => r.headers['x-api-key'] === bot.key);
    assert.ok(checks.length > 0, 'the new key was checked with BoldDesk');
    assert.ok(checks.every((r) => r.status === 200 && r.agentUserId === bot.agent.userId), JSON.stringify(checks.map((r) => [r.path, r.status])));
    // Adding an identity keeps the default: the status bar still names Ana, now next to her identity's label.
    await actingAs('Default (Ana Agent)').waitFor();
    await wb.notifications.clearAll(wb);
  });

  it('posts a reply as "API Bot", chosen for the draft with Post As…', async () => {
    const ticket = allOpenTickets()[5];
    // No "#1234" in the text: the editor would show a colour swatch for it (a hex colour to VS Code).
    const line = 'Our bot confirms that your refund was issued today.';
    await wb.tickets.expand('All open');
    await wb.tickets.contextMenu(await wb.tickets.reveal(wb.tickets.ticket(ticket.id)), 'Add Reply');
    await wb.editor.waitForTab(`Reply to #${ticket.id}`);
    await wb.tickets.collapse('All open'); // a shorter tree for the screenshot
    // Long enough that the lines below the quick pick show in the screenshot.
    await wb.editor.typeLines(['Hello Maria,', '', line, 'It shows on your statement within 3 to 5 business days.', '', 'Kind regards,', 'Acme Billing']);
    await wb.editor.waitForText(line);
    await actingAs('Default (Ana Agent)').waitFor(); // the draft would go out as the default identity

    await wb.runCommand('BoldDesk: Post As…');
    const qi = wb.quickInput;
    await qi.waitForTitle(`Post Reply to #${ticket.id} as…`);
    // Both identities, each with the agent BoldDesk will show; the draft's current one (the default) checked.
    await qi.rows.nth(1).waitFor();
    const rows = await qi.rowLabels();
    assert.strictEqual(rows.length, 2, `two identities: ${rows.join(' | ')}`);
    const ana = demoKey().agent;
    assert.ok(rows.some((r) => r.includes('Default') && r.includes(`${ana.name} <${ana.email}>`) && r.includes('default')), rows.join(' | '));
    assert.ok(rows.some((r) => r.includes(BOT_LABEL) && r.includes(`${bot.agent.name} <${bot.agent.email}>`)), rows.join(' | '));
    await wb.screenshot('identities');
    await qi.pick(BOT_LABEL, { exact: true });
    await qi.waitClosed();
    await actingAs(BOT_LABEL).waitFor(); // the status bar names who the draft is posted as

    const before = ticket.messages.length;
    const from = fake().requests.length;
    await wb.editor.textEditor.locator('.view-lines').click();
    await handle.page.keyboard.press('Control+Enter');
    await wb.waitForStatus(`Reply sent to #${ticket.id}`, T.ui);
    await wb.editor.waitForTabClosed(`Reply to #${ticket.id}`);
    const posts = requestsSince(from, 'POST');
    assert.deepStrictEqual(posts.map((r) => [r.path, r.status]), [[`/api/v1/tickets/${ticket.id}/updates`, 201]], 'one reply request');
    assert.strictEqual(posts[0].headers['x-api-key'], bot.key, 'sent with the bot\'s key');
    assert.strictEqual(posts[0].agentUserId, bot.agent.userId);
    assert.strictEqual(ticket.messages.length, before + 1);
    const sent = ticket.messages[ticket.messages.length - 1];
    assert.strictEqual(sent.authorId, bot.agent.userId, 'BoldDesk shows the reply as written by API Bot');
    assert.match(htmlToText(sent.description), /confirms that your refund was issued/);
    await wb.notifications.clearAll(wb);
  });

  it('switches the default identity to "API Bot" and back with Switch Identity', async () => {
    await wb.tickets.expand('My open tickets');
    await switchTo(BOT_LABEL);
    await actingAs(BOT_LABEL).waitFor();
    // The tree follows the identity in use: "My open tickets" are now the bot's.
    await waitForMyOpenCount(myOpenTickets(bot.agent.userId).length);
    await switchTo('Default');
    await actingAs('Default (Ana Agent)').waitFor();
    await waitForMyOpenCount(myOpenTickets(demoKey().agent.userId).length);
    await wb.notifications.clearAll(wb);
  });
});
