#!/usr/bin/env node
// `npm run test:e2e`: UI tests that drive the real VS Code workbench (code-server) in headless Chromium, against the
// fake BoldDesk started here in-process. Builds nothing: run `npx tsc -p . && node esbuild.js` first (npm test does).
// The extension is packaged into a temporary VSIX from dist/ and installed the way a user would
// (E2E_EXTENSION=dev loads the repo as extensionDevelopmentPath instead). Scenarios: test/e2e/scenarios/*.test.js,
// run by mocha (bdd, spec reporter). Options: --grep <text> (or E2E_GREP), VERBOSE=1, KEEP_TMP=1.
// Screenshots land in docs/screenshots/; failure screenshots in test-results/e2e/.
const fs = require('fs');
const os = require('os');
const path = require('path');
const Mocha = require('mocha');
const { REPO_DIR, ensureInstalled } = require('../harness/paths');
const context = require('./support/context');
const { packageVsix } = require('../harness/packageVsix');

const FAKE_MODULE = path.join(REPO_DIR, 'out', 'test', 'fake-bolddesk', 'index.js');
const EXTENSION_MAIN = path.join(REPO_DIR, 'dist', 'extension.js');
const SCENARIOS = path.join(__dirname, 'scenarios');
const WATCHDOG_MS = 25 * 60 * 1000; // a hung browser must not hang CI forever

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const t0 = Date.now();
  for (const [file, how] of [[FAKE_MODULE, 'npx tsc -p .'], [EXTENSION_MAIN, 'node esbuild.js']]) {
    if (!fs.existsSync(file)) {
      console.error(`[e2e] missing ${path.relative(REPO_DIR, file)}: run \`${how}\` first`);
      return 2;
    }
  }
  ensureInstalled();
  // First-run scenarios must start without a stored key: never let a demo key from the caller's shell through.
  delete process.env.BOLDDESK_DEMO_KEY;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-e2e-'));
  const watchdog = setTimeout(() => {
    console.error(`[e2e] still running after ${WATCHDOG_MS / 60000} min: giving up`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  let failures = 1;
  try {
    if (process.env.E2E_EXTENSION === 'dev') {
      context.state.extension = { devPath: REPO_DIR };
      console.log('[e2e] loading the extension from the repo (extensionDevelopmentPath)');
    } else {
      const ts = Date.now();
      context.state.extension = { vsix: packageVsix(tmp).vsix };
      console.log(`[e2e] packaged the VSIX in ${((Date.now() - ts) / 1000).toFixed(1)} s; each workbench installs it`);
    }
    const { startFakeBoldDesk } = require(FAKE_MODULE);
    context.state.fake = await startFakeBoldDesk({ tickets: 60, quiet: true });
    console.log(`[e2e] fake BoldDesk at ${context.state.fake.url}`);

    const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 5 * 60 * 1000, slow: 30000 });
    const grep = argValue('--grep') || process.env.E2E_GREP;
    if (grep) mocha.grep(grep);
    for (const f of fs.readdirSync(SCENARIOS).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(SCENARIOS, f));
    failures = await new Promise((resolve) => mocha.run(resolve));
  } catch (e) {
    console.error('[e2e] error', e);
    failures = Math.max(failures, 1);
  } finally {
    await context.closeAll().catch((e) => console.error('[e2e] cleanup', e));
    if (context.state.fake) await context.state.fake.close().catch(() => undefined);
    if (!process.env.KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
  console.log(`[e2e] finished in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return failures ? 1 : 0;
}

main().then((code) => process.exit(code));
