// What activate() returns, in the extension host's Test mode only (otherwise undefined): handles for integration
// tests (the tree's getChildren(), scripted prompts, storage to prove the key is only in SecretStorage). Not a public
// API: any installed extension could read it (docs/SECURITY.md).
import type * as vscode from 'vscode';
import type { BoldDeskSession } from './auth/session';
import type { Logger } from './deps';
import type { TrustedArg } from './commands/trustedArg';
import type { LoopController } from './loop/loopController';
import type { TicketReferences } from './references/referenceProviders';
import type { Prompts } from './ui/prompts';
import type { TreeNode } from './views/nodes/treeNode';
import type { TicketPanelManager } from './views/ticketPanel/ticketPanelManager';
import type { TicketsTreeProvider } from './views/ticketsTreeProvider';

export interface ExtensionApi {
  readonly session: BoldDeskSession;
  /** The Tickets view's provider (also the `TicketsTree` commands use); `.model` holds the paging state. */
  readonly treeProvider: TicketsTreeProvider;
  readonly treeView: vscode.TreeView<TreeNode>;
  readonly log: Logger;
  /** globalState, secrets, … — tests check where (and where not) the key is stored. */
  readonly context: vscode.ExtensionContext;
  /** How long activate() took (for benchmarks; the budget is 5 ms, nothing network-bound runs in it). */
  readonly activationMs: number;
  /** Resolves when the stored key has been read (and the demo key seeded) after activation. */
  readonly ready: Promise<void>;
  /** The open ticket webview panels (tests call a panel's handleMessage as the webview would). */
  readonly ticketPanels: TicketPanelManager;
  /** Ticket reference links and hovers (`.lookups` is the hover cache). */
  readonly references: TicketReferences;
  /** Auto refresh, badge, status bar, notifications; tests call `loop.tick()` instead of waiting for the timer. */
  readonly loop: LoopController;
  /** Wraps a command argument as the extension's own UI does (a command link cannot); see src/commands/trustedArg.ts. */
  trusted<T>(value: T): TrustedArg<T>;
  /** Swap how the extension asks the user (tests answer with a script); returns the previous prompts. */
  setPrompts(prompts: Prompts): Prompts;
}
