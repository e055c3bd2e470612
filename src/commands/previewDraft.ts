// BoldDesk: Preview Reply as Sent — beside a reply/note draft tab, the HTML BoldDesk will receive for it.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';

export const previewDraftCommand: BoldDeskCommand = {
  id: Commands.previewDraft,
  /** Resolves with the preview's HTML, or undefined when no draft is open. */
  async run(deps, arg) {
    const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;
    if (!uri || !deps.drafts.refFor(uri)) {
      void deps.prompts.info(vscode.l10n.t('Open a reply or note draft first: BoldDesk: Add Reply or Add Private Note.'));
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    return deps.previews().show(doc).webview.html;
  },
};
