#!/usr/bin/env node
// `npm run package`: production build, then bolddesk-vscode.vsix in the repository folder (staged in a temp folder,
// so vsce does not walk .cache/ and node_modules/).
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { REPO_DIR } = require('../test/harness/paths');
const { packageVsix } = require('../test/harness/packageVsix');

const build = spawnSync('node', ['esbuild.js', '--production'], { cwd: REPO_DIR, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status || 1);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bolddesk-package-'));
try {
  const { vsix, output } = packageVsix(tmp, path.join(REPO_DIR, 'bolddesk-vscode.vsix'));
  console.log(output.trim());
  console.log(`→ ${path.relative(process.cwd(), vsix) || vsix}`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
