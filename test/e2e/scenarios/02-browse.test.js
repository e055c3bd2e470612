// Scenario 2 — browse: expand "All open", page with "Load more…", open a ticket and read its conversation.
// Runs on the shared workbench, which starts with the demo key stored (BOLDDESK_DEMO_KEY, loopback only).
const assert = require('assert');
const { describe, it, before } = require('mocha');
const { sharedTicketsView, fake, screenshotOnFailure } = require('../support/context');
const { allOpenTickets, sentenceOf, requestsSince } = require('../support/expect');

const PAGE_SIZE = 10; // bolddesk.pageSize in the e2e user settings
const label = (t) => `#${t.id} ${t.subject}`;

describe('Browse tickets', function () {
  let handle;
  let wb;
  screenshotOnFailure(() => handle && handle.page);

  before(async function () {
    this.timeout(5 * 60 * 1000);
    ({ handle, wb } = await sharedTicketsView({
      categories: ['My open tickets', 'Unassigned', 'All open'], closeEditors: false, clearNotifications: false,
    }));
  });

  it('expands "All open" and shows the first page, newest first', async () => {
    const open = allOpenTickets();
    assert.ok(open.length > 2 * PAGE_SIZE, 'the fake has more than two pages of open tickets');
    await wb.tickets.collapse('My open tickets');
    await wb.tickets.expand('All open');
    await wb.tickets.ticket(open[0].id).waitFor();
    await wb.tickets.row('Load more…', { level: 2 }).first().waitFor();
    const rows = await wb.tickets.childrenOf('All open');
    assert.deepStrictEqual(rows.filter((r) => r.label.startsWith('#')).map((r) => r.label), open.slice(0, PAGE_SIZE).map(label));
    const more = rows.find((r) => r.label === 'Load more…');
    assert.ok(more, 'a "Load more…" row follows the first page');
    assert.strictEqual(more.description, `${PAGE_SIZE} of ${open.length}`);
    await wb.screenshot('tree');
  });

  it('"Load more…" appends the next page', async () => {
    const open = allOpenTickets();
    const from = fake().requests.length;
    const more = await wb.tickets.reveal(wb.tickets.row('Load more…', { level: 2 }));
    await more.click();
    await wb.tickets.reveal(wb.tickets.ticket(open[2 * PAGE_SIZE - 1].id));
    const rows = await wb.tickets.childrenOf('All open');
    const shown = rows.filter((r) => r.label.startsWith('#')).map((r) => r.label);
    assert.deepStrictEqual(shown.slice(-PAGE_SIZE), open.slice(PAGE_SIZE, 2 * PAGE_SIZE).map(label));
    const pages = requestsSince(from, 'GET', /^\/api\/v1\/tickets$/).map((r) => (r.query.Page || r.query.page || [])[0]);
    assert.ok(pages.includes('2'), `page 2 was requested: ${JSON.stringify(pages)}`);
    const moreRow = await wb.tickets.reveal(wb.tickets.row('Load more…', { level: 2 }));
    assert.match(await moreRow.innerText(), new RegExp(`${2 * PAGE_SIZE} of ${open.length}`));
  });

  it('opens a ticket from the tree and shows its conversation', async () => {
    const ticket = allOpenTickets().find((t) => t.messages.length >= 2);
    assert.ok(ticket, 'an open ticket with a conversation');
    const row = await wb.tickets.reveal(wb.tickets.ticket(ticket.id));
    await row.click();
    await wb.editor.waitForTab(`#${ticket.id}`);
    await wb.editor.waitForTicketContent([ticket.subject, sentenceOf(ticket.messages[0].description)]);
    await wb.screenshot('ticket');
    // The last message is further down the conversation.
    await wb.editor.waitForTicketContent([sentenceOf(ticket.messages[ticket.messages.length - 1].description)]);
  });

  it('follows the colour theme: the open ticket in dark and high-contrast themes', async () => {
    // A person switches theme from the palette; the workbench and the panel's --vscode-* colours follow.
    const webviewBody = (kind) =>
      handle.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame').locator(`body.${kind}`);
    const themed = async (theme, workbenchClass, webviewClass) => {
      await wb.runCommand('Preferences: Color Theme');
      await wb.quickInput.pick(theme, { filter: theme, exact: true });
      await handle.page.locator(`.monaco-workbench.${workbenchClass}`).waitFor();
      await webviewBody(webviewClass).waitFor(); // the panel has repainted in the new theme
    };
    try {
      await themed('Dark Modern', 'vs-dark', 'vscode-dark');
      await wb.screenshot('ticket-dark');
      await themed('Dark High Contrast', 'hc-black', 'vscode-high-contrast');
      await wb.screenshot('ticket-high-contrast');
    } finally {
      await themed('Light Modern', 'vs', 'vscode-light');
    }
  });

  it('a click previews a ticket that the next click replaces; a double-click or Keep Open keeps it', async () => {
    const [a, b, c, d] = allOpenTickets().slice(0, 4);
    await wb.editor.closeAll(wb);
    await wb.tickets.expand('All open');
    const ticketTabs = async () => (await wb.editor.tabTitles()).filter((t) => /^#\d+/.test(t)).map((t) => t.split(' ')[0]);
    const tabsAre = async (ids) => {
      const want = JSON.stringify(ids.map((id) => `#${id}`));
      for (let i = 0; i < 100 && JSON.stringify(await ticketTabs()) !== want; i++) await handle.page.waitForTimeout(100);
      assert.deepStrictEqual(await ticketTabs(), ids.map((id) => `#${id}`));
    };
    const badge = () => wb.editor.webviewBody().locator('.preview-badge');
    const open = async (t, how = 'click') => {
      await (await wb.tickets.reveal(wb.tickets.ticket(t.id)))[how]();
      await wb.editor.waitForTab(`#${t.id}`);
      await wb.editor.waitForTicketContent([t.subject]);
    };
    await open(a);
    await badge().waitFor(); // "Preview" in the header, as an italic tab title says it for a file
    await handle.page.waitForTimeout(600); // past a double-click
    await open(b);
    await tabsAre([b.id]);

    await open(c, 'dblclick');
    await tabsAre([c.id]);
    await badge().waitFor({ state: 'hidden' });
    await open(d);
    await tabsAre([c.id, d.id]);
    await wb.editor.webviewBody().locator('[data-focus-key="keep-open"]').click();
    await badge().waitFor({ state: 'hidden' });
    await open(a);
    await tabsAre([c.id, d.id, a.id]);
    await wb.editor.closeAll(wb);
  });
});
