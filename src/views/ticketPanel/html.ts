// The ticket webview's HTML: a static shell (no ticket data, no key, no settings) with a strict CSP. Ticket data
// arrives later over postMessage. Pure string building, so the CSP is unit-tested. The shell's own words go through
// @vscode/l10n (configured with VS Code's bundle at activation); the same bundle is embedded as JSON for the
// webview's script (src/webview/ticketPanel/l10nSetup.ts), which cannot reach vscode.l10n itself.
import { randomBytes } from 'crypto';
import * as l10n from '@vscode/l10n';

export interface ShellOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  /** BoldDesk origin: the only other place images may load from. Dropped unless it is a plain http(s) origin. */
  imageOrigin?: string;
  ticketId: number;
  /** `vscode.l10n.bundle`: the translations for the webview's own strings (omitted = English). */
  l10nBundle?: Record<string, string>;
  /** `vscode.env.language`, for `<html lang>` (dates and times follow it). Anything that is not a language tag → "en". */
  lang?: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

/** An origin goes into the CSP only when it is exactly scheme://host[:port] (nothing that could add a directive). */
export function cspSafeOrigin(origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  return u.origin === origin.replace(/\/+$/, '') && /^[a-z0-9.:[\]/-]+$/i.test(u.origin) ? u.origin : undefined;
}

export function buildCsp(cspSource: string, nonce: string, imageOrigin?: string): string {
  // data: is for attachment thumbnails the extension downloaded itself (panelAttachments.ts); the sanitizer still
  // drops data: images in message HTML (urlPolicy.ts), so customer HTML cannot use it.
  const img = [cspSource, cspSafeOrigin(imageOrigin), 'data:'].filter(Boolean).join(' ');
  return [
    `default-src 'none'`,
    `img-src ${img}`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    // Not covered by default-src: no <base> rewriting and no form posts, even if something slipped through.
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join('; ');
}

/** Escapes text for an attribute value or element content (translations are text, never markup). */
function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A BCP 47-ish language tag ("en", "pt-br", "zh-Hant-TW", "qps-ploc"), or "en". */
export function safeLang(lang: string | undefined): string {
  return lang && lang.length <= 35 && /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : 'en';
}

/**
 * The bundle as the content of a `<script type="application/json">`: only string values, and no `<` (so no
 * `</script>` or `<!--`) nor U+2028/U+2029 in the JSON text; JSON.parse turns the escapes back into the characters.
 */
export function bundleJson(bundle: Record<string, unknown>): string {
  const strings = Object.fromEntries(Object.entries(bundle).filter(([, v]) => typeof v === 'string'));
  return JSON.stringify(strings)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function renderShell(o: ShellOptions): string {
  const n = attr(o.nonce);
  // The shell's own words, translated and escaped (a translation is text, never markup).
  const t = {
    title: attr(l10n.t('Ticket #{0}', o.ticketId)),
    details: attr(l10n.t('Ticket details')),
    loading: attr(l10n.t('Loading…')),
    conversation: attr(l10n.t('Conversation')),
    composer: attr(l10n.t('Write a reply or private note')),
    kind: attr(l10n.t('Kind of message')),
    reply: attr(l10n.t('Reply (public)')),
    note: attr(l10n.t('Private note')),
    messageText: attr(l10n.t('Message text')),
    placeholder: attr(l10n.t('Write a reply to the requester… (Ctrl+Enter to send)')),
    postAs: attr(l10n.t('Post as')),
    hint: attr(l10n.t('Press Control+Enter to send.')),
    send: attr(l10n.t('Send reply')),
    preview: attr(l10n.t('Preview')),
    previewRegion: attr(l10n.t('Preview: what BoldDesk will receive')),
    markdown: attr(l10n.t('Markdown: code blocks, lists, links and tables are sent formatted.')),
    attach: attr(l10n.t('Attach files…')),
    attachHint: attr(l10n.t('Files are uploaded to BoldDesk when you send.')),
    files: attr(l10n.t('Files to send')),
  };
  const bundle = o.l10nBundle ? `<script type="application/json" id="l10n-bundle" nonce="${n}">${bundleJson(o.l10nBundle)}</script>\n` : '';
  return `<!DOCTYPE html>
<html lang="${attr(safeLang(o.lang))}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(buildCsp(o.cspSource, o.nonce, o.imageOrigin))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${n}" href="${attr(o.codiconUri)}">
<link rel="stylesheet" nonce="${n}" href="${attr(o.styleUri)}">
<title>${t.title}</title>
</head>
<body>
<div id="app" data-ticket-id="${o.ticketId}">
  <header id="header" class="ticket-header" aria-label="${t.details}" aria-busy="true">
    <h1 class="ticket-title"><span class="ticket-id">#${o.ticketId}</span> <span id="subject" class="ticket-subject">${t.loading}</span></h1>
  </header>
  <div id="banner" class="banner" role="status" aria-live="polite" hidden></div>
  <main id="conversation" class="conversation" aria-label="${t.conversation}" tabindex="0"></main>
  <section id="composer" class="composer" aria-labelledby="composer-heading">
    <h2 id="composer-heading" class="visually-hidden">${t.composer}</h2>
    <div class="composer-kind" role="radiogroup" aria-label="${t.kind}">
      <label><input type="radio" name="kind" value="reply" checked> <span class="codicon codicon-reply" aria-hidden="true"></span> ${t.reply}</label>
      <label><input type="radio" name="kind" value="note"> <span class="codicon codicon-lock" aria-hidden="true"></span> ${t.note}</label>
    </div>
    <label for="composer-text" class="visually-hidden">${t.messageText}</label>
    <textarea id="composer-text" rows="5" placeholder="${t.placeholder}" aria-describedby="attribution composer-hint"></textarea>
    <div id="composer-preview" class="composer-preview message-body" role="region" aria-label="${t.previewRegion}" aria-live="polite" hidden></div>
    <ul id="composer-files" class="attachments composer-files" aria-label="${t.files}" hidden></ul>
    <div class="composer-footer">
      <button id="attach-files" type="button" class="button-secondary" title="${t.attachHint}"><span class="codicon codicon-attach" aria-hidden="true"></span> ${t.attach}</button>
      <button id="preview-toggle" type="button" class="button-secondary" aria-pressed="false" aria-controls="composer-preview" title="${t.markdown}"><span class="codicon codicon-open-preview" aria-hidden="true"></span> ${t.preview}</button>
      <label id="post-as-wrap" class="post-as" hidden>${t.postAs} <select id="post-as" aria-describedby="attribution"></select></label>
      <span id="attribution" class="attribution"></span>
      <span id="composer-hint" class="visually-hidden">${t.hint}</span>
      <span id="composer-status" class="composer-status" role="status" aria-live="polite"></span>
      <button id="send" type="button" class="button-primary"><span class="codicon codicon-send" aria-hidden="true"></span> <span id="send-label">${t.send}</span></button>
    </div>
  </section>
</div>
${bundle}<script nonce="${n}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}
