// The composer: Reply (public) / Private note, Ctrl+Enter (Cmd+Enter) to send, one send at a time. The draft is kept
// in the webview state on every keystroke and in the extension's per-ticket store shortly after; it is cleared only
// when BoldDesk confirmed the send. A stored draft pushed from elsewhere replaces the text only if nothing was typed
// here since the last stored text, never during a send. Every confirmed send bumps the ticket's sent revision: text
// written before it (a panel hidden meanwhile) gives way to the stored draft, so nothing BoldDesk has is offered again.
import * as l10n from '@vscode/l10n';
import type { ComposeKind, Draft, PanelDraftFiles, PanelIdentities } from '../../views/ticketPanel/protocol';
import { byId, h, icon } from './dom';
import { acceptDrops, handOver } from './dropFiles';
import { Rpc, RpcError } from './rpc';
import { loadState, vscodeApi } from './vscodeApi';

const SAVE_DELAY_MS = 300;

export class Composer {
  private readonly text = byId<HTMLTextAreaElement>('composer-text');
  private readonly send = byId<HTMLButtonElement>('send');
  private readonly sendLabel = byId<HTMLSpanElement>('send-label');
  private readonly status = byId<HTMLSpanElement>('composer-status');
  private readonly attribution = byId<HTMLSpanElement>('attribution');
  private readonly section = byId<HTMLElement>('composer');
  private readonly radios = Array.from(document.querySelectorAll<HTMLInputElement>('input[name="kind"]'));
  private readonly postAsWrap = byId<HTMLLabelElement>('post-as-wrap');
  private readonly postAs = byId<HTMLSelectElement>('post-as');
  private readonly attach = byId<HTMLButtonElement>('attach-files');
  private readonly fileList = byId<HTMLUListElement>('composer-files');
  /** The drafts' attached files (the extension's list; uploaded when the message is sent). */
  private files: PanelDraftFiles = { reply: [], note: [] };
  private picking = false;
  private identities: PanelIdentities = { identities: [] };
  private defaultAttribution = '';
  private inFlight = false;
  /** The text this composer last knew to be the stored draft ('' = none); typing since then is never overwritten. */
  private lastStored = '';
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** The ticket's sent revision this composer's text is based on. */
  private sentRevision: number;
  /** The user picked Reply/Private note here: a later load (cached copy, then fresh) never flips it back. */
  private kindChosen = false;
  /** Until the ticket first loads, Send waits (typing is kept: keystrokes are never dropped). */
  private loaded = false;

