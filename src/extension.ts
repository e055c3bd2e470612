// Composition root: builds every service once (build), then hands them to VS Code (register). Nothing here touches
// the network; the tree loads when it is first shown, and the rest of start-up runs after activate() returns
// (deferredStartup.ts).
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { KeyStore } from './auth/keyStore';
import { BoldDeskSession } from './auth/session';
import type { CommandDeps } from './commands/command';
import { registerCommands } from './commands/index';
import { createWriteState } from './commands/writeState';
import { trusted } from './commands/trustedArg';
import { Views } from './constants';
import { startDeferred } from './deferredStartup';
import { DraftEditors } from './drafts/draftEditors';
import type { DraftPreviews } from './drafts/draftPreview';
import { ScratchFileSystem } from './code/scratchFileSystem';
import type { ExtensionApi } from './extensionApi';
import { extras, extrasUi } from './lazy/load';
import { OutputLogger } from './ui/outputLogger';
import type { Prompts } from './ui/prompts';
import { VsCodePrompts } from './ui/vscodePrompts';
import { attributionText } from './views/attributionText';
import type { TreeNode } from './views/nodes/treeNode';
import { TicketPanelManager } from './views/ticketPanel/ticketPanelManager';
import { TicketsTreeProvider } from './views/ticketsTreeProvider';
import { ticketsInFront } from './views/ticketsInFront';
import { bindTicketCache } from './views/ticketCacheBinding';
import { prefetchOnSelection } from './views/ticketPrefetch';

interface Services {
  deps: CommandDeps;
  log: OutputLogger;
  keys: KeyStore;
  session: BoldDeskSession;
  treeProvider: TicketsTreeProvider;
  treeView: vscode.TreeView<TreeNode>;
}

/** Every service, each built once and handed what it needs (constructor injection; no look-ups by context). */
function build(context: vscode.ExtensionContext): Services {
  const log = new OutputLogger();
  const keys = new KeyStore(context.secrets);
  const session = new BoldDeskSession(keys, log, context.globalState, attributionText);
  const ticketCache = bindTicketCache(session, context.globalStorageUri, log);
  context.subscriptions.push(...ticketCache.disposables);
  const treeProvider = new TicketsTreeProvider(session, log, ticketCache.cache);
  const treeView = vscode.window.createTreeView<TreeNode>(Views.tickets, { treeDataProvider: treeProvider, showCollapseAll: true });
  treeProvider.attachView(treeView);
  context.subscriptions.push(...prefetchOnSelection(treeView, session, ticketCache.details, log));
  // One object, extended in place: setPrompts (tests) swaps `prompts` for every service that holds it.
  const core = { context, session, tree: treeProvider, log, prompts: new VsCodePrompts() as Prompts };
  // The draft file system is registered now, so draft tabs restored after a reload can be read.
  const drafts = new DraftEditors(core);
  // The panel serializer must be registered at activation, so panels come back after a reload.
  const panels = new TicketPanelManager(core, drafts, treeProvider.onDidChangeTicket, ticketCache);
  const deps: CommandDeps = Object.assign(core, {
    drafts, panels, front: ticketsInFront(core, panels, drafts), writes: createWriteState(), scratch: new ScratchFileSystem(), previews: draftPreviews(context),
  });
  return { deps, log, keys, session, treeProvider, treeView };
}

/** Preview as Sent: built on first use (dist/extrasUi.js is not loaded at activation), disposed with the extension. */
function draftPreviews(context: vscode.ExtensionContext): () => DraftPreviews {
  let previews: DraftPreviews | undefined;
  return () => {
    if (!previews) {
      // Rendered by the function the send uses (markdownToHtml in dist/extras.js).
      previews = new (extrasUi().DraftPreviews)((md) => extras().markdownToHtml(md));
      context.subscriptions.push(previews);
    }
    return previews;
  };
}

/** Everything built is disposed with the extension; the commands are registered (each wrapped by wrapWithCatch). */
function register(s: Services): void {
  const { deps, session } = s;
  deps.context.subscriptions.push(
    // BoldDesk recorded a write under another agent than the one named for the key: the identity was corrected.
    session.onDidCorrectOwner(({ label, claimed, recorded }) => void deps.prompts.warning(
      vscode.l10n.t('BoldDesk recorded your post as “{0}”, not “{1}”: the API key of “{2}” belongs to {0}. The extension now shows {0}.', recorded.name, claimed.name, label),
    )),
    s.log,
    s.keys,
    session,
    s.treeProvider,
    s.treeView,
    deps.drafts,
    deps.panels,
    deps.scratch,
    deps.scratch.register(),
    ...registerCommands(deps),
  );
}

export function activate(context: vscode.ExtensionContext): ExtensionApi | undefined {
  const started = performance.now();
  // The vscode-free layers (api, model, flows, the panel) translate with @vscode/l10n: hand it VS Code's bundle.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const services = build(context);
  register(services);
  const startup = startDeferred(services.deps, services.session, services.treeProvider, services.treeView, () => activationMs);
  const activationMs = performance.now() - started;
  // Every installed extension can read getExtension(id).exports: these handles (the session and its SecretStorage,
  // setPrompts, the context) are for our integration tests and benchmarks, which run in Test mode. docs/SECURITY.md
  return context.extensionMode === vscode.ExtensionMode.Test ? testApi(services, startup, activationMs) : undefined;
}

function testApi(s: Services, startup: ReturnType<typeof startDeferred>, activationMs: number): ExtensionApi {
  const { deps } = s;
  return {
    session: s.session,
    treeProvider: s.treeProvider,
    treeView: s.treeView,
    log: deps.log,
    context: deps.context,
    activationMs,
    ready: startup.ready,
    ticketPanels: deps.panels,
    get references() {
      return startup.references();
    },
    get loop() {
      return startup.loop();
    },
    trusted,
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
