// Files attached to a reply or note draft ("Attach to BoldDesk Ticket…"): kept with the draft (globalState, by
// ticket and kind) until BoldDesk confirmed the send, uploaded just before it (POST /attachments → tokens), and
// checked against the limits first. A failed upload sends nothing and keeps the text and the files.
import * as path from 'path';
import * as vscode from 'vscode';
import type { BoldDeskApi } from '../api/api';
import { resolveTicketId } from '../ui/pickTicket';
import type { CoreDeps } from '../deps';
import { Commands } from '../constants';
import { draftTitle, type DraftKind, type DraftRef } from './draftStore';

/** ASSUMPTION (docs/BOLDDESK-API.md): BoldDesk's per-file limit is not published in the spec; 20 MB is its UI's. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** ASSUMPTION: executable types a help desk refuses; checked here so the user learns it before uploading. */
const BLOCKED = /\.(exe|bat|cmd|com|msi|scr|vbs|dll|cpl|jar)$/i;

const TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.txt': 'text/plain', '.log': 'text/plain', '.csv': 'text/csv', '.json': 'application/json', '.xml': 'application/xml',
  '.pdf': 'application/pdf', '.zip': 'application/zip', '.md': 'text/markdown',
};

function keyOf(ref: DraftRef): string {
  return `bolddesk.draftFiles.${ref.kind}.${ref.ticketId}`;
}

export function draftFiles(context: vscode.ExtensionContext, ref: DraftRef): string[] {
  return context.globalState.get<string[]>(keyOf(ref)) ?? [];
}

export async function clearDraftFiles(context: vscode.ExtensionContext, ref: DraftRef): Promise<void> {
  await context.globalState.update(keyOf(ref), undefined);
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

/** Uploads the draft's files; their tokens, [] when there are none, undefined when an upload failed (said). */
export async function uploadDraftFiles(deps: CoreDeps, ref: DraftRef, api: BoldDeskApi): Promise<string[] | undefined> {
  const uris = draftFiles(deps.context, ref).map((u) => vscode.Uri.parse(u));
  if (uris.length === 0) return [];
  try {
    for (const uri of uris) {
      const problem = await problemWith(uri);
      if (problem) throw new Error(problem);
    }
    if (!api.uploadAttachment) throw new Error(vscode.l10n.t('Attachments cannot be uploaded here.'));
    const upload = api.uploadAttachment.bind(api);
    return await deps.prompts.withProgress(vscode.l10n.t('Uploading {0} file(s) to BoldDesk…', uris.length), async () => {
      const tokens: string[] = [];
      for (const uri of uris) {
        const name = path.basename(uri.path);
        tokens.push(await upload(name, await vscode.workspace.fs.readFile(uri), TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream'));
      }
      return tokens;
    });
  } catch (error) {
    deps.log.error(`Uploading the files of ${draftTitle(ref)} failed`, error);
    void deps.prompts.error(vscode.l10n.t('{0} Nothing was sent; the text and the attached files are kept.', error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}

/**
 * BoldDesk: Attach to BoldDesk Ticket… (Explorer context menu, palette): the files join a reply or note draft of
 * the chosen ticket and go up with it. `arg` from the Explorer is the clicked file and `all` the selection; tests
 * may pass `{ files, ticketId, kind }`.
 */
export async function attachToTicket(deps: CoreDeps, arg: unknown, all: unknown): Promise<{ ref: DraftRef; files: string[] } | undefined> {
  const t = vscode.l10n.t;
  const given = (arg ?? {}) as { files?: vscode.Uri[]; ticketId?: number; kind?: DraftKind };
  let uris: readonly vscode.Uri[] | undefined = Array.isArray(all) && all.every((u) => u instanceof vscode.Uri) && all.length > 0
    ? (all as vscode.Uri[]) : arg instanceof vscode.Uri ? [arg] : given.files;
  uris ??= await vscode.window.showOpenDialog({ canSelectMany: true, title: t('Attach to BoldDesk Ticket') });
  if (!uris || uris.length === 0) return undefined;
  for (const uri of uris) {
    const problem = await problemWith(uri);
    if (problem) {
      void deps.prompts.error(problem);
      return undefined;
    }
  }
  const ticketId = given.ticketId ?? (await resolveTicketId(deps, undefined, t('Attach files to a ticket')));
  if (ticketId === undefined) return undefined;
  const kind = given.kind ?? (await deps.prompts.pick<DraftKind>([
    { label: t('Reply (public)'), description: t('the requester sees the files'), value: 'reply' },
    { label: t('Private note'), description: t('agents only'), value: 'note' },
  ], { title: t('Attach {0} file(s) to #{1} as…', uris.length, ticketId) }));
  if (kind === undefined) return undefined;
  const ref = { ticketId, kind };
  const files = [...new Set([...draftFiles(deps.context, ref), ...uris.map((u) => u.toString())])];
  await deps.context.globalState.update(keyOf(ref), files);
  // Through the command, not draftsFor(): this file is in dist/extrasUi.js, which must not make a second DraftEditors.
  await vscode.commands.executeCommand(kind === 'reply' ? Commands.addReply : Commands.addNote, ticketId);
  const names = files.map((f) => path.basename(vscode.Uri.parse(f).path));
  void deps.prompts.info(t('{0} will be attached to {1} when you send it. {2}', names.join(', '), draftTitle(ref), deps.session.attributionText()));
  return { ref, files: names };
}
