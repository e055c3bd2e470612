// Sending a reply or private note from a ticket panel: one write at a time per ticket, the draft's files uploaded
// first, the text kept in the draft whenever BoldDesk may not have it. No vscode import.
import * as l10n from '@vscode/l10n';
import type { BoldDeskApi } from '../../api/api';
import { isBoldDeskError } from '../../api/errors';
import { extras } from '../../lazy/load';
import type { PanelEnv } from './panelEnv';
import { sendTexts } from './panelTexts';
import type { Draft, ExtensionMessage, RequestResults } from './protocol';
import { RequestFailure } from './requestFailure';

/** What the sender asks of its panel's controller. */
export interface SendHooks {
  post(message: ExtensionMessage): void;
  /** The draft's file list changed: push it to the webview. */
  filesChanged(): void;
  /** Tell the rest of the extension the ticket changed (without reloading this panel twice). */
  reportChange(): void;
  /** Reload the ticket to show the new message. */
  reload(): void;
}

export class PanelSender {
  private sending = false;

  constructor(
    private readonly ticketId: number,
    private readonly env: PanelEnv,
    private readonly hooks: SendHooks,
  ) {}

  /** True while a send is out (the file list must not change meanwhile). */
  get busy(): boolean {
    return this.sending;
  }

  async send(kind: Draft['kind'], text: string, postAs?: string, basedOn?: number): Promise<RequestResults['send']> {
    const what = kind === 'reply' ? 'reply' : 'private note'; // for the log
    // One write at a time per ticket: a second click while the first POST is out never sends twice.
    if (this.sending) throw new RequestFailure(sendTexts(kind).busy);
    // A composer that missed a send from elsewhere (hidden, restored state) must not post what BoldDesk already has.
    const last = this.env.drafts.lastSent(this.ticketId);
    if (last && basedOn !== undefined && basedOn < last.revision && last.text.trim() === text.trim()) {
      this.env.log.info(`Ticket panel #${this.ticketId}: refused to send a ${what} BoldDesk already has`);
      throw new RequestFailure(sendTexts(kind).alreadySent, false, true);
    }
    if (postAs !== undefined && !this.env.identities?.().identities.some((i) => i.id === postAs)) {
      throw new RequestFailure(l10n.t('That identity was removed. Choose another one under “Post as” and send again. Your text is kept.'));
    }
    this.sending = true;
    try {
      const html = extras().markdownToHtml(text);
      let messageId: number;
      const api = await this.env.getApi(postAs).catch(async (error: unknown) => {
        await this.env.drafts.set(this.ticketId, { kind, text });
        throw new RequestFailure(l10n.t('{0} Your text is kept.', this.env.describeError(error)));
      });
      const tokens = await this.uploadFiles(api, kind, text);
      try {
        messageId = kind === 'reply' ? await api.addReply(this.ticketId, html, tokens) : await api.addNote(this.ticketId, html, tokens);
      } catch (error) {
        // Keep the text where the next panel will find it, whatever happened to the webview meanwhile.
        await this.env.drafts.set(this.ticketId, { kind, text });
        this.env.log.error(`Ticket panel #${this.ticketId}: sending the ${what} failed`, error);
        if (isBoldDeskError(error) && error.outcomeUnknown) {
          throw new RequestFailure(sendTexts(kind).unknownOutcome, true);
        }
        throw new RequestFailure(l10n.t('{0} Your text is kept.', this.env.describeError(error)));
      }
      await this.env.drafts.markSent(this.ticketId, kind, text);
      if (tokens.length > 0) {
        await this.env.files?.clear(this.ticketId, kind);
        this.hooks.filesChanged();
      }
      this.hooks.reportChange();
      this.env.log.info(`Ticket panel #${this.ticketId}: ${what} ${messageId} sent`);
      this.hooks.reload(); // show the new message
      return { messageId, sentRevision: this.env.drafts.sentRevision(this.ticketId) };
    } finally {
      this.sending = false;
    }
  }

  /** The files of this kind go up first, one by one; a failure sends nothing and keeps the text and the files. */
  private async uploadFiles(api: BoldDeskApi, kind: Draft['kind'], text: string): Promise<string[]> {
    const files = this.env.files;
    if (!files || files.list(this.ticketId)[kind].length === 0) return [];
    try {
      return await files.upload(this.ticketId, kind, api, (message) => this.hooks.post({ type: 'sendProgress', text: message }));
    } catch (error) {
      await this.env.drafts.set(this.ticketId, { kind, text });
      this.env.log.error(`Ticket panel #${this.ticketId}: uploading the files failed`, error);
      const why = error instanceof Error && !isBoldDeskError(error) ? error.message : this.env.describeError(error);
      throw new RequestFailure(l10n.t('{0} Nothing was sent; your text and the attached files are kept.', why));
    }
  }
}
