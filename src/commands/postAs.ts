// BoldDesk: Post As… — chooses which identity (API key) the active reply/note draft is sent with; remembered per
// draft until it is sent. From the draft's editor title, the identity status bar item, or the palette. Tests pass
// `{ draft: <draft uri>, identity: <id or label> }`.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { draftTitle } from '../drafts/draftStore';
import type { BoldDeskCommand } from './command';
import { pickIdentity } from './identityPicker';

interface PostAsArgs {
  draft?: string;
  identity?: string;
}

function parseArg(arg: unknown): { uri?: vscode.Uri; identity?: string } {
  if (arg instanceof vscode.Uri) return { uri: arg };
  if (typeof arg === 'object' && arg !== null) {
    const o = arg as PostAsArgs;
    return { uri: typeof o.draft === 'string' ? vscode.Uri.parse(o.draft) : undefined, identity: o.identity };
  }
  return {};
}

export const postAsCommand: BoldDeskCommand = {
  id: Commands.postAs,
  /** Resolves with the chosen identity id, or undefined when nothing changed. */
  run: async (deps, arg) => {
    const drafts = deps.drafts;
    const { uri, identity } = parseArg(arg);
    const ref = drafts.refFor(uri ?? vscode.window.activeTextEditor?.document.uri);
    if (!ref) {
      void deps.prompts.info(vscode.l10n.t('Open a reply or note draft first: BoldDesk: Add Reply or Add Private Note.'));
      return undefined;
    }
    if ((await deps.session.loadIdentities()).length < 2) {
      void deps.prompts.info(
        vscode.l10n.t('Only one identity is stored. Add another one (BoldDesk: Add Identity) to post as someone else, e.g. an “API Bot” agent.'),
      );
      return undefined;
    }
    const chosen = await pickIdentity(deps, identity, {
      title: vscode.l10n.t('Post {0} as…', draftTitle(ref)),
      placeholder: vscode.l10n.t('BoldDesk shows the reply or note under the name of the agent who owns the chosen key'),
      current: drafts.postAsFor(ref),
    });
    if (!chosen) return undefined;
    await drafts.setPostAs(ref, chosen.id);
    void deps.session.resolveAgent(chosen.id).then(() => drafts.update());
    return chosen.id;
  },
};
