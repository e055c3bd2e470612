// Tiny DOM helpers. Every piece of ticket text goes in through textContent; only sanitize.ts produces markup.
import * as l10n from '@vscode/l10n';
import { exactTime, timeLabel } from './format';

type Child = Node | string | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) {
    if (c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/** A codicon, hidden from screen readers (the text next to it says the same). */
export function icon(name: string): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

/** The page's language (html.ts sets `<html lang>` from VS Code's display language): dates and numbers follow it. */
export function pageLocale(): string | undefined {
  return document.documentElement.lang || undefined;
}

/** "3 hours ago" (older: with the date) and the exact time on hover; main.ts refreshes the text every minute. */
export function timeEl(iso: string | undefined): HTMLTimeElement {
  const locale = pageLocale();
  const t = h('time', { datetime: iso ?? '', title: exactTime(iso, locale) }, timeLabel(iso, Date.now(), locale));
  return t;
}

export function refreshTimes(root: ParentNode): void {
  const now = Date.now();
  const locale = pageLocale();
  root.querySelectorAll('time[datetime]').forEach((t) => {
    t.textContent = timeLabel(t.getAttribute('datetime') ?? undefined, now, locale);
  });
}

/** An element the panel's shell always has (src/views/ticketPanel/html.ts). */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(l10n.t('The ticket panel is missing its element #{0}.', id));
  return el as T;
}
