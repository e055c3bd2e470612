// The ticket webview rendered under a pseudo-locale (Chromium, as in ticketPanelWebview.test.ts): every text on the
// page, in every state of the panel, must come from the l10n bundle, so any English left is a string that skipped l10n.t.
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import type { Browser, Page } from 'playwright-core';
import { renderShell } from '../../../src/views/ticketPanel/html';
import type { ExtensionMessage, PanelMessage, WebviewRequest } from '../../../src/views/ticketPanel/protocol';
import { englishWords, pseudoBundle, type L10nBundle } from '../support/pseudoL10n';
import {
  BOLDDESK, SHELL, WEBVIEW, bundle, launchChromium, msg, openWebviewPage, postedBy, sendTo, skipWithoutChromium, waitPostedBy,
} from '../support/webviewPage';

// The ticket data this suite sends (not translated, so removed before looking for English). Everything else on the
// page (the shell, the webview's own texts, attributes) must come from the pseudo bundle.
const PSEUDO = {
  subject: 'Printer on fire',
  statuses: [{ id: 1, name: 'Open' }, { id: 4, name: 'Resolved' }],
  priorities: [{ id: 2, name: 'High' }, { id: 1, name: 'Low' }],
  agents: [{ userId: 3, name: 'Ana Agent', email: 'ana@example.com' }, { userId: 5, name: 'Bob Builder', email: 'bob@example.com' }],
  identities: [
    // The extension sends these already translated (vscode.l10n.t in the session); here they stand in as data.
    { id: 'me', label: 'My own key', attribution: 'Ƥǿşŧīƞɠ ȧş ḿḗ' },
    { id: 'bot', label: 'API Bot', attribution: 'Ƥǿşŧīƞɠ ȧş ȧƀǿŧ' },
  ],
  /** Texts the extension host would send (its own tests check they are translated). */
  hostTexts: ['Ƈǿŭŀḓ ƞǿŧ ŀǿȧḓ', 'Ɓǿŀḓḓḗşķ ḗřřǿř', 'Ƞǿ ȧƞşẇḗř'],
};

function pseudoMessages(): PanelMessage[] {
  return [
    // The description is the oldest of 58 (behind "Show earlier messages"); the newest show at once.
    msg(0, { kind: 'description', author: 'Jane Requester', fromCustomer: true, html: '<p>The printer is on fire.</p>' }),
    ...Array.from({ length: 55 }, (_, i) => msg(i + 1)),
    msg(56, { fromCustomer: true, attachments: [{ name: 'invoice.pdf', url: `${BOLDDESK}/files/invoice.pdf`, size: 2048 }, { name: 'notes.txt', size: 500 }] }),
    msg(57, { kind: 'note', author: 'Ana Agent', html: '<p>internal <img src="https://elsewhere.example/p.png" alt="tracking pixel"></p>' }),
  ];
}

function pseudoLoaded(messages: PanelMessage[], createdOn = '2025-01-01T00:00:00Z'): ExtensionMessage {
  return {
    type: 'ticketLoaded',
    ticket: {
      id: 42, subject: PSEUDO.subject, status: PSEUDO.statuses[0], priority: PSEUDO.priorities[0], assignee: { id: 3, name: 'Ana Agent' },
      category: { id: 9, name: 'Hardware' }, brand: 'Acme Printers', requester: 'Jane Requester',
      createdOn, lastUpdatedOn: '2025-01-02T00:00:00Z',
    },
    messages,
    lookups: { statuses: PSEUDO.statuses, priorities: PSEUDO.priorities },
    attribution: PSEUDO.identities[0].attribution,
    origin: BOLDDESK,
    identities: { identities: PSEUDO.identities, defaultId: 'me' },
  };
}

