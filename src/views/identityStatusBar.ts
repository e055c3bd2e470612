// A status bar item that shows the identity in use: in a reply/note draft the one it will be posted as, elsewhere
// the default identity. Click: "Post as…" in a draft (with several identities), otherwise Switch Identity.
import * as vscode from 'vscode';
import { neutralize } from '../text/untrusted';
import type { CoreDeps } from '../deps';
import { Commands } from '../constants';
import type { DraftEditors } from '../drafts/draftEditors';
import { draftTitle } from '../drafts/draftStore';

/**
 * "BoldDesk: Ana Agent" once a write confirmed the key's owner; a named but unconfirmed agent says so; never a bare
 * identity label such as "Default".
 */
export function statusText(deps: Pick<CoreDeps, 'session'>, identityId: string | undefined): string {
  const name = identityName(deps, identityId);
  const several = deps.session.identities.length > 1;
  if (deps.session.confirmedOwner(identityId) && name) return vscode.l10n.t('BoldDesk: {0}', name);
  if (deps.session.agentFor(identityId) && name) return vscode.l10n.t('BoldDesk: {0} (not confirmed)', name);
  const label = several ? deps.session.identity(identityId)?.label : undefined;
  return label
    ? vscode.l10n.t('BoldDesk: {0} (key owner not known yet)', label)
    : vscode.l10n.t('BoldDesk: key owner not known yet');
}

export function identityName(deps: Pick<CoreDeps, 'session'>, identityId: string | undefined): string | undefined {
  const identity = deps.session.identity(identityId);
  const agent = deps.session.agentFor(identityId);
  if (!identity) return undefined;
  if (deps.session.identities.length < 2) return agent?.name;
  return agent && agent.name !== identity.label ? `${identity.label} (${agent.name})` : identity.label;
}

export function registerIdentityStatusBar(deps: Pick<CoreDeps, 'session'>, drafts: DraftEditors): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('bolddesk.identity', vscode.StatusBarAlignment.Left, 99);
  item.name = vscode.l10n.t('BoldDesk identity');
  const update = () => {
    const identities = deps.session.identities;
    if (identities.length === 0) {
      item.hide();
      return;
    }
    const ref = drafts.activeRef();
    const postAs = ref ? drafts.postAsFor(ref) : undefined;
    const several = identities.length > 1;
    const name = identityName(deps, postAs) ?? deps.session.identity(postAs)?.label ?? '';
    item.text = `$(account) ${neutralize(statusText(deps, postAs), 120)}`; // names from BoldDesk: no icons, no links
    item.command = ref && several ? Commands.postAs : Commands.switchIdentity;
    const where = ref ? vscode.l10n.t('{0} will be posted as this identity.', draftTitle(ref)) : vscode.l10n.t('BoldDesk identity in use.');
    const action = ref && several ? vscode.l10n.t('Click to post as another identity.') : vscode.l10n.t('Click to switch identity.');
    item.tooltip = `${where} ${deps.session.attributionText(postAs)}\n${action}`;
    item.accessibilityInformation = { label: vscode.l10n.t('BoldDesk: acting as {0}', name) };
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    deps.session.onDidChange(update),
    drafts.onDidChangePostAs(update),
    vscode.window.onDidChangeActiveTextEditor(update),
  );
}
