// BoldDesk: Check Connection — probes the user's own help desk (≤ 15 requests, paced by the rate limiter) for what
// BoldDesk's documentation leaves open, stores the result for this origin (the client then sends only the forms
// that work and filters the rest itself), and shows a copyable report without the key or customer data.
import * as vscode from 'vscode';
import type { CheckResult } from '../api/checkResult';
import { ConnectionCheckStore } from '../auth/connectionCheckStore';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';

type ConnectionCheckModule = typeof import('../api/connectionCheck');

/** The probe ships as dist/connectionCheck.js (esbuild.js), required on first use: activation never loads it. */
function loadCheck(): ConnectionCheckModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('../api/connectionCheck') as ConnectionCheckModule;
  mod.configureL10n(vscode.l10n.bundle);
  return mod;
}

export const checkConnectionCommand: BoldDeskCommand = {
  id: Commands.checkConnection,
  async run(deps): Promise<CheckResult> {
    const { runConnectionCheck, reportText } = loadCheck();
    const api = await deps.session.requireApi();
    const me = await deps.session.resolveAgent(undefined).catch(() => undefined);
    const result = await deps.prompts.withProgress(vscode.l10n.t('Checking the connection to BoldDesk…'), () => runConnectionCheck(api, me));
    await new ConnectionCheckStore(deps.context.globalState).set(result);
    const version = String(deps.context.extension?.packageJSON?.version ?? '');
    const report = reportText(result, version);
    deps.log.info(`Connection check for ${result.origin}:\n${report}`);
    // The lists are rebuilt with the forms the check found.
    void deps.tree.refresh();
    // The report opens as a plain text document: select all and copy it into a bug report.
    const doc = await vscode.workspace.openTextDocument({ content: report, language: 'plaintext' });
    await vscode.window.showTextDocument(doc, { preview: true });
    return result;
  },
};
