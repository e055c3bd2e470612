// The extension loads in a real VS Code extension host, activates, and registers every command it contributes.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';

interface ContributedCommand { command: string }

function getExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

describe('Extension activation (real extension host)', () => {
  it('loads this repository as the extension under development', () => {
    const repoRoot = path.resolve(__dirname, '..', '..', '..');
    assert.strictEqual(path.resolve(getExtension().extensionPath), repoRoot);
  });

  it('activates without throwing', async () => {
    const ext = getExtension();
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  it('registers every command listed in package.json contributes.commands', async () => {
    const ext = getExtension();
    await ext.activate();
    const contributed = (ext.packageJSON.contributes.commands as ContributedCommand[]).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});
