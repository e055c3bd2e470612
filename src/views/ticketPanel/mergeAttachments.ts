// The conversation's attachments from two documented sources (docs/BOLDDESK-API.md, "Attachments: the ticket's
// list"): each message's own `attachments`, and `GET /tickets/{id}/attachments`, which names the message
// (`updateId`) and says whether the file is on a private note. A listed file missing from its message is added to
// it; a file both name keeps the message's data plus the list's private flag. A listed file whose message is not in
// the conversation is left out (there is nowhere true to show it). Pure: no vscode.
import type { TicketAttachment, TicketMessage } from '../../api/types';

export function mergeTicketAttachments(messages: readonly TicketMessage[], listed: readonly TicketAttachment[] | undefined): TicketMessage[] {
  if (!listed || listed.length === 0) return [...messages];
  const byMessage = new Map<number, TicketAttachment[]>();
  for (const a of listed) {
    if (a.updateId === undefined) continue;
    byMessage.set(a.updateId, [...(byMessage.get(a.updateId) ?? []), a]);
  }
  return messages.map((m) => {
    const extra = byMessage.get(m.id);
    if (!extra) return m;
    const attachments = m.attachments.map((own) => {
      const same = extra.find((a) => a.id === own.id);
      return same?.isPrivate !== undefined && own.isPrivate === undefined ? { ...own, isPrivate: same.isPrivate } : own;
    });
    for (const a of extra) {
      if (attachments.some((own) => own.id === a.id)) continue;
      const attachment: TicketAttachment = { ...a };
      delete attachment.updateId;
      attachments.push(attachment);
    }
    return { ...m, attachments };
  });
}