  constructor(
    private readonly ticketId: number,
    private readonly rpc: Rpc,
    private readonly onSent: () => void,
  ) {
    const state = loadState(ticketId);
    this.sentRevision = state.sentRevision ?? 0;
    if (state.draft) this.apply(state.draft);
    this.updateKind();
    this.send.disabled = true; // until ticketLoaded()
    this.text.addEventListener('input', () => this.changed());
    this.text.addEventListener('blur', () => this.flush());
    this.radios.forEach((r) => r.addEventListener('change', () => {
      this.kindChosen = true;
      // "Reply sent." is about the other kind: it goes (an error or a warning stays until the next send).
      if (this.status.className === 'composer-status') this.status.textContent = '';
      this.updateKind();
      this.changed();
    }));
    this.text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void this.submit();
      }
    });
    this.send.addEventListener('click', () => void this.submit());
    this.attach.addEventListener('click', () => void this.addFiles());
    acceptDrops(this.section, (files) => void this.addFiles(files), () => this.showError(l10n.t('Drop files from your computer here, or use Attach files….')));
    this.postAs.addEventListener('change', () => this.showAttribution());
  }

  /** The ticket is on screen: Send can be used. */
  ticketLoaded(): void {
    this.loaded = true;
    this.setBusy(this.inFlight);
  }

  get kind(): ComposeKind {
    return this.radios.find((r) => r.checked)?.value === 'note' ? 'note' : 'reply';
  }

  setAttribution(text: string, identities?: PanelIdentities): void {
    this.defaultAttribution = text;
    if (identities) this.setIdentities(identities);
    this.showAttribution();
  }

  /** The "Post as" select: shown with more than one identity; keeps the user's choice while it still exists. */
  private setIdentities(list: PanelIdentities): void {
    this.identities = list;
    const previous = this.postAs.value;
    const options = list.identities.map((i) => {
      const o = document.createElement('option');
      o.value = i.id;
      o.textContent = i.label; // textContent: labels are the user's text, never markup
      return o;
    });
    this.postAs.replaceChildren(...options);
    const keep = list.identities.some((i) => i.id === previous) ? previous : list.defaultId;
    if (keep) this.postAs.value = keep;
    this.postAsWrap.hidden = list.identities.length < 2;
  }

  private showAttribution(): void {
    const chosen = this.postAsWrap.hidden ? undefined : this.identities.identities.find((i) => i.id === this.postAs.value);
    this.attribution.textContent = chosen?.attribution ?? this.defaultAttribution;
  }

  /** The extension's stored draft arrived: use it only when nothing is typed here (never overwrite typing). */
  offerStoredDraft(draft: Draft | undefined, sentRevision: number): void {
    if (this.inFlight) return;
    if (this.adoptNewerSend(draft, sentRevision)) return;
    if (draft && this.text.value.trim() === '' && (!this.kindChosen || draft.kind === this.kind)) {
      this.apply(draft);
      this.updateKind();
      this.saveState();
    }
    if (this.text.value === (draft?.text ?? '')) this.lastStored = this.text.value;
  }

  /** The stored draft changed (pushed live): show it unless the user typed here since the last stored text. */
  storedDraftChanged(draft: Draft | undefined, sentRevision: number): void {
    if (this.inFlight) return;
    if (this.adoptNewerSend(draft, sentRevision)) return;
    if (this.text.value !== this.lastStored) return;
    const text = draft?.text ?? '';
    this.lastStored = text;
    if (this.text.value === text && (!draft || draft.kind === this.kind || this.kindChosen)) return;
    if (draft) this.apply(draft);
    else this.text.value = '';
    this.updateKind();
    this.saveState();
  }

  /**
   * A send happened after this composer's text was written (it was hidden or restored from its saved state): the
   * text is what was sent or what the send replaced, so take the stored draft (usually none) instead.
   */
  private adoptNewerSend(draft: Draft | undefined, sentRevision: number): boolean {
    if (sentRevision <= this.sentRevision) return false;
    this.sentRevision = sentRevision;
    const hadText = this.text.value.trim() !== '';
    if (draft) this.apply(draft);
    else this.text.value = '';
    this.lastStored = draft?.text ?? '';
    this.updateKind();
    this.saveState();
    if (hadText && !draft) {
      this.status.className = 'composer-status';
      this.status.textContent = l10n.t('Sent from its draft tab: BoldDesk has it, nothing left to send here.');
    }
    return true;
  }

  private apply(d: Draft): void {
    this.text.value = d.text;
    this.radios.forEach((r) => (r.checked = r.value === d.kind));
  }

  /** The extension's list of attached files (on load, after a pick, a removal or a send). */
  setFiles(files: PanelDraftFiles | undefined): void {
    this.files = files ?? { reply: [], note: [] };
    this.renderFiles();
  }

  /** What a send is doing now (uploading a file…). */
  progress(text: string): void {
    if (!this.inFlight) return;
    this.status.className = 'composer-status';
    this.status.textContent = text;
  }

  private renderFiles(): void {
    const files = this.files[this.kind];
    this.fileList.replaceChildren(...files.map((f, index) => {
      const remove = h('button', { type: 'button', class: 'link-button', title: l10n.t('Remove {0}', f.name), 'aria-label': l10n.t('Remove {0}', f.name) }, icon('close'));
      remove.disabled = this.inFlight;
      remove.addEventListener('click', () => void this.removeFile(index));
      return h('li', {}, icon('file'), ' ', h('span', { class: 'file-name' }, f.name), remove); // textContent: names are the user's
    }));
    this.fileList.hidden = files.length === 0;
  }

  /** The open dialog (`dropped` absent; a double click opens one) or dropped files, into the kind's draft. */
  private async addFiles(dropped?: File[]): Promise<void> {
    if (this.inFlight || this.picking) return dropped && this.showError(l10n.t('Wait for the current send or file choice to finish.'));
    const kind = this.kind;
    this.picking = true;
    this.attach.disabled = true;
    if (dropped) this.status.className = 'composer-status';
    try {
      if (!dropped) this.setFiles((await this.rpc.request({ type: 'attachFiles', kind })).files);
      else await handOver(dropped, (text) => (this.status.textContent = text), async (name, data) => this.setFiles((await this.rpc.request({ type: 'dropFile', kind, name, data })).files));
      if (dropped) this.status.textContent = '';
    } catch (e) {
      this.showError(e instanceof Error ? e.message : String(e));
    } finally {
      this.picking = false;
      this.attach.disabled = this.inFlight;
    }
  }

  private showError(text: string): void {
    this.status.className = 'composer-status error';
    this.status.textContent = text;
  }

  private async removeFile(index: number): Promise<void> {
    if (this.inFlight) return;
    try {
      const { files } = await this.rpc.request({ type: 'removeFile', kind: this.kind, index });
      this.setFiles(files);
    } catch (e) {
      this.showError(e instanceof Error ? e.message : String(e));
    }
  }

  private updateKind(): void {
    this.renderFiles();
    const note = this.kind === 'note';
    this.section.classList.toggle('composing-note', note);
    this.sendLabel.textContent = note ? l10n.t('Add private note') : l10n.t('Send reply');
    this.text.placeholder = note
      ? l10n.t('Write a private note (agents only)… (Ctrl+Enter to add)')
      : l10n.t('Write a reply to the requester… (Ctrl+Enter to send)');
  }

  private draft(): Draft {
    return { kind: this.kind, text: this.text.value };
  }

  private saveState(): void {
    const d = this.draft();
    const rev = this.sentRevision > 0 ? { sentRevision: this.sentRevision } : {}; // absent = nothing sent yet
    vscodeApi.setState({ ticketId: this.ticketId, draft: d.text === '' ? undefined : d, ...rev });
  }

  private changed(): void {
    this.saveState();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  private flush(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.inFlight) return; // the extension stores the text itself if the send fails
    const text = this.text.value;
    this.lastStored = text.trim() === '' ? '' : text; // whitespace-only clears the stored draft
    this.rpc.request({ type: 'saveDraft', draft: this.draft() }).catch(() => undefined);
  }

  private setBusy(busy: boolean): void {
    this.inFlight = busy;
    this.send.disabled = busy || !this.loaded;
    this.text.readOnly = busy;
    this.radios.forEach((r) => (r.disabled = busy));
    this.postAs.disabled = busy;
    this.attach.disabled = busy || this.picking;
    this.fileList.querySelectorAll('button').forEach((b) => (b.disabled = busy));
    this.section.setAttribute('aria-busy', String(busy));
  }

  private async submit(): Promise<void> {
    if (this.inFlight || !this.loaded) return;
    const { kind, text } = this.draft();
    if (text.trim() === '') {
      this.status.textContent = l10n.t('Write something first.');
      return;
    }
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.setBusy(true);
    this.status.className = 'composer-status';
    this.status.textContent = kind === 'note' ? l10n.t('Sending private note…') : l10n.t('Sending reply…');
    try {
      const postAs = this.postAsWrap.hidden || !this.postAs.value ? {} : { postAs: this.postAs.value };
      const sent = await this.rpc.request({ type: 'send', kind, text, basedOn: this.sentRevision, ...postAs });
      this.sentRevision = Math.max(this.sentRevision, sent.sentRevision ?? 0);
      this.text.value = '';
      this.lastStored = '';
      this.saveState();
      this.status.textContent = kind === 'note' ? l10n.t('Private note added.') : l10n.t('Reply sent.');
      this.onSent();
    } catch (e) {
      if (e instanceof RpcError && e.alreadySent) {
        this.text.value = '';
        this.lastStored = '';
        this.saveState();
      }
      this.status.className = `composer-status ${e instanceof RpcError && e.outcomeUnknown ? 'warning' : 'error'}`;
      this.status.textContent = e instanceof Error ? e.message : String(e);
    } finally {
      this.setBusy(false);
      this.text.focus();
    }
  }
}
