// The one shape every command file exports. src/commands/index.ts registers each through wrapWithCatch,
// so a command never registers itself and can never forget the error handling.
import type { ScratchFileSystem } from '../code/scratchFileSystem';
import type { CoreDeps } from '../deps';
import type { DraftEditors } from '../drafts/draftEditors';
import type { DraftPreviews } from '../drafts/draftPreview';
import type { TicketPanelManager } from '../views/ticketPanel/ticketPanelManager';
import type { WriteState } from './writeState';

/** What every command receives: the core services plus the ones built for commands (all in src/extension.ts). */
export interface CommandDeps extends CoreDeps {
  /** The reply/note draft tabs and their store. */
  drafts: DraftEditors;
  /** The open ticket panels. */
  panels: TicketPanelManager;
  /** In-flight guards and the last unsent create-ticket input. */
  writes: WriteState;
  /** The in-memory files behind Create Ticket from Selection's code-context editor. */
  scratch: ScratchFileSystem;
  /** The draft previews (Preview as Sent), built on first use: their code is in the lazily loaded dist/extrasUi.js. */
  previews(): DraftPreviews;
}

export interface BoldDeskCommand {
  /** A value of `Commands` in src/constants.ts. */
  readonly id: string;
  /**
   * The handler. `args` are what VS Code passes: a tree node from a menu, or arguments from
   * `executeCommand(id, …)` (integration tests). Throw on failure; wrapWithCatch logs it and tells the user.
   * The resolved value is returned to `executeCommand` callers (tests); undefined when it failed.
   */
  run(deps: CommandDeps, ...args: unknown[]): unknown;
}
