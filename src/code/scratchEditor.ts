// A real multi-line editor for text the create flow prefilled (the code context): an untitled Markdown
// document beside the current editor. The flow reads it back when the user says they are done; afterwards the
// document is reverted and closed, so no "Save changes?" question is left behind.
import * as vscode from 'vscode';
import type { EditedText } from './codeContextStep';

export class ScratchEditors implements vscode.Disposable {
  private readonly docs: vscode.TextDocument[] = [];

  async open(text: string): Promise<EditedText> {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    this.docs.push(doc);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return { read: () => (doc.isClosed ? undefined : doc.getText()) };
  }

  /** Reverts and closes the documents this flow opened (best effort). */
  async dispose(): Promise<void> {
    for (const doc of this.docs.splice(0)) {
      if (doc.isClosed) continue;
      try {
        await vscode.window.showTextDocument(doc, { preview: false });
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      } catch {
        // Left open: the user can close it; nothing was lost.
      }
    }
  }
}
