// The host side of one ticket panel: answers the webview's requests and pushes ticket data to it.
// No `vscode` import: everything editor-specific comes in through PanelEnv, so plain-Node tests can drive it. The
// texts the webview shows go through @vscode/l10n (configured with VS Code's bundle at activation); log lines stay English.
import * as l10n from '@vscode/l10n';
import { fieldTexts, sendTexts } from './panelTexts';
import type { BoldDeskApi } from '../../api/api';
import { isBoldDeskError } from '../../api/errors';
import { confirmFieldChange, type FieldChangeOutcome } from '../../api/confirmWrite';
import type { FieldChanges, TicketAttachment, TicketDetail, TicketSummary } from '../../api/types';
import { mergeTicketAttachments } from './mergeAttachments';
import { extras } from '../../lazy/load';
import type { AttachmentSink, PanelAttachments } from './panelAttachments';
import { toPanelConversation, toPanelLookups, toPanelTicket } from './panelModel';
import type {
  Draft,
  EditableField,
  ExtensionMessage,
  ExtensionNotification,
  PanelAgent,
  PanelDraftFiles,
  PanelIdentities,
  PanelLookups,
  Reply,
  RequestResults,
  RequestType,
  WebviewRequest,
} from './protocol';
import { validateRequest } from './validateRequest';

/** Per-ticket composer drafts that outlive the panel: the draft editors' DraftStore, through panelDrafts.ts. */
export interface PanelDrafts {
  get(ticketId: number): Draft | undefined;
  set(ticketId: number, draft: Draft): Promise<void>;
  clear(ticketId: number, kind: Draft['kind']): Promise<void>;
  /** After BoldDesk confirmed a send: bumps the ticket's sent revision and clears the draft everywhere. */
  markSent(ticketId: number, kind: Draft['kind'], text: string): Promise<void>;
  /** The last confirmed send on the ticket (revision and text), if any. */
  lastSent(ticketId: number): { revision: number; text: string } | undefined;
  sentRevision(ticketId: number): number;
}

/** Files attached to the composer's drafts (src/drafts/draftFiles.ts); their tokens go with the send. */
export interface PanelFiles {
  list(ticketId: number): PanelDraftFiles;
  /** The open dialog; the files join the draft after the limits are checked (an Error says why not). */
  pick(ticketId: number, kind: Draft['kind']): Promise<void>;
  remove(ticketId: number, kind: Draft['kind'], index: number): Promise<void>;
  /** Uploads the kind's files one by one (never retried); their tokens. Throws when one failed. */
  upload(ticketId: number, kind: Draft['kind'], api: BoldDeskApi, report: (message: string) => void): Promise<string[]>;
  clear(ticketId: number, kind: Draft['kind']): Promise<void>;
}

export interface PanelEnv {
  /** The client for an identity (undefined → the default). */
  getApi(identityId?: string): Promise<BoldDeskApi>;
  /** The identities the composer may post as (no keys); omitted = only the default. */
  identities?(): PanelIdentities;
  /** Origin of the configured BoldDesk domain, if any. */
  origin(): string | undefined;
  attribution(): string;
  drafts: PanelDrafts;
  /** Opens an already-validated http(s)/mailto URL outside the editor. */
  openExternal(url: string): Promise<void>;
  openInBrowser(ticketId: number): Promise<void>;
  /** Runs BoldDesk: Start Work on Ticket for the ticket (it asks, confirms and reports on its own). */
  startWork?(ticketId: number): Promise<void>;
  ticketChanged(ticketId: number): void;
  /** Remember the ticket for the palette's recent list. */
  noteOpened(ticket: TicketSummary): void;
  describeError(error: unknown): string;
  log: { info(message: string): void; error(message: string, error?: unknown): void };
  /** Opens and saves downloaded attachments (editor tab, image preview, save dialog); omitted in some tests. */
  attachmentSink?: AttachmentSink;
  /** Files attached to the composer's drafts; omitted = the composer cannot attach files. */
  files?: PanelFiles;
}

type Loaded = Extract<ExtensionNotification, { type: 'ticketLoaded' }>;

class RequestFailure extends Error {
  constructor(message: string, readonly outcomeUnknown = false, readonly alreadySent = false) {
    super(message);
  }
}

const MAX_AGENT_RESULTS = 50;

