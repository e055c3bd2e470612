// Pure parts of the ticket panel: the webview shell and its CSP, the view model, URL policy and formatting.
import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import type { TicketDetail, TicketMessage } from '../../../src/api/types';
import { exactTime, formatSize, relativeTime, timeLabel, visibleRange } from '../../../src/webview/ticketPanel/format';
import { resolveImageUrl, resolveLinkUrl } from '../../../src/webview/ticketPanel/urlPolicy';
import { buildCsp, bundleJson, cspSafeOrigin, makeNonce, renderShell, safeLang, type ShellOptions } from '../../../src/views/ticketPanel/html';
import { safeAttachmentUrl, toPanelConversation, toPanelTicket } from '../../../src/views/ticketPanel/panelModel';

const ORIGIN = 'https://acme.bolddesk.com';

function ticket(over: Partial<TicketDetail> = {}): TicketDetail {
  return {
    id: 42,
    subject: 'Printer <b>on fire</b>',
    description: '<p>It burns</p>',
    requester: { userId: 7, name: 'Jane Customer', email: 'jane@example.com' },
    agent: { id: 3, name: 'Ana Agent' },
    status: { id: 1, name: 'Open', color: '#fff' },
    createdOn: '2025-01-01T10:00:00Z',
    ...over,
  };
}

function message(id: number, createdOn: string, over: Partial<TicketMessage> = {}): TicketMessage {
  return { id, ticketId: 42, kind: 'reply', html: `<p>m${id}</p>`, createdOn, attachments: [], ...over };
}

describe('ticket panel: webview shell and CSP', () => {
  const nonce = makeNonce();
  const html = renderShell({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/ticketPanel.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/ticketPanel/ticketPanel.css',
    codiconUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/codicons/codicon.css',
    imageOrigin: ORIGIN,
    ticketId: 42,
  });

  it('has a strict CSP: nothing by default, scripts only with the nonce, images only from the webview, BoldDesk and data: (thumbnails)', () => {
    const csp = buildCsp('vscode-src', 'N0NCE', ORIGIN);
    assert.equal(
      csp,
      `default-src 'none'; img-src vscode-src ${ORIGIN} data:; style-src vscode-src 'nonce-N0NCE'; script-src 'nonce-N0NCE'; font-src vscode-src; base-uri 'none'; form-action 'none'`,
    );
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'));
  });

  it('puts the CSP in the shell and the nonce on the one script', () => {
    assert.ok(html.includes('http-equiv="Content-Security-Policy"'));
    assert.ok(html.includes(`script-src 'nonce-${nonce}'`));
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.ok(scripts[0].includes(`nonce="${nonce}"`));
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers in the shell');
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const a = makeNonce();
    const b = makeNonce();
    assert.notEqual(a, b);
    assert.ok(a.length >= 20 && /^[A-Za-z0-9]+$/.test(a));
  });

  it('never lets a strange origin add CSP directives', () => {
    assert.equal(cspSafeOrigin('https://acme.bolddesk.com'), 'https://acme.bolddesk.com');
    assert.equal(cspSafeOrigin('http://127.0.0.1:4000'), 'http://127.0.0.1:4000');
    assert.equal(cspSafeOrigin("https://x.com; script-src 'unsafe-inline'"), undefined);
    assert.equal(cspSafeOrigin('javascript:alert(1)'), undefined);
    assert.equal(cspSafeOrigin(undefined), undefined);
    assert.equal(buildCsp('src', 'n', "https://x.com; script-src *").includes('script-src *'), false);
  });

  it('carries no ticket data in the HTML: just the id', () => {
    assert.ok(!html.includes('Printer'));
    assert.ok(html.includes('data-ticket-id="42"'));
  });
});

