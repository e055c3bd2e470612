// BoldDesk: Set Domain — asks for the help desk's domain (checked as you type) and stores its origin in
// the user (Global) setting — the only place it is read from (application scope). A domain passed as an argument
// by anything but the extension itself (a command link) is confirmed first, naming the origin the key will go to.
import * as vscode from 'vscode';
import { parseDomain } from '../api/domain';
import { unreachableReason } from '../api/reachability';
import { Commands, Settings } from '../constants';
import type { BoldDeskCommand } from './command';
import { unwrapArg } from './trustedArg';

export function validateDomain(text: string): string | undefined {
  const result = parseDomain(text);
  return result.ok ? undefined : result.reason;
}

export const setDomainCommand: BoldDeskCommand = {
  id: Commands.setDomain,
  run: async (deps, rawArg) => {
    const { value: arg, trusted } = unwrapArg(rawArg);
    const config = vscode.workspace.getConfiguration(Settings.section);
    const typed =
      typeof arg === 'string'
        ? arg
        : await deps.prompts.input({
            title: vscode.l10n.t('BoldDesk Domain'),
            prompt: vscode.l10n.t('Your BoldDesk address, e.g. acme.bolddesk.com or a custom domain (https only)'),
            placeholder: 'acme.bolddesk.com',
            value: config.get<string>(Settings.domain) ?? '',
            validate: validateDomain,
          });
    if (typed === undefined) return undefined;
    const result = parseDomain(typed);
    if (!result.ok) {
      void deps.prompts.error(result.reason);
      return undefined;
    }
    // An untrusted argument may come from any command link (a ticket, a README, a hover): the user confirms the
    // host their API key will be sent to (docs/SECURITY.md).
    if (typeof arg === 'string' && !trusted && result.origin !== deps.session.origin) {
      const yes = await deps.prompts.confirm(vscode.l10n.t('Set the BoldDesk domain to {0}?', result.origin), {
        detail: vscode.l10n.t('Your BoldDesk API key will be sent to {0} from now on. Choose this only if you started it yourself.', result.origin),
        confirmLabel: vscode.l10n.t('Set Domain'),
      });
      if (!yes) return undefined;
    }
    await config.update(Settings.domain, result.origin, vscode.ConfigurationTarget.Global);
    deps.log.info(`Domain set to ${result.origin}.`);
    // Tried now (no key is sent), so a typo is said here and not as a riddle on the first request.
    const problem = await deps.prompts.withProgress(vscode.l10n.t('Trying {0}…', result.host), () => unreachableReason(result.origin, result.host));
    if (problem) {
      deps.log.info(`Domain check: ${problem}`);
      const fix = vscode.l10n.t('Fix Domain');
      void deps.prompts
        .warning(vscode.l10n.t('{0} The domain is saved; check it for a typo.', problem), fix)
        .then((action) => action === fix && vscode.commands.executeCommand(Commands.setDomain));
    } else if (typeof arg !== 'string' && !(await deps.session.hasKey())) {
      void deps.prompts
        .info(vscode.l10n.t('BoldDesk domain set to {0}. Next, store your API key.', result.host), vscode.l10n.t('Set API Key'))
        .then((action) => action && vscode.commands.executeCommand(Commands.setApiKey));
    } else {
      // A success needs no notification (VS Code's guideline): the status bar says it.
      vscode.window.setStatusBarMessage(vscode.l10n.t('BoldDesk domain set to {0}.', result.host), 5000);
    }
    return result.origin;
  },
};
