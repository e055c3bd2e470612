#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure. Mocha's "N passing"/"N failing" lines are summed
// over the stages and printed at the very end as one line "N passed, N failed" (CI reads it).
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ensureInstalled } = require('../test/harness/paths');

const ROOT = path.resolve(__dirname, '..');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

function hasFiles(dir, suffix) {
  if (!fs.existsSync(dir)) return false;
  return fs.readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith(suffix));
}

// Each stage: a command, or a reason to skip it (null = run).
const STAGES = [
  { name: 'Type check + compile tests (tsc -p .)', cmd: [bin('tsc'), '-p', '.'] },
  { name: 'Lint (eslint .)', cmd: [bin('eslint'), '.'] },
  { name: 'Build extension (node esbuild.js)', cmd: ['node', 'esbuild.js'] },
  {
    name: 'Unit tests (mocha, plain Node; includes the production bundle-size budget)', cmd: [bin('mocha'), '--config', '.mocharc.json'],
    skip: () => (hasFiles(path.join(ROOT, 'out/test/unit'), '.test.js') ? null : 'no out/test/unit/**/*.test.js yet'),
  },
  { name: 'Integration tests (real VS Code extension host via code-server)', cmd: ['node', 'test/harness/runIntegration.js'] },
  {
    name: 'End-to-end UI tests (code-server + Chromium)', cmd: ['node', 'test/e2e/run.js'],
  },
  {
    // Installs code-server afresh (a few minutes): CI runs it on every submission; by hand `npm run test:setup`.
    name: 'Setup regression (offline VS Code installed from inside npm into a fresh cache)', cmd: [bin('mocha'), '--no-config', '--timeout', '900000', 'test/setup'],
    skip: () => (process.env.CI ? null : 'slow; runs when CI is set (or: npm run test:setup)'),
  },
];

const totals = { passed: 0, failed: 0, pending: 0 };

// Runs a command, echoing its output live while keeping a copy to count mocha's results.
function runStage(cmd) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    child.on('error', (e) => { out += String(e); console.error(e); });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

function count(out) {
  const sum = (re) => [...out.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
  return { passed: sum(/^\s*(\d+) passing\b/gm), failed: sum(/^\s*(\d+) failing\b/gm), pending: sum(/^\s*(\d+) pending\b/gm) };
}

async function main() {
  const t0 = Date.now();
  let failedStage;
  if (!fs.existsSync(bin('tsc'))) {
    // `npm test` typed right after `git clone`: install the project's packages first, as `npm install` would.
    console.log('[test] node_modules is missing: running npm install');
    const r = require('child_process').spawnSync('npm', ['install'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm install failed: fix what it says (registry reachable? disk space?) and run npm test again');
  }
  ensureInstalled(); // the offline VS Code + Chromium (apt/npm, a few minutes the first time; instant afterwards)
  for (const [i, stage] of STAGES.entries()) {
    const header = `[${i + 1}/${STAGES.length}] ${stage.name}`;
    console.log(`\n${'='.repeat(header.length)}\n${header}\n${'='.repeat(header.length)}`);
    const reason = stage.skip && stage.skip();
    if (reason) { console.log(`SKIPPED: ${reason}`); continue; }
    const ts = Date.now();
    const { code, out } = await runStage(stage.cmd);
    const c = count(out);
    totals.passed += c.passed; totals.failed += c.failed; totals.pending += c.pending;
    const secs = ((Date.now() - ts) / 1000).toFixed(1);
    if (code !== 0) {
      console.log(`FAILED (exit code ${code}, ${secs} s): ${stage.name}`);
      if (c.failed === 0) totals.failed += 1; // a broken stage with no test counts (tsc, lint, crash) is still a failure
      failedStage = stage.name;
      break;
    }
    console.log(`OK (${secs} s)`);
  }
  console.log(`\n${failedStage ? `npm test FAILED at: ${failedStage}` : 'npm test: all stages passed'} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.pending ? `, ${totals.pending} skipped` : ''}`);
  return failedStage ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => { console.error(e); console.log(`${totals.passed} passed, ${totals.failed + 1} failed`); process.exit(1); });
