// The `when`-clause context keys that follow the session (a valid domain, a stored key, several identities): set
// once when start-up reads the stored keys (deferredStartup.ts), then after every change of the session.
import * as vscode from 'vscode';
import { ContextKeys } from '../constants';
import type { Session } from '../deps';

export function bindSessionContextKeys(session: Pick<Session, 'origin' | 'identities' | 'onDidChange'>): vscode.Disposable {
  const update = (): void => {
    const hasDomain = session.origin !== undefined;
    const count = session.identities.length; // [] when no domain is set
    void vscode.commands.executeCommand('setContext', ContextKeys.hasDomain, hasDomain);
    void vscode.commands.executeCommand('setContext', ContextKeys.hasKey, hasDomain && count > 0);
    void vscode.commands.executeCommand('setContext', ContextKeys.severalIdentities, hasDomain && count > 1);
  };
  update();
  return session.onDidChange(update);
}
