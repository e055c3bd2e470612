// Where a downloaded attachment goes: text-like files open in a read-only editor tab (scheme
// `bolddesk-attachment`, content held in memory), images in VS Code's own image preview (written to the
// extension's storage first), anything else through Save As…. Files from private notes say "internal" in their path.
import * as vscode from 'vscode';
import type { AttachmentFile, AttachmentSink } from './panelAttachments';

export const ATTACHMENT_SCHEME = 'bolddesk-attachment';

/** A file name safe to use as the last path segment (no separators, no control characters). */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').trim();
  return cleaned === '' ? 'attachment' : cleaned.slice(0, 120);
}

function folderOf(file: AttachmentFile): string {
  return file.internal ? `#${file.ticketId} internal` : `#${file.ticketId}`;
}

export class AttachmentFiles implements AttachmentSink, vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly registration: vscode.Disposable;

  constructor(private readonly storage: vscode.Uri) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(ATTACHMENT_SCHEME, this);
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  async show(file: AttachmentFile): Promise<void> {
    if (file.kind === 'image') {
      const dir = vscode.Uri.joinPath(this.storage, 'attachments', String(file.ticketId), String(file.id));
      await vscode.workspace.fs.createDirectory(dir);
      const target = vscode.Uri.joinPath(dir, safeFileName(file.name));
      await vscode.workspace.fs.writeFile(target, file.bytes);
      await vscode.commands.executeCommand('vscode.open', target, { preview: true });
      return;
    }
    const uri = vscode.Uri.from({ scheme: ATTACHMENT_SCHEME, path: `/${folderOf(file)}/${file.id}/${safeFileName(file.name)}` });
    this.texts.set(uri.toString(), new TextDecoder('utf-8', { fatal: false }).decode(file.bytes));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
  }

  async saveAs(file: AttachmentFile): Promise<boolean> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, safeFileName(file.name)) : undefined,
      title: file.internal
        ? vscode.l10n.t('Save “{0}” (internal, from a private note on #{1})', file.name, file.ticketId)
        : vscode.l10n.t('Save “{0}” from #{1}', file.name, file.ticketId),
    });
    if (!target) return false;
    await vscode.workspace.fs.writeFile(target, file.bytes);
    return true;
  }
}
