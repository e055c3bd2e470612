// The ONE message protocol between the ticket webview and the extension, shared by both sides (so no `vscode`
// and no DOM imports here). The webview sends requests `{id, type, …payload}`; the extension answers each with
// exactly one Reply `{type:'reply', id, ok, result|error}`. The extension also pushes notifications (no id).
// Everything that crosses is plain JSON. A request is untrusted input: see validateRequest.ts.

export const TICKET_PANEL_VIEW_TYPE = 'bolddesk.ticketPanel';

export const Limits = {
  /** Longest reply/note text accepted (characters of plain text). */
  maxBodyChars: 100_000,
  maxUrlChars: 2048,
  maxSearchChars: 100,
  /** Most files one draft may list (the real limit is checked in the extension; this only bounds an index). */
  maxFiles: 100,
  /** Largest file a message takes: MAX_FILE_BYTES of src/drafts/draftFiles.ts (an ASSUMPTION; a unit test keeps them equal). */
  maxFileBytes: 20 * 1024 * 1024,
  maxFileNameChars: 255,
  /** Request ids are counters starting at 1. */
  maxRequestId: 2 ** 31,
} as const;

export type ComposeKind = 'reply' | 'note';
export type EditableField = 'status' | 'priority' | 'assignee';

export interface Draft {
  kind: ComposeKind;
  text: string;
}

// ---- what the webview shows (plain data, derived from src/api/types by panelModel.ts) ----

export interface PanelRef {
  id: number;
  name: string;
}

export interface PanelTicket {
  id: number;
  subject: string;
  status?: PanelRef;
  priority?: PanelRef;
  category?: PanelRef;
  brand?: string;
  requester?: string;
  assignee?: PanelRef;
  createdOn?: string;
  lastUpdatedOn?: string;
}

export interface PanelAttachment {
  /** BoldDesk's attachment id: all the webview may name when it asks to open, save or preview one. */
  id?: number;
  name: string;
  contentType?: string;
  /** image → thumbnail and image preview; text → read-only editor tab; other → Save As…. */
  kind?: 'image' | 'text' | 'other';
  /** Attached to a private note: never seen by the customer. */
  internal?: boolean;
  /** Only http(s) URLs survive panelModel; others become undefined and the name shows without a link. */
  url?: string;
  size?: number;
}

export interface PanelMessage {
  /** Unique within the conversation (messages and the synthetic description entry). */
  key: string;
  kind: 'reply' | 'note' | 'description';
  /** Untrusted HTML: the webview sanitizes it before it touches the DOM. */
  html: string;
  author: string;
  fromCustomer: boolean;
  createdOn: string;
  attachments: PanelAttachment[];
}

export interface PanelLookups {
  statuses: PanelRef[];
  priorities: PanelRef[];
}

/** An identity (API key) the composer can post as; ids only, never keys. */
export interface PanelIdentity {
  id: string;
  label: string;
  /** Whose name BoldDesk will show when posting as this identity. */
  attribution: string;
}

/** The identities to offer in the composer's "Post as" select (shown only with more than one). */
export interface PanelIdentities {
  identities: PanelIdentity[];
  defaultId?: string;
}

/** A file attached to the composer's draft (uploaded only when the message is sent). */
export interface PanelFile {
  name: string;
}

/** The composer's files per kind: a reply and a note draft each keep their own. */
export interface PanelDraftFiles {
  reply: PanelFile[];
  note: PanelFile[];
}

export interface PanelAgent {
  userId: number;
  name: string;
  email: string;
}

// ---- requests (webview → extension) ----

export type WebviewRequest =
  | { id: number; type: 'ready' }
  /** The panel took the keyboard focus without a click (see Prompts.reclaimFocus). */
  | { id: number; type: 'focused' }
  /** Keep Open: a preview panel (opened by a single click in the tree) is kept when the next ticket is clicked. */
  | { id: number; type: 'keepOpen' }
  | { id: number; type: 'refresh' }
  /**
   * `postAs`: identity id to send with (omitted = the default identity). `basedOn`: the ticket's sent revision the
   * composer knew when the text was written (a text written before a later send may be one BoldDesk already has).
   */
  | { id: number; type: 'send'; kind: ComposeKind; text: string; postAs?: string; basedOn?: number }
  | { id: number; type: 'saveDraft'; draft: Draft }
  | { id: number; type: 'updateField'; field: EditableField; value: number | null }
  | { id: number; type: 'searchAgents'; text: string }
  | { id: number; type: 'openLink'; url: string }
  | { id: number; type: 'openInBrowser' }
  /** BoldDesk: Start Work on Ticket for this ticket (the command asks and confirms everything itself). */
  | { id: number; type: 'startWork' }
  /** The open dialog (in the extension): the chosen files join the kind's draft after the limits are checked. */
  | { id: number; type: 'attachFiles'; kind: ComposeKind }
  | { id: number; type: 'removeFile'; kind: ComposeKind; index: number }
  /**
   * A file dropped onto the composer: its name (no folders) and its bytes as base64, read by the page from the File
   * object, so the page never names a local path. The extension checks it like a picked file before it joins the draft.
   */
  | { id: number; type: 'dropFile'; kind: ComposeKind; name: string; data: string }
  /** The HTML BoldDesk would receive for this Markdown (the composer's preview). */
  | { id: number; type: 'preview'; text: string }
  /** Attachments are named by id only; the extension downloads them (the key never reaches the page). */
  | { id: number; type: 'openAttachment'; attachmentId: number }
  | { id: number; type: 'saveAttachment'; attachmentId: number }
  | { id: number; type: 'attachmentThumbnail'; attachmentId: number };

