// The URL policy on its own: links in customer HTML never become command:, vscode: or file: links, and mailto: keeps
// only address, subject, body and cc — in the webview (resolveLinkUrl) and again on the host (isOpenableUrl).
import * as assert from 'node:assert/strict';
import { isOpenableUrl } from '../../../src/views/ticketPanel/protocol';
import { resolveLinkUrl } from '../../../src/webview/ticketPanel/urlPolicy';

const ORIGIN = 'https://acme.bolddesk.com';

describe('URL policy: editor schemes and mailto parameters', () => {
  const editorLinks = [
    'command:bolddesk.setDomain?%22evil.example%22',
    'COMMAND:workbench.action.terminal.new',
    ' command:x',
    'vscode:extension/evil.pub',
    'vscode://vscode.git/clone?url=https://evil.example/x',
    'vscode-insiders://x',
    'file:///etc/passwd',
    'file://server/share/x',
    'vscode-webview://x/index.html',
  ];

  it('the webview drops command:, vscode: and file: links', () => {
    for (const bad of editorLinks) assert.equal(resolveLinkUrl(bad, ORIGIN), undefined, bad);
  });

  it('the host refuses to open them even if a webview sent one', () => {
    for (const bad of editorLinks) assert.equal(isOpenableUrl(bad.trim()), false, bad);
  });

  it('mailto: keeps address, subject, body and cc only', () => {
    const out = resolveLinkUrl('mailto:help@acme.example?subject=Hi&body=Line%201&cc=b@x.example&attach=/etc/passwd&bcc=spy@evil.example&from=x', ORIGIN);
    assert.ok(out);
    const u = new URL(out);
    assert.equal(u.pathname, 'help@acme.example');
    assert.deepEqual([...u.searchParams.keys()].sort(), ['body', 'cc', 'subject']);
    assert.equal(u.searchParams.get('body'), 'Line 1');
    assert.equal(resolveLinkUrl('mailto:a@b.example?ATTACH=C:%5Csecret', ORIGIN), 'mailto:a@b.example');
    assert.equal(isOpenableUrl('mailto:a@b.example?attach=/etc/passwd'), false);
    assert.equal(isOpenableUrl(out), true);
  });
});
