// Stages "activation" and "bigList": the bench suites (out/bench/extensionHost/suite.js) run inside the REAL
// extension host of a fresh code-server each time (test/harness/runOffline.js), with the production build staged
// by bench/size.js as the extension under development. The fake BoldDesk runs here, outside the host's heap.
const fs = require('fs');
const path = require('path');
const { runExtensionTests } = require('../test/harness/runOffline');
const { ensureInstalled, REPO_DIR } = require('../test/harness/paths');

const SUITE = path.join(REPO_DIR, 'out', 'bench', 'extensionHost', 'suite.js');
const { startFakeBoldDesk } = require(path.join(REPO_DIR, 'out', 'test', 'fake-bolddesk'));

/** One fresh code-server + extension host running the suite in `mode`; resolves to its JSON result. */
async function inFreshHost(work, mode, fake, extraEnv = {}, extensionPath = path.join(work, 'stage')) {
  const out = path.join(work, `host-${mode}-${Date.now()}.json`);
  const agent = fake.keys[0].agent;
  const code = await runExtensionTests({
    extensionDevelopmentPaths: [extensionPath],
    extensionTestsPath: SUITE,
    disableOtherExtensions: true,
    timeoutMs: 5 * 60 * 1000,
    userSettings: { 'bolddesk.domain': fake.url, 'bolddesk.agentEmail': agent.email },
    env: { BENCH_HOST_MODE: mode, BENCH_HOST_OUT: out, BENCH_FAKE_URL: fake.url, BOLDDESK_DEMO_KEY: fake.keys[0].key, ...extraEnv },
  });
  const result = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : { error: `no result (exit ${code})` };
  if (code !== 0 || result.error) throw new Error(`extension host run "${mode}" failed: ${result.error || `exit ${code}`}`);
  return result;
}

/**
 * The staged extension with `onStartupFinished` taken out of its activation events: otherwise VS Code activates it
 * while the bench suite is still loading, too early to time. activate() does the same work either way.
 */
function stageForActivation(work) {
  const dir = path.join(work, 'stage-activation');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(work, 'stage'), dir, { recursive: true });
  const pkgFile = path.join(dir, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  pkg.activationEvents = (pkg.activationEvents || []).filter((e) => e !== 'onStartupFinished');
  fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));
  return dir;
}

async function activation(work, runs) {
  const extensionPath = stageForActivation(work);
  const fake = await startFakeBoldDesk({ tickets: 60, quiet: true });
  try {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await inFreshHost(work, 'activation', fake, {}, extensionPath));
    return results;
  } finally {
    await fake.close();
  }
}

async function bigList(work) {
  const t = Date.now();
  const fake = await startFakeBoldDesk({ tickets: 100_000, quiet: true, rateLimitPerMinute: 1e9, listRateLimitPerMinute: 1e9 });
  const fakeStartMs = Date.now() - t;
  try {
    return { fakeStartMs, ...(await inFreshHost(work, 'bigList', fake)) };
  } finally {
    await fake.close();
  }
}

async function main() {
  const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const work = arg('--work');
  const mode = arg('--mode');
  if (!work || !fs.existsSync(path.join(work, 'stage', 'dist', 'extension.js'))) throw new Error('--work DIR with a staged extension (bench/size.js --work DIR) is required');
  ensureInstalled();
  const result = mode === 'bigList' ? await bigList(work) : await activation(work, Number(arg('--runs')) || 5);
  const out = arg('--out');
  if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2));
  else console.log(JSON.stringify(result, null, 2));
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
