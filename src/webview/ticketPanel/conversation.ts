// The conversation, oldest first. Long threads render incrementally: the newest PAGE messages first, then
// "Show earlier messages" prepends the previous PAGE without rebuilding what is already on screen.
// Replies, private notes and the original description each look different; notes say "Private note".
import * as l10n from '@vscode/l10n';
import type { PanelMessage } from '../../views/ticketPanel/protocol';
import { attachmentItem } from './attachments';
import { h, icon, timeEl } from './dom';
import { visibleRange } from './format';
import type { Sanitize } from './sanitize';

export const PAGE = 50;
/** How long a just-sent message stays highlighted. */
const HIGHLIGHT_MS = 3000;

/**
 * The accessible name of a message: who wrote it and whether it is private, a whole phrase per kind (computed at use,
 * after l10n is configured). When it was written is its accessible description (its <time>).
 */
function messageLabel(kind: PanelMessage['kind'], author: string): string {
  if (kind === 'note') return l10n.t('Private note by {0}', author);
  if (kind === 'description') return l10n.t('Original request by {0}', author);
  return l10n.t('Reply by {0}', author);
}
const KIND_ICON: Record<PanelMessage['kind'], string> = { reply: 'comment', note: 'lock', description: 'mail' };

export class Conversation {
  private messages: PanelMessage[] = [];
  /** Index of the oldest rendered message. */
  private start = 0;
  private readonly list: HTMLOListElement;
  private readonly more: HTMLButtonElement;
  /** Numbers the messages' <time> ids (unique on the page, whatever the message keys are). */
  private renderCount = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly sanitize: () => Sanitize | undefined,
    /** How many messages to show at first; a refresh keeps at least as many as are on screen. */
    private shown = PAGE,
  ) {
    this.more = h('button', { type: 'button', class: 'button-secondary show-earlier' });
    this.more.hidden = true; // until there is something earlier to show
    this.more.addEventListener('click', () => this.showEarlier());
    this.list = h('ol', { class: 'messages', 'aria-label': l10n.t('Messages, oldest first') });
    // A heading per part of the page, in order: h1 the ticket, h2 the conversation (and the composer), h3 each message.
    this.root.replaceChildren(h('h2', { class: 'visually-hidden' }, l10n.t('Conversation')), this.more, this.list);
  }

  get shownCount(): number {
    return this.messages.length - this.start;
  }

  /**
   * Replaces the conversation (first load or refresh); keeps at least as many messages shown as before.
   * `scrollToEnd`: bring the newest message into view. `highlightNew`: after a send, mark the messages that were not
   * there before for a moment, so the user sees which one is theirs.
   */
  show(messages: PanelMessage[], scrollToEnd: boolean, highlightNew = false): void {
    const known = new Set(this.messages.map((m) => m.key));
    const wasShown = Math.max(this.shown, this.shownCount);
    this.messages = messages;
    this.start = visibleRange(messages.length, wasShown).start;
    const items = this.messages.slice(this.start).map((m) => this.renderMessage(m));
    this.list.replaceChildren(...items);
    if (messages.length === 0) this.list.append(h('li', { class: 'empty' }, l10n.t('No messages yet.')));
    this.updateMore();
    if (highlightNew) this.highlight(items.filter((li) => !known.has(li.dataset.key ?? '')));
    if (scrollToEnd) this.revealNewest();
  }

  /**
   * The newest message in view: its end at the bottom of the conversation (nothing covers it: the composer is below
   * the scrolling area, not over it), or its start when it is taller than the area.
   */
  private revealNewest(): void {
    const last = this.list.lastElementChild as HTMLElement | null;
    if (!last) return;
    const area = this.root.clientHeight > 0 && this.root.scrollHeight > this.root.clientHeight ? this.root.clientHeight : window.innerHeight;
    last.scrollIntoView({ block: last.offsetHeight > area ? 'start' : 'end' });
  }

  private highlight(items: HTMLElement[]): void {
    for (const li of items) {
      li.classList.add('message-highlight');
      setTimeout(() => li.classList.remove('message-highlight'), HIGHLIGHT_MS);
    }
  }

  private showEarlier(): void {
    const newStart = Math.max(0, this.start - PAGE);
    if (newStart === this.start) return;
    const anchor = this.list.firstElementChild;
    const before = anchor?.getBoundingClientRect().top ?? 0;
    const items = this.messages.slice(newStart, this.start).map((m) => this.renderMessage(m));
    this.list.prepend(...items);
    this.start = newStart;
    this.shown = this.shownCount;
    this.updateMore();
    // Keep the message the reader was looking at in place, and move keyboard focus to the first new one.
    if (anchor) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
    (items[items.length - 1] as HTMLElement | undefined)?.focus({ preventScroll: true });
  }

  private updateMore(): void {
    const hidden = this.start;
    this.more.hidden = hidden === 0;
    this.more.replaceChildren(icon('fold-up'), ' ', l10n.t('Show earlier messages ({0} more)', hidden));
  }

  private renderMessage(m: PanelMessage): HTMLLIElement {
    const body = h('div', { class: 'message-body' });
    const sanitize = this.sanitize();
    if (sanitize) body.append(sanitize(m.html));
    else body.textContent = m.html; // no sanitizer (yet): never insert as HTML
    // An image the author gave no description: say that there is one, instead of a screen reader spelling its URL.
    body.querySelectorAll('img:not([alt])').forEach((img) => img.setAttribute('alt', l10n.t('Image without a description')));
    const when = timeEl(m.createdOn);
    when.id = `when-${this.renderCount++}`;
    const header = h('div', { class: 'message-header' },
      icon(KIND_ICON[m.kind]),
      h('h3', { class: 'message-author' }, m.author),
      m.kind === 'note' ? h('span', { class: 'badge badge-note' }, l10n.t('Private note')) : false,
      m.kind === 'description' ? h('span', { class: 'badge' }, l10n.t('Original request')) : false,
      m.kind === 'reply' && m.fromCustomer ? h('span', { class: 'badge badge-customer' }, l10n.t('Customer')) : false,
      when,
    );
    const li = h('li', {
      class: `message message-${m.kind}${m.fromCustomer ? ' from-customer' : ''}`,
      'aria-label': messageLabel(m.kind, m.author),
      'aria-describedby': when.id,
      tabindex: '-1',
      'data-key': m.key,
    }, header, body);
    if (m.attachments.length > 0) {
      li.append(h('ul', { class: 'attachments', 'aria-label': l10n.t('Attachments') },
        ...m.attachments.map(attachmentItem)));
    }
    return li;
  }
}
