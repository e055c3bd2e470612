// BoldDesk's one status bar item: "BoldDesk: 67 · Ana Agent" — my open tickets (the auto refresh's count, once known)
// and the identity in use: in a reply/note draft the one it will be posted as, elsewhere the default identity.
// Click: "Post as…" in a draft (with several identities), otherwise Switch Identity.
import * as vscode from 'vscode';
import { neutralize } from '../text/untrusted';
import type { CoreDeps } from '../deps';
import { Commands } from '../constants';
import type { DraftEditors } from '../drafts/draftEditors';
import { draftTitle } from '../drafts/draftStore';
import { DisposableStore } from '../lifecycle';

/**
 * "BoldDesk: 67 · Ana Agent" once a write confirmed the key's owner; a named but unconfirmed agent says so; never a
 * bare identity label such as "Default". `openCount` undefined: not known (yet), left out.
 */
export function statusText(deps: Pick<CoreDeps, 'session'>, identityId: string | undefined, openCount?: number): string {
  const who = whoText(deps, identityId);
  return openCount === undefined ? vscode.l10n.t('BoldDesk: {0}', who) : vscode.l10n.t('BoldDesk: {0} · {1}', openCount, who);
}

function whoText(deps: Pick<CoreDeps, 'session'>, identityId: string | undefined): string {
  const name = identityName(deps, identityId);
  if (deps.session.confirmedOwner(identityId) && name) return name;
  if (deps.session.agentFor(identityId) && name) return vscode.l10n.t('{0} (not confirmed)', name);
  const label = deps.session.identities.length > 1 ? deps.session.identity(identityId)?.label : undefined;
  return label ? vscode.l10n.t('{0} (key owner not known yet)', label) : vscode.l10n.t('key owner not known yet');
}

export function identityName(deps: Pick<CoreDeps, 'session'>, identityId: string | undefined): string | undefined {
  const identity = deps.session.identity(identityId);
  const agent = deps.session.agentFor(identityId);
  if (!identity) return undefined;
  if (deps.session.identities.length < 2) return agent?.name;
  return agent && agent.name !== identity.label ? `${identity.label} (${agent.name})` : identity.label;
}

export class BoldDeskStatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('bolddesk.status', vscode.StatusBarAlignment.Left, 99);
  private readonly disposables = new DisposableStore();
  private openCount: number | undefined;

  constructor(
    private readonly deps: Pick<CoreDeps, 'session'>,
    private readonly drafts: DraftEditors,
  ) {
    this.item.name = vscode.l10n.t('BoldDesk');
    this.disposables.addAll(
      this.item,
      deps.session.onDidChange(() => this.update()),
      drafts.onDidChangePostAs(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  /** My open tickets as BoldDesk last counted them; undefined when unknown (no list yet, the key rejected). */
  setOpenCount(count: number | undefined): void {
    this.openCount = count;
    this.update();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private update(): void {
    const { session } = this.deps;
    if (session.identities.length === 0) {
      this.item.hide();
      return;
    }
    const ref = this.drafts.activeRef();
    const postAs = ref ? this.drafts.postAsFor(ref) : undefined;
    const several = session.identities.length > 1;
    const name = identityName(this.deps, postAs) ?? session.identity(postAs)?.label ?? '';
    this.item.text = `$(account) ${neutralize(statusText(this.deps, postAs, this.openCount), 120)}`; // BoldDesk's names: no icons, no links
    this.item.command = ref && several ? Commands.postAs : Commands.switchIdentity;
    const count = this.openCount === undefined ? undefined
      : this.openCount === 1 ? vscode.l10n.t('1 open ticket assigned to you.') : vscode.l10n.t('{0} open tickets assigned to you.', this.openCount);
    const where = ref ? vscode.l10n.t('{0} will be posted as this identity.', draftTitle(ref)) : vscode.l10n.t('BoldDesk identity in use.');
    const action = ref && several ? vscode.l10n.t('Click to post as another identity.') : vscode.l10n.t('Click to switch identity.');
    this.item.tooltip = [count, `${where} ${session.attributionText(postAs)}`, action].filter(Boolean).join('\n');
    this.item.accessibilityInformation = {
      label: count ? vscode.l10n.t('BoldDesk: acting as {0}. {1}', name, count) : vscode.l10n.t('BoldDesk: acting as {0}', name),
    };
    this.item.show();
  }
}
