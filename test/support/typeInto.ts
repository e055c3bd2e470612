// Typing into an open draft tab as the extension host sees it (integration tests only: it needs the real vscode).
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { waitFor } from './poll';

/** Waits for the document `uri` to be open, inserts `text` at its start (an edit, as typing is), returns it. */
export async function typeInto(uri: string, text: string): Promise<vscode.TextDocument> {
  const doc = await waitFor('the draft document', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  return doc;
}
