// Files attached to a reply or note draft (the list: draftFileList.ts): checked against the limits when they are
// attached and again before the send, uploaded just before it (POST /attachments → tokens, one file at a time, with
// progress). A failed upload sends nothing and keeps the text and the files. Used by "Attach to BoldDesk Ticket…",
// "Attach Selection as File", the draft tab's send and the ticket panel's composer. Shipped in dist/extrasUi.js.
import * as path from 'path';
import * as vscode from 'vscode';
import type { BoldDeskApi } from '../api/api';
import { resolveTicketId } from '../ui/ticketArg';
import type { CoreDeps } from '../deps';
import { Commands } from '../constants';
import { draftFiles, fileNameOf, setDraftFiles } from './draftFileList';
import { draftTitle, type DraftKind, type DraftRef } from './draftStore';

/**
 * ASSUMPTION (docs/BOLDDESK-API.md, "Attachments: limits"): the per-file limit is not published; 20 MB is its UI's.
 * The composer's page and validateRequest.ts use the same number (Limits.maxFileBytes; a unit test keeps them equal).
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** ASSUMPTION (same section): at most this many files on one reply, note or ticket. */
export const MAX_FILES = 10;
/** ASSUMPTION: executable types a help desk refuses; checked here so the user learns it before uploading. */
const BLOCKED = /\.(exe|bat|cmd|com|msi|scr|vbs|dll|cpl|jar)$/i;

const TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.txt': 'text/plain', '.log': 'text/plain', '.csv': 'text/csv', '.json': 'application/json', '.xml': 'application/xml',
  '.pdf': 'application/pdf', '.zip': 'application/zip', '.md': 'text/markdown',
};

/** Where a draft's files are kept: the help desk drafts are read and written for now (the session's origin). */
type FileDeps = Pick<CoreDeps, 'context' | 'session'>;
const originOf = (deps: FileDeps) => deps.session.origin ?? '';
const filesOf = (deps: FileDeps, ref: DraftRef) => draftFiles(deps.context.globalState, ref, originOf(deps));

/** Forgets the files of the draft of `ref` at `origin` (after BoldDesk confirmed the send). */
export async function clearDraftFiles(context: vscode.ExtensionContext, ref: DraftRef, origin: string): Promise<void> {
  await forgetCopies(context, draftFiles(context.globalState, ref, origin));
  await setDraftFiles(context.globalState, ref, origin, []);
}

/** Deletes the extension's own copies among these files (dropped files, Attach Selection as File; each in a folder of
 *  its own under its storage) once sent or removed; the user's files are never touched. */
async function forgetCopies(context: vscode.ExtensionContext, files: readonly string[]): Promise<void> {
  const root = `${context.globalStorageUri.toString()}/`;
  for (const file of files.filter((f) => /^(dropped|selections)\/[^/]+\/[^/]+$/.test(f.startsWith(root) ? f.slice(root.length) : ''))) {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(vscode.Uri.parse(file), '..'), { recursive: true }).then(undefined, () => undefined);
  }
}

/**
 * A file dropped onto the composer, as bytes (the page never names a path): kept in the extension's storage (a
 * folder of its own), then checked and listed like a picked file (deleted again when refused).
 */
