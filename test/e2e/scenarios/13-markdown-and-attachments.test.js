// Scenario 13 — the conversation a developer needs: a customer reply with a screenshot and a log file shows the
// image inline and opens the log in a read-only editor tab; a Markdown reply with a code block, previewed in the
// panel's composer, reaches BoldDesk as the rendered HTML (checked in the fake's recorded request).
const assert = require('assert');
const { describe, it, before } = require('mocha');
const { sharedTicketsView, fake, screenshotOnFailure } = require('../support/context');
const { requestsSince } = require('../support/expect');

describe('Markdown replies and attachments', function () {
  let handle;
  let wb;
  let ticket;
  const at = Date.now();
  screenshotOnFailure(() => handle && handle.page);

  before(async function () {
    this.timeout(5 * 60 * 1000);
    ({ handle, wb } = await sharedTicketsView());
    const db = fake().db;
    const requester = db.contacts[3];
    ticket = db.createTicket({
      subject: 'Export fails with a timeout after the 2.4 update', brandId: db.brands[0].brandId, statusId: 1,
      priorityId: db.priorities[2].id, categoryId: null, agentId: null, groupId: null, requesterId: requester.userId,
      sourceId: 8, createdById: requester.userId,
    }, '<p>Since the update the CSV export never finishes.</p>', at - 60_000);
    const reply = db.addMessage(ticket, { kind: 'reply', description: '<p>Here is what I see, and the log from the server.</p>',
      authorId: requester.userId, isFromCustomer: true, at: at - 30_000 });
    reply.attachments.push(
      { id: 770001, name: 'screenshot.png', extension: '.png', contentType: 'image/png', size: 48_213, createdOn: at - 30_000 },
      { id: 770002, name: 'export-error.log', extension: '.log', contentType: 'text/plain', size: 6_400, createdOn: at - 30_000 },
    );
  });

  /** Opens the ticket from the palette by number (the tree may still show its page from before the ticket existed). */
  async function openTicket() {
    await wb.runCommand('BoldDesk: Open Ticket');
    await wb.quickInput.answerTicket(ticket.id);
    await wb.editor.waitForTab(`#${ticket.id}`);
  }

  it('shows the screenshot inline and opens the log in a read-only tab', async () => {
    await openTicket();
    await wb.editor.waitForTicketContent(['export-error.log', 'screenshot.png']);
    const body = wb.editor.webviewBody();
    const thumb = body.locator('img.attachment-thumb:not([hidden])');
    await thumb.waitFor();
    assert.match(await thumb.getAttribute('src'), /^data:image\/png;base64,/, 'the image came as data, not from a URL');
    await wb.moveMouseAway();
    await wb.screenshot('attachments');

    await body.locator('button.attachment-open', { hasText: 'export-error.log' }).click();
    await wb.editor.waitForTab('export-error.log');
    await wb.editor.waitForText('ERROR worker-0 request 0 failed');
    const downloads = fake().requests.filter((r) => r.path.startsWith('/attachment/download/'));
    assert.ok(downloads.every((r) => r.headers['x-api-key']), 'the extension host fetched the files with the key');
    await wb.screenshot('attachment-log');
  });

  it('previews a Markdown reply with a code block and sends it as HTML', async () => {
    await openTicket();
    const body = wb.editor.webviewBody();
    const markdown = [
      'Thanks! The export times out on large accounts. Until the fix ships, raise the limit:',
      '',
      '```yaml',
      'export:',
      '  timeoutSeconds: 300   # was 30',
      '```',
      '',
      '1. restart the **export worker**',
      '2. run the export again',
      '',
      'Details: [release notes](https://example.com/notes/2.4.1)',
    ].join('\n');
    await body.locator('#composer-text').fill(markdown);
    await body.locator('#preview-toggle').click();
    await body.locator('#composer-preview pre code').filter({ hasText: 'timeoutSeconds: 300' }).waitFor();
    await wb.moveMouseAway();
    await wb.screenshot('markdown-reply');

    const from = fake().requests.length;
    await body.locator('#composer-text').press('Control+Enter');
    await body.locator('.message', { hasText: 'restart the' }).last().waitFor();
    const posts = requestsSince(from, 'POST');
    assert.deepStrictEqual(posts.map((r) => r.path), [`/api/v1/tickets/${ticket.id}/updates`]);
    // Exactly what BoldDesk receives: the code block keeps its lines and indentation, the list and link are HTML.
    assert.strictEqual(posts[0].body.description, [
      '<p>Thanks! The export times out on large accounts. Until the fix ships, raise the limit:</p>',
      '<pre><code class="language-yaml">export:',
      '  timeoutSeconds: 300   # was 30',
      '</code></pre>',
      '<ol>',
      '<li>restart the <strong>export worker</strong></li>',
      '<li>run the export again</li>',
      '</ol>',
      '<p>Details: <a href="https://example.com/notes/2.4.1">release notes</a></p>',
    ].join('\n'));
  });
});