describe('ticket panel: translations in the shell', () => {
  const shell: ShellOptions = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'N0NCE1234567890abcdefgh',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dist/ticketPanel.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/ticketPanel/ticketPanel.css',
    codiconUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/codicons/codicon.css',
    imageOrigin: ORIGIN,
    ticketId: 42,
  };
  const BREAKOUT = '</script><script>alert(1)</script>';
  const csp = (html: string) => /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  /** The text of the embedded bundle element, or undefined when there is none. */
  const embedded = (html: string) => /<script type="application\/json" id="l10n-bundle" nonce="N0NCE1234567890abcdefgh">([^]*?)<\/script>/.exec(html)?.[1];

  afterEach(() => l10n.config({ contents: {} }));

  it('embeds no bundle without one, and the bundle as JSON in a nonce\'d data script with one', () => {
    assert.equal(embedded(renderShell(shell)), undefined);
    const html = renderShell({ ...shell, l10nBundle: { 'Send reply': 'Antworten' } });
    assert.deepEqual(JSON.parse(embedded(html) ?? ''), { 'Send reply': 'Antworten' });
    assert.ok(html.indexOf('id="l10n-bundle"') < html.indexOf('ticketPanel.js'), 'the bundle comes before the script that reads it');
  });

  it('a bundle value cannot close its script element (or open a comment), and the CSP stays the same', () => {
    const evil = { [BREAKOUT]: BREAKOUT, 'Post as': '<!--<script>', 'Send reply': 'a\u2028b\u2029c & "q"', n: 5 as unknown as string };
    const html = renderShell({ ...shell, l10nBundle: evil });
    const json = embedded(html) ?? '';
    assert.ok(!json.includes('<') && !json.includes('\u2028') && !json.includes('\u2029'), json);
    // Exactly the two script elements of the shell: the data and the nonce'd bundle; no tag or comment from the values.
    assert.deepEqual(html.match(/<\/?script\b[^>]*>/gi), [
      '<script type="application/json" id="l10n-bundle" nonce="N0NCE1234567890abcdefgh">', '</script>',
      `<script nonce="N0NCE1234567890abcdefgh" src="${shell.scriptUri}">`, '</script>',
    ]);
    assert.ok(!html.includes('<!--') && !html.includes('alert(1)</script>'));
    // JSON.parse gives back exactly the strings (the non-string value is dropped).
    assert.deepEqual(JSON.parse(json), { [BREAKOUT]: BREAKOUT, 'Post as': '<!--<script>', 'Send reply': 'a\u2028b\u2029c & "q"' });
    assert.equal(csp(html), csp(renderShell(shell)));
    assert.equal(csp(html), buildCsp(shell.cspSource, shell.nonce, ORIGIN));
    assert.equal(bundleJson({}), '{}');
  });

  it('translates the shell\'s own words with the configured bundle, as text (never markup)', () => {
    assert.match(renderShell(shell), /<span id="send-label">Send reply<\/span>/);
    l10n.config({ contents: { 'Send reply': BREAKOUT, 'Ticket #{0}': 'Ticket n° {0} "x"', 'Conversation': 'Unterhaltung' } });
    const html = renderShell({ ...shell, l10nBundle: { 'Send reply': BREAKOUT } });
    assert.match(html, /<span id="send-label">&lt;\/script&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/span>/);
    assert.match(html, /<title>Ticket n° 42 &quot;x&quot;<\/title>/);
    assert.match(html, /aria-label="Unterhaltung"/);
    assert.equal((html.match(/<script\b/g) ?? []).length, 2);
  });

  it('sets <html lang> from a language tag only', () => {
    const lang = (l?: string) => /<html lang="([^"]*)">/.exec(renderShell({ ...shell, lang: l }))?.[1];
    assert.equal(lang(undefined), 'en');
    assert.equal(lang('de'), 'de');
    assert.equal(lang('pt-br'), 'pt-br');
    assert.equal(lang('zh-Hant-TW'), 'zh-Hant-TW');
    assert.equal(lang('qps-ploc'), 'qps-ploc');
    for (const bad of ['"><script>alert(1)</script>', 'en us', 'e', 'x'.repeat(40), '-de', 'de-', 'de_DE']) assert.equal(safeLang(bad), 'en', bad);
  });
});

