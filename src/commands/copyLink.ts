// BoldDesk: Copy Link — the ticket's agent-portal URL to the clipboard.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import { ticketLink } from './openInBrowser';

export const copyLinkCommand: BoldDeskCommand = {
  id: Commands.copyLink,
  async run(deps, arg) {
    const url = await ticketLink(deps, arg, vscode.l10n.t('Copy the link of a ticket'));
    if (!url) return undefined;
    await vscode.env.clipboard.writeText(url);
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', url), 3000);
    return url;
  },
};
