// Read-only text documents on the `bolddesk-ticket:` scheme, one per ticket. openTicket() fetches first
// (so failures reach the user as a message), then the provider serves the rendered text and re-renders
// an open document when the ticket changes. A webview will replace this; keep callers on openTicket().
import * as vscode from 'vscode';
import { ticketWebUrl } from '../api/ticketUrl';
import type { TicketDetail } from '../api/types';
import type { CommandDeps } from '../commands/deps';
import { TICKET_DOC_SCHEME } from '../constants';
import { renderTicketDocument } from './ticketDocumentText';

export function ticketDocumentUri(ticketId: number): vscode.Uri {
  return vscode.Uri.from({ scheme: TICKET_DOC_SCHEME, path: `/Ticket #${ticketId}.md` });
}

export class TicketDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly texts = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly deps: Pick<CommandDeps, 'session' | 'log'>,
    onDidChangeTicket: vscode.Event<number>,
  ) {
    this.disposables.push(
      onDidChangeTicket((id) => void this.rerender(id)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.texts.delete(doc.uri.toString())),
    );
  }

  /** Fetches the ticket and its conversation; throws BoldDesk errors for the caller to report. */
  async load(ticketId: number, signal?: AbortSignal): Promise<{ uri: vscode.Uri; ticket: TicketDetail }> {
    const api = await this.deps.session.requireApi();
    const [ticket, messages] = await Promise.all([api.getTicket(ticketId, signal), api.getMessages(ticketId, signal)]);
    const uri = ticketDocumentUri(ticketId);
    this.texts.set(uri.toString(), renderTicketDocument(ticket, messages, ticketWebUrl(api.origin, ticketId)));
    this.changed.fire(uri);
    return { uri, ticket };
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? 'This ticket is not loaded. Open it again from the BoldDesk view.';
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async rerender(ticketId: number): Promise<void> {
    const uri = ticketDocumentUri(ticketId);
    if (!this.texts.has(uri.toString())) return;
    try {
      await this.load(ticketId);
    } catch (error) {
      this.deps.log.error(`Could not refresh ticket #${ticketId}`, error);
    }
  }
}

/** One provider per activation, found by the extension context (no module-level singleton). */
const providers = new WeakMap<object, TicketDocumentProvider>();

export function registerTicketDocuments(
  deps: Pick<CommandDeps, 'context' | 'session' | 'log'>,
  onDidChangeTicket: vscode.Event<number>,
): vscode.Disposable {
  const provider = new TicketDocumentProvider(deps, onDidChangeTicket);
  providers.set(deps.context, provider);
  const registration = vscode.workspace.registerTextDocumentContentProvider(TICKET_DOC_SCHEME, provider);
  return vscode.Disposable.from(registration, provider);
}

/** Opens ticket `ticketId` as a read-only document. The one entry point: swap this for the webview later. */
export async function openTicket(deps: CommandDeps, ticketId: number): Promise<vscode.TextDocument> {
  const provider = providers.get(deps.context);
  if (!provider) throw new Error('The ticket document provider is not registered.');
  const { uri, ticket } = await deps.prompts.withProgress(`Opening ticket #${ticketId}…`, (signal) =>
    provider.load(ticketId, signal),
  );
  deps.tree.noteOpened(ticket);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true });
  return doc;
}
