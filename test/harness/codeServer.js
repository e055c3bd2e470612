// Start/stop a throw-away code-server (the real VS Code server + web workbench) on 127.0.0.1, fully offline,
// and launch Debian's Chromium with a guard that lets only loopback requests through.
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { CODE_SERVER_NODE, CODE_SERVER_ENTRY, CHROMIUM_PATH } = require('./paths');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

// Settings that keep the workbench from reaching the internet or starting extra processes.
const OFFLINE_SETTINGS = {
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'chat.disableAIFeatures': true,
  'npm.fetchOnlinePackageInfo': false, 'git.autofetch': false, 'security.workspace.trust.enabled': false,
};

/**
 * @param {object} o
 * @param {string} [o.workspace]     folder to open (default: an empty temp folder)
 * @param {string[]} [o.vsix]         .vsix files installed before start
 * @param {object} [o.userSettings]   merged over OFFLINE_SETTINGS into User/settings.json
 * @param {object} [o.env]            extra environment; it reaches process.env of the extension host
 * @param {number} [o.port]           default: a free port
 * @param {boolean} [o.testDriver]    --enable-smoke-test-driver (needed for extensionTestsPath payloads)
 */
async function startCodeServer(o = {}) {
  const verbose = !!process.env.VERBOSE;
  const t0 = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-vscode-'));
  const userDataDir = path.join(tmp, 'user'), extensionsDir = path.join(tmp, 'ext'), home = path.join(tmp, 'home');
  for (const d of [path.join(userDataDir, 'User'), extensionsDir, home, path.join(tmp, 't')]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...OFFLINE_SETTINGS, ...o.userSettings }, null, 2));
  fs.writeFileSync(path.join(tmp, 'config.yaml'), 'cert: false\n'); // --config keeps code-server out of ~/.config
  let workspace = o.workspace;
  if (!workspace) { workspace = path.join(tmp, 'workspace'); fs.mkdirSync(workspace); }
  // code-server, its extension host and Chromium write into HOME/XDG/TMPDIR: keep all of it in the temp folder.
  const env = {
    ...process.env, ...o.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'), XDG_CACHE_HOME: path.join(home, '.cache'), TMPDIR: path.join(tmp, 't'),
    EXTENSIONS_GALLERY: '{}', // no extension gallery => no startup calls to the internet
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  const common = ['--config', path.join(tmp, 'config.yaml'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  for (const v of o.vsix || []) {
    execFileSync(CODE_SERVER_NODE, [CODE_SERVER_ENTRY, ...common, '--install-extension', path.resolve(v)], { env, stdio: verbose ? 'inherit' : 'pipe' });
  }
  const port = o.port || Number(process.env.CODE_SERVER_PORT) || await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const args = [CODE_SERVER_ENTRY, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened'];
  // A built web workbench ignores the extensionDevelopmentPath/extensionTestsPath payload without the smoke-test driver.
  if (o.testDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(workspace);
  // Own process group, so stop() also ends the extension host and the other helpers code-server starts.
  const proc = spawn(CODE_SERVER_NODE, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const logFile = path.join(tmp, 'code-server.log');
  const log = fs.createWriteStream(logFile);
  proc.stdout.pipe(log); proc.stderr.pipe(log);
  if (verbose) { proc.stdout.pipe(process.stderr); proc.stderr.pipe(process.stderr); }
  let exited = false;
  const exit = new Promise((resolve) => proc.on('exit', (code, signal) => { exited = true; resolve(code ?? signal); }));
  const killGroup = (sig) => { try { process.kill(-proc.pid, sig); } catch { /* already gone */ } };
  const onExit = () => killGroup('SIGKILL'); // last resort if our process dies without stop()
  process.on('exit', onExit);
  let stopped = false;
  const stop = async () => {
    if (stopped) return; stopped = true;
    killGroup('SIGTERM');
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    killGroup('SIGKILL');
    process.removeListener('exit', onExit);
    if (process.env.KEEP_TMP) console.log('[code-server] kept', tmp);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    if (exited) throw new Error(`code-server exited during startup:\n${fs.readFileSync(logFile, 'utf8')}`);
    try { const r = await fetch(origin + '/healthz'); if (r.ok) break; } catch { /* not listening yet */ }
    if (i > 1200) { await stop(); throw new Error('code-server did not answer /healthz within 2 minutes'); }
    await sleep(100);
  }
  if (verbose) console.log(`[code-server] ${origin} ready after ${Date.now() - t0} ms (pid ${proc.pid})`);
  return { origin, port, host: `127.0.0.1:${port}`, workspace, tmp, userDataDir, extensionsDir, logFile, exit, stop };
}

/** Headless Debian Chromium via playwright-core; any request that is not to loopback is aborted. */
async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = require('playwright-core');
  const bhome = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-browser-home-')); // crashpad/dconf stay out of $HOME
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH, headless: true,
    env: { ...process.env, HOME: bhome, XDG_CONFIG_HOME: path.join(bhome, '.config'), XDG_CACHE_HOME: path.join(bhome, '.cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      // no DNS at all: every host name resolves to NOTFOUND except loopback
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
  });
  const context = await browser.newContext({ viewport });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.hostname === 'localhost') return route.continue();
    console.log('[browser] blocked non-loopback request', u.origin + u.pathname);
    return route.abort();
  });
  const close = async () => { try { await browser.close(); } finally { fs.rmSync(bhome, { recursive: true, force: true }); } };
  return { browser, context, close };
}

module.exports = { startCodeServer, launchBrowser, freePort, sleep, OFFLINE_SETTINGS };
