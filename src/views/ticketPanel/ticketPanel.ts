// One ticket's webview panel: owns the vscode.WebviewPanel, its HTML shell and the message wiring; the
// request handling itself lives in TicketPanelController.
import * as vscode from 'vscode';
import { makeNonce, renderShell } from './html';
import { TicketPanelController } from './panelController';
import type { PanelEnv } from './panelEnv';
import type { ExtensionMessage, Reply } from './protocol';
import { DisposableStore } from '../../lifecycle';

const MAX_TITLE = 60;

/** Scripts on, command URIs off, and the only local files the webview may load are under media/. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export class TicketPanel implements vscode.Disposable {
  readonly controller: TicketPanelController;
  private readonly disposables = new DisposableStore();
  private disposed = false;
  /** The origin the current HTML's CSP allows images from. */
  private shellOrigin: string | undefined;
  /** Opened by a single click in the tree: the next ticket clicked replaces this panel (see TicketPanelManager). */
  private previewing: boolean;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly ticketId: number,
    private readonly env: PanelEnv,
    private readonly extensionUri: vscode.Uri,
    private readonly onDispose: () => void,
    preview = false,
  ) {
    this.previewing = preview;
    this.controller = new TicketPanelController(ticketId, env, (m) => this.post(m), (title) => this.setTitle(title), () => this.keep());
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'bolddesk.svg');
    this.renderShell();
    this.disposables.addAll(
      panel.webview.onDidReceiveMessage((m: unknown) => {
        // A webview (re)started after being hidden or a reload asks again: tell it whether it is a preview.
        if ((m as { type?: unknown } | null)?.type === 'ready') this.post({ type: 'previewMode', preview: this.previewing });
        void this.controller.handle(m);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Test hook and the webview's entry point: handle one raw (untrusted) message, resolve with the reply. */
  handleMessage(raw: unknown): Promise<Reply | undefined> {
    if (this.disposed) return Promise.resolve(undefined); // a closed panel (e.g. of the previous domain) does nothing
    return this.controller.handle(raw);
  }

  get isPreview(): boolean {
    return this.previewing && !this.disposed;
  }

  /** Keeps the panel: the next ticket clicked in the tree opens beside it instead of replacing it. */
  keep(): void {
    if (!this.previewing) return;
    this.previewing = false;
    this.post({ type: 'previewMode', preview: false });
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /**
   * The domain, key or identity changed. A panel belongs to its domain: on another one the same number is another
   * ticket, and its composer would send there, so it closes (returns true). Otherwise just the author line.
   */
  sessionChanged(): boolean {
    if (this.env.origin() !== this.shellOrigin) {
      this.dispose();
      return true;
    } else {
      this.controller.attributionChanged();
      return false;
    }
  }

  /** Closed by the user or by code: either way the manager forgets this panel, exactly once. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    try {
      this.onDispose();
      this.disposables.dispose();
    } finally {
      this.panel.dispose();
    }
  }

  private renderShell(): void {
    const webview = this.panel.webview;
    const media = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', ...p)).toString();
    this.shellOrigin = this.env.origin();
    webview.html = renderShell({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: media('dist', 'ticketPanel.js'),
      styleUri: media('ticketPanel', 'ticketPanel.css'),
      codiconUri: media('codicons', 'codicon.css'),
      imageOrigin: this.shellOrigin,
      ticketId: this.ticketId,
      // The webview cannot reach vscode.l10n: its strings travel in the shell (undefined = English).
      l10nBundle: vscode.l10n.bundle,
      lang: vscode.env.language,
    });
  }

  private setTitle(title: string): void {
    if (this.disposed) return;
    this.panel.title = title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
  }

  private post(message: ExtensionMessage): void {
    if (this.disposed) return;
    // A panel closed mid-request rejects; nothing is waiting for the message any more.
    this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }
}
