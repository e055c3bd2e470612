// The ticket panel's attachment requests (open, save, thumbnail), host side: the attachments of the last load are
// remembered here, and the PanelAttachments that serves them (dist/extras.js) is created on first use. No vscode import.
import * as l10n from '@vscode/l10n';
import { extras } from '../../lazy/load';
import type { PanelAttachments } from './panelAttachments';
import type { PanelEnv } from './panelEnv';
import { RequestFailure } from './requestFailure';

type Messages = Parameters<PanelAttachments['remember']>[0];
export type AttachmentRequest = 'openAttachment' | 'saveAttachment' | 'attachmentThumbnail';

export class PanelAttachmentRequests {
  /** Created on first use (its code is in dist/extras.js). */
  private attachmentsState: PanelAttachments | undefined;
  private rawMessages: Messages = [];

  constructor(
    private readonly ticketId: number,
    private readonly env: PanelEnv,
  ) {}

  /** The loaded conversation: its attachments are the ones the webview may ask for. */
  remember(messages: Messages): void {
    this.rawMessages = messages;
    this.attachmentsState?.remember(messages);
  }

  private get attachments(): PanelAttachments {
    if (!this.attachmentsState) {
      this.attachmentsState = new (extras().PanelAttachments)(this.ticketId);
      this.attachmentsState.remember(this.rawMessages);
    }
    return this.attachmentsState;
  }

  async handle(type: AttachmentRequest, id: number): Promise<{ dataUrl?: string } | null> {
    try {
      const api = await this.env.getApi();
      if (type === 'attachmentThumbnail') return await this.attachments.thumbnail(api, id);
      const sink = this.env.attachmentSink;
      if (!sink) throw new RequestFailure(l10n.t('Attachments cannot be opened here.'));
      if (type === 'openAttachment') await this.attachments.open(api, id, sink);
      else await this.attachments.save(api, id, sink);
      return null;
    } catch (error) {
      if (error instanceof RequestFailure) throw error;
      if (error instanceof extras().AttachmentFailure) throw new RequestFailure(error.message);
      this.env.log.error(`Ticket panel #${this.ticketId}: attachment ${id} (${type}) failed`, error);
      throw new RequestFailure(this.env.describeError(error));
    }
  }
}
