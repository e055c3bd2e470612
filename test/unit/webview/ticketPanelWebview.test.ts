// The ticket webview itself (shell + bundled script + CSS under the real CSP) in Debian's Chromium, with a stub
// acquireVsCodeApi that records what the page posts. Messages from "the extension" are posted into the page.
// Skipped when Chromium is not installed. The pseudo-locale suite is in ticketPanelWebviewL10n.test.ts.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { renderShell } from '../../../src/views/ticketPanel/html';
import type { ExtensionMessage, WebviewRequest } from '../../../src/views/ticketPanel/protocol';
import { XSS_CORPUS, XSS_TITLE } from '../../support/xssCorpus';
import {
  BOLDDESK, SHELL, WEBVIEW, bundle, launchChromium, loaded, msg, openWebviewPage, postedBy, sendTo, skipWithoutChromium, waitPostedBy,
} from '../support/webviewPage';

describe('ticket webview in Chromium (shell, CSP, script)', function () {
  this.timeout(60000);
  let browser: Browser | undefined;
  let page: Page;
  let script: string;
  const pageErrors: string[] = [];
  const outside: string[] = [];

  before(async function () {
    skipWithoutChromium(this);
    script = bundle();
    browser = await launchChromium();
    await openPage(browser);
  });
  after(async () => browser?.close());

  // One page for the suite (a new page costs seconds); each test reloads it, which resets the stub's records.
  async function openPage(b: Browser): Promise<void> {
    const html = renderShell(SHELL);
    page = await openWebviewPage(b, { html: () => html, script: () => script, pageErrors, outside });
  }

  beforeEach(async () => {
    await page.goto(`${WEBVIEW}/index.html`);
    await waitPosted((m) => m.type === 'ready');
  });
  afterEach(() => {
    assert.deepEqual(pageErrors.splice(0), [], 'the webview threw');
  });

  const posted = () => postedBy(page);
  const send = (m: ExtensionMessage) => sendTo(page, m);
  const waitPosted = (pred: (m: WebviewRequest) => boolean) => waitPostedBy(page, pred);

  it('shows the header as text and marks private notes', async () => {
    await send(loaded([msg(1), msg(2, { kind: 'note', author: 'Ana Agent' })], '<img src=x onerror=window.__xss=1> Subject'));
    await page.waitForSelector('.message-note');
    assert.equal(await page.textContent('.ticket-subject'), '<img src=x onerror=window.__xss=1> Subject');
    assert.match((await page.textContent('.message-note .badge-note')) ?? '', /Private note/);
    assert.equal(await page.locator('.message-reply').count(), 1);
    assert.equal(await page.textContent('#attribution'), 'BoldDesk will show this as "Ana Agent".');
  });

  it('renders long threads a page at a time ("Show earlier messages")', async () => {
    await send(loaded(Array.from({ length: 230 }, (_, i) => msg(i))));
    await page.waitForSelector('.message');
    assert.equal(await page.locator('.message').count(), 50);
    assert.match((await page.textContent('.show-earlier')) ?? '', /180 more/);
    await page.click('.show-earlier');
    assert.equal(await page.locator('.message').count(), 100);
    assert.match((await page.textContent('.messages > li:first-child')) ?? '', /message 130/);
  });

  it('sends a link click to the extension instead of navigating', async () => {
    await send(loaded([msg(1, { html: '<p><a href="https://example.com/kb">kb</a> <a href="javascript:window.__xss=1">bad</a></p>' })]));
    // Stands in for VS Code's own window-level link handler, which must not see the click (it would open it again).
    await page.evaluate(() => window.addEventListener('click', () => ((window as unknown as { reached?: boolean }).reached = true)));
    await page.click('a[href="https://example.com/kb"]');
    const req = await waitPosted((m) => m.type === 'openLink');
    assert.equal(await page.evaluate(() => (window as unknown as { reached?: boolean }).reached), undefined);
    assert.deepEqual({ ...req, id: 0 }, { id: 0, type: 'openLink', url: 'https://example.com/kb' });
    assert.equal(page.url(), `${WEBVIEW}/index.html`);
    await page.click('text=bad');
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  });

  it('Ctrl+Enter sends once, keeps the text on failure, clears it only when confirmed', async () => {
    await send(loaded([msg(1)]));
    await page.fill('#composer-text', 'Hello there');
    await page.press('#composer-text', 'Control+Enter');
    const first = await waitPosted((m) => m.type === 'send');
    assert.ok(first.type === 'send' && first.text === 'Hello there' && first.kind === 'reply');
    assert.equal(await page.isDisabled('#send'), true, 'the button is disabled while the send is out');
    await page.press('#composer-text', 'Control+Enter');
    assert.equal((await posted()).filter((m) => m.type === 'send').length, 1, 'no second send while in flight');
    const saved = await page.evaluate(() => (window as unknown as { saved: unknown }).saved);
    assert.deepEqual(saved, { ticketId: 42, draft: { kind: 'reply', text: 'Hello there' } });

    await send({ type: 'reply', id: first.id, ok: false, error: { message: 'No answer from BoldDesk, so the reply may have been sent.', outcomeUnknown: true } });
    await page.waitForSelector('#send:not([disabled])');
    assert.equal(await page.inputValue('#composer-text'), 'Hello there');
    assert.match((await page.textContent('#composer-status')) ?? '', /may have been sent/);

    await page.click('#send');
    const second = await waitPosted((m) => m.type === 'send' && m.id !== first.id);
    await send({ type: 'reply', id: second.id, ok: true, result: { messageId: 9 } });
    await page.waitForFunction(() => (document.getElementById('composer-text') as HTMLTextAreaElement).value === '');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { saved: unknown }).saved), { ticketId: 42, draft: undefined });
  });

  it('Send waits until the ticket has loaded; typing before that is kept (issue 18)', async () => {
    await page.fill('#composer-text', 'typed early');
    assert.equal(await page.isDisabled('#send'), true, 'Send is disabled while the ticket loads');
    await page.press('#composer-text', 'Control+Enter');
    await send(loaded([msg(1)]));
    await page.waitForSelector('#send:not([disabled])');
    assert.equal(await page.inputValue('#composer-text'), 'typed early');
    assert.deepEqual((await posted()).filter((m) => m.type === 'send'), [], 'Ctrl+Enter before the load sent nothing');
  });

  it('"Reply sent." goes when the user switches to Private note; an error stays (issue 18)', async () => {
    await send(loaded([msg(1)]));
    await page.fill('#composer-text', 'Thanks!');
    await page.click('#send');
    const sent = await waitPosted((m) => m.type === 'send');
    await send({ type: 'reply', id: sent.id, ok: true, result: { messageId: 9 } });
    await page.locator('#composer-status', { hasText: 'Reply sent.' }).waitFor();
    await page.check('input[name="kind"][value="note"]');
    assert.equal(await page.textContent('#composer-status'), '', 'no "Reply sent." beside a private note');
    await page.fill('#composer-text', 'Internal');
    await page.click('#send');
    const failed = await waitPosted((m) => m.type === 'send' && m.id !== sent.id);
    await send({ type: 'reply', id: failed.id, ok: false, error: { message: 'BoldDesk refused it.' } });
    await page.locator('#composer-status', { hasText: 'BoldDesk refused it.' }).waitFor();
    await page.check('input[name="kind"][value="reply"]');
    assert.equal(await page.textContent('#composer-status'), 'BoldDesk refused it.', 'an error is not wiped by a switch');
  });

  it('restores the draft the extension kept (after the panel was closed), but never over typed text', async () => {
    await send({ ...loaded([msg(1)]), draft: { kind: 'note', text: 'kept draft' } } as ExtensionMessage);
    await page.waitForFunction(() => (document.getElementById('composer-text') as HTMLTextAreaElement).value === 'kept draft');
    assert.equal(await page.isChecked('input[name="kind"][value="note"]'), true);
    assert.match((await page.textContent('#send-label')) ?? '', /private note/i);
    await page.fill('#composer-text', 'typed now');
    await send({ ...loaded([msg(1)]), draft: { kind: 'reply', text: 'older' } } as ExtensionMessage);
    await page.waitForSelector('.message');
    assert.equal(await page.inputValue('#composer-text'), 'typed now');
  });

  it('live draft sync: shows a draft pushed from the tab only over untouched text, and never during a send', async () => {
    const text = () => page.inputValue('#composer-text');
    const settle = () => page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    const pushed = async (draft: { kind: 'reply' | 'note'; text: string } | undefined, expected: string) => {
      await send({ type: 'draftChanged', ...(draft ? { draft } : {}) });
      await page.waitForFunction((t) => (document.getElementById('composer-text') as HTMLTextAreaElement).value === t, expected);
    };
    await send({ ...loaded([msg(1)]), draft: { kind: 'reply', text: 'tab v1' } } as ExtensionMessage);
    await page.waitForFunction(() => (document.getElementById('composer-text') as HTMLTextAreaElement).value === 'tab v1');
    await pushed({ kind: 'reply', text: 'tab v2' }, 'tab v2');
    await pushed(undefined, ''); // sent from the tab: the untouched composer empties
    await pushed({ kind: 'note', text: 'note from tab' }, 'note from tab');
    assert.equal(await page.isChecked('input[name="kind"][value="note"]'), true);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { saved: unknown }).saved), { ticketId: 42, draft: { kind: 'note', text: 'note from tab' } });

    await page.fill('#composer-text', 'typed here');
    await send({ type: 'draftChanged', draft: { kind: 'reply', text: 'from elsewhere' } });
    await settle();
    assert.equal(await text(), 'typed here', 'a push never overwrites typing');
    await waitPosted((m) => m.type === 'saveDraft' && m.draft.text === 'typed here');
    await send({ type: 'draftChanged', draft: { kind: 'note', text: 'typed here' } }); // the echo of its own save
    await settle();
    assert.equal(await text(), 'typed here');
    await pushed({ kind: 'note', text: 'tab v3' }, 'tab v3'); // stored text untouched since: the tab wins again

    await page.press('#composer-text', 'Control+Enter');
    const sending = await waitPosted((m) => m.type === 'send');
    await send({ type: 'draftChanged', draft: { kind: 'note', text: 'during send' } });
    await settle();
    assert.equal(await text(), 'tab v3', 'no change while a send is in flight');
    await send({ type: 'reply', id: sending.id, ok: true, result: { messageId: 9 } });
    await page.waitForFunction(() => (document.getElementById('composer-text') as HTMLTextAreaElement).value === '');
  });

  it('a field shows its new value only after BoldDesk confirmed it', async () => {
    await send(loaded([msg(1)]));
    const status = page.locator('select[data-focus-key="status"]');
    await status.selectOption('4');
    const req = await waitPosted((m) => m.type === 'updateField');
    assert.ok(req.type === 'updateField' && req.field === 'status' && req.value === 4);
    assert.equal(await status.inputValue(), '1', 'still the old value while BoldDesk has not answered');
    await send({ type: 'reply', id: req.id, ok: true, result: { changed: true } });
    await page.waitForFunction(() => (document.querySelector('select[data-focus-key="status"]') as HTMLSelectElement).value === '4');
  });

  it(`runs none of the ${XSS_CORPUS.length} corpus payloads as subject or message (CSP + sanitizer)`, async () => {
    for (const p of XSS_CORPUS) {
      await send(loaded([msg(1, { html: p.html }), msg(2, { kind: 'note', html: p.html })], p.html));
    }
    await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    const effects = await page.evaluate(() => ({ xss: (window as unknown as { __xss?: unknown }).__xss, title: document.title }));
    assert.equal(effects.xss, undefined);
    assert.notEqual(effects.title, XSS_TITLE);
    assert.deepEqual(outside.filter((u) => !u.startsWith(`${BOLDDESK}/`)), []);
  });
});
