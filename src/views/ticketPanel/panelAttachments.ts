// Attachments in the ticket panel, host side (no vscode import): remembers the attachments of the loaded
// conversation by id, so the webview only ever names an id (never a URL), downloads them through the client (the key
// stays in the extension host), and hands the bytes to a sink that opens or saves them. Thumbnails reach the webview
// as data: URLs whose image type is read from the bytes themselves, never taken from the server.
import * as l10n from '@vscode/l10n';
import type { BoldDeskApi } from '../../api/api';
import type { Attachment, TicketMessage } from '../../api/types';
import { attachmentKind, sniffImage, type AttachmentKind } from './attachmentKind';

export const AttachmentCaps = {
  /** Largest image shown inline as a thumbnail. */
  thumbnailBytes: 2 * 1024 * 1024,
  /** Largest file opened in an editor tab or the image preview. */
  openBytes: 10 * 1024 * 1024,
  /** Largest file saved with Save As… */
  saveBytes: 50 * 1024 * 1024,
} as const;

export interface AttachmentFile {
  ticketId: number;
  id: number;
  name: string;
  kind: AttachmentKind;
  internal: boolean;
  bytes: Uint8Array;
}

/** Where downloaded files go (vscode side: editor tab, image preview, save dialog). */
export interface AttachmentSink {
  show(file: AttachmentFile): Promise<void>;
  /** Resolves false when the user cancelled the dialog. */
  saveAs(file: AttachmentFile): Promise<boolean>;
}

export class AttachmentFailure extends Error {}

export class PanelAttachments {
  private readonly known = new Map<number, { a: Attachment; internal: boolean }>();

  constructor(private readonly ticketId: number) {}

  /** The attachments of the conversation just loaded (private-note files count as internal). */
  remember(messages: TicketMessage[]): void {
    this.known.clear();
    for (const m of messages) {
      for (const a of m.attachments) this.known.set(a.id, { a, internal: m.kind === 'note' || a.isPrivate === true });
    }
  }

  private async fetch(api: BoldDeskApi, id: number, cap: number): Promise<AttachmentFile> {
    const entry = this.known.get(id);
    if (!entry) throw new AttachmentFailure(l10n.t('That attachment is not part of this ticket any more. Refresh the ticket.'));
    const { a, internal } = entry;
    if (!a.url || !api.downloadAttachment) throw new AttachmentFailure(l10n.t('BoldDesk gave no address for “{0}”.', a.name));
    if (a.size !== undefined && a.size > cap) {
      throw new AttachmentFailure(l10n.t('“{0}” is {1} MB, more than the {2} MB that can be opened here. Use Save As… or open the ticket in the browser.',
        a.name, (a.size / 1048576).toFixed(1), String(Math.round(cap / 1048576))));
    }
    const { bytes } = await api.downloadAttachment(a.url, cap);
    return { ticketId: this.ticketId, id, name: a.name, kind: attachmentKind(a.name, a.contentType), internal, bytes };
  }

  /** A data: URL for an image attachment small enough to show inline; undefined when it is not one. */
  async thumbnail(api: BoldDeskApi, id: number): Promise<{ dataUrl?: string }> {
    const entry = this.known.get(id);
    if (!entry || attachmentKind(entry.a.name, entry.a.contentType) !== 'image') return {};
    if (entry.a.size !== undefined && entry.a.size > AttachmentCaps.thumbnailBytes) return {};
    const file = await this.fetch(api, id, AttachmentCaps.thumbnailBytes);
    const type = sniffImage(file.bytes);
    return type ? { dataUrl: `data:${type};base64,${Buffer.from(file.bytes).toString('base64')}` } : {};
  }

  async open(api: BoldDeskApi, id: number, sink: AttachmentSink): Promise<void> {
    const entry = this.known.get(id);
    const kind = entry ? attachmentKind(entry.a.name, entry.a.contentType) : 'other';
    if (kind === 'other') {
      await this.save(api, id, sink);
      return;
    }
    await sink.show(await this.fetch(api, id, AttachmentCaps.openBytes));
  }

  async save(api: BoldDeskApi, id: number, sink: AttachmentSink): Promise<boolean> {
    return sink.saveAs(await this.fetch(api, id, AttachmentCaps.saveBytes));
  }
}
