// Configures @vscode/l10n with the translations the extension embedded in the shell (html.ts: a JSON
// <script id="l10n-bundle">, VS Code's `vscode.l10n.bundle`). main.ts imports this module FIRST, so it runs before any
// other module's body; still, no module keeps a translated string in a constant: every l10n.t call happens at use.
// No bundle, or a malformed one: the strings stay English.
import * as l10n from '@vscode/l10n';

function readBundle(): Record<string, string> | undefined {
  const text = document.getElementById('l10n-bundle')?.textContent;
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

const contents = readBundle();
if (contents) l10n.config({ contents });
