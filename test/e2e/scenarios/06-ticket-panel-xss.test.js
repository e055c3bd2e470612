// Scenario 6 — ticket content is untrusted HTML: a ticket whose subject, description, reply and private note carry
// every payload of test/support/xssCorpus.ts is opened from the tree. Nothing may run, in any frame of the workbench,
// and nothing may be fetched from the payloads' host.
const assert = require('assert');
const path = require('path');
const { describe, it, before, after } = require('mocha');
const { sharedTicketsView, fake, screenshotOnFailure, ROOT } = require('../support/context');

const { XSS_CORPUS, XSS_TITLE, EVIL_HOST } = require(path.join(ROOT, 'out', 'test', 'support', 'xssCorpus.js'));
// Each body starts with a marker: a payload with broken markup may swallow whatever follows it.
const START = 'Start of hostile content';

describe('Hostile ticket content in the UI', function () {
  let handle;
  let wb;
  let ticket;
  const evilRequests = [];
  const onRequest = (r) => { if (r.url().includes(EVIL_HOST)) evilRequests.push(r.url()); };
  screenshotOnFailure(() => handle && handle.page);

  before(async function () {
    this.timeout(5 * 60 * 1000);
    ({ handle, wb } = await sharedTicketsView({ categories: [], widen: false, clearNotifications: false }));
    handle.page.context().on('request', onRequest);
    const db = fake().db;
    const requester = db.contacts[5];
    const all = XSS_CORPUS.map((p) => `<p>${p.name}:</p>${p.html}`).join('\n');
    const now = Date.now();
    ticket = db.createTicket({
      subject: `Invoice question <img src=x onerror="window.__xss=1"><script>document.title='${XSS_TITLE}'</script>`,
      brandId: db.brands[0].brandId, statusId: 1, priorityId: db.priorities[0].id, categoryId: null, agentId: null,
      groupId: null, requesterId: requester.userId, sourceId: 8, createdById: requester.userId,
    }, `<p>${START} (description)</p>${all}`, now - 3000);
    db.addMessage(ticket, { kind: 'reply', description: `<p>${START} (reply)</p>${all}`, authorId: requester.userId, isFromCustomer: true, at: now - 2000 });
    db.addMessage(ticket, { kind: 'privateNote', description: `<p>${START} (note)</p>${all}`, authorId: 11, at: now - 1000 });
  });

  after(() => handle && handle.page.context().off('request', onRequest));

  it('shows the subject as text in the tree', async () => {
    await wb.tickets.refresh();
    await wb.tickets.expand('All open');
    const row = await wb.tickets.reveal(wb.tickets.ticket(ticket.id));
    assert.match(await row.locator('.label-name').innerText(), /<img src=x onerror=/, 'the markup is shown, not parsed');
  });

  it('renders every payload in the ticket without running any of it', async () => {
    await wb.tickets.ticket(ticket.id).click();
    await wb.editor.waitForTab(`#${ticket.id}`);
    // The whole conversation is rendered once every message's marker is there.
    await wb.editor.waitForTicketContent([`${START} (description)`, `${START} (reply)`, `${START} (note)`]);
    const checked = [];
    for (const frame of handle.page.frames()) {
      const seen = await frame.evaluate(() => ({ xss: typeof window.__xss, title: document.title })).catch(() => undefined);
      if (!seen) continue; // a frame that navigated away meanwhile
      checked.push(frame.url());
      assert.strictEqual(seen.xss, 'undefined', `a payload ran in ${frame.url()}`);
      assert.notStrictEqual(seen.title, XSS_TITLE, `a payload changed the title of ${frame.url()}`);
    }
    assert.ok(checked.some((u) => /webview/i.test(u)), `the webview frames were checked: ${checked.join(', ')}`);
    assert.deepStrictEqual(evilRequests, [], `requests to ${EVIL_HOST}`);
  });
});
