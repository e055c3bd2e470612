// Entry point of the ticket webview (bundled by esbuild to media/dist/ticketPanel.js). Wires the shell's
// elements to the protocol: asks for the ticket (`ready`), renders what the extension pushes, and routes every
// link click to the extension (the webview itself never navigates).
// l10nSetup first: it configures @vscode/l10n from the shell before any other module runs.
import './l10nSetup';
import * as l10n from '@vscode/l10n';
import type { ExtensionNotification } from '../../views/ticketPanel/protocol';
import { installAttachmentActions } from './attachments';
import { Composer } from './composer';
import { Conversation } from './conversation';
import { byId, refreshTimes } from './dom';
import { errorText, Header } from './header';
import { ComposerPreview } from './preview';
import { Rpc } from './rpc';
import { createSanitizer, type Sanitize } from './sanitize';

const app = document.getElementById('app');
const ticketId = Number(app?.dataset.ticketId);
const banner = document.getElementById('banner');
const headerEl = document.getElementById('header');
const conversationEl = document.getElementById('conversation');

let sanitizer: { origin: string; sanitize: Sanitize } | undefined;
let loadedOnce = false;
let scrollToEndNext = true;
/** A send just succeeded: the next load shows the new message highlighted. */
let highlightNext = false;
/** A preview panel (replaced by the next ticket clicked in the tree) until the user types in it. */
let previewing = false;

function notify(message: string, kind: 'info' | 'error' | 'loading'): void {
  if (!banner) return;
  banner.hidden = message === '';
  banner.className = `banner banner-${kind}`;
  banner.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  banner.replaceChildren(message);
  if (kind === 'error') {
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'button-secondary';
    retry.textContent = l10n.t('Refresh');
    retry.addEventListener('click', refresh);
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'button-secondary';
    dismiss.textContent = l10n.t('Dismiss');
    dismiss.addEventListener('click', dismissBanner);
    banner.append(' ', retry, ' ', dismiss);
  }
}

/** Closes the error banner; focus that was on its buttons goes to the ticket heading, not to nowhere. */
function dismissBanner(): void {
  const hadFocus = !!banner && banner.contains(document.activeElement);
  notify('', 'info');
  if (hadFocus) headerEl?.querySelector<HTMLElement>('.ticket-title')?.focus();
}
// Escape on the error banner dismisses it, as Escape closes a notification in VS Code.
banner?.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !banner.hidden) {
    e.preventDefault();
    dismissBanner();
  }
});

function refresh(): void {
  rpc.request({ type: 'refresh' }).catch((e: unknown) => notify(errorText(e), 'error'));
}

function onNotification(n: ExtensionNotification): void {
  switch (n.type) {
    case 'loading':
      headerEl?.setAttribute('aria-busy', 'true');
      if (!loadedOnce) notify(l10n.t('Loading ticket…'), 'loading');
      return;
    case 'ticketLoaded':
      if (!sanitizer || sanitizer.origin !== n.origin) sanitizer = { origin: n.origin, sanitize: createSanitizer(window, n.origin) };
      header.show(n.ticket, n.lookups);
      conversation.show(n.messages, scrollToEndNext, highlightNext);
      scrollToEndNext = false;
      highlightNext = false;
      composer.setAttribution(n.attribution, n.identities);
      composer.offerStoredDraft(n.draft, n.sentRevision ?? 0);
      composer.setFiles(n.files);
      composer.ticketLoaded();
      if (!loadedOnce || banner?.classList.contains('banner-loading') || banner?.classList.contains('banner-error')) notify('', 'info');
      // A ticket just opened: keyboard and screen-reader users start at its heading (unless they already moved on).
      if (!loadedOnce && (document.activeElement === document.body || document.activeElement === null)) {
        headerEl?.querySelector<HTMLElement>('.ticket-title')?.focus({ preventScroll: true });
      }
      loadedOnce = true;
      return;
    case 'ticketUpdated':
      header.show(n.ticket);
      return;
    case 'filesChanged':
      composer.setFiles(n.files);
      return;
    case 'sendProgress':
      composer.progress(n.text);
      return;
    case 'draftChanged':
      composer.storedDraftChanged(n.draft, n.sentRevision ?? 0);
      return;
    case 'loadFailed':
      headerEl?.setAttribute('aria-busy', 'false');
      notify(loadedOnce ? l10n.t('Could not refresh: {0}', n.message) : n.message, 'error');
      return;
    case 'attributionChanged':
      composer.setAttribution(n.text, n.identities);
      return;
    case 'previewMode':
      previewing = n.preview;
      header.setPreview(n.preview);
      return;
  }
}

