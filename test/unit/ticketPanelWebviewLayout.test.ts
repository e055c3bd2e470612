// The ticket webview's layout in Chromium (shell + bundled script + the real CSS, as in ticketPanelWebview.test.ts):
// what is visible, what takes a tab stop, and where the newest message is after opening and after a send.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { renderShell } from '../../src/views/ticketPanel/html';
import type { ExtensionMessage, WebviewRequest } from '../../src/views/ticketPanel/protocol';
import { THEMES, applyTheme } from './support/themes';
import { SHELL, WEBVIEW, bundle, launchChromium, loaded, msg, openWebviewPage, sendTo, skipWithoutChromium, waitPostedBy } from './support/webviewPage';

interface Box { top: number; bottom: number; left: number; right: number }

describe('ticket webview layout in Chromium (hidden parts, tab stops, newest message in view)', function () {
  this.timeout(60000);
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  before(async function () {
    skipWithoutChromium(this);
    const script = bundle();
    const html = renderShell(SHELL);
    browser = await launchChromium();
    page = await openWebviewPage(browser, { html: () => html, script: () => script, pageErrors, outside: [] });
    await page.setViewportSize({ width: 900, height: 700 });
  });
  after(async () => browser?.close());

  beforeEach(async () => {
    await page.goto(`${WEBVIEW}/index.html`);
    await applyTheme(page, THEMES.light);
    await waitPosted((m) => m.type === 'ready');
  });
  afterEach(() => assert.deepEqual(pageErrors.splice(0), [], 'the webview threw'));

  const send = (m: ExtensionMessage) => sendTo(page, m);
  const waitPosted = (pred: (m: WebviewRequest) => boolean) => waitPostedBy(page, pred);
  const box = (selector: string) => page.locator(selector).evaluate((el): Box => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });
  /** Fully inside the window and not under the sticky composer. */
  async function assertFullyVisible(selector: string, what: string): Promise<void> {
    const b = await box(selector);
    const composer = await box('#composer');
    const height = await page.evaluate(() => window.innerHeight);
    assert.ok(b.top >= 0 && b.bottom <= height, `${what} is inside the window (${b.top}..${b.bottom} of ${height})`);
    assert.ok(b.bottom <= composer.top + 0.5, `${what} ends above the composer (${b.bottom} > ${composer.top})`);
    // What the user sees at the message's middle is the message, not the composer over it.
    const hit = await page.evaluate(([sel, x, y]) => {
      const el = document.elementFromPoint(Number(x), Number(y));
      return !!el && !!document.querySelector(String(sel))?.contains(el);
    }, [selector, (b.left + b.right) / 2, b.bottom - 4] as const);
    assert.ok(hit, `${what} is not covered by anything`);
  }

  it('hides the closed agent picker and an empty "Show earlier messages" (18.3)', async () => {
    await send(loaded([msg(1), msg(2)]));
    await page.waitForSelector('.message');
    assert.equal(await page.locator('.assignee-picker').isVisible(), false, 'the agent picker is closed');
    assert.equal(await page.locator('.assignee-picker input[type="search"]').isVisible(), false);
    assert.equal(await page.locator('.show-earlier').isVisible(), false, 'nothing earlier to show');
    await page.click('[data-focus-key="assignee"]');
    assert.equal(await page.locator('.assignee-picker').isVisible(), true, 'opens on request');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.assignee-picker').isVisible(), false, 'Escape closes it again');
  });

  it('has no tab stop before the composer that does nothing (18.3)', async () => {
    await send(loaded([msg(1), msg(2)]));
    await page.waitForSelector('.message');
    const stops: string[] = [];
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        if (!a || a === document.body) return 'body';
        if (a.closest('#composer')) return 'composer';
        return a.dataset.focusKey ?? a.getAttribute('aria-label') ?? a.textContent?.trim() ?? a.tagName;
      });
      if (where === 'composer') break;
      stops.push(where);
    }
    // The conversation is one stop of its own: there the arrow and Page keys scroll it.
    assert.deepEqual(stops, ['open-browser', 'refresh', 'status', 'priority', 'assignee', 'Conversation']);
  });

  it('opens with the header and the newest message in view, above the composer (18.4)', async () => {
    const long = '<p>' + 'A long line of text in a message body. '.repeat(12) + '</p>';
    await send(loaded(Array.from({ length: 12 }, (_, i) => msg(i, { html: long }))));
    await page.waitForSelector('.message');
    await assertFullyVisible('.ticket-title', 'the ticket heading');
    await assertFullyVisible('.messages > li:last-child', 'the newest message');
  });

  it('after a send, shows the new message above the composer and highlights it briefly (18.4)', async () => {
    const long = '<p>' + 'A long line of text in a message body. '.repeat(12) + '</p>';
    const before = Array.from({ length: 12 }, (_, i) => msg(i, { html: long }));
    await send(loaded(before));
    await page.waitForSelector('.message');
    // The reader scrolled up to read an older message, then writes.
    await page.locator('.messages > li:first-child').scrollIntoViewIfNeeded();
    await page.fill('#composer-text', 'Thanks, fixed.');
    await page.click('#send');
    const req = await waitPosted((m) => m.type === 'send');
    await send({ type: 'reply', id: req.id, ok: true, result: { messageId: 99 } });
    await send(loaded([...before, msg(99, { html: '<p>Thanks, fixed.</p>' })]));
    await page.waitForSelector('.messages > li[data-key="m99"]');
    await assertFullyVisible('.messages > li[data-key="m99"]', 'the sent message');
    const looks = (sel: string) => page.locator(sel).evaluate((el) => {
      const s = getComputedStyle(el);
      return `${s.outlineStyle} ${s.outlineColor} ${s.backgroundColor} ${s.boxShadow}`;
    });
    assert.notEqual(await looks('li[data-key="m99"]'), await looks('li[data-key="m10"]'), 'the new message stands out');
    assert.equal(await page.locator('li.message-highlight').count(), 1, 'only the new message is highlighted');
    await page.waitForFunction(() => !document.querySelector('li.message-highlight'), undefined, { timeout: 15000 });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'composer-text', 'focus stays on the composer');
  });
});