export class TicketPanelController {
  private snapshot: Loaded | undefined;
  private loadSeq = 0;
  private sending = false;
  private picking = false;
  /** True while this panel itself reports a change, so the echo of that report does not reload it again. */
  private reportingChange = false;
  private readonly updating = new Set<EditableField>();
  /** Created on first use (its code is in dist/extras.js). */
  private attachmentsState: PanelAttachments | undefined;
  private rawMessages: Parameters<PanelAttachments['remember']>[0] = [];

  constructor(
    readonly ticketId: number,
    private readonly env: PanelEnv,
    private readonly post: (message: ExtensionMessage) => void,
    private readonly onTitle: (title: string) => void = () => undefined,
  ) {}

  private get attachments(): PanelAttachments {
    if (!this.attachmentsState) {
      this.attachmentsState = new (extras().PanelAttachments)(this.ticketId);
      this.attachmentsState.remember(this.rawMessages);
    }
    return this.attachmentsState;
  }

  /** What the webview was last sent (tests check it; undefined until the first load succeeded). */
  get loaded(): Loaded | undefined {
    return this.snapshot;
  }

  /** Handles one raw message from the webview; posts the reply and returns it (undefined when there is no id). */
  async handle(raw: unknown): Promise<Reply | undefined> {
    const v = validateRequest(raw);
    if (!v.ok) {
      this.env.log.error(`Ticket panel #${this.ticketId}: rejected a webview message (${v.reason})`);
      if (v.id === undefined) return undefined;
      return this.reply({ type: 'reply', id: v.id, ok: false, error: { message: l10n.t('The panel sent a request the extension does not accept.') } });
    }
    const request = v.request;
    try {
      const result = await this.run(request);
      return this.reply({ type: 'reply', id: request.id, ok: true, result });
    } catch (error) {
      const failure = error instanceof RequestFailure ? error : new RequestFailure(this.env.describeError(error));
      if (!(error instanceof RequestFailure)) this.env.log.error(`Ticket panel #${this.ticketId}: ${request.type} failed`, error);
      return this.reply({
        type: 'reply',
        id: request.id,
        ok: false,
        error: {
          message: failure.message,
          ...(failure.outcomeUnknown ? { outcomeUnknown: true } : {}),
          ...(failure.alreadySent ? { alreadySent: true } : {}),
        },
      });
    }
  }

  /** Fetches the ticket, its conversation and the lookups, and pushes them to the webview. */
  async load(): Promise<boolean> {
    const seq = ++this.loadSeq;
    this.post({ type: 'loading' });
    try {
      const api = await this.env.getApi();
      const [ticket, own, lookups, listed] = await Promise.all([
        api.getTicket(this.ticketId),
        api.getMessages(this.ticketId),
        this.loadLookups(api),
        this.listedAttachments(api),
      ]);
      const messages = mergeTicketAttachments(own, listed);
      if (seq !== this.loadSeq) return true; // a newer load is under way; its answer wins
      const origin = api.origin;
      this.rawMessages = messages;
      this.attachmentsState?.remember(messages);
      this.snapshot = {
        type: 'ticketLoaded',
        ticket: toPanelTicket(ticket),
        messages: toPanelConversation(ticket, messages, origin),
        lookups,
        attribution: this.env.attribution(),
        origin,
      };
      this.onTitle(`#${ticket.id} ${ticket.subject}`);
      this.env.noteOpened(ticket);
      this.postSnapshot();
      return true;
    } catch (error) {
      if (seq !== this.loadSeq) return false;
      this.env.log.error(`Ticket panel #${this.ticketId}: loading failed`, error);
      this.post({ type: 'loadFailed', message: this.env.describeError(error) });
      return false;
    }
  }

  /** Someone else (a command, the tree) changed this ticket: show the new state. */
  ticketChangedElsewhere(): void {
    if (!this.reportingChange) void this.load();
  }

  /** The stored draft of this ticket changed (DraftStore event): push it; the composer decides whether to show it. */
  draftChangedElsewhere(): void {
    this.post({ type: 'draftChanged', draft: this.env.drafts.get(this.ticketId), ...this.sentRevision() });
  }

  /** The ticket's sent revision for a message to the webview (absent = nothing sent yet). */
  private sentRevision(): { sentRevision?: number } {
    const revision = this.env.drafts.sentRevision(this.ticketId);
    return revision > 0 ? { sentRevision: revision } : {};
  }

