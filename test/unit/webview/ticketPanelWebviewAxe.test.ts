// axe-core (Deque's WCAG rule set) over the real ticket webview in Chromium (shell, bundled script, CSS, as in
// ticketPanelWebview.test.ts), in every state a user meets, in the light, dark and high-contrast themes. The theme
// colours are VS Code's own, captured from the real workbench (test/unit/fixtures/vscodeThemeColors.json; e2e
// scenario 11 checks they still match). No serious or critical violation; a moderate or minor one must be listed,
// with its reason, in docs/ACCESSIBILITY.md.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { renderShell } from '../../../src/views/ticketPanel/html';
import type { ExtensionMessage, WebviewRequest } from '../../../src/views/ticketPanel/protocol';
import { THEMES, applyTheme, type Theme } from '../support/themes';
import { BOLDDESK, REPO, SHELL, WEBVIEW, bundle, launchChromium, loaded, msg, openWebviewPage, sendTo, skipWithoutChromium, waitPostedBy } from '../support/webviewPage';

interface Violation { id: string; impact: string | null; help: string; nodes: string[] }

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const DOC = path.join(REPO, 'docs', 'ACCESSIBILITY.md');

/** A ticket as a user meets it: the original request, customer and agent replies, a private note, attachments. */
function richTicket(): ExtensionMessage {
  const base = loaded([
    msg(0, { kind: 'description', author: 'Jane Requester', fromCustomer: true, html: '<p>The printer is <b>on fire</b>.</p>' }),
    msg(1, { author: 'Jane Requester', fromCustomer: true, html: '<p>See the <a href="https://example.com/log">log</a>.</p>', attachments: [{ name: 'log.txt', url: `${BOLDDESK}/files/log.txt`, size: 2048 }, { name: 'photo.png', size: 500 }] }),
    msg(2, { kind: 'note', author: 'Ana Agent', html: '<p>Internal: <code>cache purge</code></p><blockquote>quoted</blockquote>' }),
    msg(3, { author: 'Ana Agent', html: `<p>We are on it.</p><pre>step 1\nstep 2</pre><img src="${BOLDDESK}/files/screenshot.png">` }),
  ]);
  return base.type === 'ticketLoaded'
    ? { ...base, ticket: { ...base.ticket, category: { id: 9, name: 'Hardware' }, brand: 'Acme' }, identities: { identities: [{ id: 'me', label: 'My key', attribution: 'Posting as Ana' }, { id: 'bot', label: 'Bot key', attribution: 'Posting as Bot' }], defaultId: 'me' } }
    : base;
}

