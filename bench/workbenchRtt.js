// Stage "workbenchRtt": issue 14's budgets measured in the real workbench (code-server + headless Chromium, the
// production VSIX) with the fake BoldDesk 150 ms away (--latency-ms, ± 10 % jitter). Per run, from the user's click to
// what the page shows:
//   warm start  — window reloaded with the cache on disk: first ticket rows (from the cache), then the fresh list
//                 (no open category marked "cached" any more);
//   cold start  — the same with bolddesk.cache.enabled off (turning it off deletes the cache): the obvious design;
//   open        — a click on a ticket row → its first message in the panel (the click selects the row too, so the
//                 prefetch and the open start together: no head start). "Open from the prefetch" is measured in Node
//                 (bench/latency.ts): in the workbench the arrow keys move the tree's focus, not its selection, so
//                 they start no prefetch, and a click opens at once.
// The view's own rendering is included: that is the point of measuring here rather than in Node (bench/latency.ts).
const fs = require('fs');
const path = require('path');
const { startCodeServer, launchBrowser } = require('../test/harness/codeServer');
const { ensureInstalled, REPO_DIR } = require('../test/harness/paths');
const { TIMEOUT, openOnce, storeKey, reload } = require('./firstTickets');

const { startFakeBoldDesk } = require(path.join(REPO_DIR, 'out', 'test', 'fake-bolddesk'));
const MESSAGE = '.message';

function arg(name) {
  return process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
}

async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ timeout: TIMEOUT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: TIMEOUT });
  await input.press('Enter');
}

/** The open ticket panel's page (VS Code's iframe.webview, then its inner #active-frame). */
function panel(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}

function setCache(server, enabled) {
  const file = path.join(server.userDataDir, 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(file, 'utf8'));
  settings['bolddesk.cache.enabled'] = enabled;
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

/** Clicks a ticket row; the time until the panel shows the ticket's first message. */
async function openTicket(page, fake) {
  await runCommand(page, 'View: Close All Editors');
  await page.waitForTimeout(500);
  const mark = fake.requests.length;
  const row = page.locator('#workbench\\.parts\\.sidebar .monaco-list-row[aria-level="2"]', { hasText: /^\s*#\d+ / })
    .nth(2 + Math.floor(Math.random() * 6));
  const id = Number(/#(\d+)/.exec(await row.innerText())[1]);
  const t0 = Date.now();
  await row.click();
  try {
    await panel(page).locator(MESSAGE).first().waitFor({ timeout: TIMEOUT });
  } catch (e) {
    const shot = path.join(require('os').tmpdir(), `bolddesk-bench-open-${Date.now()}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(`#${id}: no message in the panel within ${TIMEOUT / 1000} s (screenshot ${shot}): ${e.message}`);
  }
  const ms = Date.now() - t0;
  await page.waitForTimeout(300);
  const after = fake.requests.slice(mark).filter((r) => r.path.startsWith(`/api/v1/tickets/${id}`));
  return { ms, ticketId: id, requests: after.length };
}

async function main() {
  const work = arg('--work');
  const runs = Number(arg('--runs')) || 3;
  const latencyMs = Number(arg('--latency-ms')) || 150;
  const vsix = work && path.join(work, 'bolddesk-vscode.vsix');
  if (!vsix || !fs.existsSync(vsix)) throw new Error('--work DIR with bolddesk-vscode.vsix (bench/size.js --work DIR) is required');
  ensureInstalled();
  // Latency, not quota: the trial quota has its own stage (browse); here a request never waits for a rate-limit window.
  const fake = await startFakeBoldDesk({ tickets: 500, quiet: true, rateLimitPerMinute: 1e9, listRateLimitPerMinute: 1e9 });
  const agent = fake.keys[0].agent;
  let server, browser;
  try {
    server = await startCodeServer({ vsix: [vsix], userSettings: { 'bolddesk.domain': fake.url, 'bolddesk.agentEmail': agent.email } });
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(server.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
    await storeKey(page, fake); // the first run (loopback): stores the key, fills the cache
    fake.setLatency(latencyMs);
    const warm = [];
    const cold = [];
    const open = [];
    for (let i = 0; i < runs; i++) {
      await reload(page);
      warm.push(await openOnce(page, fake));
      open.push(await openTicket(page, fake));
    }
    setCache(server, false);
    for (let i = 0; i < runs; i++) {
      await reload(page);
      cold.push(await openOnce(page, fake));
    }
    setCache(server, true);
    return { latencyMs, latencyJitterMs: fake.latencySetting.jitterMs, warm, cold, open };
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    if (server) await server.stop();
    await fake.close();
  }
}

main().then((r) => {
  const out = arg('--out');
  if (out) fs.writeFileSync(out, JSON.stringify(r, null, 2));
  else console.log(JSON.stringify(r, null, 2));
  process.exit(0);
}, (e) => { console.error(e); process.exit(1); });
