// Stage "firstTickets": the real workbench (code-server + headless Chromium, test/harness/codeServer.js) with the
// production VSIX installed as a user would. Each run reloads the window (a fresh extension host; the extension
// activates on start-up finished, while the run waits), clicks the BoldDesk icon, and reads in the page the time
// from that mousedown to the first ticket row in the DOM. Counts the BoldDesk requests each open made. The key is
// stored once through the welcome view's "Set API Key", as a user does (no demo-key environment variable).
// bench/workbenchRtt.js reuses openOnce, storeKey and reload at 150 ms RTT.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer, launchBrowser } = require('../test/harness/codeServer');
const { ensureInstalled, REPO_DIR } = require('../test/harness/paths');

const { startFakeBoldDesk } = require(path.join(REPO_DIR, 'out', 'test', 'fake-bolddesk'));
const ACTIVITY = '.activitybar a.action-label[aria-label^="BoldDesk"]';
const EXPLORER = '.activitybar a.action-label[aria-label^="Explorer"]';
const TIMEOUT = Number(process.env.BENCH_UI_TIMEOUT_MS) || 120_000;
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS) || 5000;

/**
 * Records performance.now() at the next mousedown, when the first ticket row ("#1234 …") is in the DOM, and when no
 * open category is marked "cached" any more (a warm start's fresh list; at once on a cold start).
 */
