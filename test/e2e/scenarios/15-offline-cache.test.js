// Scenario 15 — instant and offline from the warm-start cache (issue 14): what the Tickets view showed is kept on
// disk (bolddesk.cache.enabled, on by default). With BoldDesk stopped, a window reload still lists the cached
// tickets, read-only, marked offline; once BoldDesk is back, Refresh makes them current again.
// With the cache off the reload could only say "Can't reach …": no ticket row, so this scenario fails.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { describe, it, before, after } = require('mocha');
const { sharedTicketsView, fake, screenshotOnFailure } = require('../support/context');
const { allOpenTickets } = require('../support/expect');
const { until } = require('../pages/wait');
const T = require('../pages/timeouts');

const PAGE_SIZE = 10; // bolddesk.pageSize in the e2e user settings
const label = (t) => `#${t.id} ${t.subject}`;

/** The ticket ids of "All open" in every cache file of this code-server (one per origin + identity). */
function cachedOpenIds(userDataDir) {
  const dir = path.join(userDataDir, 'User', 'globalStorage', 'bolddesk-vscode.bolddesk-vscode', 'ticket-cache');
  let files = [];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.map((f) => {
    try {
      const list = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).lists.find((l) => l.id === 'open');
      // Tickets are stored as rows, [id, subject, …] (src/model/cacheRows.ts).
      return list ? list.page.rows.map((row) => row[0]) : [];
    } catch {
      return []; // being written
    }
  });
}

describe('Offline from the warm-start cache', function () {
  let handle;
  let wb;
  let port;
  let stopped = false;
  screenshotOnFailure(() => handle && handle.page);

  before(async function () {
    this.timeout(5 * 60 * 1000);
    ({ handle, wb } = await sharedTicketsView({ categories: ['Unassigned', 'All open'] }));
    port = fake().port;
  });

  // Whatever happened, BoldDesk listens again for the scenarios after this one.
  after(async () => {
    if (stopped) await fake().listen(port);
  });

  it('a reload with BoldDesk stopped lists the cached tickets, marked offline', async function () {
    this.timeout(6 * 60 * 1000);
    const expected = allOpenTickets().slice(0, PAGE_SIZE);
    await wb.tickets.expand('All open');
    await wb.tickets.reveal(wb.tickets.ticket(expected[0].id));
    // The view saves what it shows a moment after it changed: wait for the file to hold this page.
    const ids = JSON.stringify(expected.map((t) => t.id));
    const saved = await until(() => cachedOpenIds(handle.server.userDataDir).some((l) => JSON.stringify(l) === ids), T.ui, 250);
    assert.ok(saved, `the cache holds the first page of "All open": ${JSON.stringify(cachedOpenIds(handle.server.userDataDir))}`);

    await fake().close(); // BoldDesk is gone: connections refused
    stopped = true;
    await wb.reload();
    await wb.tickets.open();
    await wb.tickets.expand('All open');
    await wb.tickets.reveal(wb.tickets.ticket(expected[0].id));
    const message = wb.tickets.sidebar.locator('.message', { hasText: 'Offline:' });
    await message.waitFor({ timeout: T.ui });
    assert.match(await message.innerText(), /cannot be reached\. Showing the tickets cached .* \(read-only\)\./);
    const rows = await wb.tickets.childrenOf('All open');
    assert.deepStrictEqual(rows.filter((r) => r.label.startsWith('#')).map((r) => r.label), expected.map(label));
    const category = (await wb.tickets.visibleRows()).find((r) => r.level === 1 && r.label === 'All open');
    assert.match(category.description, /offline, updated/);
    await wb.screenshot('offline');
  });

  it('once BoldDesk is back, Refresh makes the list current and the offline note goes', async function () {
    this.timeout(3 * 60 * 1000);
    if (stopped) await fake().listen(port);
    stopped = false;
    await wb.tickets.refresh();
    await wb.tickets.sidebar.locator('.message', { hasText: 'Offline:' }).waitFor({ state: 'detached', timeout: T.ui });
    const category = wb.tickets.category('All open');
    const online = await until(async () => !/offline|cached/.test(await category.locator('.label-description').innerText().catch(() => 'offline')), T.ui, 250);
    assert.ok(online, 'the category no longer says offline or cached');
    await wb.tickets.reveal(wb.tickets.ticket(allOpenTickets()[0].id));
  });
});
