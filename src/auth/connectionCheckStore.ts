// The last "BoldDesk: Check Connection" result per help desk (origin), in globalState: no key and no customer data in
// it (connectionCheck.ts). Clients read the Q forms from it on every list request, so a new check takes effect at once.
import type * as vscode from 'vscode';
import { type CheckResult, formsFrom, readCheckResult } from '../api/checkResult';
import { DEFAULT_FORMS, type ServerForms } from '../api/serverForms';

const PREFIX = 'bolddesk.connectionCheck:';

export class ConnectionCheckStore {
  constructor(private readonly state: vscode.Memento) {}

  get(origin: string): CheckResult | undefined {
    return readCheckResult(this.state.get(PREFIX + origin));
  }

  /** The forms to send to this origin: the last check's, or the defaults before any check. */
  forms(origin: string): ServerForms {
    const r = this.get(origin);
    return r && r.key === 'valid' ? formsFrom(r) : DEFAULT_FORMS;
  }

  async set(result: CheckResult): Promise<void> {
    await this.state.update(PREFIX + result.origin, result);
  }
}