function armProbe() {
  const b = (window.__bench = {});
  document.addEventListener('mousedown', () => {
    if (b.down === undefined) {
      b.down = performance.now();
      b.downEpoch = Date.now();
    }
  }, true);
  const hasTicketRow = () => [...document.querySelectorAll('.monaco-list-row[aria-level="2"] .label-name')]
    .some((e) => /^\s*#\d+ /.test(e.textContent || ''));
  const cachedMark = () => [...document.querySelectorAll('.monaco-list-row[aria-level="1"][aria-expanded="true"]')]
    .some((e) => /cached|offline/.test(e.textContent || ''));
  const obs = new MutationObserver(() => {
    if (b.down !== undefined && b.category === undefined && document.querySelector('.monaco-list-row[aria-level="1"]')) b.category = performance.now();
    if (b.down !== undefined && b.row === undefined && hasTicketRow()) b.row = performance.now();
    if (b.row !== undefined && b.fresh === undefined && !cachedMark()) {
      b.fresh = performance.now();
      obs.disconnect();
    }
  });
  obs.observe(document.body, { childList: true, subtree: true, characterData: true });
}

async function openOnce(page, fake) {
  await page.locator(ACTIVITY).waitFor({ timeout: TIMEOUT });
  // Start from the Explorer (the workbench restores the last open view after a reload, and clicking the icon
  // of the view that is already open would hide the side bar instead).
  const sidebar = page.locator('#workbench\\.parts\\.sidebar');
  const active = (await sidebar.isVisible()) ? await sidebar.getAttribute('data-active-composite').catch(() => null) : null;
  if (active !== 'workbench.view.explorer') await page.locator(EXPLORER).click();
  await page.locator('#workbench\\.parts\\.sidebar[data-active-composite="workbench.view.explorer"]').waitFor({ timeout: TIMEOUT });
  // Let the reloaded workbench and its extension host finish starting: the figure is the view's, not start-up's.
  await page.waitForTimeout(SETTLE_MS);
  const still = await sidebar.getAttribute('data-active-composite').catch(() => null);
  if (still !== 'workbench.view.explorer') throw new Error(`the workbench switched the side bar to ${still} by itself`);
  const mark = fake.requests.length;
  await page.evaluate(armProbe);
  await page.locator(ACTIVITY).click();
  try {
    await page.waitForFunction(() => window.__bench && window.__bench.row !== undefined, null, { timeout: TIMEOUT, polling: 50 });
  } catch (e) {
    const shot = path.join(os.tmpdir(), `bolddesk-bench-firstTickets-${Date.now()}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(`no ticket row within ${TIMEOUT / 1000} s (screenshot ${shot}): ${e.message}`);
  }
  // A warm start shows cached rows first: wait (bounded) for the fresh list too.
  await page.waitForFunction(() => window.__bench.fresh !== undefined, null, { timeout: 15_000, polling: 50 }).catch(() => undefined);
  const { down, row, fresh, category, downEpoch } = await page.evaluate(() => window.__bench);
  await page.waitForTimeout(500); // requests that follow the first paint still count
  const sent = fake.requests.slice(mark);
  return {
    ms: row - down,
    freshMs: fresh !== undefined ? fresh - down : undefined,
    // Where the time goes: click → first BoldDesk request (activation, key) → … → categories → ticket rows.
    firstRequestMs: sent.length ? sent[0].at - downEpoch : undefined,
    ticketsRequestMs: sent.find((r) => r.path === '/api/v1/tickets') ? sent.find((r) => r.path === '/api/v1/tickets').at - downEpoch : undefined,
    categoriesMs: category !== undefined ? category - down : undefined,
    requests: sent.map((r) => `${r.method} ${r.path}`),
    // When each request left and was answered, from the click (ms): which one waited for which.
    timeline: sent.map((r) => `${r.method} ${r.path}${r.query && Object.keys(r.query).length ? `?${Object.keys(r.query).join('&')}` : ''} ${r.at - downEpoch}..${r.endAt === undefined ? '?' : r.endAt - downEpoch}`),
  };
}

/** First run: open the view, click "Set API Key" in the welcome content, type the key, wait for the tickets. */
async function storeKey(page, fake) {
  await page.locator(ACTIVITY).click();
  const sidebar = page.locator('#workbench\\.parts\\.sidebar');
  await sidebar.locator('.welcome-view-content .monaco-button', { hasText: 'Set API Key' }).click({ timeout: TIMEOUT });
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: TIMEOUT });
  await input.fill(fake.keys[0].key);
  await input.press('Enter');
  const row = sidebar.locator('.monaco-list-row[aria-level="2"] .label-name', { hasText: /^\s*#\d+ / }).first();
  await row.waitFor({ timeout: TIMEOUT });
  return { requests: fake.requests.map((r) => `${r.method} ${r.path}`) };
}

async function reload(page) {
  // Leave the Explorer active, so the reloaded workbench does not restore (and open) the BoldDesk view itself.
  await page.locator(EXPLORER).click();
  await page.locator('#workbench\\.parts\\.sidebar[data-active-composite="workbench.view.explorer"]').waitFor({ timeout: TIMEOUT });
  await page.waitForTimeout(1000);
  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
}

async function main() {
  const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const work = arg('--work');
  const runs = Number(arg('--runs')) || 5;
  const vsix = work && path.join(work, 'bolddesk-vscode.vsix');
  if (!vsix || !fs.existsSync(vsix)) throw new Error('--work DIR with bolddesk-vscode.vsix (bench/size.js --work DIR) is required');
  ensureInstalled();
  const fake = await startFakeBoldDesk({ tickets: 500, quiet: true });
  const agent = fake.keys[0].agent;
  let server, browser;
  try {
    server = await startCodeServer({
      vsix: [vsix],
      userSettings: { 'bolddesk.domain': fake.url, 'bolddesk.agentEmail': agent.email },
    });
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
    // Warm-up (not counted): the user stores the key from the welcome view ("Set API Key"), as on a first run.
    const warmup = await storeKey(page, fake);
    const results = [];
    for (let i = 0; i < runs; i++) {
      await reload(page);
      results.push(await openOnce(page, fake));
    }
    return { warmup, runs: results };
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    if (server) await server.stop();
    await fake.close();
  }
}

module.exports = { ACTIVITY, EXPLORER, TIMEOUT, openOnce, storeKey, reload };

if (require.main === module) {
  main().then((r) => {
    const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : undefined;
    if (out) fs.writeFileSync(out, JSON.stringify(r, null, 2));
    else console.log(JSON.stringify(r, null, 2));
    process.exit(0);
  }, (e) => { console.error(e); process.exit(1); });
}
