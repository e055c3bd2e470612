// State the write commands share within one activation: in-flight guards and the last unsent create-ticket
// input. Built once by the composition root (src/extension.ts) and passed in as `deps.writes`.
import type { CreateTicketAnswers } from './createTicketAnswers';

export class InFlight {
  private readonly running = new Set<string>();

  /** True while `key` runs. */
  has(key: string): boolean {
    return this.running.has(key);
  }

  /** Runs `task` unless one with the same key is running; then resolves `{ started: false }` at once. */
  async run<T>(key: string, task: () => Promise<T>): Promise<{ started: true; value: T } | { started: false }> {
    if (this.running.has(key)) return { started: false };
    this.running.add(key);
    try {
      return { started: true, value: await task() };
    } finally {
      this.running.delete(key);
    }
  }
}

export interface WriteState {
  inFlight: InFlight;
  /** What the user typed in the last create flow that did not end in a ticket (kept in memory only). */
  lastCreate?: CreateTicketAnswers;
}

export function createWriteState(): WriteState {
  return { inFlight: new InFlight() };
}
