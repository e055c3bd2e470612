// The webview's sanitizer (src/webview/ticketPanel/sanitize.ts with DOMPurify), run in a REAL browser: Debian's
// Chromium through playwright-core. The page has no CSP on purpose, so this tests the sanitizer alone; the
// panel's CSP is a second wall tested elsewhere. Skipped (with a message) when Chromium is not installed.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EVIL_HOST, XSS_CORPUS, XSS_TITLE } from '../../support/xssCorpus';
import { skipWithoutChromium } from '../support/webviewPage';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ORIGIN = 'https://acme.bolddesk.com';
const CLEAN_TITLE = 'clean';

/** The sanitizer bundled for the browser, exposed as `window.TicketSanitizer`. */
function bundleSanitizer(): string {
  const out = esbuild.buildSync({
    entryPoints: [path.join(REPO, 'src', 'webview', 'ticketPanel', 'sanitize.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'TicketSanitizer',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

interface Rendered {
  html: string;
}

describe('ticket HTML sanitizer in Chromium (DOMPurify config)', function () {
  this.timeout(60000);
  let browser: Browser | undefined;
  let page: Page;
  const requests: string[] = [];

  before(async function () {
    skipWithoutChromium(this, CHROMIUM);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
    // Record every request a payload might cause, and let none leave the machine.
    await page.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    await page.setContent(`<!DOCTYPE html><html><head><title>${CLEAN_TITLE}</title></head><body><div id="out"></div></body></html>`);
    await page.addScriptTag({ content: bundleSanitizer() });
    await page.evaluate((origin) => {
      const w = window as unknown as { sanitize: (html: string) => DocumentFragment; TicketSanitizer: { createSanitizer: (win: Window, o: string) => (html: string) => DocumentFragment } };
      w.sanitize = w.TicketSanitizer.createSanitizer(window, origin);
    }, ORIGIN);
  });

  after(async () => {
    await browser?.close();
  });

  /** Sanitizes and inserts like the conversation does (the fragment itself, never re-parsed). */
  async function render(html: string): Promise<Rendered> {
    return page.evaluate((input) => {
      const w = window as unknown as { sanitize: (html: string) => DocumentFragment };
      const box = document.createElement('div');
      box.className = 'message-body';
      box.append(w.sanitize(input));
      document.getElementById('out')?.append(box);
      return { html: box.innerHTML };
    }, html);
  }

  it(`runs none of the ${XSS_CORPUS.length} payloads of the XSS corpus`, async () => {
    assert.ok(XSS_CORPUS.length >= 50, 'the corpus must hold at least 50 payloads');
    const outputs: { name: string; html: string }[] = [];
    for (const p of XSS_CORPUS) outputs.push({ name: p.name, html: (await render(p.html)).html });

    // Let whatever could fire fire: images settle (load/error), focus events, two frames.
    await page.waitForFunction(() => Array.from(document.images).every((i) => i.complete));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

    const effects = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      title: document.title,
    }));
    assert.equal(effects.xss, undefined, 'a payload set window.__xss');
    assert.equal(effects.title, CLEAN_TITLE, 'a payload changed document.title');
    assert.notEqual(effects.title, XSS_TITLE);
    const escaped = requests.filter((u) => !u.startsWith(`${ORIGIN}/`));
    assert.deepEqual(escaped, [], 'a payload made a request to somewhere other than the BoldDesk origin');
    assert.ok(!requests.some((u) => u.includes(EVIL_HOST)));

    for (const o of outputs) {
      const lower = o.html.toLowerCase();
      for (const tag of ['<script', '<iframe', '<object', '<embed', '<svg', '<math', '<style', '<form', '<link', '<meta', '<base', '<input', '<button', '<template', '<noscript', '<frame']) {
        assert.ok(!lower.includes(tag), `${o.name}: output still has ${tag}: ${o.html}`);
      }
      assert.ok(!/\son[a-z]+\s*=/i.test(o.html), `${o.name}: output keeps an event handler: ${o.html}`);
      assert.ok(!/\s(style|class|id|name|srcset|formaction|action)\s*=/i.test(o.html), `${o.name}: output keeps a forbidden attribute: ${o.html}`);
      assert.ok(!/(href|src)\s*=\s*"\s*(javascript|data|vbscript):/i.test(o.html), `${o.name}: output keeps a dangerous URL: ${o.html}`);
    }
  });

  it('keeps ordinary formatting, tables and http(s)/mailto links', async () => {
    const { html } = await render(
      '<p><b>Bold</b> <i>it</i> <u>u</u> <code>x()</code></p><ul><li>one</li></ul><blockquote>q</blockquote>' +
        '<table><tbody><tr><td colspan="2">cell</td></tr></tbody></table>' +
        '<a href="https://example.com/docs?a=1">docs</a> <a href="mailto:help@example.com">mail</a>',
    );
    for (const part of ['<b>Bold</b>', '<i>it</i>', '<u>u</u>', '<code>x()</code>', '<li>one</li>', '<blockquote>q</blockquote>', '<td colspan="2">cell</td>']) {
      assert.ok(html.includes(part), `missing ${part} in ${html}`);
    }
    assert.match(html, /<a href="https:\/\/example\.com\/docs\?a=1" rel="noopener noreferrer">docs<\/a>/);
    assert.match(html, /<a href="mailto:help@example\.com" rel="noopener noreferrer">mail<\/a>/);
  });

  it('resolves relative links against the BoldDesk origin, not the webview', async () => {
    const { html } = await render('<a href="/kb/article/12">kb</a>');
    assert.match(html, new RegExp(`href="${ORIGIN}/kb/article/12"`));
  });

  it('keeps images from the BoldDesk origin and replaces others with a note', async () => {
    const { html } = await render(`<img src="/attachments/1.png" alt="shot"><img src="https://${EVIL_HOST}/p.gif" alt="tracker">`);
    assert.match(html, new RegExp(`<img src="${ORIGIN}/attachments/1.png" alt="shot">`));
    assert.ok(!html.includes(EVIL_HOST), html);
    assert.ok(html.includes('[image from another site not shown]'), html);
  });

  it('keeps the text of dropped formatting (style attribute removed, words stay)', async () => {
    const { html } = await render('<div style="color:red">Please <span style="font-size:40px">call</span> me</div>');
    assert.equal(html, '<div>Please <span>call</span> me</div>');
  });
});
