// What a ticket panel's controller needs from the editor (drafts, files, clients, links), as contracts: the real
// ones are built by ticketPanelManager.ts, plain-Node tests pass their own. No vscode import.
import type { BoldDeskApi } from '../../api/api';
import type { TicketSummary } from '../../api/types';
import type { TicketDetailCache } from '../../model/ticketDetailCache';
import type { AttachmentSink } from './panelAttachments';
import type { Draft, PanelDraftFiles, PanelIdentities } from './protocol';

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
  /** A file dropped onto the composer, as bytes; joins the draft after the same checks (an Error says why not). */
  drop(ticketId: number, kind: Draft['kind'], name: string, bytes: Uint8Array): Promise<void>;
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
  /** The panel took the keyboard focus without a click: a question shown just before gets it back. */
  panelFocused?(): void;
  /** Opened and prefetched tickets (issue 14); omitted = every open asks BoldDesk first. */
  details?(): TicketDetailCache;
}