async function attachDropped(deps: FileDeps, ref: DraftRef, name: string, bytes: Uint8Array): Promise<void> {
  const file = vscode.Uri.joinPath(deps.context.globalStorageUri, 'dropped', `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, name);
  const problem = await vscode.workspace.fs.writeFile(file, bytes).then(() => attachFiles(deps, ref, [file]), () => vscode.l10n.t('{0} cannot be read.', name));
  if (problem) {
    await forgetCopies(deps.context, [file.toString()]);
    throw new Error(problem);
  }
}

/** Why a file cannot be attached, or undefined when it can. */
async function problemWith(uri: vscode.Uri): Promise<string | undefined> {
  const name = path.basename(uri.path);
  if (BLOCKED.test(name)) return vscode.l10n.t('{0} is a program file; BoldDesk does not accept those as attachments.', name);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return vscode.l10n.t('{0} is a folder; attach files.', name);
    if (stat.size > MAX_FILE_BYTES) {
      return vscode.l10n.t('{0} is {1} MB; BoldDesk takes files up to {2} MB.', name, (stat.size / 1048576).toFixed(1), MAX_FILE_BYTES / 1048576);
    }
  } catch {
    return vscode.l10n.t('{0} cannot be read.', name);
  }
  return undefined;
}

/** Why this set of files cannot go with one message (too many, or one of them), or undefined. */
async function problemWithAll(uris: readonly vscode.Uri[]): Promise<string | undefined> {
  if (uris.length > MAX_FILES) return vscode.l10n.t('{0} files are attached; one message takes at most {1}. Remove some first.', uris.length, MAX_FILES);
  for (const uri of uris) {
    const problem = await problemWith(uri);
    if (problem) return problem;
  }
  return undefined;
}

/** Adds files to a draft's list (no duplicates) after checking them; the reason when they were refused. */
export async function attachFiles(deps: FileDeps, ref: DraftRef, uris: readonly vscode.Uri[]): Promise<string | undefined> {
  const origin = originOf(deps);
  const files = [...new Set([...filesOf(deps, ref), ...uris.map((u) => u.toString())])];
  const problem = await problemWithAll(files.map((f) => vscode.Uri.parse(f)));
  if (problem) return problem;
  await setDraftFiles(deps.context.globalState, ref, origin, files);
  return undefined;
}

/**
 * Uploads the files one by one (never retried: a failure stops here and the caller sends nothing); `report` hears
 * "name (1 of 3)". Their tokens, in order. Throws an Error whose message says which file failed and why.
 */
export async function uploadFiles(api: BoldDeskApi, uris: readonly vscode.Uri[], report: (message: string) => void): Promise<string[]> {
  const problem = await problemWithAll(uris); // a file may have changed since it was attached
  if (problem) throw new Error(problem);
  if (!api.uploadAttachment) throw new Error(vscode.l10n.t('Attachments cannot be uploaded here.'));
  const tokens: string[] = [];
  for (const [i, uri] of uris.entries()) {
    const name = path.basename(uri.path);
    // The percentage as the connection takes the bytes (src/api/upload.ts reports each whole percent once).
    const say = (sent: number, total: number) => report(vscode.l10n.t('Uploading {0} ({1} of {2})… {3}%', name, i + 1, uris.length, total ? Math.floor((sent * 100) / total) : 100));
    say(0, 1);
    const bytes = await vscode.workspace.fs.readFile(uri);
    tokens.push(await api.uploadAttachment(name, bytes, TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream', say));
  }
  return tokens;
}

/** The draft tab's upload: its tokens, [] when there are none, undefined when an upload failed (said). */
export async function uploadDraftFiles(deps: CoreDeps, ref: DraftRef, origin: string, api: BoldDeskApi): Promise<string[] | undefined> {
  const uris = draftFiles(deps.context.globalState, ref, origin).map((u) => vscode.Uri.parse(u));
  if (uris.length === 0) return [];
  try {
    return await deps.prompts.withProgress(vscode.l10n.t('Uploading {0} file(s) to BoldDesk…', uris.length), (_signal, report) =>
      uploadFiles(api, uris, report));
  } catch (error) {
    deps.log.error(`Uploading the files of ${draftTitle(ref)} failed`, error);
    void deps.prompts.error(vscode.l10n.t('{0} Nothing was sent; the text and the attached files are kept.', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}

/** What the ticket panel's composer does with its files (PanelFiles in views/ticketPanel/panelEnv.ts, without `list`). */
export interface ComposerFiles {
  pick(ticketId: number, kind: DraftKind): Promise<void>;
  /** A dropped file's name and bytes; an Error says why it was refused. */
  drop(ticketId: number, kind: DraftKind, name: string, bytes: Uint8Array): Promise<void>;
  remove(ticketId: number, kind: DraftKind, index: number): Promise<void>;
  upload(ticketId: number, kind: DraftKind, api: BoldDeskApi, report: (message: string) => void): Promise<string[]>;
  clear(ticketId: number, kind: DraftKind): Promise<void>;
}

/** The ticket panel's composer files (the list itself is read with draftFileList.ts, outside this bundle). */
export function panelFiles(deps: Pick<CoreDeps, 'context' | 'prompts' | 'session'>): ComposerFiles {
  return {
    async pick(ticketId, kind) {
      const ref = { ticketId, kind };
      const picked = await deps.prompts.pickFiles({ title: vscode.l10n.t('Attach files to {0}', draftTitle(ref)), openLabel: vscode.l10n.t('Attach') });
      if (!picked || picked.length === 0) return;
      const problem = await attachFiles(deps, ref, picked.map((u) => vscode.Uri.parse(u)));
      if (problem) throw new Error(problem);
    },
    async remove(ticketId, kind, index) {
      const ref = { ticketId, kind };
      const files = filesOf(deps, ref);
      await setDraftFiles(deps.context.globalState, ref, originOf(deps), files.filter((_f, i) => i !== index));
      await forgetCopies(deps.context, files.filter((_f, i) => i === index));
    },
    drop: (ticketId, kind, name, bytes) => attachDropped(deps, { ticketId, kind }, name, bytes),
    upload: (ticketId, kind, api, report) => uploadFiles(api, filesOf(deps, { ticketId, kind }).map((u) => vscode.Uri.parse(u)), report),
    clear: (ticketId, kind) => clearDraftFiles(deps.context, { ticketId, kind }, originOf(deps)),
  };
}

/**
 * BoldDesk: Attach to BoldDesk Ticket… (Explorer context menu, palette): the files join a reply or note draft of
 * the chosen ticket and go up with it, or go with a new ticket (Create Ticket). `arg` from the Explorer is the
 * clicked file and `all` the selection; tests may pass `{ files, ticketId, kind }` (`kind: 'ticket'` = a new one).
 */
export async function attachToTicket(deps: CoreDeps, arg: unknown, all: unknown): Promise<{ ref: DraftRef; files: string[] } | undefined> {
  const t = vscode.l10n.t;
  const given = (arg ?? {}) as { files?: vscode.Uri[]; ticketId?: number; kind?: DraftKind | 'ticket' };
  let uris: readonly vscode.Uri[] | undefined = Array.isArray(all) && all.every((u) => u instanceof vscode.Uri) && all.length > 0
    ? (all as vscode.Uri[]) : arg instanceof vscode.Uri ? [arg] : given.files;
  uris ??= (await deps.prompts.pickFiles({ title: t('Attach to BoldDesk Ticket') }))?.map((u) => vscode.Uri.parse(u));
  if (!uris || uris.length === 0) return undefined;
  for (const uri of uris) {
    const problem = await problemWith(uri);
    if (problem) {
      void deps.prompts.error(problem);
      return undefined;
    }
  }
  if (uris.length > MAX_FILES) {
    void deps.prompts.error(t('{0} files are attached; one message takes at most {1}. Remove some first.', uris.length, MAX_FILES));
    return undefined;
  }
  // A new ticket, or a reply/note on an existing one (asked first unless the caller said).
  const target = given.kind === 'ticket' || given.ticketId !== undefined || given.kind !== undefined ? given.kind : await deps.prompts.pick<'existing' | 'ticket'>([
    { label: t('An existing ticket…'), description: t('as a reply or a private note'), value: 'existing' },
    { label: t('A new ticket…'), description: t('Create Ticket with the files'), value: 'ticket' },
  ], { title: t('Attach {0} file(s) to…', uris.length) });
  if (target === undefined) return undefined;
  if (target === 'ticket') {
    await vscode.commands.executeCommand(Commands.createTicket, { files: uris.map((u) => u.toString()) });
    return undefined;
  }
  const ticketId = given.ticketId ?? (await resolveTicketId(deps, undefined, t('Attach files to a ticket')));
  if (ticketId === undefined) return undefined;
  const kind = given.kind === 'reply' || given.kind === 'note' ? given.kind : await deps.prompts.pick<DraftKind>([
    { label: t('Reply (public)'), description: t('the requester sees the files'), value: 'reply' },
    { label: t('Private note'), description: t('agents only'), value: 'note' },
  ], { title: t('Attach {0} file(s) to #{1} as…', uris.length, ticketId) });
  if (kind === undefined) return undefined;
  const ref = { ticketId, kind };
  const problem = await attachFiles(deps, ref, uris);
  if (problem) {
    void deps.prompts.error(problem);
    return undefined;
  }
  // Through the command, not draftsFor(): this file is in dist/extrasUi.js, which must not make a second DraftEditors.
  await vscode.commands.executeCommand(kind === 'reply' ? Commands.addReply : Commands.addNote, ticketId);
  const names = filesOf(deps, ref).map(fileNameOf);
  void deps.prompts.info(t('{0} will be attached to {1} when you send it. {2}', names.join(', '), draftTitle(ref), deps.session.attributionText()));
  return { ref, files: names };
}
