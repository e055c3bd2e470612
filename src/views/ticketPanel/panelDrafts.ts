// The panel composer's drafts, kept in the write commands' DraftStore (src/drafts/draftStore.ts, globalState),
// so a draft typed in the panel is the same "Reply to #123" draft the editor commands use, and the other way
// round. The composer holds one text with a kind toggle; the store keys drafts by kind. No vscode import.
import type { DraftKind, DraftRef, SentMark, StoredDraft } from '../../drafts/draftStore';
import type { PanelDrafts } from './panelEnv';
import type { Draft } from './protocol';

/** The part of DraftStore the panel needs (the real one is the draft editors' store, shared). */
export interface DraftStoreLike {
  get(ref: DraftRef): StoredDraft | undefined;
  set(ref: DraftRef, text: string): Promise<void>;
  clear(ref: DraftRef): Promise<void>;
  markSent(ref: DraftRef, text: string): Promise<void>;
  lastSent(ticketId: number): SentMark | undefined;
}

const KINDS: readonly DraftKind[] = ['reply', 'note'];

export class PanelDraftAdapter implements PanelDrafts {
  /** The kind the panel last wrote per ticket: when the user flips the toggle, the text moves with it. */
  private readonly panelKind = new Map<number, DraftKind>();

  constructor(private readonly store: DraftStoreLike) {}

  /** The newest stored draft of either kind. */
  get(ticketId: number): Draft | undefined {
    let best: { kind: DraftKind; d: StoredDraft } | undefined;
    for (const kind of KINDS) {
      const d = this.store.get({ ticketId, kind });
      if (d && d.text.trim() !== '' && (!best || d.mtime > best.d.mtime)) best = { kind, d };
    }
    return best && { kind: best.kind, text: best.d.text };
  }

  async set(ticketId: number, draft: Draft): Promise<void> {
    const previous = this.panelKind.get(ticketId);
    this.panelKind.set(ticketId, draft.kind);
    await this.store.set({ ticketId, kind: draft.kind }, draft.text);
    if (previous && previous !== draft.kind) await this.store.clear({ ticketId, kind: previous });
  }

  /** BoldDesk confirmed the send: bump the ticket's sent revision and forget the draft, for every surface. */
  async markSent(ticketId: number, kind: DraftKind, text: string): Promise<void> {
    this.panelKind.delete(ticketId);
    await this.store.markSent({ ticketId, kind }, text);
  }

  lastSent(ticketId: number): SentMark | undefined {
    return this.store.lastSent(ticketId);
  }

  sentRevision(ticketId: number): number {
    return this.store.lastSent(ticketId)?.revision ?? 0;
  }

  /** Forgets the draft of that kind (when the composer was emptied). */
  async clear(ticketId: number, kind: DraftKind): Promise<void> {
    this.panelKind.delete(ticketId);
    await this.store.clear({ ticketId, kind });
  }
}