  attributionChanged(): void {
    this.post({ type: 'attributionChanged', text: this.env.attribution(), identities: this.env.identities?.() });
  }

  /** The ticket's attachment list (besides each message's own); without it the messages' lists still show. */
  private async listedAttachments(api: BoldDeskApi): Promise<TicketAttachment[] | undefined> {
    try {
      return await api.getTicketAttachments?.(this.ticketId);
    } catch (error) {
      this.env.log.error(`Ticket panel #${this.ticketId}: the ticket's attachment list failed; showing each message's own`, error);
      return undefined;
    }
  }

  private async loadLookups(api: BoldDeskApi): Promise<PanelLookups> {
    // Without lookups the ticket still shows; the fields are just not editable.
    try {
      const [statuses, priorities] = await Promise.all([api.getStatuses(), api.getPriorities()]);
      return toPanelLookups(statuses, priorities);
    } catch (error) {
      this.env.log.error(`Ticket panel #${this.ticketId}: lookups failed`, error);
      return { statuses: [], priorities: [] };
    }
  }

  private postSnapshot(): void {
    if (!this.snapshot) return;
    this.post({
      ...this.snapshot,
      attribution: this.env.attribution(),
      draft: this.env.drafts.get(this.ticketId),
      ...this.sentRevision(),
      identities: this.env.identities?.(),
      ...(this.env.files ? { files: this.env.files.list(this.ticketId) } : {}),
    });
  }

  private filesChanged(): PanelDraftFiles {
    const files = this.env.files?.list(this.ticketId) ?? { reply: [], note: [] };
    this.post({ type: 'filesChanged', files });
    return files;
  }

  private async attachFiles(kind: Draft['kind']): Promise<RequestResults['attachFiles']> {
    if (!this.env.files) throw new RequestFailure(l10n.t('Files cannot be attached here.'));
    // One open dialog at a time; nothing changes while a send is uploading the list.
    if (this.picking || this.sending) throw new RequestFailure(l10n.t('Wait for the current send or file choice to finish.'));
    this.picking = true;
    try {
      await this.env.files.pick(this.ticketId, kind);
    } catch (error) {
      throw new RequestFailure(error instanceof Error ? error.message : String(error));
    } finally {
      this.picking = false;
    }
    return { files: this.filesChanged() };
  }

  private reply(r: Reply): Reply {
    this.post(r);
    return r;
  }

  private async run(request: WebviewRequest): Promise<RequestResults[RequestType]> {
    switch (request.type) {
      case 'ready':
        // A webview comes back after being hidden or reloaded: resend what we have instead of refetching.
        if (this.snapshot) this.postSnapshot();
        else void this.load();
        return null;
      case 'refresh':
        if (!(await this.load())) throw new RequestFailure(l10n.t('Could not refresh the ticket.'));
        return null;
      case 'send':
        return this.send(request.kind, request.text, request.postAs, request.basedOn);
      case 'saveDraft':
        if (request.draft.text.trim() === '') await this.env.drafts.clear(this.ticketId, request.draft.kind);
        else await this.env.drafts.set(this.ticketId, request.draft);
        return null;
      case 'updateField':
        return this.updateField(request.field, request.value);
      case 'searchAgents':
        return this.searchAgents(request.text);
      case 'openLink':
        await this.env.openExternal(request.url);
        return null;
      case 'openInBrowser':
        await this.env.openInBrowser(this.ticketId);
        return null;
      case 'attachFiles':
        return this.attachFiles(request.kind);
      case 'removeFile':
        if (this.sending) throw new RequestFailure(l10n.t('Wait for the current send or file choice to finish.'));
        await this.env.files?.remove(this.ticketId, request.kind, request.index);
        return { files: this.filesChanged() };
      case 'startWork':
        if (!this.env.startWork) throw new RequestFailure(l10n.t('Start Work is not available here.'));
        await this.env.startWork(this.ticketId);
        return null;
      case 'preview':
        return { html: extras().markdownToHtml(request.text) };
      case 'openAttachment':
      case 'saveAttachment':
      case 'attachmentThumbnail':
        return this.attachment(request.type, request.attachmentId);
    }
  }

