// Turns a failure into a tree message with the action that fixes it (no modal pop-ups from the tree).
// The words come from describeErrorShort/describeError; this file only picks icon and click action.
import * as vscode from 'vscode';
import { describeError, describeErrorShort } from '../api/describeError';
import { isBoldDeskError } from '../api/errors';
import { MissingSettingError } from '../auth/sessionSettings';
import { Commands } from '../constants';
import { MessageNode } from './nodes/messageNode';

// Built when a node is made (vscode.l10n.t at call time, not at module load).
const setApiKey = (): vscode.Command => ({ command: Commands.setApiKey, title: vscode.l10n.t('Set API Key') });
const setDomain = (): vscode.Command => ({ command: Commands.setDomain, title: vscode.l10n.t('Set Domain') });
const refresh = (): vscode.Command => ({ command: Commands.refresh, title: vscode.l10n.t('Refresh') });
const showLog = (): vscode.Command => ({ command: Commands.showLog, title: vscode.l10n.t('Show Log') });
const checkConnection = (): vscode.Command => ({ command: Commands.checkConnection, title: vscode.l10n.t('Check Connection') });

export function invalidDomainNode(reason: string): MessageNode {
  return new MessageNode(vscode.l10n.t('Invalid BoldDesk domain — Fix domain…'), {
    icon: 'error',
    iconColor: 'errorForeground',
    command: setDomain(),
    tooltip: reason,
  });
}

/** `retryAt`: when the list will retry by itself after a 429 (the label says so). */
export function errorNode(error: unknown, host: string, now = Date.now()): MessageNode {
  const tooltip = describeError(error);
  if (error instanceof MissingSettingError) {
    return error.missing === 'key'
      ? new MessageNode(vscode.l10n.t('No API key — Set API Key…'), { icon: 'key', command: setApiKey(), tooltip })
      : invalidDomainNode(tooltip);
  }
  const label = describeErrorShort(error, host, now);
  const kind = isBoldDeskError(error) ? error.kind : undefined;
  switch (kind) {
    case 'auth':
      return new MessageNode(label, { icon: 'key', iconColor: 'errorForeground', command: setApiKey(), tooltip });
    case 'rateLimited':
      return new MessageNode(label, { icon: 'watch', iconColor: 'editorWarning.foreground', tooltip });
    case 'config':
    case 'redirect':
    case 'protocol':
      return new MessageNode(label, { icon: 'error', iconColor: 'errorForeground', command: setDomain(), tooltip });
    case 'network':
    case 'timeout':
    case 'server':
    case 'notFound':
      return new MessageNode(label, { icon: 'debug-disconnect', iconColor: 'errorForeground', command: refresh(), tooltip });
    case 'validation':
    case 'permission':
      // BoldDesk refused the list query or this key: the label says why; clicking checks what this help desk
      // supports (the lists are then rebuilt with the forms that work, docs/BOLDDESK-API.md).
      return new MessageNode(label, { icon: 'error', iconColor: 'errorForeground', command: checkConnection(), tooltip });
    default:
      return new MessageNode(label, { icon: 'error', iconColor: 'errorForeground', command: showLog(), tooltip });
  }
}
