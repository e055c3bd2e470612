// Start-up work that does not have to finish inside activate() (its budget is 5 ms, docs/BENCHMARKS.md): built on
// the next turn or on first use. Ticket references in editors (links fetch nothing; hovers are cached), auto refresh
// (off by default; its first request waits for the first interval), the BoldDesk and branch status bar items, the
// walkthrough's progress; then the stored key is read off the activation path.
import * as vscode from 'vscode';
import { preloadFetch } from './api/nodeFetch';
import type { BoldDeskSession } from './auth/session';
import type { CommandDeps } from './commands/command';
import { extrasUi } from './lazy/load';
import { LoopController } from './loop/loopController';
import { TicketReferences } from './references/referenceProviders';
import { trackWalkthrough } from './ui/walkthroughProgress';
import { BoldDeskStatusItem } from './views/statusItem';
import { bindSessionContextKeys } from './views/sessionContextKeys';
import type { TicketsTreeProvider } from './views/ticketsTreeProvider';

export interface DeferredStartup {
  /** Built on first use (or on the next turn). */
  references(): TicketReferences;
  loop(): LoopController;
  /** Resolves when the stored key has been read (and the demo key seeded). */
  readonly ready: Promise<void>;
}

export function startDeferred(
  deps: CommandDeps,
  session: BoldDeskSession,
  tree: TicketsTreeProvider,
  treeView: vscode.TreeView<unknown>,
  activationMs: () => number,
): DeferredStartup {
  const { context, log } = deps;
  const track = <T extends vscode.Disposable>(d: T): T => {
    context.subscriptions.push(d);
    return d;
  };
  let references: TicketReferences | undefined;
  let loop: LoopController | undefined;
  let status: BoldDeskStatusItem | undefined;
  const statusItem = () => (status ??= track(new BoldDeskStatusItem(deps, deps.drafts)));
  const startup: Omit<DeferredStartup, 'ready'> = {
    references: () => (references ??= track(new TicketReferences(deps))),
    loop: () => (loop ??= track(new LoopController(deps, session, tree, treeView, (n) => statusItem().setOpenCount(n)))),
  };
  const timer = setTimeout(() => {
    startup.references();
    startup.loop();
    statusItem();
    track(trackWalkthrough(session, treeView, log));
    track(extrasUi().registerBranchStatus());
    log.info(`Activated in ${activationMs().toFixed(1)} ms.`);
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });

  // After activate() returns (a microtask): reading the key and setting the context keys never block activation.
  const ready = Promise.resolve()
    .then(() => {
      track(bindSessionContextKeys(session)); // set now, then after every change of the session
      return session.initialize();
    })
    .then(() => {
      // A connection is configured, so a request will come: load node-fetch and read the ticket cache now, off the
      // path of the view's first rows and requests.
      if (session.origin && session.identities.length > 0) {
        setTimeout(preloadFetch, 0);
        tree.preloadCache();
      }
    })
    .catch((error: unknown) => log.error('Could not read the stored API key', error));
  return { ...startup, ready };
}
