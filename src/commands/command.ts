// The one shape every command file exports. src/commands/index.ts registers each through wrapWithCatch,
// so a command never registers itself and can never forget the error handling.
import type { CommandDeps } from '../deps';

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
