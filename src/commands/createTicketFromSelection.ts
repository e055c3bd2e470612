// BoldDesk: Create Ticket from Selection — the create flow with a code context prefilled from the editor's
// selection: workspace-relative path, line range, the code, and (in a git repository) the HEAD commit and a
// link to the lines on the origin remote. The user reviews or edits it in the flow before anything is sent.
import * as path from 'path';
import * as vscode from 'vscode';
import { buildCodeContext, type SelectionInfo } from '../code/codeContext';
import { repoInfoFor } from '../code/gitInfo';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';

/** The path shown in the ticket: workspace-relative, else repository-relative, else the file name (never absolute). */
function displayPath(doc: vscode.TextDocument, pathInRepo: string | undefined): string {
  if (doc.isUntitled) return doc.fileName;
  if (vscode.workspace.getWorkspaceFolder(doc.uri)) return vscode.workspace.asRelativePath(doc.uri, false);
  return pathInRepo ?? path.basename(doc.uri.path);
}

export async function selectionInfo(editor: vscode.TextEditor): Promise<SelectionInfo | undefined> {
  const sel = editor.selection;
  if (sel.isEmpty) return undefined;
  const doc = editor.document;
  // A selection ending at column 0 of a line does not include that line.
  const endLine = sel.end.character === 0 && sel.end.line > sel.start.line ? sel.end.line - 1 : sel.end.line;
  const repo = await repoInfoFor(doc.uri);
  return {
    displayPath: displayPath(doc, repo?.pathInRepo),
    startLine: sel.start.line + 1,
    endLine: endLine + 1,
    code: doc.getText(sel),
    languageId: doc.languageId,
    repo,
  };
}

export const createTicketFromSelectionCommand: BoldDeskCommand = {
  id: Commands.createTicketFromSelection,
  /** Resolves with the new ticket id, or undefined when nothing was created. */
  async run(deps) {
    const editor = vscode.window.activeTextEditor;
    const info = editor ? await selectionInfo(editor) : undefined;
    if (!info) {
      void deps.prompts.info(vscode.l10n.t('Select some code in an editor first, then run Create Ticket from Selection.'));
      return undefined;
    }
    return vscode.commands.executeCommand<number | undefined>(Commands.createTicket, {
      codeContext: buildCodeContext(info),
    });
  },
};
