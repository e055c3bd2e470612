// A cheap regression guard for localization (docs/L10N.md): in files that import vscode, a notification must not be
// given a raw string literal (window.show*Message or deps.prompts.info/warning/error) — its text goes through
// vscode.l10n.t(...) first.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const RAW_NOTIFICATION = /(show(Information|Warning|Error)Message|prompts\.(info|warning|error))\(\s*['`"]/g;
const IMPORTS_VSCODE = /^import\s[^;]*\sfrom\s+'vscode';/m;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** `file:line: text` for each raw literal passed straight to a notification. */
export function rawNotifications(file: string, source: string): string[] {
  if (!IMPORTS_VSCODE.test(source)) return [];
  // On the whole text: the literal may be on the line after the call.
  return [...source.matchAll(RAW_NOTIFICATION)].map((m) => {
    const line = source.slice(0, m.index).split('\n').length;
    return `${file}:${line}: ${source.split('\n')[line - 1].trim()}`;
  });
}

describe('localization guard', () => {
  it('finds a raw literal and ignores vscode.l10n.t(...) and vscode-free files', () => {
    const withVscode = "import * as vscode from 'vscode';\n";
    assert.equal(rawNotifications('a.ts', `${withVscode}void vscode.window.showErrorMessage('Boom');`).length, 1);
    assert.deepEqual(rawNotifications('a.ts', `${withVscode}vscode.window.showWarningMessage(\n  \`x\`);`), [
      'a.ts:2: vscode.window.showWarningMessage(',
    ]);
    assert.equal(rawNotifications('a.ts', `${withVscode}vscode.window.showInformationMessage(vscode.l10n.t('Hi'));`).length, 0);
    assert.equal(rawNotifications('a.ts', `${withVscode}void deps.prompts.info("Done");`).length, 1);
    assert.equal(rawNotifications('a.ts', "void showErrorMessage('Boom');").length, 0);
  });

  it('no file under src/ that imports vscode passes a raw string literal to a notification', () => {
    const files = tsFiles(path.join(repoRoot, 'src'));
    assert.ok(files.length > 20, `expected many source files, found ${files.length}`);
    const found = files.flatMap((f) => rawNotifications(path.relative(repoRoot, f), fs.readFileSync(f, 'utf8')));
    assert.deepEqual(found, [], 'wrap these in vscode.l10n.t(...)');
  });
});
