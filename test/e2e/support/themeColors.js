// The --vscode-* colours a theme gives the ticket webview, as VS Code sets them on the webview's <html>. The unit
// suite (test/unit/webview/ticketPanelWebviewAxe.test.ts) checks the panel's contrast in Chromium with these values, so they
// are captured from the real workbench (scenario 11 compares them, CAPTURE_THEMES=1 rewrites the file).
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CSS = path.join(ROOT, 'media', 'ticketPanel', 'ticketPanel.css');
const FIXTURE = path.join(ROOT, 'test', 'unit', 'fixtures', 'vscodeThemeColors.json');

/** The themes a user picks under "Preferences: Color Theme", with the classes VS Code gives the workbench and webview. */
const THEMES = [
  { key: 'light', label: 'Light Modern', workbenchClass: 'vs', bodyClass: 'vscode-light' },
  { key: 'dark', label: 'Dark Modern', workbenchClass: 'vs-dark', bodyClass: 'vscode-dark' },
  { key: 'highContrast', label: 'Dark High Contrast', workbenchClass: 'hc-black', bodyClass: 'vscode-high-contrast' },
];

/** Every --vscode-* variable the panel's CSS reads, except font families (they follow the OS, not the theme). */
function variablesUsed() {
  const css = fs.readFileSync(CSS, 'utf8');
  const names = new Set([...css.matchAll(/var\((--vscode-[\w-]+)/g)].map((m) => m[1]));
  return [...names].filter((n) => !/font-family$/.test(n)).sort();
}

function readFixture() {
  return fs.existsSync(FIXTURE) ? JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) : {};
}

function writeFixture(data) {
  fs.mkdirSync(path.dirname(FIXTURE), { recursive: true });
  fs.writeFileSync(FIXTURE, `${JSON.stringify(data, null, 2)}\n`);
}

module.exports = { THEMES, variablesUsed, readFixture, writeFixture, FIXTURE };
