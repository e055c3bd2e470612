// Unsent replies and notes, one per ticket and kind, kept in memory and persisted in a key-value store
// (the extension's globalState: draft text is not secret) so a draft survives closing its tab and reloading
// the window. Also the naming of draft documents (`bolddesk-draft:/Reply to #123.md`). No vscode import.
// onDidChange tells the draft tab (file system) and an open ticket panel that a draft was saved or cleared.
import { Emitter } from '../model/emitter';

export type DraftKind = 'reply' | 'note';

export interface DraftRef {
  ticketId: number;
  kind: DraftKind;
}

export interface StoredDraft {
  text: string;
  /** Epoch ms of the last change (the file system's mtime). */
  mtime: number;
}

/** The subset of vscode.Memento the store needs. */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
  keys(): readonly string[];
}

/** Longest draft kept (characters): far more than any reply; a paste of a whole log is refused, never cut. */
export const MAX_DRAFT_CHARS = 200_000;

/** A draft over MAX_DRAFT_CHARS: nothing is stored (the editor keeps every character the user typed). */
export class DraftTooLargeError extends Error {
  constructor(readonly length: number) {
    super(`The draft is ${length} characters long; at most ${MAX_DRAFT_CHARS} are kept.`);
    this.name = 'DraftTooLargeError';
  }
}

const TITLES: Record<DraftKind, string> = { reply: 'Reply to', note: 'Private note on' };
const PATH_RE = /^\/(Reply to|Private note on) #(\d+)\.md$/;
const KEY_PREFIX = 'bolddesk.draft.';

/** `Reply to #123` / `Private note on #123`: what the editor tab shows. */
export function draftTitle(ref: DraftRef): string {
  return `${TITLES[ref.kind]} #${ref.ticketId}`;
}

/** Path of the draft document (`.md` so the editor uses Markdown). */
export function draftPath(ref: DraftRef): string {
  return `/${draftTitle(ref)}.md`;
}

export function parseDraftPath(path: string): DraftRef | undefined {
  const m = PATH_RE.exec(path);
  if (!m) return undefined;
  const ticketId = Number(m[2]);
  if (!Number.isSafeInteger(ticketId) || ticketId <= 0) return undefined;
  return { ticketId, kind: m[1] === TITLES.reply ? 'reply' : 'note' };
}

/**
 * The stored key of a draft: by help desk origin too (ticket #123 of one help desk is not #123 of another) and by
 * the ticket's number, so `#0012` and `#12` are one draft. `bolddesk.draft.reply.123@https://acme.bolddesk.com`.
 */
export function draftKey(ref: DraftRef, origin: string): string {
  return `${KEY_PREFIX}${ref.kind}.${ref.ticketId}@${origin}`;
}

/** Drafts saved before they were keyed by origin (adopted by the first origin that reads them). */
function legacyDraftKey(ref: DraftRef): string {
  return `${KEY_PREFIX}${ref.kind}.${ref.ticketId}`;
}

/** Bumped by every confirmed send of the ticket's reply or note (see DraftStore.markSent). */
function sentKey(ticketId: number, origin: string): string {
  return `bolddesk.draftSent.${ticketId}@${origin}`;
}

/** What a confirmed send leaves behind: a revision number and the text BoldDesk now has. */
export interface SentMark {
  revision: number;
  kind: DraftKind;
  text: string;
}

function isSentMark(v: unknown): v is SentMark {
  return typeof v === 'object' && v !== null && Number.isSafeInteger((v as SentMark).revision) &&
    typeof (v as SentMark).text === 'string' && ((v as SentMark).kind === 'reply' || (v as SentMark).kind === 'note');
}

/** Kept apart from the text (an emptied draft keeps its choice until it is sent). Not matched by parseKey. */
function postAsKey(ref: DraftRef, origin: string): string {
  return `bolddesk.draftPostAs.${ref.kind}.${ref.ticketId}@${origin}`;
}

function parseKey(key: string, origin: string): DraftRef | undefined {
  const m = /^bolddesk\.draft\.(reply|note)\.(\d+)@(.*)$/.exec(key);
  return m && m[3] === origin ? { kind: m[1] as DraftKind, ticketId: Number(m[2]) } : undefined;
}

function isStoredDraft(v: unknown): v is StoredDraft {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as StoredDraft).text === 'string' &&
    typeof (v as StoredDraft).mtime === 'number'
  );
}

