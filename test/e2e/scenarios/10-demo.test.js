// Scenario 10 — the README's first command, as a newcomer runs it: `npm start` from the repository prints a URL; that
// URL serves the workbench and the Tickets view lists tickets from the demo's own fake BoldDesk; Ctrl+C (SIGINT to
// the whole process group, as a terminal sends it) stops everything and leaves no process and no temp folder behind.
// Runs the real script through npm (its environment reaches the children, as for a person), on a free port.
const assert = require('assert');
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { describe, it, before, after } = require('mocha');
const { launchBrowser, freePort } = require('../../harness/codeServer');
const { until } = require('../pages/wait');
const { Workbench } = require('../pages/workbench');
const T = require('../pages/timeouts');
const { ROOT, screenshotOnFailure } = require('../support/context');

const STARTUP_MS = 6 * 60 * 1000; // builds, packages and starts code-server: generous on a busy 2-core machine

/** Every descendant of `pid` (from /proc), so we can check afterwards that none is left. */
function descendants(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch { /* the process ended meanwhile */ }
  }
  const out = [];
  const walk = (p) => (children.get(p) || []).forEach((c) => { out.push(c); walk(c); });
  walk(pid);
  return out;
}

/** Alive and not a zombie waiting for its parent. */
function isAlive(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('The demo (npm start)', function () {
  this.timeout(STARTUP_MS + 3 * 60 * 1000);
  let demo;
  let tmp;
  let output = '';
  let browser;
  let exited;
  let page;
  screenshotOnFailure(() => page);

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-demo-test-'));
    const port = await freePort();
    // TMPDIR: everything the demo creates in the temp folder lands here, so we can check that it is gone afterwards.
    const env = { ...process.env, TMPDIR: tmp };
    delete env.BOLDDESK_DEMO_KEY;
    demo = spawn('npm', ['start', '--', '--port', String(port)], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    demo.stdout.on('data', (d) => { output += d; });
    demo.stderr.on('data', (d) => { output += d; });
    exited = new Promise((resolve) => demo.on('exit', (code, signal) => resolve({ code, signal })));
  });

  after(async () => {
    if (browser) await browser.close().catch(() => undefined);
    if (demo && demo.exitCode === null && demo.signalCode === null) {
      try { process.kill(-demo.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('prints a URL whose workbench lists tickets from the demo\'s fake BoldDesk', async () => {
    const ready = await until(async () => /Open:\s+http/.test(output) || demo.exitCode !== null, STARTUP_MS, 500);
    assert.ok(ready && demo.exitCode === null, `npm start did not print the URL:\n${output}`);
    const url = output.match(/Open:\s+(\S+)/)[1];
    const fakeUrl = output.match(/Fake BoldDesk:\s+(\S+)/)[1];
    const key = output.match(/API key:\s+(\S+)/)[1];
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\//);

    // What the fake holds, asked with the printed key: the rows must be these tickets.
    const labels = new Set();
    for (let page = 1; page <= 20; page++) {
      const res = await fetch(`${fakeUrl}/api/v1/tickets?Page=${page}&PerPage=100`, { headers: { 'x-api-key': key } });
      assert.strictEqual(res.status, 200, 'the printed key works against the printed fake');
      const { result } = await res.json();
      result.forEach((t) => labels.add(`#${t.ticketId} ${t.title}`));
      if (result.length < 100) break;
    }
    assert.ok(labels.size > 0, 'the demo fake has tickets');

    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.setDefaultTimeout(T.ui);
    page.setDefaultNavigationTimeout(T.startup);
    const wb = new Workbench(page, { fakeUrl });
    await wb.goto(url);
    await wb.tickets.open();
    // The demo sets bolddesk.agentEmail, so "My open tickets" comes first and opens by itself.
    const first = await wb.tickets.waitForRow('#', { level: 2 });
    const shown = (await wb.tickets.visibleRows()).filter((r) => r.label.startsWith('#')).map((r) => r.label);
    assert.ok(shown.length > 0, 'ticket rows are shown');
    for (const label of shown) assert.ok(labels.has(label), `"${label}" is a ticket of the demo's fake`);
    assert.ok(await first.isVisible());
  });

  it('stops on Ctrl+C and leaves no process and no temp folder behind', async () => {
    await browser.close(); browser = undefined; page = undefined;
    const tree = descendants(demo.pid);
    assert.ok(tree.length >= 2, `npm start runs child processes (found ${tree.length})`);
    process.kill(-demo.pid, 'SIGINT'); // what a terminal sends to the foreground process group on Ctrl+C
    const result = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 60000))]);
    assert.notStrictEqual(result, 'timeout', `npm start did not stop within 60 s of Ctrl+C:\n${output.slice(-2000)}`);
    assert.match(output, /\[demo\] stopping/);
    const left = await until(async () => tree.filter(isAlive).length === 0, 15000, 250);
    assert.ok(left, `processes left after Ctrl+C: ${tree.filter(isAlive).join(', ')}`);
    assert.deepStrictEqual(fs.readdirSync(tmp), [], 'the demo removed its temp folders');
  });
});
