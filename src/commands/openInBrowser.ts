// BoldDesk: Open in Browser — the ticket in the BoldDesk agent portal (URL built by ticketWebUrl only).
import * as vscode from 'vscode';
import { ConfigError } from '../api/errors';
import { ticketWebUrl } from '../api/ticketUrl';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import type { CommandDeps } from './command';
import { resolveTicketId } from '../ui/ticketArg';

/** The portal URL of the ticket the argument names (or the user picks); undefined when cancelled. */
export async function ticketLink(deps: CommandDeps, arg: unknown, purpose: string): Promise<string | undefined> {
  const origin = deps.session.origin;
  if (!origin) throw new ConfigError(vscode.l10n.t('Set your BoldDesk domain first (BoldDesk: Set Domain).'));
  const ticketId = await resolveTicketId(deps, arg, purpose);
  return ticketId === undefined ? undefined : ticketWebUrl(origin, ticketId);
}

export const openInBrowserCommand: BoldDeskCommand = {
  id: Commands.openInBrowser,
  async run(deps, arg) {
    const url = await ticketLink(deps, arg, vscode.l10n.t('Open a ticket in the browser'));
    if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
    return url;
  },
};
