// Composition root: builds the services, registers the view, the ticket panels and the commands.
// Nothing here touches the network; the tree loads when it is first shown.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { preloadFetch } from './api/nodeFetch';
import { KeyStore } from './auth/keyStore';
import { BoldDeskSession } from './auth/session';
import type { CommandDeps } from './deps';
import { registerCommands } from './commands/index';
import { LoopController } from './loop/loopController';
import { TicketReferences } from './references/referenceProviders';
import { Views } from './constants';
import { draftsFor } from './drafts/draftEditors';
import type { ExtensionApi } from './extensionApi';
import { OutputLogger } from './ui/outputLogger';
import type { Prompts } from './ui/prompts';
import { VsCodePrompts } from './ui/vscodePrompts';
import { trackWalkthrough } from './ui/walkthroughProgress';
import type { TreeNode } from './views/nodes/treeNode';
import { registerIdentityStatusBar } from './views/identityStatusBar';
import { registerTicketPanels } from './views/ticketPanel/ticketPanelManager';
import { TicketsTreeProvider } from './views/ticketsTreeProvider';
import { extrasUi } from './lazy/load';

export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  const started = performance.now();
  // The vscode-free layers (api, model, flows, the panel) translate with @vscode/l10n: hand it VS Code's bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = new OutputLogger();
  const keys = new KeyStore(context.secrets);
  const session = new BoldDeskSession(keys, log, context.globalState);
  const treeProvider = new TicketsTreeProvider(session, log);
  const treeView = vscode.window.createTreeView<TreeNode>(Views.tickets, { treeDataProvider: treeProvider, showCollapseAll: true });
  treeProvider.attachView(treeView);

  const deps: CommandDeps = { context, session, tree: treeProvider, log, prompts: new VsCodePrompts() };
  context.subscriptions.push(
    // BoldDesk recorded a write under another agent than the one named for the key: the identity was corrected.
    session.onDidCorrectOwner(({ label, claimed, recorded }) => void deps.prompts.warning(
      vscode.l10n.t('BoldDesk recorded your post as “{0}”, not “{1}”: the API key of “{2}” belongs to {0}. The extension now shows {0}.', recorded.name, claimed.name, label),
    )),
    log,
    keys,
    session,
    treeProvider,
    treeView,
    ...registerCommands(deps),
  );
  // The reply/note draft file system, registered now so draft tabs restored after a reload can be read.
  draftsFor(deps);
  // Ticket webview panels; the serializer must be registered at activation so panels come back after a reload.
  const ticketPanels = registerTicketPanels(deps, treeProvider.onDidChangeTicket);
  context.subscriptions.push(ticketPanels);
  // Not needed before activate() returns (activation budget, docs/BENCHMARKS.md), so built on the next turn
  // or on first use: ticket references in editors (links fetch nothing; hovers are cached), auto refresh
  // (off by default; its first request waits for the first interval) and the identity status bar item.
  let references: TicketReferences | undefined;
  let loop: LoopController | undefined;
  const getReferences = () => (references ??= track(new TicketReferences(deps)));
  const getLoop = () => (loop ??= track(new LoopController(deps, session, treeProvider, treeView)));
  function track<T extends vscode.Disposable>(d: T): T {
    context.subscriptions.push(d);
    return d;
  }
  const deferred = setTimeout(() => {
    getReferences();
    getLoop();
    track(registerIdentityStatusBar(deps));
    track(trackWalkthrough(session, treeView, log));
    track(extrasUi().registerBranchStatus());
    log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(deferred) });

  // After activate() returns (a microtask): reading the key and setting the context keys never block activation.
  const ready = Promise.resolve()
    .then(() => session.initialize())
    .then(() => {
      // A connection is configured, so a request will come: load node-fetch now, off the first request's path.
      if (session.origin && session.identities.length > 0) setTimeout(preloadFetch, 0);
    })
    .catch((error) => log.error('Could not read the stored API key', error));
  const activationMs = performance.now() - started;

  const api: ExtensionApi = {
    session,
    treeProvider,
    treeView,
    log,
    context,
    activationMs,
    ready,
    ticketPanels,
    get references() {
      return getReferences();
    },
    get loop() {
      return getLoop();
    },
    setPrompts(prompts: Prompts): Prompts {
      const previous = deps.prompts;
      deps.prompts = prompts;
      return previous;
    },
  };
  // Every installed extension can read getExtension(id).exports: these handles (the session and its SecretStorage,
  // setPrompts, the context) are for our integration tests and benchmarks, which run in Test mode. docs/SECURITY.md
  return context.extensionMode === vscode.ExtensionMode.Test ? api : undefined;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
