// BoldDesk: Remove Identity — deletes ONE identity's key from SecretStorage (after asking); the others stay.
// Remove API Key uses the same flow. Accepts an identity id or label as argument (tests).
import * as vscode from 'vscode';
import type { Identity } from '../auth/identityStore';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import type { CommandDeps } from './command';
import { pickIdentity } from './identityPicker';

/** Asks, then removes `identity`; resolves true when it was removed. */
export async function confirmAndRemoveIdentity(deps: CommandDeps, identity: Identity): Promise<boolean> {
  const host = deps.session.host ?? 'BoldDesk';
  const several = deps.session.identities.length > 1;
  const sure = await deps.prompts.confirm(
    several
      ? vscode.l10n.t('Remove the BoldDesk identity “{0}” (its API key for {1}) from this computer?', identity.label, host)
      : vscode.l10n.t('Remove the BoldDesk API key for {0} from this computer?', host),
    {
      detail: vscode.l10n.t('The key stays valid in BoldDesk; revoke it there (avatar → View profile & Settings → API Keys) if it leaked.'),
      confirmLabel: vscode.l10n.t('Remove'),
    },
  );
  if (!sure) return false;
  await deps.session.removeIdentity(identity.id);
  const next = deps.session.defaultIdentity;
  void deps.prompts.info(
    next
      ? vscode.l10n.t('The identity “{0}” was removed from VS Code’s secret storage. Acting as “{1}” now.', identity.label, next.label)
      : vscode.l10n.t('The API key for {0} was removed from VS Code’s secret storage.', host),
  );
  return true;
}

export async function removeIdentityFlow(deps: CommandDeps, arg: unknown): Promise<boolean> {
  const identities = await deps.session.loadIdentities();
  if (!deps.session.host || identities.length === 0) {
    void deps.prompts.info(vscode.l10n.t('No BoldDesk API key is stored for the configured domain.'));
    return false;
  }
  const identity =
    identities.length === 1 && arg === undefined
      ? identities[0]
      : await pickIdentity(deps, arg, {
          title: vscode.l10n.t('Remove BoldDesk Identity'),
          placeholder: vscode.l10n.t('Which identity (API key) should be removed from this computer?'),
        });
  return identity ? confirmAndRemoveIdentity(deps, identity) : false;
}

export const removeIdentityCommand: BoldDeskCommand = {
  id: Commands.removeIdentity,
  run: (deps, arg) => removeIdentityFlow(deps, arg),
};
