// Cheap regression guards for localization (docs/L10N.md): in files that import vscode, a notification must not be
// given a raw string literal (window.show*Message or deps.prompts.info/warning/error) — its text goes through
// vscode.l10n.t(...) first; and nowhere under src/ may a UI property (label, placeholder, prompt, title, tooltip,
// description, detail) or an Error be given a literal sentence. The pseudo-locale tests (l10nPseudo, the panel's)
// check what the vscode-free layers and the webview actually show.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tsFiles } from '../support/sourceFiles';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const RAW_NOTIFICATION = /(show(Information|Warning|Error)Message|prompts\.(info|warning|error))\(\s*['`"]/g;
const IMPORTS_VSCODE = /^import\s[^;]*\sfrom\s+'vscode';/m;

/** `file:line: text` for each raw literal passed straight to a notification. */
export function rawNotifications(file: string, source: string): string[] {
  if (!IMPORTS_VSCODE.test(source)) return [];
  // On the whole text: the literal may be on the line after the call.
  return [...source.matchAll(RAW_NOTIFICATION)].map((m) => {
    const line = source.slice(0, m.index).split('\n').length;
    return `${file}:${line}: ${source.split('\n')[line - 1].trim()}`;
  });
}

const UI_SINK = /(?<![-\w])(label|placeholder|prompt|title|tooltip|description|detail)\s*[:=]\s*(['"`])|new \w*Error\(\s*(['"`])/g;

/** The literal starting at `from` (just after its opening quote), without `${…}` parts for a template. */
function literalAt(source: string, from: number, quote: string): string {
  let i = from;
  let text = '';
  let depth = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (quote === '`' && c === '$' && source[i + 1] === '{') depth++;
    else if (depth > 0 && c === '}') depth--;
    else if (depth === 0 && c === quote) break;
    else if (depth === 0) text += c;
    i++;
  }
  return text;
}

/** `file:line: literal` for each sentence (two or more words) written straight into a UI property or an Error. */
export function rawUiSentences(file: string, source: string): string[] {
  return [...source.matchAll(UI_SINK)].flatMap((m) => {
    const quote = m[2] ?? m[3];
    const text = literalAt(source, (m.index ?? 0) + m[0].length, quote);
    if (!/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(text)) return [];
    const line = source.slice(0, m.index).split('\n').length;
    const lines = source.split('\n');
    // An invariant that only a bug can break is not shown to users as such: marked, it stays English.
    if (/l10n-ignore:/.test(`${lines[line - 2] ?? ''}${lines[line - 1]}`)) return [];
    return [`${file}:${line}: ${text}`];
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

  it('finds a literal sentence in a UI property or an Error, and ignores data and translated text', () => {
    assert.deepEqual(rawUiSentences('a.ts', "const x = { label: 'Create ticket' };"), ['a.ts:1: Create ticket']);
    assert.equal(rawUiSentences('a.ts', "item.tooltip = `Open ${name} now`;").length, 1);
    assert.equal(rawUiSentences('a.ts', "throw new Error('That identity no longer exists.');").length, 1);
    assert.equal(rawUiSentences('a.ts', "{ placeholder: 'bot@example.com', label: `#${t.id} ${t.subject}` }").length, 0);
    assert.equal(rawUiSentences('a.ts', "{ label: `$(add) ${l10n.t('New requester…')}` }").length, 0);
    assert.equal(rawUiSentences('a.ts', "throw new RangeError(l10n.t('Not a ticket number: {0}', n));").length, 0);
    assert.equal(rawUiSentences('a.ts', "// l10n-ignore: a bug\nthrow new Error('the default pattern is invalid');").length, 0);
    assert.equal(rawUiSentences('a.ts', '`<header aria-label="${attr(l10n.t(\'Ticket details\'))}">`').length, 0);
  });

  it('no file under src/ writes a literal sentence into a UI property or an Error', () => {
    const files = tsFiles(path.join(repoRoot, 'src'));
    const found = files.flatMap((f) => rawUiSentences(path.relative(repoRoot, f), fs.readFileSync(f, 'utf8')));
    assert.deepEqual(found, [], 'wrap these in l10n.t(...) (vscode.l10n.t in files that import vscode)');
  });
});
