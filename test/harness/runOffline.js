#!/usr/bin/env node
// Runs a mocha suite inside the REAL (Node) extension host of a throw-away code-server, driven by headless Chromium:
// the offline stand-in for a desktop VS Code. Resolves to the exit code (0 = run() resolved).
// As a CLI (used by vscode-offline-shim.js) it reads: EXT_DEV_PATH (':'-separated), EXT_TESTS_PATH, TEST_WORKSPACE,
// DISABLE_OTHER_EXTENSIONS, TEST_TIMEOUT_MS, VSCODE_TEST_USER_SETTINGS (JSON), VERBOSE, KEEP_TMP.
const path = require('path');
const util = require('util');
const { startCodeServer, launchBrowser, sleep } = require('./codeServer');

// Workbench start-up chatter that arrives on the same channel as the tests' output (shown with VERBOSE=1).
const WORKBENCH_NOISE = new RegExp([
  '^Ignoring fetching additional builtin extensions', '^Updating additional builtin extensions cache',
  '^Resolv(ing|ed) connection token', '^Creating a socket', '^\\[(reconnection-grace-time|Service Worker|AgentHost:remote|AccountPolicyGate)\\]',
  "^Timed out waiting for authentication provider 'github'",
].join('|'));

/**
 * @param {object} o
 * @param {string[]} o.extensionDevelopmentPaths
 * @param {string} o.extensionTestsPath   module exporting run(): Promise<void>
 * @param {string} [o.workspace]
 * @param {object} [o.userSettings]
 * @param {object} [o.env]                reaches process.env in the extension host
 * @param {boolean} [o.disableOtherExtensions]
 * @param {number} [o.timeoutMs]
 */
async function runExtensionTests(o) {
  const t0 = Date.now();
  const timeoutMs = o.timeoutMs || 10 * 60 * 1000;
  let server, browserHandle, exitCode = 1;
  try {
    server = await startCodeServer({ workspace: o.workspace, userSettings: o.userSettings, env: o.env, testDriver: true });
    browserHandle = await launchBrowser();
    const page = await browserHandle.context.newPage();
    let settle;
    const done = new Promise((resolve) => { settle = resolve; });
    // The workbench forwards the extension host's console (so mocha's reporter) here as format string + args.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (WORKBENCH_NOISE.test(line) && !process.env.VERBOSE) return;
      if (type === 'error') console.error(line);
      else if (type === 'info' || process.env.VERBOSE) console.log(line);
    });
    // Called when the extension host that ran the tests is done: 0 if run() resolved, non-zero if it rejected.
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
    page.on('pageerror', (e) => console.log('[browser:pageerror]', e.message));
    if (process.env.VERBOSE) page.on('console', (m) => console.log(`[browser:${m.type()}]`, m.text()));
    const toRemote = (p) => `vscode-remote://${server.host}${path.resolve(p).split(path.sep).join('/')}`;
    const payload = [
      ...o.extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', toRemote(p)]),
      ['extensionTestsPath', toRemote(o.extensionTestsPath)], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true'],
    ];
    if (o.disableOtherExtensions) payload.push(['disableExtensions', 'true']);
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const result = await Promise.race([
      done,
      server.exit.then((c) => `code-server exited (${c})`),
      sleep(timeoutMs).then(() => 'timeout'),
    ]);
    if (typeof result === 'number') exitCode = result;
    else {
      const shot = path.join(path.dirname(server.tmp), `bolddesk-test-failure-${Date.now()}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      console.error(`[runner] extension tests did not finish: ${result}; screenshot ${shot}; code-server log ${server.logFile} (KEEP_TMP=1 keeps it)`);
    }
    console.log(`[runner] extension tests finished with exit code ${exitCode} after ${Date.now() - t0} ms`);
  } catch (e) {
    console.error('[runner] error', e);
    exitCode = 1;
  } finally {
    if (browserHandle) await browserHandle.close().catch(() => undefined);
    if (server) await server.stop();
  }
  return exitCode;
}

/** CLI entry (also used by vscode-offline-shim.js): options from the environment, exits with the result. */
function main() {
  if (!process.env.EXT_TESTS_PATH || !process.env.EXT_DEV_PATH) {
    console.error('runOffline: set EXT_DEV_PATH and EXT_TESTS_PATH');
    process.exit(2);
  }
  runExtensionTests({
    extensionDevelopmentPaths: (process.env.EXT_DEV_PATH || '').split(path.delimiter).filter(Boolean),
    extensionTestsPath: process.env.EXT_TESTS_PATH,
    workspace: process.env.TEST_WORKSPACE,
    disableOtherExtensions: !!process.env.DISABLE_OTHER_EXTENSIONS,
    timeoutMs: Number(process.env.TEST_TIMEOUT_MS) || undefined,
    userSettings: process.env.VSCODE_TEST_USER_SETTINGS ? JSON.parse(process.env.VSCODE_TEST_USER_SETTINGS) : undefined,
  }).then((code) => process.exit(code));
}

module.exports = { runExtensionTests, main };

if (require.main === module) main();