  private async send(kind: Draft['kind'], text: string, postAs?: string, basedOn?: number): Promise<RequestResults['send']> {
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
        this.filesChanged();
      }
      this.reportChange();
      this.env.log.info(`Ticket panel #${this.ticketId}: ${what} ${messageId} sent`);
      void this.load(); // show the new message
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
      return await files.upload(this.ticketId, kind, api, (message) => this.post({ type: 'sendProgress', text: message }));
    } catch (error) {
      await this.env.drafts.set(this.ticketId, { kind, text });
      this.env.log.error(`Ticket panel #${this.ticketId}: uploading the files failed`, error);
      const why = error instanceof Error && !isBoldDeskError(error) ? error.message : this.env.describeError(error);
      throw new RequestFailure(l10n.t('{0} Nothing was sent; your text and the attached files are kept.', why));
    }
  }

  private async attachment(type: 'openAttachment' | 'saveAttachment' | 'attachmentThumbnail', id: number): Promise<{ dataUrl?: string } | null> {
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

  private async updateField(field: EditableField, value: number | null): Promise<RequestResults['updateField']> {
    if (this.updating.has(field)) throw new RequestFailure(fieldTexts(field).busy);
    const lookups = this.snapshot?.lookups;
    const known = field === 'status' ? lookups?.statuses : field === 'priority' ? lookups?.priorities : undefined;
    if (known && known.length > 0 && !known.some((r) => r.id === value)) {
      throw new RequestFailure(field === 'status'
        ? l10n.t('That status is not one BoldDesk offers. Refresh the ticket and try again.')
        : l10n.t('That priority is not one BoldDesk offers. Refresh the ticket and try again.'));
    }
    const changes: FieldChanges =
      field === 'status' ? { statusId: value ?? undefined } : field === 'priority' ? { priorityId: value ?? undefined } : { agentId: value };
    this.updating.add(field);
    try {
      const api = await this.env.getApi();
      let outcome: FieldChangeOutcome;
      try {
        // Confirmed by reading the ticket back (docs/BOLDDESK-API.md, "Field changes"): never report what did not happen.
        outcome = await confirmFieldChange(api, this.ticketId, changes);
      } catch (error) {
        this.env.log.error(`Ticket panel #${this.ticketId}: changing the ${field} failed`, error);
        const outcomeUnknown = isBoldDeskError(error) && error.outcomeUnknown;
        const texts = fieldTexts(field);
        const message = outcomeUnknown ? texts.unknownOutcome : texts.failed(this.env.describeError(error));
        throw new RequestFailure(message, outcomeUnknown);
      }
      if (outcome.kind === 'unconfirmed') {
        this.reportChange();
        await this.refreshHeader(api);
        return { changed: true };
      }
      this.showTicket(outcome.ticket);
      if (outcome.kind === 'ignored') {
        if (outcome.answered === 'changed') this.reportChange();
        throw new RequestFailure(l10n.t('BoldDesk did not apply this change. Open the ticket in the browser to change it.'));
      }
      if (outcome.kind === 'applied') this.reportChange();
      return { changed: outcome.kind === 'applied' };
    } finally {
      this.updating.delete(field);
    }
  }

  private reportChange(): void {
    this.reportingChange = true; // the tree's change event fires synchronously inside ticketChanged()
    try {
      this.env.ticketChanged(this.ticketId);
    } finally {
      this.reportingChange = false;
    }
  }

  /** BoldDesk's own view of the ticket after a change (the value it holds, the new "last updated"). */
  private showTicket(detail: TicketDetail): void {
    const ticket = toPanelTicket(detail);
    if (this.snapshot) this.snapshot = { ...this.snapshot, ticket };
    this.post({ type: 'ticketUpdated', ticket });
  }

  /** After a change whose re-read failed: one more try to show BoldDesk's own view of the ticket. */
  private async refreshHeader(api: BoldDeskApi): Promise<void> {
    try {
      this.showTicket(await api.getTicket(this.ticketId));
    } catch (error) {
      // The change itself succeeded; the webview applies the confirmed value from the reply.
      this.env.log.error(`Ticket panel #${this.ticketId}: reloading the ticket after a change failed`, error);
    }
  }

  private async searchAgents(text: string): Promise<PanelAgent[]> {
    const api = await this.env.getApi();
    const agents = await api.searchAgents(text.trim());
    return agents.slice(0, MAX_AGENT_RESULTS).map((a) => ({ userId: a.userId, name: a.name, email: a.email }));
  }
}
