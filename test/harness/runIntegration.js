#!/usr/bin/env node
// `npm run test:integration`: runs out/test/integration/index.js (mocha, bdd, spec reporter) inside the real VS Code
// extension host, with this repo as the extension under development (main = dist/extension.js from `node esbuild.js`).
//
// Entry point: @vscode/test-electron's runTests(), as for a desktop VS Code, but with vscodeExecutablePath = our shim
// (vscode-offline-shim.js), which runs the suite in code-server. Given an executable path, runTests downloads nothing.
// The fake BoldDesk is NOT started here: the suite starts it in-process in the extension host
// (test/integration/fixture.ts), so tests can use its full API (faults, db, recorded requests) directly.
// Exit code: 0 when every test passed; non-zero otherwise.
const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { REPO_DIR, ensureInstalled } = require('./paths');

async function main() {
  const testsPath = path.join(REPO_DIR, 'out', 'test', 'integration', 'index.js');
  for (const [file, how] of [[testsPath, 'npx tsc -p .'], [path.join(REPO_DIR, 'dist', 'extension.js'), 'node esbuild.js']]) {
    if (!fs.existsSync(file)) { console.error(`[integration] missing ${path.relative(REPO_DIR, file)}: run \`${how}\` first`); return 2; }
  }
  ensureInstalled();
  const shim = path.join(__dirname, 'vscode-offline-shim.js');
  fs.chmodSync(shim, 0o755); // test-electron spawns it as an executable; a checkout may have lost the x bit
  try {
    return await runTests({
      vscodeExecutablePath: shim,
      extensionDevelopmentPath: REPO_DIR,
      extensionTestsPath: testsPath,
      launchArgs: ['--disable-extensions'],
    });
  } catch (e) {
    // runTests rejects with TestRunFailedError when the suite failed; its mocha output is already printed.
    console.error(`[integration] ${e instanceof Error ? e.message : e}`);
    return typeof e.code === 'number' && e.code !== 0 ? e.code : 1;
  }
}

main().then((code) => process.exit(code));
