// BoldDesk: Switch Identity — picks the default identity: the key used for browsing and for every write that does
// not choose another one ("Post as…"). Accepts an identity id or label as argument (tests).
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import { pickIdentity } from './identityPicker';

export const switchIdentityCommand: BoldDeskCommand = {
  id: Commands.switchIdentity,
  run: async (deps, arg) => {
    if ((await deps.session.loadIdentities()).length === 0) {
      void deps.prompts.info(vscode.l10n.t('No BoldDesk identity is stored yet. Run “BoldDesk: Set API Key” or “BoldDesk: Add Identity”.'));
      return false;
    }
    const chosen = await pickIdentity(deps, arg, {
      title: vscode.l10n.t('Switch BoldDesk Identity'),
      placeholder: vscode.l10n.t('Act as… (BoldDesk shows writes under the name of the agent who owns the key)'),
    });
    if (!chosen) return false;
    await deps.session.setDefaultIdentity(chosen.id);
    await deps.session.resolveAgent(chosen.id);
    void deps.prompts.info(vscode.l10n.t('Now acting as “{0}”. {1}', chosen.label, deps.session.attributionText(chosen.id)));
    return true;
  },
};
