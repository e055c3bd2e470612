// Turns the client's models into the plain data the ticket webview shows. Pure: no vscode, no DOM (the fallback
// names go through @vscode/l10n, configured with VS Code's bundle at activation).
import * as l10n from '@vscode/l10n';
import type { Priority, Status, TicketDetail, TicketMessage, UserRef } from '../../api/types';
import { attachmentKind } from './attachmentKind';
import type { PanelAttachment, PanelLookups, PanelMessage, PanelTicket } from './protocol';

function userName(u: UserRef | undefined): string | undefined {
  if (!u) return undefined;
  return u.name || u.email || l10n.t('User {0}', u.userId);
}

export function toPanelTicket(t: TicketDetail): PanelTicket {
  return {
    id: t.id,
    subject: t.subject,
    status: t.status && { id: t.status.id, name: t.status.name },
    priority: t.priority && { id: t.priority.id, name: t.priority.name },
    category: t.category && { id: t.category.id, name: t.category.name },
    brand: t.brand,
    requester: userName(t.requester),
    assignee: t.agent && { id: t.agent.id, name: t.agent.name },
    createdOn: t.createdOn,
    lastUpdatedOn: t.lastUpdatedOn,
  };
}

/** Attachment links open through the OS browser; anything but an absolute http(s) URL is shown without a link. */
export function safeAttachmentUrl(url: string | undefined, origin: string): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url, origin);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function toPanelMessage(m: TicketMessage, origin: string): PanelMessage {
  const attachments: PanelAttachment[] = m.attachments.map((a) => ({
    id: a.id,
    name: a.name,
    url: safeAttachmentUrl(a.url, origin),
    size: a.size,
    contentType: a.contentType,
    kind: attachmentKind(a.name, a.contentType),
    internal: m.kind === 'note' || a.isPrivate === true,
  }));
  return {
    key: `m${m.id}`,
    kind: m.kind,
    html: m.html,
    author: userName(m.author) ?? l10n.t({ message: 'Unknown', comment: ['Shown as the author of a message when BoldDesk names none'] }),
    fromCustomer: m.isFromCustomer === true,
    createdOn: m.createdOn,
    attachments,
  };
}

/**
 * The conversation oldest first. When the messages do not include the ticket's first message (the original
 * description), the description is shown as the first entry so the thread always starts at the beginning.
 */
export function toPanelConversation(ticket: TicketDetail, messages: TicketMessage[], origin: string): PanelMessage[] {
  const sorted = [...messages].sort((a, b) => Date.parse(a.createdOn) - Date.parse(b.createdOn) || a.id - b.id);
  const out = sorted.map((m) => toPanelMessage(m, origin));
  const hasFirst = messages.some((m) => m.isFirstUpdate);
  if (!hasFirst && ticket.description.trim().length > 0) {
    out.unshift({
      key: 'description',
      kind: 'description',
      html: ticket.description,
      author: userName(ticket.requester) ?? userName(ticket.createdBy) ?? l10n.t('Requester'),
      fromCustomer: true,
      createdOn: ticket.createdOn ?? '',
      attachments: [],
    });
  }
  return out;
}

export function toPanelLookups(statuses: Status[], priorities: Priority[]): PanelLookups {
  return {
    statuses: statuses.map((s) => ({ id: s.id, name: s.name })),
    priorities: priorities.map((p) => ({ id: p.id, name: p.name })),
  };
}
