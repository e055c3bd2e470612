// Ticket references in editors (files, untitled documents, the SCM commit box) become links that open the
// ticket in the extension, and hovering one shows the ticket's subject, status, priority, assignee and last
// update. Links never fetch anything (they need only the id); hovers go through a short-lived LookupCache,
// so a file with hundreds of references costs at most one request per distinct ticket per minute.
import * as vscode from 'vscode';
import type { TicketDetail } from '../api/types';
import { describeError } from '../api/describeError';
import { NotFoundError } from '../api/errors';
import type { CoreDeps } from '../deps';
import { Commands, Settings } from '../constants';
import { formatDate } from '../text/formatDate';
import { LookupCache } from './lookupCache';
import { compileReferencePattern, findReferences, type TicketReference } from './referencePattern';
import { DisposableStore } from '../lifecycle';

const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-scm' }];

export function openTicketUri(ticketId: number): vscode.Uri {
  return vscode.Uri.parse(`command:${Commands.openTicket}?${encodeURIComponent(JSON.stringify([ticketId]))}`);
}

export class TicketReferences implements vscode.DocumentLinkProvider, vscode.HoverProvider, vscode.Disposable {
  private pattern: RegExp;
  private warnedFor: string | undefined;
  private readonly disposables = new DisposableStore();
  readonly lookups: LookupCache<TicketDetail>;

  constructor(private readonly deps: CoreDeps) {
    this.lookups = new LookupCache<TicketDetail>({
      fetch: async (id) => (await deps.session.requireApi()).getTicket(id),
      ttlMs: 60_000,
      concurrency: 2,
    });
    this.pattern = this.readPattern();
    this.disposables.addAll(
      vscode.languages.registerDocumentLinkProvider(SELECTOR, this),
      vscode.languages.registerHoverProvider(SELECTOR, this),
      deps.session.onDidChange(() => this.lookups.clear()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${Settings.section}.${Settings.ticketReferencePattern}`)) {
          this.pattern = this.readPattern();
        }
      }),
    );
  }

  /** The pattern from the setting; an unusable one falls back to the default with ONE warning per value. */
  private readPattern(): RegExp {
    const setting = vscode.workspace
      .getConfiguration(Settings.section)
      .get<string>(Settings.ticketReferencePattern, '');
    const { regex, problem } = compileReferencePattern(setting);
    if (problem && this.warnedFor !== setting) {
      this.warnedFor = setting;
      this.deps.log.info(`bolddesk.ticketReferencePattern ignored: ${problem}.`);
      void this.deps.prompts.warning(
        vscode.l10n.t(
          'The BoldDesk ticket reference pattern is not used because {0}. The default (BD-1234, bolddesk#1234) applies until you fix bolddesk.ticketReferencePattern; the ticket number must be capture group 1.',
          problem,
        ),
      );
    }
    return regex;
  }

  references(doc: vscode.TextDocument): TicketReference[] {
    return findReferences(doc.getText(), this.pattern);
  }

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    return this.references(doc).map((r) => {
      const link = new vscode.DocumentLink(
        new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)),
        openTicketUri(r.ticketId),
      );
      link.tooltip = vscode.l10n.t('Open BoldDesk ticket #{0}', r.ticketId);
      return link;
    });
  }

  async provideHover(
    doc: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    // Only the line under the cursor is scanned (a reference never spans lines with the default pattern).
    const line = doc.lineAt(position.line);
    const ref = findReferences(line.text, this.pattern).find(
      (r) => r.start <= position.character && position.character < r.end,
    );
    if (!ref) return undefined;
    const range = new vscode.Range(position.line, ref.start, position.line, ref.end);
    let md: vscode.MarkdownString;
    try {
      md = ticketHover(await this.lookups.get(ref.ticketId));
    } catch (error) {
      md = new vscode.MarkdownString();
      md.appendText(
        error instanceof NotFoundError
          ? vscode.l10n.t('BoldDesk has no ticket #{0} (or your key cannot see it).', ref.ticketId)
          : vscode.l10n.t('Could not load BoldDesk ticket #{0}: {1}', ref.ticketId, describeError(error)),
      );
    }
    return token.isCancellationRequested ? undefined : new vscode.Hover(md, range);
  }

  dispose(): void {
    this.disposables.dispose();
  }
}

/** The hover: ticket text is untrusted, so it only ever goes through appendText (escaped). */
export function ticketHover(t: TicketDetail): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = { enabledCommands: [Commands.openTicket] };
  md.appendMarkdown(`**${vscode.l10n.t('BoldDesk #{0}', t.id)}** `);
  md.appendText(t.subject);
  md.appendMarkdown('\n\n');
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('Status'), t.status?.name],
    [vscode.l10n.t('Priority'), t.priority?.name],
    [vscode.l10n.t('Assignee'), t.agent?.name ?? vscode.l10n.t('Unassigned')],
    [vscode.l10n.t('Updated'), formatDate(t.lastUpdatedOn)],
  ];
  for (const [label, value] of rows) {
    if (!value) continue;
    md.appendText(vscode.l10n.t('{0}: ', label));
    md.appendText(value);
    md.appendMarkdown('  \n');
  }
  md.appendMarkdown(`\n[${vscode.l10n.t('Open ticket')}](${openTicketUri(t.id).toString()})`);
  return md;
}