describe('ticket webview accessibility (axe-core in Chromium, per state and theme)', function () {
  this.timeout(120000);
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  /** Moderate and minor findings over all states and themes, by rule id. */
  const lesser = new Map<string, Set<string>>();

  before(async function () {
    skipWithoutChromium(this);
    const script = bundle();
    const html = renderShell(SHELL);
    browser = await launchChromium();
    page = await openWebviewPage(browser, { html: () => html, script: () => script, pageErrors, outside: [] });
  });
  after(async () => browser?.close());
  afterEach(() => assert.deepEqual(pageErrors.splice(0), [], 'the webview threw'));

  const send = (m: ExtensionMessage) => sendTo(page, m);
  const waitPosted = (pred: (m: WebviewRequest) => boolean) => waitPostedBy(page, pred);

  /** Loads the panel in `theme` the way VS Code does: the colours on <html>, the theme's class on <body>. */
  async function open(theme: Theme): Promise<void> {
    await page.goto(`${WEBVIEW}/index.html`);
    await applyTheme(page, theme);
    await waitPosted((m) => m.type === 'ready');
  }

  async function axe(state: string, theme: string): Promise<void> {
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const w = window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } };
      const r = await w.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    }) as Violation[];
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious, [], `no serious or critical violation (${state}, ${theme})`);
    for (const v of violations) {
      if (!lesser.has(v.id)) lesser.set(v.id, new Set());
      lesser.get(v.id)?.add(`${state}/${theme}`);
    }
  }

  /** Every state of the panel, reached as a user reaches it; `check` runs axe in it. */
  const STATES: [string, (check: () => Promise<void>) => Promise<void>][] = [
    ['loading', async (check) => {
      await send({ type: 'loading' });
      await page.waitForSelector('.banner-loading');
      await check();
    }],
    ['loaded (replies, private note, attachments)', async (check) => {
      await send(richTicket());
      await page.waitForSelector('.message-note');
      await check();
    }],
    ['agent picker open', async (check) => {
      await send(richTicket());
      await page.click('[data-focus-key="assignee"]');
      const req = await waitPosted((m) => m.type === 'searchAgents');
      await send({ type: 'reply', id: req.id, ok: true, result: [{ userId: 3, name: 'Ana Agent', email: 'ana@example.com' }] });
      await page.waitForSelector('.assignee-picker option[value="3"]');
      await check();
    }],
    ['composer with a draft (private note)', async (check) => {
      await send({ ...richTicket(), draft: { kind: 'note', text: 'A draft note' } } as ExtensionMessage);
      await page.waitForSelector('.composer.composing-note');
      await check();
    }],
    ['sending', async (check) => {
      await send(richTicket());
      await page.fill('#composer-text', 'Hello');
      await page.click('#send');
      await waitPosted((m) => m.type === 'send');
      await check();
    }],
    ['failed send', async (check) => {
      await send(richTicket());
      await page.fill('#composer-text', 'Hello');
      await page.click('#send');
      const req = await waitPosted((m) => m.type === 'send');
      await send({ type: 'reply', id: req.id, ok: false, error: { message: 'BoldDesk rejected the reply: the ticket is closed.' } });
      await page.waitForSelector('.composer-status.error');
      await check();
    }],
    ['send with unknown outcome', async (check) => {
      await send(richTicket());
      await page.fill('#composer-text', 'Hello');
      await page.click('#send');
      const req = await waitPosted((m) => m.type === 'send');
      await send({ type: 'reply', id: req.id, ok: false, error: { message: 'No answer from BoldDesk, so the reply may have been sent.', outcomeUnknown: true } });
      await page.waitForSelector('.composer-status.warning');
      await check();
    }],
    ['error (ticket could not load)', async (check) => {
      await send({ type: 'loadFailed', message: 'Could not load ticket #42: BoldDesk did not answer.' });
      await page.waitForSelector('.banner-error');
      await check();
    }],
    ['error after a refresh, over a loaded ticket', async (check) => {
      await send(richTicket());
      await page.waitForSelector('.message');
      await send({ type: 'loadFailed', message: 'BoldDesk did not answer.' });
      await page.waitForSelector('.banner-error');
      await check();
    }],
  ];

  for (const [theme, colours] of Object.entries(THEMES)) {
    for (const [state, reach] of STATES) {
      it(`${state} — ${theme} theme`, async () => {
        await open(colours);
        await reach(() => axe(state, theme));
      });
    }
  }

  it('the colour fixture covers every theme variable the panel CSS reads', () => {
    const css = fs.readFileSync(path.join(REPO, 'media', 'ticketPanel', 'ticketPanel.css'), 'utf8');
    const used = [...new Set([...css.matchAll(/var\((--vscode-[\w-]+)/g)].map((m) => m[1]))].filter((n) => !/font-family$/.test(n));
    for (const [name, t] of Object.entries(THEMES)) {
      const missing = used.filter((n) => !(n in t.vars));
      assert.deepEqual(missing, [], `${name}: capture the colours again (CAPTURE_THEMES=1 node test/e2e/run.js --grep Accessibility)`);
    }
  });

  it('every moderate or minor finding is listed in docs/ACCESSIBILITY.md with its reason', function () {
    if (lesser.size === 0 && !browser) this.skip();
    const doc = fs.readFileSync(DOC, 'utf8');
    const unlisted = [...lesser.entries()].filter(([id]) => !doc.includes(`\`${id}\``)).map(([id, where]) => `${id} (${[...where].join(', ')})`);
    assert.deepEqual(unlisted, [], 'findings not explained in docs/ACCESSIBILITY.md');
  });
});
