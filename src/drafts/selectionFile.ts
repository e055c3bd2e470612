// "Attach Selection as File": the selected text is written to a file in the extension's storage, named after the
// source file and the lines (`app-L10-12.ts`), and attached to a reply or note draft through Attach to BoldDesk
// Ticket (same checks, same upload on send). Shipped in dist/extrasUi.js.
import * as path from 'path';
import * as vscode from 'vscode';
import type { CoreDeps } from '../deps';
import type { DraftKind, DraftRef } from './draftStore';
import { attachToTicket } from './draftFiles';

/** `app-L10-12.ts` for lines 10–12 of app.ts; a name without an extension keeps none; untitled → `selection-…txt`. */
export function selectionFileName(sourceName: string, startLine: number, endLine: number, untitled = false): string {
  const base = untitled ? 'selection' : path.basename(sourceName);
  const ext = untitled ? '.txt' : path.extname(base);
  const stem = (ext ? base.slice(0, -ext.length) : base).replace(/[^\w.-]+/g, '_') || 'selection';
  const lines = startLine === endLine ? `L${startLine}` : `L${startLine}-${endLine}`;
  return `${stem}-${lines}${ext.replace(/[^\w.]+/g, '')}`;
}

/** `arg` (tests, other commands): `{ ticketId, kind }` to skip those questions (`kind: 'ticket'` = a new ticket). */
export async function attachSelectionAsFile(deps: CoreDeps, arg: unknown): Promise<{ ref: DraftRef; files: string[] } | undefined> {
  const editor = vscode.window.activeTextEditor;
  const sel = editor?.selection;
  if (!editor || !sel || sel.isEmpty) {
    void deps.prompts.info(vscode.l10n.t('Select some text in an editor first, then run Attach Selection as File.'));
    return undefined;
  }
  const doc = editor.document;
  // A selection ending at column 0 of a line does not include that line.
  const endLine = sel.end.character === 0 && sel.end.line > sel.start.line ? sel.end.line - 1 : sel.end.line;
  const name = selectionFileName(doc.fileName, sel.start.line + 1, endLine + 1, doc.isUntitled);
  // A folder per attach: two selections of the same lines never overwrite each other's file before it is sent.
  const dir = vscode.Uri.joinPath(deps.context.globalStorageUri, 'selections', `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
  const file = vscode.Uri.joinPath(dir, name);
  await vscode.workspace.fs.createDirectory(dir);
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(doc.getText(sel)));
  const given = (arg ?? {}) as { ticketId?: number; kind?: DraftKind | 'ticket' };
  return attachToTicket(deps, { files: [file], ticketId: given.ticketId, kind: given.kind }, undefined);
}
