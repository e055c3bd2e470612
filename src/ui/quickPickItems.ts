// PickItem (plain data from commands) → the QuickPickItem VS Code shows. Labels and descriptions often hold ticket
// or server text, so they are neutralised here; the only icon an item gets is its own `icon`. No vscode at runtime.
import type * as vscode from 'vscode';
import { neutralize } from '../text/untrusted';
import type { PickItem } from './prompts';

/** A vscode.QuickPickItem that remembers the caller's value. */
export interface ValuedQuickPickItem<T> extends vscode.QuickPickItem {
  value: T;
}

export function toQuickPickItems<T>(items: PickItem<T>[]): ValuedQuickPickItem<T>[] {
  return items.map((i) => ({
    label: i.icon ? `$(${i.icon}) ${neutralize(i.label)}` : neutralize(i.label),
    description: i.description === undefined ? undefined : neutralize(i.description),
    detail: i.detail === undefined ? undefined : neutralize(i.detail),
    picked: i.picked,
    alwaysShow: i.alwaysShow,
    value: i.value,
  }));
}

