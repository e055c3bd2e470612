// Scenario 16 — files from the ticket panel's composer: "Attach files…" opens VS Code's own file dialog (in
// code-server the quick-input one), the chosen file is listed under the reply, and Send uploads it (multipart, part
// `uploadFiles`) before the reply names its token in `attachments`. A file dropped onto the composer is read by the
// page and handed over as bytes (never as a path), checked by the extension and sent the same way.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { describe, it, before, after } = require('mocha');
const { sharedTicketsView, fake, screenshotOnFailure } = require('../support/context');
const { requestsSince } = require('../support/expect');

describe('Composer files', function () {
  let handle;
  let wb;
  let ticket;
  let dir;
  const at = Date.now();
  screenshotOnFailure(() => handle && handle.page);

  before(async function () {
    this.timeout(5 * 60 * 1000);
    ({ handle, wb } = await sharedTicketsView());
    const db = fake().db;
    const requester = db.contacts[2];
    ticket = db.createTicket({
      subject: 'Checkout crashes when the cart has 100 items', brandId: db.brands[0].brandId, statusId: 1,
      priorityId: db.priorities[1].id, categoryId: null, agentId: null, groupId: null, requesterId: requester.userId,
      sourceId: 8, createdById: requester.userId,
    }, '<p>The checkout page goes blank with a full cart.</p>', at - 60_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-e2e-files-'));
    fs.writeFileSync(path.join(dir, 'checkout-trace.log'), 'FATAL cart.total overflow at items=100\n');
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Opens the ticket from the palette by number (the tree may still show its page from before the ticket existed). */
  async function openTicket() {
    await wb.runCommand('BoldDesk: Open Ticket');
    await wb.quickInput.answerTicket(ticket.id);
    await wb.editor.waitForTab(`#${ticket.id}`);
    await wb.editor.waitForTicketContent(['checkout page goes blank']);
  }

  /** Drops files onto the composer as the browser delivers them from the desktop: a DataTransfer of File objects. */
  async function drop(body, files) {
    await body.locator('#composer').evaluate((zone, list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.text], f.name, { type: f.type }));
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, files);
  }

  /** Sends what the composer holds; the message's request and the uploads made for it. */
  async function sendAndRecord(body, text) {
    const from = fake().requests.length;
    await body.locator('#composer-text').press('Control+Enter');
    await body.locator('.message', { hasText: text }).last().waitFor();
    await body.locator('#composer-files').waitFor({ state: 'hidden' });
    const posts = requestsSince(from, 'POST');
    return {
      uploads: posts.filter((r) => r.path === '/api/v1/attachments'),
      replies: posts.filter((r) => r.path.startsWith(`/api/v1/tickets/${ticket.id}/`)),
      paths: posts.map((r) => r.path),
    };
  }

  it('attaches a file with the file dialog and sends it with the reply', async () => {
    await openTicket();
    const body = wb.editor.webviewBody();
    await body.locator('#composer-text').fill('The trace from our staging server is attached.');
    await body.locator('#attach-files').click();
    const qi = wb.quickInput;
    await qi.waitForTitle(`Attach files to Reply to #${ticket.id}`);
    // The dialog fills in and lists its start folder before it takes typing (typed too early, the path is replaced).
    await qi.row('..').first().waitFor();
    await qi.type(`${dir}/`);
    await qi.row('checkout-trace.log').first().waitFor();
    await qi.submit(path.join(dir, 'checkout-trace.log'));
    await qi.waitClosed();
    await body.locator('#composer-files li', { hasText: 'checkout-trace.log' }).waitFor();
    await wb.moveMouseAway();
    await wb.screenshot('composer-files');

    const sent = await sendAndRecord(body, 'The trace from our staging server');
    assert.deepStrictEqual(sent.paths, ['/api/v1/attachments', `/api/v1/tickets/${ticket.id}/updates`], 'the file first, then the reply');
    assert.match(String(sent.uploads[0].body), /Content-Disposition: form-data; name="uploadFiles"; filename="checkout-trace\.log"\r\nContent-Type: text\/plain\r\n\r\nFATAL cart\.total overflow at items=100\n\r\n--/);
    assert.match(sent.uploads[0].headers['content-type'], /^multipart\/form-data; boundary=/);
    const file = ticket.messages.at(-1).attachments;
    assert.deepStrictEqual(file.map((a) => [a.name, a.size]), [['checkout-trace.log', 39]]);
    assert.strictEqual(sent.replies[0].body.attachments, `fake-upload-${file[0].id}`, 'the reply names the token the upload got');
  });

  it('takes files dropped onto the composer as bytes, refuses a program, and sends them with a private note', async () => {
    await openTicket();
    const body = wb.editor.webviewBody();
    await body.locator('input[name="kind"][value="note"]').check();
    await body.locator('#composer-text').fill('What the customer sees with 100 items, and the cart as a CSV.');
    await drop(body, [{ name: 'setup.exe', type: 'application/octet-stream', text: 'MZ' }]);
    await body.locator('#composer-status.error', { hasText: 'setup.exe is a program file' }).waitFor();
    await drop(body, [
      { name: 'cart-100-items.csv', type: 'text/csv', text: 'sku,qty\nA-1,100\n' },
      { name: 'notes ü.txt', type: 'text/plain', text: 'Blank page after "Pay".\n' },
    ]);
    await body.locator('#composer-files li', { hasText: 'notes ü.txt' }).waitFor();
    // If one is missing, say which kind the composer shows and what its status line says (a CI run once listed only
    // the second file; not reproduced since).
    const state = async () => JSON.stringify({
      kind: await body.locator('input[name="kind"]:checked').getAttribute('value'),
      status: await body.locator('#composer-status').innerText(),
    });
    assert.deepStrictEqual(await body.locator('#composer-files li .file-name').allInnerTexts(), ['cart-100-items.csv', 'notes ü.txt'], await state());
    await wb.moveMouseAway();
    await wb.screenshot('composer-drop');

    const sent = await sendAndRecord(body, 'the cart as a CSV');
    assert.deepStrictEqual(sent.paths, ['/api/v1/attachments', '/api/v1/attachments', `/api/v1/tickets/${ticket.id}/notes`]);
    assert.match(String(sent.uploads[0].body), /name="uploadFiles"; filename="cart-100-items\.csv"\r\nContent-Type: text\/csv\r\n\r\nsku,qty\nA-1,100\n\r\n--/);
    assert.match(String(sent.uploads[1].body), /name="uploadFiles"; filename="notes ü\.txt"\r\nContent-Type: text\/plain\r\n\r\nBlank page after "Pay"\.\n\r\n--/);
    const files = ticket.messages.at(-1).attachments;
    assert.deepStrictEqual(files.map((a) => a.name), ['cart-100-items.csv', 'notes ü.txt']);
    assert.strictEqual(sent.replies[0].body.attachments, files.map((a) => `fake-upload-${a.id}`).join(','));
  });
});
