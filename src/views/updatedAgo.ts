// "just now", "3 min ago", "2 h ago", "4 days ago": how old cached data is, for the tree.
import * as vscode from 'vscode';

export function updatedAgo(at: number, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - at) / 60_000));
  if (minutes < 1) return vscode.l10n.t('just now');
  if (minutes < 60) return vscode.l10n.t('{0} min ago', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return vscode.l10n.t('{0} h ago', hours);
  const days = Math.floor(hours / 24);
  return days === 1 ? vscode.l10n.t('1 day ago') : vscode.l10n.t('{0} days ago', days);
}