/** Every piece of ticket data the suite sends, longest first (so "Ana Agent <ana@…>" goes before its parts). */
function sentData(): string[] {
  const data = [
    PSEUDO.subject, 'Hardware', 'Acme Printers', 'Jane Requester', 'tracking pixel', 'The printer is on fire.', 'internal',
    'invoice.pdf', 'notes.txt', ...PSEUDO.statuses.map((s) => s.name), ...PSEUDO.priorities.map((p) => p.name),
    ...PSEUDO.agents.flatMap((a) => [a.name, a.email]), ...PSEUDO.identities.flatMap((i) => [i.label, i.attribution]),
    ...PSEUDO.hostTexts,
  ];
  for (let i = 0; i < 70; i++) data.push(`Author ${i}`, `message ${i}`);
  return data.sort((a, b) => b.length - a.length);
}

/**
 * All text in the document (text nodes, hidden or not, outside <script>/<style>, and the placeholder, aria-label,
 * title and alt attributes) except dates: <time> elements are formatted by Intl in the page's language.
 */
function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement?.closest('script, style, time')) out.push((n as Text).data);
    }
    for (const el of Array.from(document.querySelectorAll('*'))) {
      if (el.closest('time')) continue;
      for (const a of ['placeholder', 'aria-label', 'title', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

describe('ticket webview under a pseudo-locale (every text through l10n.t)', function () {
  this.timeout(120000);
  let browser: Browser | undefined;
  let page: Page;
  let script: string;
  let html = '';
  let pseudo: L10nBundle;
  const pageErrors: string[] = [];
  const outside: string[] = [];
  const data = sentData();

  /** The shell as the extension renders it: its own texts through @vscode/l10n configured with `bundle`. */
  function shell(bundle: L10nBundle | undefined, lang = 'qps-ploc'): string {
    l10n.config({ contents: bundle ?? {} });
    try {
      return renderShell({ ...SHELL, l10nBundle: bundle, lang });
    } finally {
      l10n.config({ contents: {} }); // other suites see English
    }
  }

  before(async function () {
    skipWithoutChromium(this);
    pseudo = await pseudoBundle();
    script = bundle();
    browser = await launchChromium();
    page = await openWebviewPage(browser, { html: () => html, script: () => script, pageErrors, outside });
  });
  after(async () => {
    l10n.config({ contents: {} });
    await browser?.close();
  });
  afterEach(() => {
    assert.deepEqual(pageErrors.splice(0), [], 'the webview threw');
  });

  const send = (m: ExtensionMessage) => sendTo(page, m);
  const waitPosted = (pred: (m: WebviewRequest) => boolean) => waitPostedBy(page, pred);
  /** Waits for the picker's `n`th agent search and answers it. */
  async function answerSearch(n: number, agents: typeof PSEUDO.agents): Promise<void> {
    await page.waitForFunction((count) => (window as unknown as { posted: WebviewRequest[] }).posted.filter((m) => m.type === 'searchAgents').length >= count, n);
    const search = (await postedBy(page)).filter((m) => m.type === 'searchAgents')[n - 1];
    await send({ type: 'reply', id: search.id, ok: true, result: agents });
  }
  async function load(shellHtml: string): Promise<void> {
    html = shellHtml;
    await page.goto(`${WEBVIEW}/index.html`);
    await waitPosted((m) => m.type === 'ready');
  }

  /** The English words on the page once the ticket data is removed: each is a UI string that skipped l10n.t. */
  async function english(): Promise<string[]> {
    let text = (await pageTexts(page)).join('\n');
    for (const d of data) text = text.split(d).join(' ');
    return englishWords(text);
  }
  async function expectTranslated(step: string): Promise<void> {
    assert.deepEqual(await english(), [], `English on the page after: ${step}`);
  }

  it('the bundle the test uses is pseudo-localized (and has the panel strings)', () => {
    assert.ok(pseudo['Send reply'] && pseudo['Send reply'] !== 'Send reply', 'Send reply is not in the pseudo bundle');
    assert.deepEqual(englishWords(pseudo['Show earlier messages ({0} more)'] ?? 'missing'), []);
  });

  it('without a bundle the same panel is English (so the check below can see untranslated text)', async () => {
    await load(shell(undefined, 'en'));
    await send(pseudoLoaded(pseudoMessages()));
    await page.waitForSelector('.message-note');
    assert.equal(await page.textContent('#send-label'), 'Send reply');
    assert.match((await page.textContent('.show-earlier')) ?? '', /Show earlier messages \(8 more\)/);
    const words = await english();
    for (const w of ['Send', 'reply', 'Status', 'Refresh', 'Customer', 'Post', 'Attachments']) assert.ok(words.includes(w), `${w} not found in ${words.join(' ')}`);
  });

  it('with the pseudo bundle, every state of the panel shows no English', async () => {
    await load(shell(pseudo));
    assert.equal(await page.getAttribute('html', 'lang'), 'qps-ploc');
    await expectTranslated('the shell');

    await send({ type: 'loading' });
    await page.waitForSelector('.banner-loading');
    await expectTranslated('loading');

    await send({ type: 'loadFailed', message: PSEUDO.hostTexts[0] });
    await page.waitForSelector('.banner-error button');
    await expectTranslated('the first load failed (banner with Refresh / Dismiss)');

    await send(pseudoLoaded([]));
    await page.waitForSelector('.messages .empty');
    await expectTranslated('an empty conversation');

    await send(pseudoLoaded(pseudoMessages()));
    await page.waitForSelector('.message-note');
    assert.equal(await page.isVisible('#post-as'), true, 'Post as shows with two identities');
    assert.equal(await page.isVisible('.show-earlier'), true);
    assert.equal(await page.textContent('#send-label'), pseudo['Send reply']);
    assert.equal(await page.locator('.message-body span').filter({ hasText: pseudo['[image from another site not shown]'] }).count(), 1);
    await expectTranslated('ticket loaded (badges, attachments, blocked image, Show earlier, Post as)');

    await page.click('.show-earlier');
    await page.waitForSelector('.message-description');
    await page.selectOption('#post-as', 'bot');
    await expectTranslated('earlier messages shown, another identity chosen');

    await page.check('input[name="kind"][value="note"]');
    assert.equal(await page.textContent('#send-label'), pseudo['Add private note']);
    await page.click('#send');
    await page.waitForFunction(() => document.getElementById('composer-status')?.textContent !== '');
    await expectTranslated('composing a note; sending it empty');

    await page.fill('#composer-text', 'Checked the fuser');
    await page.click('#send');
    const note = await waitPosted((m) => m.type === 'send');
    await expectTranslated('sending a note');
    await send({ type: 'reply', id: note.id, ok: false, error: { message: PSEUDO.hostTexts[2], outcomeUnknown: true } });
    await page.waitForSelector('#composer-status.warning');
    await page.click('#send');
    const again = await waitPosted((m) => m.type === 'send' && m.id !== note.id);
    await send({ type: 'reply', id: again.id, ok: true, result: { messageId: 7 } });
    await page.waitForFunction(() => (document.getElementById('composer-text') as HTMLTextAreaElement).value === '');
    await expectTranslated('the note was added');
    await page.check('input[name="kind"][value="reply"]');
    await page.fill('#composer-text', 'On my way');
    await page.click('#send');
    const reply = await waitPosted((m) => m.type === 'send' && m.kind === 'reply');
    await expectTranslated('sending a reply');
    await send({ type: 'reply', id: reply.id, ok: true, result: { messageId: 8 } });
    await page.waitForFunction(() => (document.getElementById('composer-text') as HTMLTextAreaElement).value === '');
    await expectTranslated('the reply was sent');

    await page.locator('select[data-focus-key="status"]').selectOption('4');
    const status = await waitPosted((m) => m.type === 'updateField' && m.field === 'status');
    await page.waitForFunction(() => (document.querySelector('.pending-line')?.textContent ?? '') !== '');
    await expectTranslated('changing the status');
    await send({ type: 'reply', id: status.id, ok: true, result: { changed: false } });
    await page.waitForSelector('.banner-info');
    await expectTranslated('the status was already that');
    await page.locator('select[data-focus-key="priority"]').selectOption('1');
    const priority = await waitPosted((m) => m.type === 'updateField' && m.field === 'priority');
    await send({ type: 'reply', id: priority.id, ok: true, result: { changed: true } });
    await page.waitForFunction(() => (document.querySelector('select[data-focus-key="priority"]') as HTMLSelectElement).value === '1');
    await expectTranslated('the priority changed');

    await page.click('button[data-focus-key="assignee"]');
    await page.waitForSelector('.assignee-picker:not([hidden])');
    await expectTranslated('the assignee picker is searching');
    await answerSearch(1, PSEUDO.agents);
    await page.waitForSelector('.assignee-picker option[value="5"]');
    await expectTranslated('the assignee picker lists agents');
    await page.fill('.assignee-picker input', 'nobody');
    await answerSearch(2, []);
    await page.waitForFunction(() => document.querySelectorAll('.assignee-picker option').length === 1);
    await expectTranslated('no agents found');
    await page.fill('.assignee-picker input', 'bob');
    await answerSearch(3, [PSEUDO.agents[1]]);
    await page.waitForSelector('.assignee-picker option[value="5"]');
    await expectTranslated('one agent found');
    await page.selectOption('.assignee-picker select', '5');
    await page.click('.assignee-picker .button-primary');
    const assign = await waitPosted((m) => m.type === 'updateField' && m.field === 'assignee');
    await expectTranslated('changing the assignee');
    await send({ type: 'reply', id: assign.id, ok: false, error: { message: PSEUDO.hostTexts[1] } });
    await page.waitForSelector('.banner-error');
    await expectTranslated('the assignee change failed');
    await page.click('button[data-focus-key="assignee"]');
    await answerSearch(4, PSEUDO.agents);
    await page.waitForSelector('.assignee-picker option[value="__unassign__"]');
    await page.selectOption('.assignee-picker select', '__unassign__');
    await page.click('.assignee-picker .button-primary');
    const unassign = await waitPosted((m) => m.type === 'updateField' && m.field === 'assignee' && m.value === null);
    await send({ type: 'reply', id: unassign.id, ok: true, result: { changed: true } });
    await page.waitForSelector('.banner-info');
    await expectTranslated('the ticket was unassigned');

    await send({ type: 'loadFailed', message: PSEUDO.hostTexts[0] });
    await page.waitForSelector('.banner-error');
    await expectTranslated('a refresh failed after the ticket was shown');
  });

  it('dates and numbers follow the page language (Intl), not English', async function () {
    await load(shell(undefined, 'de'));
    await send(pseudoLoaded(pseudoMessages().slice(-3), new Date(Date.now() - 3 * 3600_000).toISOString()));
    await page.waitForSelector('.message-note');
    const created = page.locator('.facts time').first();
    assert.match((await created.getAttribute('title')) ?? '', /(Mon|Diens|Donners|Frei|Sams|Sonn)tag|Mittwoch/);
    assert.equal(await created.textContent(), 'vor 3 Stunden');
    assert.match((await page.textContent('.attachments')) ?? '', /invoice\.pdf \(2,0 KB\)/);
  });

  it('a bundle value cannot break out of its script element, and a malformed bundle leaves the panel English', async () => {
    const evil = '</script><script nonce="testnonce123">window.__xss=1</script><!--';
    await load(shell({ 'Send reply': evil, 'Post as': '\u2028\u2029' }));
    await send(pseudoLoaded([msg(1)]));
    await page.waitForSelector('.message');
    assert.equal(await page.textContent('#send-label'), evil, 'the value arrives as text');
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    assert.equal(await page.locator('script').count(), 2);

    await load(shell(pseudo).replace(/(<script type="application\/json" id="l10n-bundle"[^>]*>)[^<]*/, '$1{"Send reply": '));
    await send(pseudoLoaded([msg(1)]));
    await page.waitForSelector('.message');
    assert.equal((await page.textContent('.composer-kind label'))?.trim(), pseudo['Reply (public)'], 'the shell was rendered translated');
    assert.equal(await page.textContent('#send-label'), 'Send reply', 'the script ignored the malformed bundle');
  });
});
