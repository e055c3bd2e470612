// Suite entry for the real extension host: VS Code loads this file and awaits run() (the @vscode/test-electron
// contract). It starts the fake BoldDesk in this process, then runs every out/test/integration/**/*.test.js
// with mocha (bdd, spec reporter: the output reaches the terminal through the test runner).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { startFixture, stopFixture } from './fixture';

function findTestFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return findTestFiles(full);
    return e.name.endsWith('.test.js') ? [full] : [];
  });
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30000 });
  const files = findTestFiles(__dirname).sort();
  if (files.length === 0) throw new Error(`no *.test.js files under ${__dirname}`);
  files.forEach((f) => mocha.addFile(f));
  // INTEGRATION_GREP=<text> runs only the matching tests (the runner's environment reaches the extension host).
  if (process.env.INTEGRATION_GREP) mocha.grep(process.env.INTEGRATION_GREP);
  try {
    await startFixture();
  } catch (e) {
    console.error('[integration] could not start the fake BoldDesk:', e);
    throw e;
  }
  try {
    const failures = await new Promise<number>((resolve) => mocha.run(resolve));
    if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
  } finally {
    await stopFixture();
  }
}
