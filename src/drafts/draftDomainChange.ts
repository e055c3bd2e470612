// What happens to open draft tabs when the BoldDesk domain changes (docs/SECURITY.md): a draft belongs to the help
// desk it was opened for. Tabs of the previous domain are saved under THEIR origin and closed, like ticket panels
// (their text would otherwise be saved, and sent, as the new help desk's #123). Shipped in dist/extrasUi.js.
import * as vscode from 'vscode';

/** DraftEditors' view of its open draft documents. */
export interface DraftOwners {
  /** URI string → the origin its document was opened for. */
  readonly own: Map<string, string>;
  /** Every draft document opened in this window. */
  readonly seen: Map<string, vscode.Uri>;
  /** Tells VS Code the draft at `uri` changed (a clean model re-reads it). */
  ping(uri: vscode.Uri): void;
}

/** Closes the previous domain's draft tabs, each saved under its own origin first. */
export async function closeForeignDrafts(current: string, d: DraftOwners): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    const key = doc.uri.toString();
    if ((d.own.get(key) ?? current) === current) continue; // only draft documents have an owner
    if (doc.isDirty && !(await doc.save().then((ok) => ok, () => false))) continue; // too large: stays open, still its own
    await vscode.window.tabGroups.close(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => String((t.input as { uri?: unknown }).uri) === key));
    d.own.delete(key);
  }
  // Models VS Code keeps after their tab closed (also ones the extension host no longer lists) re-read this origin's draft.
  d.seen.forEach((uri, key) => {
    if (!d.own.has(key)) d.ping(uri);
  });
}
