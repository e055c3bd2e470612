#!/usr/bin/env node
// Stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }): test-electron spawns
// it with desktop-style CLI args; we translate them and run the suite in code-server via runOffline.js.
// Its environment (incl. runTests' extensionTestsEnv) reaches the extension host. The exit code is propagated.
const path = require('path');

const devPaths = [];
let testsPath, folder, disableExtensions = false;
for (const a of process.argv.slice(2)) {
  if (a.startsWith('--extensionDevelopmentPath=')) devPaths.push(a.slice(a.indexOf('=') + 1));
  else if (a.startsWith('--extensionTestsPath=')) testsPath = a.slice(a.indexOf('=') + 1);
  else if (a === '--disable-extensions') disableExtensions = true;
  else if (!a.startsWith('-')) folder = a; // workspace folder given in launchArgs
  // the rest (--no-sandbox, --user-data-dir=…, --extensions-dir=…) is desktop-only: code-server gets temp dirs
}
if (!testsPath || !devPaths.length) {
  console.error('vscode-offline-shim: missing --extensionTestsPath / --extensionDevelopmentPath');
  process.exit(2);
}
process.env.EXT_DEV_PATH = devPaths.join(path.delimiter);
process.env.EXT_TESTS_PATH = testsPath;
if (folder) process.env.TEST_WORKSPACE = folder;
if (disableExtensions) process.env.DISABLE_OTHER_EXTENSIONS = '1';
require('./runOffline.js').main();
