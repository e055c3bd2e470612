// Scenario 1 — first run: no key stored (a fresh VS Code profile), the welcome view offers "Set API Key"; a wrong
// key is rejected and nothing is stored; the right key is stored in SecretStorage and the tickets appear. The
// walkthrough (Help → Get Started) is there for a newcomer too.
const assert = require('assert');
const path = require('path');
const { describe, it, before, after } = require('mocha');
const { openWorkbench, fake, demoKey, screenshotOnFailure, ROOT } = require('../support/context');
const { myOpenTickets, requestsSince } = require('../support/expect');

/** The walkthrough's title and step titles, in English: package.json's %keys% resolved with package.nls.json. */
function walkthroughTitles() {
  const nls = require(path.join(ROOT, 'package.nls.json'));
  const [walkthrough] = require(path.join(ROOT, 'package.json')).contributes.walkthroughs;
  const text = (s) => (/^%(.+)%$/.test(s) ? nls[s.slice(1, -1)] : s);
  return { title: text(walkthrough.title), steps: walkthrough.steps.map((s) => text(s.title)) };
}

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

  it('offers the walkthrough: domain, key and attribution, browsing, creating a ticket', async () => {
    const { title, steps } = walkthroughTitles();
    const page = handle.page;
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.quickInput.pick(title, { filter: 'BoldDesk' });
    const slide = page.locator('.gettingStartedSlideDetails');
    await slide.locator('.category-title', { hasText: title }).waitFor();
    const shown = await slide.locator('.step-title').evaluateAll((els) => els.map((e) => e.textContent.trim()));
    assert.deepStrictEqual(shown, steps, 'every step of the walkthrough, in order');
    // The open step's page is shown beside the list (a Markdown file rendered in a webview). The domain is already in
    // the settings, so that step is marked done and the walkthrough opens on the key step: what the key is for and
    // whose name BoldDesk shows (attribution). A click on the domain step still shows its page.
    const media = page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
    const domainStep = slide.locator('.getting-started-step', { hasText: steps[0] });
    await domainStep.locator('.codicon.complete').waitFor();
    const keyStep = slide.locator('.getting-started-step', { hasText: steps[1] });
    await keyStep.and(page.locator('.expanded')).waitFor();
    await media.locator('h2', { hasText: 'Attribution' }).waitFor();
    await domainStep.click();
    await media.locator('h1', { hasText: 'Connect to your help desk' }).waitFor();
    await keyStep.click();
    await keyStep.and(page.locator('.expanded')).waitFor();
    await media.locator('h2', { hasText: 'Attribution' }).waitFor();
    await wb.screenshot('walkthrough');
    await wb.editor.closeAll(wb); // back to the empty editor area of a first run
  });

  it('rejects a wrong key with a clear message in the box, which stays open with the text, and stores nothing', async () => {
    const from = fake().requests.length;
    await wb.tickets.welcomeButton('Set API Key').click();
    await wb.quickInput.waitForTitle('BoldDesk API Key for');
    assert.strictEqual(await wb.quickInput.input.getAttribute('type'), 'password', 'the key is typed into a masked input');
    await wb.quickInput.submit('bdk-this-key-does-not-exist');

    // The refusal is said in the box, which stays open with what was typed (to correct it, not retype it).
    await wb.quickInput.message.filter({ hasText: 'rejected this API key' }).waitFor();
    assert.match(await wb.quickInput.messageText(), /Nothing was stored/);
    assert.strictEqual(await wb.quickInput.input.inputValue(), 'bdk-this-key-does-not-exist');
    await wb.quickInput.cancel();
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
