// Which files are attached to a reply or note draft: URIs kept in globalState by ticket and kind, until BoldDesk
// confirmed the send. Small on purpose (it is in dist/extension.js for the ticket panel); checking, picking and
// uploading the files is in draftFiles.ts (dist/extrasUi.js).
import type * as vscode from 'vscode';
import type { DraftRef } from './draftStore';

function keyOf(ref: DraftRef): string {
  return `bolddesk.draftFiles.${ref.kind}.${ref.ticketId}`;
}

/** The draft's files as URI strings, in the order they were attached. */
export function draftFiles(context: vscode.ExtensionContext, ref: DraftRef): string[] {
  return context.globalState.get<string[]>(keyOf(ref)) ?? [];
}

export async function setDraftFiles(context: vscode.ExtensionContext, ref: DraftRef, files: readonly string[]): Promise<void> {
  await context.globalState.update(keyOf(ref), files.length > 0 ? [...files] : undefined);
}

/** The file name a URI string names (its last path segment), for lists and messages. */
export function fileNameOf(uri: string): string {
  let path = uri;
  try {
    path = decodeURIComponent(new URL(uri).pathname);
  } catch {
    // not a URL: use the text as it is
  }
  return path.slice(path.lastIndexOf('/') + 1) || path;
}
