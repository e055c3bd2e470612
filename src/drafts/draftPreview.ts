// "Preview as Sent" for a draft tab: a side webview showing the HTML BoldDesk will receive, rendered by the same
// function the send uses (markdownToHtml, allow-listed), updated as the draft changes. No scripts at all: the CSP
// allows nothing but the webview's own styles, so even a renderer bug could not run or load anything.
import * as vscode from 'vscode';
import { draftTitle, parseDraftPath } from './draftStore';
import { DRAFT_SCHEME } from '../constants';

const UPDATE_DELAY_MS = 250;

function page(body: string, title: string): string {
  const csp = `default-src 'none'; style-src 'unsafe-inline'`;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!DOCTYPE html><html><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${esc(title)}</title><style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 12px; overflow-wrap: anywhere; }
pre, code { font-family: var(--vscode-editor-font-family); }
pre { white-space: pre-wrap; background: var(--vscode-textCodeBlock-background); padding: 6px; }
table { border-collapse: collapse; } th, td { border: 1px solid var(--vscode-panel-border); padding: 2px 6px; }
blockquote { border-left: 3px solid var(--vscode-textBlockQuote-border); margin-left: 0; padding-left: 8px; }
.empty { opacity: 0.7; }
</style></head><body>${body}</body></html>`;
}

export class DraftPreviews implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listener = vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document));

  /** `toHtml`: what the send uses (markdownToHtml in dist/extras.js, handed in so this bundle does not load it). */
  constructor(private readonly toHtml: (markdown: string) => string) {}

  dispose(): void {
    this.listener.dispose();
    this.timers.forEach((t) => clearTimeout(t));
    this.panels.forEach((p) => p.dispose());
  }

  /** Opens (or reveals) the preview of a draft document beside it. */
  show(doc: vscode.TextDocument): vscode.WebviewPanel {
    const key = doc.uri.toString();
    let panel = this.panels.get(key);
    if (!panel) {
      const ref = parseDraftPath(doc.uri.path);
      const title = vscode.l10n.t('Preview: {0}', ref ? draftTitle(ref) : doc.uri.path);
      panel = vscode.window.createWebviewPanel('bolddesk.draftPreview', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        localResourceRoots: [],
      });
      this.panels.set(key, panel);
      panel.onDidDispose(() => this.panels.delete(key));
    }
    this.render(doc, panel);
    panel.reveal(vscode.ViewColumn.Beside, true);
    return panel;
  }

  /** The HTML shown for a document (what BoldDesk would receive), for tests. */
  htmlFor(uri: vscode.Uri): string | undefined {
    return this.panels.get(uri.toString())?.webview.html;
  }

  private schedule(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== DRAFT_SCHEME) return;
    const key = doc.uri.toString();
    if (!this.panels.has(key)) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      const panel = this.panels.get(key);
      if (panel) this.render(doc, panel);
    }, UPDATE_DELAY_MS));
  }

  private render(doc: vscode.TextDocument, panel: vscode.WebviewPanel): void {
    const html = this.toHtml(doc.getText());
    const body = html === '' ? `<p class="empty">${vscode.l10n.t('Nothing to preview yet.')}</p>` : html;
    panel.webview.html = page(body, panel.title);
  }
}