describe('ticket panel: view model', () => {
  it('maps the header fields', () => {
    const t = toPanelTicket(ticket());
    assert.equal(t.subject, 'Printer <b>on fire</b>', 'the subject stays text; the webview inserts it with textContent');
    assert.deepEqual(t.assignee, { id: 3, name: 'Ana Agent' });
    assert.equal(t.requester, 'Jane Customer');
    assert.deepEqual(t.status, { id: 1, name: 'Open' });
  });

  it('orders the conversation oldest first and tells notes from replies', () => {
    const msgs = [
      message(3, '2025-01-03T00:00:00Z', { kind: 'note', author: { userId: 3, name: 'Ana Agent' } }),
      message(1, '2025-01-01T10:00:00Z', { isFirstUpdate: true, isFromCustomer: true }),
      message(2, '2025-01-02T00:00:00Z'),
    ];
    const conv = toPanelConversation(ticket(), msgs, ORIGIN);
    assert.deepEqual(conv.map((m) => m.key), ['m1', 'm2', 'm3']);
    assert.deepEqual(conv.map((m) => m.kind), ['reply', 'reply', 'note']);
    assert.equal(conv[2].author, 'Ana Agent');
    assert.equal(conv[0].fromCustomer, true);
  });

  it('starts with the description when the messages do not include the first one', () => {
    const conv = toPanelConversation(ticket(), [message(5, '2025-01-02T00:00:00Z')], ORIGIN);
    assert.equal(conv[0].kind, 'description');
    assert.equal(conv[0].html, '<p>It burns</p>');
    assert.equal(conv[0].author, 'Jane Customer');
    assert.equal(conv.length, 2);
  });

  it('keeps only http(s) attachment links', () => {
    assert.equal(safeAttachmentUrl('/files/1.png', ORIGIN), `${ORIGIN}/files/1.png`);
    assert.equal(safeAttachmentUrl('https://cdn.example.com/a.pdf', ORIGIN), 'https://cdn.example.com/a.pdf');
    assert.equal(safeAttachmentUrl('javascript:alert(1)', ORIGIN), undefined);
    assert.equal(safeAttachmentUrl(undefined, ORIGIN), undefined);
  });
});

describe('ticket panel: URL policy for customer HTML', () => {
  it('links: absolute http(s)/mailto kept, relative resolved against BoldDesk, scripts dropped', () => {
    assert.equal(resolveLinkUrl('https://example.com/x', ORIGIN), 'https://example.com/x');
    assert.equal(resolveLinkUrl('/kb/1', ORIGIN), `${ORIGIN}/kb/1`);
    assert.equal(resolveLinkUrl('mailto:a@b.c', ORIGIN), 'mailto:a@b.c');
    for (const bad of ['javascript:alert(1)', ' jav\tascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '']) {
      assert.equal(resolveLinkUrl(bad, ORIGIN), undefined, bad);
    }
  });

  it('images: only from the BoldDesk origin', () => {
    assert.equal(resolveImageUrl('/attachments/1.png', ORIGIN), `${ORIGIN}/attachments/1.png`);
    assert.equal(resolveImageUrl(`${ORIGIN}/a.png`, ORIGIN), `${ORIGIN}/a.png`);
    for (const bad of ['https://evil.example/p.gif', '//evil.example/p.gif', 'http://acme.bolddesk.com/a.png', 'data:image/png;base64,AAAA', 'cid:part1']) {
      assert.equal(resolveImageUrl(bad, ORIGIN), undefined, bad);
    }
  });
});

describe('ticket panel: formatting', () => {
  const now = Date.parse('2025-06-15T12:00:00Z');
  it('relative times', () => {
    assert.equal(relativeTime('2025-06-15T11:59:50Z', now), 'now');
    assert.equal(relativeTime('2025-06-15T11:55:00Z', now), '5 minutes ago');
    assert.equal(relativeTime('2025-06-15T09:00:00Z', now), '3 hours ago');
    assert.equal(relativeTime('2025-06-14T12:00:00Z', now), 'yesterday');
    assert.equal(relativeTime('2024-06-15T12:00:00Z', now), 'last year');
    assert.equal(relativeTime('not a date', now), '');
    assert.equal(relativeTime(undefined, now), '');
  });

  it('an older message shows its date beside the relative time; today\'s only the relative time (issue 18)', () => {
    assert.equal(timeLabel('2025-06-15T09:00:00Z', now), '3 hours ago');
    assert.equal(timeLabel('2025-06-14T12:00:00Z', now), 'yesterday (Jun 14, 2025)');
    assert.equal(timeLabel('2024-06-15T12:00:00Z', now), 'last year (Jun 15, 2024)');
    assert.equal(timeLabel('2024-06-15T12:00:00Z', now, 'de'), 'letztes Jahr (15.06.2024)');
    assert.equal(timeLabel('garbage', now), '');
  });

  it('exact time for hovers includes the year', () => {
    assert.match(exactTime('2025-06-15T09:00:00Z'), /2025/);
    assert.equal(exactTime('garbage'), '');
  });

  it('sizes', () => {
    assert.equal(formatSize(512), '512 B');
    assert.equal(formatSize(2048), '2.0 KB');
    assert.equal(formatSize(5 * 1024 * 1024), '5.0 MB');
    assert.equal(formatSize(undefined), '');
  });

  it('long conversations show only the newest page first', () => {
    assert.deepEqual(visibleRange(500, 50), { start: 450, hidden: 450 });
    assert.deepEqual(visibleRange(20, 50), { start: 0, hidden: 0 });
  });
});
