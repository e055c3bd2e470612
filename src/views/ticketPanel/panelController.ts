// The host side of one ticket panel: answers the webview's requests and pushes ticket data to it.
// No `vscode` import: everything editor-specific comes in through PanelEnv, so plain-Node tests can drive it. The
// texts the webview shows go through @vscode/l10n (configured with VS Code's bundle at activation); log lines stay English.
import * as l10n from '@vscode/l10n';
import type { TicketDetail } from '../../api/types';
import type { TicketDetailData } from '../../model/ticketDetailCache';
import { extras } from '../../lazy/load';
import { PanelAttachmentRequests } from './panelAttachmentRequests';
import type { PanelEnv } from './panelEnv';
import { PanelFieldUpdater } from './panelFieldUpdater';
import { toPanelConversation, toPanelLookups, toPanelTicket } from './panelModel';
import { PanelSender } from './panelSender';
import type {
  Draft,
  ExtensionMessage,
  ExtensionNotification,
  PanelAgent,
  PanelDraftFiles,
  Reply,
  RequestResults,
  RequestType,
  WebviewRequest,
} from './protocol';
import { RequestFailure } from './requestFailure';
import { validateRequest } from './validateRequest';

type Loaded = Extract<ExtensionNotification, { type: 'ticketLoaded' }>;

const MAX_AGENT_RESULTS = 50;

/** Requests that mean the user is working in this panel: a preview panel is kept from then on. */
const ENGAGING: ReadonlySet<RequestType> = new Set(['keepOpen', 'send', 'updateField', 'attachFiles', 'dropFile', 'removeFile']);

export class TicketPanelController {
  private snapshot: Loaded | undefined;
  private loadSeq = 0;
  private picking = false;
  /** True while this panel itself reports a change, so the echo of that report does not reload it again. */
  private reportingChange = false;
  private readonly attachments: PanelAttachmentRequests;
  private readonly sender: PanelSender;
  private readonly fields: PanelFieldUpdater;

  constructor(
    readonly ticketId: number,
    private readonly env: PanelEnv,
    private readonly post: (message: ExtensionMessage) => void,
    private readonly onTitle: (title: string) => void = () => undefined,
    /** The user worked in the panel (typed, sent, changed a field, attached, Keep Open). */
    private readonly onEngaged: () => void = () => undefined,
  ) {
    this.attachments = new PanelAttachmentRequests(ticketId, env);
    this.sender = new PanelSender(ticketId, env, {
      post: (message) => this.post(message),
      filesChanged: () => void this.filesChanged(),
      reportChange: () => this.reportChange(),
      reload: () => void this.load(),
    });
    this.fields = new PanelFieldUpdater(ticketId, env, {
      lookups: () => this.snapshot?.lookups,
      showTicket: (detail) => this.showTicket(detail),
      reportChange: () => this.reportChange(),
    });
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
    if (ENGAGING.has(request.type) || (request.type === 'saveDraft' && request.draft.text.trim() !== '')) this.onEngaged();
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

  /**
   * Fetches the ticket, its conversation and the lookups, and pushes them to the webview. The first load shows the
   * cached or prefetched ticket at once (no request before it), then revalidates unless the copy is a fresh prefetch;
   * BoldDesk unreachable then keeps the cached copy on screen (read-only, like the tree).
   */
  async load(): Promise<boolean> {
    const seq = ++this.loadSeq;
    const details = this.snapshot ? undefined : this.env.details?.();
    const cached = await details?.get(this.ticketId);
    if (seq !== this.loadSeq) return true;
    if (cached) this.show(cached.data, this.env.origin() ?? '');
    else this.post({ type: 'loading' });
    if (cached && details?.isFresh(cached)) {
      details.put(this.ticketId, cached.data, true); // opened now: kept on disk, revalidated when opened again
      return true;
    }
    try {
      const api = await this.env.getApi();
      const data = (await details?.pending(this.ticketId)) ?? (await extras().fetchTicketDetail(api, this.ticketId, this.env.log));
      if (seq !== this.loadSeq) return true; // a newer load is under way; its answer wins
      this.env.details?.().put(this.ticketId, data, true);
      this.show(data, api.origin);
      return true;
    } catch (error) {
      if (seq !== this.loadSeq) return false;
      this.env.log.error(`Ticket panel #${this.ticketId}: loading failed`, error);
      // With a cached copy on screen the page keeps it and says "Could not refresh: …" (offline, deleted, no access).
      this.post({ type: 'loadFailed', message: this.env.describeError(error) });
      return false;
    }
  }

  private show({ ticket, messages, statuses, priorities }: TicketDetailData, origin: string): void {
    this.attachments.remember(messages);
    this.snapshot = {
      type: 'ticketLoaded',
      ticket: toPanelTicket(ticket),
      messages: toPanelConversation(ticket, messages, origin),
      lookups: toPanelLookups(statuses, priorities),
      attribution: this.env.attribution(),
      origin,
    };
    this.onTitle(`#${ticket.id} ${ticket.subject}`);
    this.env.noteOpened(ticket);
    this.postSnapshot();
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

  /** The open dialog (`drop` absent) or a dropped file (validateRequest capped its size before this decodes it). */
  private async attachFiles(kind: Draft['kind'], drop?: { name: string; data: string }): Promise<RequestResults['attachFiles']> {
    if (!this.env.files) throw new RequestFailure(l10n.t('Files cannot be attached here.'));
    // One open dialog or drop at a time; nothing changes while a send is uploading the list.
    if (this.picking || this.sender.busy) throw new RequestFailure(l10n.t('Wait for the current send or file choice to finish.'));
    this.picking = true;
    try {
      if (drop) await this.env.files.drop(this.ticketId, kind, drop.name, Buffer.from(drop.data, 'base64'));
      else await this.env.files.pick(this.ticketId, kind);
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
      case 'focused':
        this.env.panelFocused?.();
        return null;
      case 'keepOpen':
        return null; // onEngaged above kept it
      case 'refresh':
        if (!(await this.load())) throw new RequestFailure(l10n.t('Could not refresh the ticket.'));
        return null;
      case 'send':
        return this.sender.send(request.kind, request.text, request.postAs, request.basedOn);
      case 'saveDraft':
        if (request.draft.text.trim() === '') await this.env.drafts.clear(this.ticketId, request.draft.kind);
        else await this.env.drafts.set(this.ticketId, request.draft);
        return null;
      case 'updateField':
        return this.fields.update(request.field, request.value);
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
      case 'dropFile':
        return this.attachFiles(request.kind, request);
      case 'removeFile':
        if (this.sender.busy) throw new RequestFailure(l10n.t('Wait for the current send or file choice to finish.'));
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
        return this.attachments.handle(request.type, request.attachmentId);
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

  private async searchAgents(text: string): Promise<PanelAgent[]> {
    const api = await this.env.getApi();
    const agents = await api.searchAgents(text.trim());
    return agents.slice(0, MAX_AGENT_RESULTS).map((a) => ({ userId: a.userId, name: a.name, email: a.email }));
  }
}