export class DraftStore {
  private readonly cache = new Map<string, StoredDraft>();
  /** When each draft was last cleared, so mtimes never go backwards for an open editor. */
  private readonly clearedAt = new Map<string, number>();
  private readonly changes = new Emitter<DraftRef>();
  /** Fired once a draft's text was set or cleared (and persisted), whoever did it. */
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly state: KeyValueStore,
    private readonly now: () => number = Date.now,
    /** The help desk origin drafts are read and written for now (the session's). */
    private readonly origin: () => string = () => '',
  ) {}

  // Every method takes the origin the draft belongs to; by default the session's current one. A draft tab passes
  // the origin it was opened for, so a tab left open across a domain change never writes to another help desk.
  get(ref: DraftRef, origin = this.origin()): StoredDraft | undefined {
    const key = draftKey(ref, origin);
    const cached = this.cache.get(key);
    if (cached) return cached;
    let stored = this.state.get<unknown>(key);
    if (stored === undefined) stored = this.adoptLegacy(ref, key);
    if (!isStoredDraft(stored)) return undefined;
    this.cache.set(key, stored);
    return stored;
  }

  /** A draft stored before drafts were keyed by origin becomes this origin's (never dropped). */
  private adoptLegacy(ref: DraftRef, key: string): unknown {
    const legacy = this.state.get<unknown>(legacyDraftKey(ref));
    if (!isStoredDraft(legacy)) return undefined;
    void this.state.update(key, legacy);
    void this.state.update(legacyDraftKey(ref), undefined);
    return legacy;
  }

  /** mtime to report for a draft, also when it is empty. */
  mtime(ref: DraftRef, origin = this.origin()): number {
    return this.get(ref, origin)?.mtime ?? this.clearedAt.get(draftKey(ref, origin)) ?? 0;
  }

  /** Saves the text; empty (whitespace-only) text removes the draft; over MAX_DRAFT_CHARS it is refused (throws). */
  async set(ref: DraftRef, text: string, origin = this.origin()): Promise<void> {
    if (text.length > MAX_DRAFT_CHARS) throw new DraftTooLargeError(text.length);
    if (text.trim() === '') return this.clear(ref, origin);
    const key = draftKey(ref, origin);
    const draft: StoredDraft = { text, mtime: this.nextMtime(ref, origin) };
    this.cache.set(key, draft);
    await this.state.update(key, draft);
    this.changes.fire(ref); // after the update: get() falls back to the persisted state
  }

  async clear(ref: DraftRef, origin = this.origin()): Promise<void> {
    const key = draftKey(ref, origin);
    this.clearedAt.set(key, this.nextMtime(ref, origin));
    this.cache.delete(key);
    await this.state.update(key, undefined);
    this.changes.fire(ref);
  }

  /**
   * BoldDesk confirmed the send of `text`: bump the ticket's sent revision (persisted, so a panel restored from its
   * own webview state after a reload can tell that its text predates the send), then clear the draft.
   */
  async markSent(ref: DraftRef, text: string, origin = this.origin()): Promise<void> {
    const mark: SentMark = { revision: this.sentRevision(ref.ticketId, origin) + 1, kind: ref.kind, text };
    await this.state.update(sentKey(ref.ticketId, origin), mark);
    if (this.get(ref, origin)) await this.clear(ref, origin);
    else this.changes.fire(ref); // already cleared (the draft tab empties itself first): still announce the send
  }

  /** The last confirmed send of either kind on this ticket, if any. */
  lastSent(ticketId: number, origin = this.origin()): SentMark | undefined {
    const v = this.state.get<unknown>(sentKey(ticketId, origin));
    return isSentMark(v) ? v : undefined;
  }

  /** 0 until something was sent on this ticket; every confirmed send adds 1. */
  sentRevision(ticketId: number, origin = this.origin()): number {
    return this.lastSent(ticketId, origin)?.revision ?? 0;
  }

  /** The identity id this draft is to be posted as ("Post as…"); undefined = the default identity. */
  postAs(ref: DraftRef): string | undefined {
    const v = this.state.get<unknown>(postAsKey(ref, this.origin()));
    return typeof v === 'string' ? v : undefined;
  }

  async setPostAs(ref: DraftRef, identityId: string | undefined, origin = this.origin()): Promise<void> {
    await this.state.update(postAsKey(ref, origin), identityId);
  }

  /** Every stored draft of the current origin (for the file system's directory listing). */
  list(): DraftRef[] {
    const origin = this.origin();
    return this.state
      .keys()
      .map((k) => parseKey(k, origin))
      .filter((r): r is DraftRef => r !== undefined && this.get(r) !== undefined);
  }

  private nextMtime(ref: DraftRef, origin: string): number {
    return Math.max(this.now(), this.mtime(ref, origin) + 1);
  }
}
