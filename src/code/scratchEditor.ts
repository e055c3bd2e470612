// A real multi-line editor for text the create flow prefilled (the code context), beside the current editor. The
// document is a file of our own in-memory file system (ScratchFileSystem), never the user's: when the flow ends,
// it is saved there (so no "Save changes?" question) and its tab closed without taking the focus. An earlier
// version re-showed it and ran "Revert and Close Active Editor", which reverted the user's file when the user
// had gone back to it in the meantime (issue 18, bug 5).
import * as vscode from 'vscode';
import { SCRATCH_SCHEME } from '../constants';
import type { EditedText } from './codeContextStep';
import type { ScratchFileSystem } from './scratchFileSystem';

let counter = 0;

export class ScratchEditors {
  private readonly uris: vscode.Uri[] = [];

  constructor(private readonly fs: ScratchFileSystem) {}

  /** Opens `text` beside the current editor, titled after `what` (the description or the code context). */
  async open(text: string, what: 'description' | 'codeContext' = 'codeContext'): Promise<EditedText> {
    // A folder per editor keeps the tab title short and the same for every flow.
    const name = what === 'description' ? vscode.l10n.t('Description') : vscode.l10n.t('Code context');
    const uri = vscode.Uri.from({ scheme: SCRATCH_SCHEME, path: `/${++counter}/${name}.md` });
    this.fs.set(uri, text);
    this.uris.push(uri);
    let doc = await vscode.workspace.openTextDocument(uri);
    const show = async (): Promise<void> => {
      if (doc.isClosed) doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    };
    await show();
    // The open document's text; after the user closed its tab, what they saved.
    return { read: () => (doc.isClosed ? this.fs.text(uri) : doc.getText()), show };
  }

  /** Closes this flow's editors without moving the focus; touches nothing but our own files. */
  async dispose(): Promise<void> {
    for (const uri of this.uris.splice(0)) {
      try {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        const saved = doc?.isDirty ? await doc.save() : true; // into our file system: closing asks nothing
        const tabs = vscode.window.tabGroups.all
          .flatMap((g) => g.tabs)
          .filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
        if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true);
        // A save the workbench did not finish (e.g. under load) still lands here later: keep its file for it.
        if (saved) this.fs.remove(uri);
      } catch {
        // Left open (with its file, so it still reads): the user can close it; nothing of theirs is involved.
      }
    }
  }
}
