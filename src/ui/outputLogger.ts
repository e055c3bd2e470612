// The "BoldDesk" output channel as the Logger commands and services use. Request lines arrive already
// redacted from the client; errors are logged by kind and message (BoldDesk errors never hold the key).
import * as vscode from 'vscode';
import { isBoldDeskError } from '../api/errors';
import type { Logger } from '../logger';

export class OutputLogger implements Logger, vscode.Disposable {
  private created: vscode.LogOutputChannel | undefined;

  constructor(private readonly name = 'BoldDesk') {}

  /** Created on the first line, not in activate() (activation budget, docs/BENCHMARKS.md). */
  get channel(): vscode.LogOutputChannel {
    this.created ??= vscode.window.createOutputChannel(this.name, { log: true });
    return this.created;
  }

  info(message: string): void {
    this.channel.info(message);
  }

  error(message: string, error?: unknown): void {
    if (error === undefined) this.channel.error(message);
    else if (isBoldDeskError(error)) {
      this.channel.error(`${message}: ${error.name}${error.status ? ` (HTTP ${error.status})` : ''}: ${error.message}`);
    } else if (error instanceof Error) {
      // Not a BoldDesk error: a bug or an unexpected failure; the stack helps and goes to the log only.
      this.channel.error(`${message}: ${error.stack ?? `${error.name}: ${error.message}`}`);
    } else {
      this.channel.error(`${message}: ${String(error)}`);
    }
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.created?.dispose();
  }
}
