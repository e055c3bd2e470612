// Composition root: builds the services, registers the view, the ticket documents and the commands.
// Nothing here touches the network; the tree loads when it is first shown.
import * as vscode from 'vscode';
import { KeyStore } from './auth/keyStore';
import { BoldDeskSession } from './auth/session';
import type { CommandDeps } from './commands/deps';
import { registerCommands } from './commands/index';
import { LoopController } from './loop/loopController';
import { TicketReferences } from './references/referenceProviders';
import { Views } from './constants';
import { draftsFor } from './drafts/draftEditors';
import type { ExtensionApi } from './extensionApi';
import { OutputLogger } from './ui/outputLogger';
import { VsCodePrompts, type Prompts } from './ui/prompts';
import type { TreeNode } from './views/nodes/treeNode';
import { registerIdentityStatusBar } from './views/identityStatusBar';
import { registerTicketDocuments } from './views/ticketDocument';
import { registerTicketPanels } from './views/ticketPanel/ticketPanelManager';
import { TicketsTreeProvider } from './views/ticketsTreeProvider';

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const log = new OutputLogger();
  const keys = new KeyStore(context.secrets);
  const session = new BoldDeskSession(keys, log, context.globalState);
  const treeProvider = new TicketsTreeProvider(session, log);
  const treeView = vscode.window.createTreeView<TreeNode>(Views.tickets, { treeDataProvider: treeProvider, showCollapseAll: true });
  treeProvider.attachView(treeView);

  const deps: CommandDeps = { context, session, tree: treeProvider, log, prompts: new VsCodePrompts() };
  context.subscriptions.push(
    log,
    keys,
    session,
    treeProvider,
    treeView,
    registerTicketDocuments(deps, treeProvider.onDidChangeTicket),
    ...registerCommands(deps),
  );
  // The reply/note draft file system, registered now so draft tabs restored after a reload can be read.
  draftsFor(deps);
  // Ticket webview panels; the serializer must be registered at activation so panels come back after a reload.
  const ticketPanels = registerTicketPanels(deps, treeProvider.onDidChangeTicket);
  context.subscriptions.push(ticketPanels, registerIdentityStatusBar(deps));
  // Ticket references in editors (links fetch nothing; hovers are cached) and auto refresh (off by default).
  const references = new TicketReferences(deps);
  const loop = new LoopController(deps, session, treeProvider, treeView);
  context.subscriptions.push(references, loop);

  const ready = session.initialize().catch((error) => log.error('Could not read the stored API key', error));
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms.`);

  return {
    session,
    treeProvider,
    treeView,
    log,
    context,
    activationMs,
    ready,
    ticketPanels,
    references,
    loop,
    setPrompts(prompts: Prompts): Prompts {
      const previous = deps.prompts;
      deps.prompts = prompts;
      return previous;
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