const rpc = new Rpc(onNotification);
const header = new Header(headerEl as HTMLElement, rpc, { notify, refresh });
const conversation = new Conversation(conversationEl as HTMLElement, () => sanitizer?.sanitize);
const composer = new Composer(ticketId, rpc, () => {
  // The extension reloads the ticket after a send: show the new message and mark it for a moment.
  scrollToEndNext = true;
  highlightNext = true;
});
// The first keystroke keeps a preview panel at once, so a click on the next ticket cannot replace unsaved text.
byId('composer-text').addEventListener('input', () => {
  if (!previewing) return;
  previewing = false;
  rpc.request({ type: 'keepOpen' }).catch(() => undefined);
});

new ComposerPreview(rpc, () => sanitizer?.sanitize);
if (conversationEl) installAttachmentActions(conversationEl, rpc, (message) => notify(message, 'error'));

// Every link (in messages, attachments) goes to the extension, which opens http(s)/mailto outside the editor.
// stopPropagation: VS Code's own window-level link handler would otherwise open the same link a second time.
function openLink(e: MouseEvent): void {
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a) return;
  e.preventDefault();
  e.stopPropagation();
  const href = a.getAttribute('href');
  if (!href || (e.type === 'auxclick' && e.button !== 1)) return;
  rpc.request({ type: 'openLink', url: href }).catch((err: unknown) => notify(errorText(err), 'error'));
}
document.addEventListener('click', openLink);
document.addEventListener('auxclick', openLink);

// Coming back to the panel (after the palette, a notification, another editor) puts the focus back where it was,
// or on the ticket heading, instead of nowhere.
let lastFocused: HTMLElement | undefined;
document.addEventListener('focusin', (e) => {
  if (e.target instanceof HTMLElement && e.target !== document.body) lastFocused = e.target;
});
// Not when the mouse brought the focus: the click decides (and may be starting a text selection).
let pointerHeld = false;
document.addEventListener('pointerdown', () => (pointerHeld = true), true);
document.addEventListener('pointerup', () => (pointerHeld = false), true);
document.addEventListener('pointercancel', () => (pointerHeld = false), true);
// Never when the focus has moved on meanwhile (a quick pick opened just after the palette closed): the panel must not
// take the keyboard from it. An element re-rendered while the panel was not focused is found again by its focus key.
window.addEventListener('focus', () => {
  // Not a click: VS Code gave the panel the focus (after the palette closed). A question just opened gets it back.
  if (!pointerHeld) rpc.request({ type: 'focused' }).catch(() => undefined);
  setTimeout(() => {
    if (pointerHeld || !document.hasFocus() || (document.activeElement !== null && document.activeElement !== document.body)) return;
    const key = lastFocused?.dataset.focusKey;
    const again = lastFocused?.isConnected ? lastFocused : key ? document.querySelector<HTMLElement>(`[data-focus-key="${key}"]`) : null;
    (again ?? headerEl?.querySelector<HTMLElement>('.ticket-title'))?.focus({ preventScroll: true });
  }, 0);
});

setInterval(() => refreshTimes(document), 60_000);
void rpc.request({ type: 'ready' });