export type RequestType = WebviewRequest['type'];

/** Distributes over the union so each member keeps its own payload fields. */
type OmitId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A request as the webview builds it, before the client numbers it. */
export type RequestPayload = OmitId<WebviewRequest>;

/** The `result` of a successful reply, per request type. */
export interface RequestResults {
  ready: null;
  focused: null;
  keepOpen: null;
  refresh: null;
  /** `sentRevision`: the ticket's sent revision after this send. */
  send: { messageId: number; sentRevision?: number };
  saveDraft: null;
  /** `changed: false` = BoldDesk said "No changes found." (nothing to show, not an error). */
  updateField: { changed: boolean };
  searchAgents: PanelAgent[];
  openLink: null;
  openInBrowser: null;
  startWork: null;
  attachFiles: { files: PanelDraftFiles };
  removeFile: { files: PanelDraftFiles };
  dropFile: { files: PanelDraftFiles };
  /** Rendered and sanitized by the same function that prepares a send; the webview sanitizes it again. */
  preview: { html: string };
  openAttachment: null;
  saveAttachment: null;
  /** No dataUrl: not an image, too large, or not a known image format. */
  attachmentThumbnail: { dataUrl?: string };
}

export interface ReplyError {
  message: string;
  /** A write may have reached BoldDesk although no answer came back: the user must check before resending. */
  outcomeUnknown?: boolean;
  /** Not sent: BoldDesk already has exactly this text (it was sent from elsewhere after this panel last synced). */
  alreadySent?: boolean;
}

export type Reply =
  | { type: 'reply'; id: number; ok: true; result: RequestResults[RequestType] }
  | { type: 'reply'; id: number; ok: false; error: ReplyError };

// ---- notifications (extension → webview) ----

export type ExtensionNotification =
  | { type: 'loading' }
  | {
      type: 'ticketLoaded';
      ticket: PanelTicket;
      messages: PanelMessage[];
      lookups: PanelLookups;
      attribution: string;
      /** BoldDesk origin: the only place inline images may come from. */
      origin: string;
      /** The draft the extension stored for this ticket (the webview prefers its own newer state). */
      draft?: Draft;
      /** Bumped by every confirmed send on this ticket, from the panel or the draft tab (DraftStore.markSent). */
      sentRevision?: number;
      identities?: PanelIdentities;
      /** Files attached to the reply and note drafts. */
      files?: PanelDraftFiles;
    }
  | { type: 'ticketUpdated'; ticket: PanelTicket }
  | { type: 'filesChanged'; files: PanelDraftFiles }
  /** What a send is doing now (e.g. uploading file 2 of 3), for the composer's status line. */
  | { type: 'sendProgress'; text: string }
  /** The stored draft changed (typed in the draft tab, sent, or this panel's own save): undefined = none left. */
  | { type: 'draftChanged'; draft?: Draft; sentRevision?: number }
  | { type: 'loadFailed'; message: string }
  /** A preview panel is replaced by the next ticket clicked in the tree; typing in it or Keep Open keeps it. */
  | { type: 'previewMode'; preview: boolean }
  | { type: 'attributionChanged'; text: string; identities?: PanelIdentities };

export type ExtensionMessage = Reply | ExtensionNotification;

/** What the webview keeps in `setState` (survives hiding and window reloads). Never ticket data or secrets. */
export interface PanelWebviewState {
  ticketId: number;
  draft?: Draft;
  /** The ticket's sent revision the draft is based on: a restored draft older than the last send is dropped. */
  sentRevision?: number;
}

/** Links the panel will hand to the OS: http(s) and mailto only, absolute, bounded. */
export function isOpenableUrl(url: string): boolean {
  if (url.length === 0 || url.length > Limits.maxUrlChars) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // The webview keeps only these (urlPolicy.ts); refuse anything else it might still send.
  if (parsed.protocol === 'mailto:') return [...parsed.searchParams.keys()].every((k) => ['subject', 'body', 'cc'].includes(k.toLowerCase()));
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.length > 0;
}

/** Base64 characters of the largest droppable file: checked before anything is decoded. */
export const maxDropBase64Chars = Math.ceil(Limits.maxFileBytes / 3) * 4;

/** A file name as a dropped File gives it: no folders, no control characters, not "." or "..". */
export function isPlainFileName(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= Limits.maxFileNameChars && v !== '.' && v !== '..'
    && !/[/\\\p{Cc}]/u.test(v);
}

export function isComposeKind(v: unknown): v is ComposeKind {
  return v === 'reply' || v === 'note';
}

/** Identity ids are short lowercase letters and digits (src/auth/identityStore.ts). */
export function isIdentityIdLike(v: unknown): v is string {
  return typeof v === 'string' && /^[a-z0-9]{1,32}$/.test(v);
}

export function isPositiveId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
}
