// The ticket webview's layout in Chromium (shell + bundled script + the real CSS, as in ticketPanelWebview.test.ts):
// what is visible, what takes a tab stop, and where the newest message is after opening and after a send.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { renderShell } from '../../../src/views/ticketPanel/html';
import type { ExtensionMessage, WebviewRequest } from '../../../src/views/ticketPanel/protocol';
import { THEMES, applyTheme } from '../support/themes';
import { SHELL, WEBVIEW, bundle, launchChromium, loaded, msg, openWebviewPage, sendTo, skipWithoutChromium, waitPostedBy } from '../support/webviewPage';

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
    assert.deepEqual(stops, ['open-browser', 'start-work', 'refresh', 'status', 'priority', 'assignee', 'Conversation']);
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

  it('has landmarks, headings in order, and says who wrote each message, when, and whether it is private', async () => {
    await send(loaded([msg(1, { author: 'Jane', fromCustomer: true }), msg(2, { kind: 'note', author: 'Ana Agent' })]));
    await page.waitForSelector('.message-note');
    const outline = await page.evaluate(() => ({
      landmarks: Array.from(document.querySelectorAll('header, main, section[aria-labelledby]')).map((e) => e.tagName.toLowerCase()),
      headings: Array.from(document.querySelectorAll('h1, h2, h3')).map((e) => `${e.tagName.toLowerCase()} ${e.textContent?.trim()}`),
    }));
    assert.deepEqual(outline.landmarks, ['header', 'main', 'section']);
    assert.deepEqual(outline.headings.map((x) => x.split(' ')[0]), ['h1', 'h2', 'h3', 'h3', 'h2'], outline.headings.join(' | '));
    assert.equal(await page.getAttribute('.message-note', 'aria-label'), 'Private note by Ana Agent', 'who, and that it is private');
    assert.equal(await page.getAttribute('.message-reply', 'aria-label'), 'Reply by Jane');
    // When: the message's description is its <time> (relative text, the exact time as its title).
    const when = await page.locator('.message-note').evaluate((li) => {
      const t = document.getElementById(li.getAttribute('aria-describedby') ?? '');
      return t && li.contains(t) ? { tag: t.tagName, datetime: t.getAttribute('datetime'), text: t.textContent } : null;
    });
    assert.equal(when?.tag, 'TIME');
    assert.equal(when?.datetime, msg(2).createdOn);
    assert.ok(when?.text, 'says when');
  });

  it('puts the focus on the ticket heading when the ticket opens', async () => {
    await send(loaded([msg(1)]));
    await page.waitForSelector('.message');
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('ticket-title')), true);
  });

  it('keeps the focused heading and buttons in the page when the ticket is shown again (a background refresh)', async () => {
    // While the palette has the keyboard, the panel's window is not focused and a replaced element's focus cannot
    // be put back on its copy: so the heading and its buttons must be the same elements after a re-render.
    await send(loaded([msg(1)]));
    await page.waitForSelector('.message');
    await page.evaluate(() => ((window as unknown as { before: Element | null }).before = document.activeElement));
    await send({ type: 'ticketUpdated', ticket: { ...(loaded([]) as Extract<ExtensionMessage, { type: 'ticketLoaded' }>).ticket, subject: 'Printer still on fire' } });
    await page.locator('.ticket-subject', { hasText: 'Printer still on fire' }).waitFor();
    const same = await page.evaluate(() => {
      const before = (window as unknown as { before: Element | null }).before;
      return { kept: before === document.querySelector('.ticket-title'), focused: document.activeElement === before };
    });
    assert.deepEqual(same, { kept: true, focused: true }, 'the heading is the same element and keeps the focus');
    await page.focus('[data-focus-key="refresh"]');
    await page.evaluate(() => ((window as unknown as { before: Element | null }).before = document.activeElement));
    await send(loaded([msg(1), msg(2)], 'Printer fixed'));
    await page.locator('.ticket-subject', { hasText: 'Printer fixed' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement === (window as unknown as { before: Element | null }).before), true, 'Refresh keeps the focus');
  });

  it('announces the results of actions in live regions (sent, failed, status changed)', async () => {
    const live = (text: RegExp) => page.evaluate((src) => {
      const re = new RegExp(src);
      return Array.from(document.querySelectorAll('[aria-live], [role="status"], [role="alert"]')).some((el) => re.test(el.textContent ?? ''));
    }, text.source);
    await send(loaded([msg(1)]));
    await page.waitForSelector('.message');
    await page.fill('#composer-text', 'Hi');
    await page.click('#send');
    let req = await waitPosted((m) => m.type === 'send');
    await send({ type: 'reply', id: req.id, ok: false, error: { message: 'BoldDesk refused the reply.' } });
    await page.waitForSelector('.composer-status.error');
    assert.ok(await live(/BoldDesk refused the reply/), 'a failed send is announced');
    await page.click('#send');
    req = await waitPosted((m) => m.type === 'send' && m.id !== req.id);
    await send({ type: 'reply', id: req.id, ok: true, result: { messageId: 7 } });
    await page.waitForFunction(() => /Reply sent/.test(document.getElementById('composer-status')?.textContent ?? ''));
    assert.ok(await live(/Reply sent/), 'a send is announced');
    await page.selectOption('select[data-focus-key="status"]', '4');
    const upd = await waitPosted((m) => m.type === 'updateField');
    await send({ type: 'reply', id: upd.id, ok: true, result: { changed: true } });
    await page.waitForFunction(() => /Status changed to Resolved/.test(document.body.textContent ?? ''));
    assert.ok(await live(/Status changed to Resolved/), 'a status change is announced');
  });

  it('without motion when the user asks for reduced motion', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    try {
      await send(loaded([msg(1)]));
      await page.waitForSelector('.message');
      await page.fill('#composer-text', 'Hi');
      await page.click('#send');
      const req = await waitPosted((m) => m.type === 'send');
      await send({ type: 'reply', id: req.id, ok: true, result: { messageId: 7 } });
      await send(loaded([msg(1), msg(7)]));
      await page.waitForSelector('li.message-highlight');
      assert.equal(await page.locator('li.message-highlight').evaluate((el) => getComputedStyle(el).animationName), 'none');
      assert.equal(await page.evaluate(() => document.getAnimations().length), 0, 'nothing moves');
    } finally {
      await page.emulateMedia({ reducedMotion: null });
    }
  });

  it('reflows at 200 % zoom and on a narrow panel without scrolling sideways', async () => {
    const long = '<p>' + 'Averyveryverylongwordwithoutanyspaces'.repeat(8) + ' and a <a href="https://example.com/' + 'x'.repeat(200) + '">link</a></p><pre>' + 'code '.repeat(80) + '</pre>';
    await page.setViewportSize({ width: 320, height: 256 }); // 1280 × 1024 at 400 %, WCAG 1.4.10
    try {
      await send(loaded([msg(1, { html: long, attachments: [{ name: 'a-very-long-attachment-name-'.repeat(6) + '.pdf', size: 99999 }] })], 'A subject '.repeat(20)));
      await page.waitForSelector('.message');
      const overflow = await page.evaluate(() => {
        const doc = document.scrollingElement as HTMLElement;
        const wide = Array.from(document.querySelectorAll<HTMLElement>('#app *')).filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 1);
        return { scroll: doc.scrollWidth - doc.clientWidth, wide: wide.map((el) => el.tagName + '.' + el.className).slice(0, 5) };
      });
      assert.deepEqual(overflow, { scroll: 0, wide: [] });
    } finally {
      await page.setViewportSize({ width: 900, height: 700 });
    }
  });

  it('keeps the keyboard focus on a field while BoldDesk confirms its change', async () => {
    await send(loaded([msg(1)]));
    await page.waitForSelector('.message');
    await page.focus('select[data-focus-key="status"]');
    await page.keyboard.press('ArrowDown');
    const req = await waitPosted((m) => m.type === 'updateField');
    await send({ type: 'reply', id: req.id, ok: true, result: { changed: true } });
    await page.waitForFunction(() => /Status changed/.test(document.getElementById('banner')?.textContent ?? ''));
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focusKey), 'status');
  });
});
