// The ticket webview's HTML: a static shell (no ticket data, no key, no settings) with a strict CSP. Ticket data
// arrives later over postMessage. Pure string building, so the CSP is unit-tested.
import { randomBytes } from 'crypto';

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
  const img = [cspSource, cspSafeOrigin(imageOrigin)].filter(Boolean).join(' ');
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

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderShell(o: ShellOptions): string {
  const n = attr(o.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(buildCsp(o.cspSource, o.nonce, o.imageOrigin))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" nonce="${n}" href="${attr(o.codiconUri)}">
<link rel="stylesheet" nonce="${n}" href="${attr(o.styleUri)}">
<title>Ticket #${o.ticketId}</title>
</head>
<body>
<div id="app" data-ticket-id="${o.ticketId}">
  <header id="header" class="ticket-header" aria-label="Ticket details" aria-busy="true">
    <h1 class="ticket-title"><span class="ticket-id">#${o.ticketId}</span> <span id="subject" class="ticket-subject">Loading…</span></h1>
  </header>
  <div id="banner" class="banner" role="status" aria-live="polite" hidden></div>
  <main id="conversation" class="conversation" aria-label="Conversation" tabindex="-1"></main>
  <section id="composer" class="composer" aria-label="Write a reply or private note">
    <div class="composer-kind" role="radiogroup" aria-label="Kind of message">
      <label><input type="radio" name="kind" value="reply" checked> <span class="codicon codicon-reply" aria-hidden="true"></span> Reply (public)</label>
      <label><input type="radio" name="kind" value="note"> <span class="codicon codicon-lock" aria-hidden="true"></span> Private note</label>
    </div>
    <label for="composer-text" class="visually-hidden">Message text</label>
    <textarea id="composer-text" rows="5" placeholder="Write a reply… (Ctrl+Enter to send)" aria-describedby="attribution composer-hint"></textarea>
    <div class="composer-footer">
      <label id="post-as-wrap" class="post-as" hidden>Post as <select id="post-as" aria-describedby="attribution"></select></label>
      <span id="attribution" class="attribution"></span>
      <span id="composer-hint" class="visually-hidden">Press Control+Enter to send.</span>
      <span id="composer-status" class="composer-status" role="status" aria-live="polite"></span>
      <button id="send" type="button" class="button-primary"><span class="codicon codicon-send" aria-hidden="true"></span> <span id="send-label">Send reply</span></button>
    </div>
  </section>
</div>
<script nonce="${n}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}
