// The ticket panel's CSP on its own (issue 13 §7): every payload of the XSS corpus is put into a page UNSANITIZED —
// straight into the HTML the browser parses, and again through innerHTML — under exactly the CSP the panel ships
// (buildCsp). Nothing may run and nothing may leave for another host. The sanitizer alone is tested in
// sanitizeBrowser.test.ts (a page without CSP): each wall must hold without the other. Real Chromium.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { buildCsp } from '../../../src/views/ticketPanel/html';
import { EVIL_HOST, XSS_CORPUS, XSS_TITLE } from '../../support/xssCorpus';
import { BOLDDESK, WEBVIEW, launchChromium, skipWithoutChromium } from '../support/webviewPage';

const CLEAN_TITLE = 'csp-alone';

describe('ticket panel CSP alone in Chromium (no sanitizer)', function () {
  this.timeout(120000);
  let browser: Browser | undefined;
  let page: Page;
  const requests: string[] = [];
  const navigations: string[] = [];

  before(async function () {
    skipWithoutChromium(this);
    browser = await launchChromium();
  });
  after(async () => browser?.close());

  async function open(body: string): Promise<void> {
    page = await browser!.newPage();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${WEBVIEW}/index.html`) {
        const csp = buildCsp(WEBVIEW, 'testnonce123', BOLDDESK);
        return route.fulfill({
          contentType: 'text/html',
          body: `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}"><title>${CLEAN_TITLE}</title></head><body>${body}<div id="out"></div></body></html>`,
        });
      }
      requests.push(url);
      return route.abort();
    });
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame() && f.url() !== `${WEBVIEW}/index.html`) navigations.push(f.url());
    });
    await page.goto(`${WEBVIEW}/index.html`);
  }

  async function effects(): Promise<{ xss: unknown; title: string }> {
    await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return page.evaluate(() => ({ xss: (window as unknown as { __xss?: unknown }).__xss, title: document.title }));
  }

  function assertHeld(e: { xss: unknown; title: string }, how: string): void {
    assert.equal(e.xss, undefined, `${how}: a payload ran (window.__xss)`);
    assert.notEqual(e.title, XSS_TITLE, `${how}: a payload changed document.title`);
    const elsewhere = requests.filter((u) => !u.startsWith(`${WEBVIEW}/`) && !u.startsWith(`${BOLDDESK}/`));
    assert.deepEqual(elsewhere, [], `${how}: a request left for another host`);
    assert.ok(!requests.some((u) => u.includes(EVIL_HOST)));
    assert.deepEqual(navigations, [], `${how}: the page navigated away`);
  }

  it(`runs none of the ${XSS_CORPUS.length} payloads parsed as the page's own HTML`, async () => {
    assert.ok(XSS_CORPUS.length >= 50);
    await open(XSS_CORPUS.map((p) => `<div class="message-body">${p.html}</div>`).join('\n'));
    assertHeld(await effects(), 'parsed');
    await page.close();
  });

  it(`runs none of the ${XSS_CORPUS.length} payloads inserted with innerHTML`, async () => {
    await open('');
    await page.evaluate((payloads) => {
      const out = document.getElementById('out')!;
      for (const html of payloads) {
        const box = document.createElement('div');
        box.innerHTML = html;
        out.append(box);
      }
    }, XSS_CORPUS.map((p) => p.html));
    assertHeld(await effects(), 'innerHTML');
    await page.close();
  });
});
