// The text of the read-only ticket document: properties, then the whole conversation oldest first, each
// message marked as reply or private note. Ticket HTML is untrusted: html-to-text turns it into plain text.
import type * as HtmlToText from 'html-to-text';
import type { TicketDetail, TicketMessage } from '../api/types';

let htmlToText: ((html: string) => string) | undefined;

/** Loaded on first use, not at activation: esbuild.js ships html-to-text (~190 KB) as dist/htmlToText.js. */
function converter(): (html: string) => string {
  if (!htmlToText) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { compile } = require('html-to-text') as typeof HtmlToText;
    htmlToText = compile({
      wordwrap: 100,
      selectors: [
        { selector: 'img', format: 'skip' },
        { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      ],
      limits: { maxInputLength: 2_000_000 },
    });
  }
  return htmlToText;
}

function plain(html: string): string {
  return converter()(html ?? '').trim() || '(empty)';
}

function when(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
}

function heading(text: string): string {
  return `── ${text} ${'─'.repeat(Math.max(3, 96 - text.length))}`;
}

function person(p: { name: string; email?: string } | undefined): string {
  if (!p) return '';
  return p.email ? `${p.name} <${p.email}>` : p.name;
}

function messageHeading(m: TicketMessage): string {
  const kind = m.kind === 'note' ? 'PRIVATE NOTE' : m.isFromCustomer ? 'Customer reply' : 'Reply';
  return [kind, person(m.author), when(m.createdOn)].filter(Boolean).join(' · ');
}

export function renderTicketDocument(ticket: TicketDetail, messages: TicketMessage[], webUrl?: string): string {
  const lines: string[] = [`#${ticket.id} ${ticket.subject}`, ''];
  const rows: [string, string | undefined][] = [
    ['Status', ticket.status?.name],
    ['Priority', ticket.priority?.name],
    ['Requester', person(ticket.requester)],
    ['Assignee', ticket.agent?.name ?? 'Unassigned'],
    ['Group', ticket.group?.name],
    ['Category', ticket.category?.name],
    ['Brand', ticket.brand],
    ['Created', when(ticket.createdOn)],
    ['Updated', when(ticket.lastUpdatedOn)],
    ['Link', webUrl],
  ];
  for (const [label, value] of rows) if (value) lines.push(`${`${label}:`.padEnd(11)}${value}`);
  lines.push('');

  const sorted = [...messages].sort((a, b) => a.createdOn.localeCompare(b.createdOn) || a.id - b.id);
  // The description is usually also the first message; show it separately only when it is not.
  if (!sorted.some((m) => m.isFirstUpdate) && ticket.description) {
    lines.push(heading(['Description', person(ticket.createdBy ?? ticket.requester), when(ticket.createdOn)].filter(Boolean).join(' · ')));
    lines.push('', plain(ticket.description), '');
  }
  for (const m of sorted) {
    lines.push(heading(messageHeading(m)), '', plain(m.html));
    if (m.attachments.length) lines.push('', `Attachments: ${m.attachments.map((a) => a.name).join(', ')}`);
    lines.push('');
  }
  if (sorted.length === 0 && !ticket.description) lines.push('(No messages yet.)');
  const notes = sorted.filter((m) => m.kind === 'note').length;
  lines.push(`${sorted.length} message(s), ${notes} private note(s). Read-only: reply with “BoldDesk: Add Reply”.`);
  return lines.join('\n');
}
