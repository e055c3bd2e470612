// Scenario 3 — create a ticket without a 10-step wizard (issue 18): palette → subject → the description, written in
// a real editor → priority → requester → the confirm step, one row per field; brand and category have defaults and
// are changed from their rows. BoldDesk (the fake) gets exactly one POST, made with the key of the demo agent, so
// the ticket is created under that agent's name; the new ticket shows up in the tree.
const assert = require('assert');
const { describe, it, before } = require('mocha');
const { sharedTicketsView, fake, demoKey, screenshotOnFailure } = require('../support/context');
const { requestsSince } = require('../support/expect');

describe('Create a ticket', function () {
  let handle;
  let wb;
  screenshotOnFailure(() => handle && handle.page);

  before(async function () {
    this.timeout(5 * 60 * 1000);
    // Editors closed: a ticket panel left open could take the focus from the quick input.
    ({ handle, wb } = await sharedTicketsView({ categories: ['Unassigned', 'All open'] }));
  });

  const subject = `Printer on the 3rd floor prints blank pages ${Date.now().toString(36)}`;
  const description = 'Since this morning every job comes out blank. Toner was replaced yesterday.';
  let createdId;

  it('walks through the steps and creates the ticket with one request', async () => {
    const db = fake().db;
    const brand = db.brands.find((b) => !b.isDefault);
    const priority = db.priorities.find((p) => p.name === 'High');
    const category = db.categories[2];
    const requester = db.contacts[3];
    const from = fake().requests.length;

    await wb.runCommand('BoldDesk: Create Ticket');
    const qi = wb.quickInput;
    await qi.waitForTitle('Create BoldDesk ticket');
    // The default brand is used without asking: the first step is the subject.
    await qi.waitForStep(1);
    assert.match(await qi.messageText(), /Subject/);
    await qi.submit(subject);
    // The description is written in a real editor beside, while the step waits with "Continue".
    await qi.waitForStep(2);
    await wb.editor.waitForTab('Description.md');
    await qi.row('Continue with the description from the editor').first().waitFor();
    await wb.editor.typeLines([description, '', '- Printer: HP LaserJet, 3rd floor', '- Since: this morning']);
    await qi.pick('Continue with the description from the editor');
    await qi.waitForStep(3);
    await qi.pick(priority.name, { filter: priority.name });
    await qi.waitForStep(4);
    // Requester: type to search BoldDesk's contacts, then choose the found one.
    // Searching by e-mail finds exactly that contact (next to "New requester…"), which tells the results are in.
    const searched = (labels) => labels.length === 2 && labels.some((l) => l.includes(requester.email));
    await qi.pick(requester.email, { filter: requester.email, settled: searched });
    // The confirm step: one row per field; brand and category (defaults) are changed from their rows.
    await qi.waitForStep(5);
    await qi.pick('Brand', { exact: true });
    await qi.pick(brand.brandName, { filter: brand.brandName });
    await qi.waitForStep(5);
    await qi.pick('Category', { exact: true });
    await qi.pick(category.name, { filter: category.name });
    await qi.waitForStep(5);
    const rows = async () => (await qi.rowLabels()).join(' | ');
    const shown = await rows();
    for (const part of [subject, 'every job comes out blank', brand.brandName, priority.name, category.name, requester.email, demoKey().agent.email]) {
      assert.ok(shown.includes(part), `the confirm step shows ${part}: ${shown}`);
    }
    await wb.screenshot('create');
    await qi.pick('Create ticket');
    await wb.editor.waitForTabClosed('Description.md');

    // A success is a status bar message, not a notification (issue 18).
    const done = await wb.waitForStatus(/Ticket #\d+ created/);
    createdId = Number(/#(\d+)/.exec(done)[1]);
    const posts = requestsSince(from, 'POST', /^\/api\/v1\/tickets$/);
    assert.strictEqual(posts.length, 1, 'exactly one create request');
    assert.strictEqual(posts[0].status, 201);
    assert.strictEqual(posts[0].headers['x-api-key'], demoKey().key);
    assert.deepStrictEqual(
      { brandId: posts[0].body.brandId, subject: posts[0].body.subject, priorityId: posts[0].body.priorityId, categoryId: posts[0].body.categoryId, requesterId: posts[0].body.requesterId },
      { brandId: brand.brandId, subject, priorityId: priority.id, categoryId: category.id, requesterId: requester.userId },
    );
    const stored = db.getTicket(createdId);
    assert.ok(stored, `the fake has ticket #${createdId}`);
    assert.strictEqual(stored.subject, subject);
    assert.strictEqual(stored.createdById, demoKey().agent.userId, 'created under the key owner (Ana Agent)');
    assert.match(stored.description, /every job comes out blank/);
    assert.match(stored.description, /<li>Printer: HP LaserJet, 3rd floor<\/li>/, 'the description is Markdown from the editor');
  });

  it('shows the new ticket in the tree', async () => {
    assert.ok(createdId, 'the previous step created a ticket');
    await wb.tickets.expand('All open');
    const row = await wb.tickets.reveal(wb.tickets.ticket(createdId));
    assert.match(await row.innerText(), new RegExp(subject.slice(0, 30)));
    await wb.tickets.expand('Unassigned');
    await wb.tickets.reveal(wb.tickets.row(`#${createdId} `, { level: 2 }));
  });
});
