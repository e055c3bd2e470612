// A quick pick that keeps what is typed: besides the items, `typed(text)` may offer one more item for the text
// itself ("#123" → that ticket, "login" → filter by that text). It is listed first and active, so Enter takes it
// when the text is not one of the items. Loaded on use (dist/extrasUi.js) by VsCodePrompts.pick.
import * as vscode from 'vscode';
import type { PickItem, PickOptions } from './prompts';
import { toQuickPickItems, type ValuedQuickPickItem } from './quickPickItems';
import { neutralize } from '../text/untrusted';

export function showTypedPick<T>(items: PickItem<T>[], o: PickOptions<T>): Promise<T | undefined> {
  const pick = vscode.window.createQuickPick<ValuedQuickPickItem<T>>();
  const shown = (text: string | undefined) => (text === undefined ? undefined : neutralize(text));
  pick.title = shown(o.title);
  pick.placeholder = shown(o.placeholder);
  pick.matchOnDescription = o.matchOnDescription ?? false;
  pick.matchOnDetail = o.matchOnDetail ?? false;
  pick.ignoreFocusOut = true; // a panel reloading in the background must not dismiss the pick
  const base = toQuickPickItems(items);
  const update = (text: string): void => {
    const extra = o.typed?.(text);
    if (!extra) {
      pick.items = base;
      return;
    }
    const [first] = toQuickPickItems([{ ...extra, alwaysShow: true }]);
    pick.items = [first, ...base.filter((i) => i.value !== first.value)]; // listed once, first
    pick.activeItems = [first];
  };
  pick.value = o.value ?? '';
  update(pick.value);
  return new Promise<T | undefined>((resolve) => {
    let done = false;
    const finish = (value: T | undefined): void => {
      if (done) return;
      done = true;
      subscriptions.forEach((d) => d.dispose());
      pick.dispose();
      resolve(value);
    };
    const subscriptions = [
      pick.onDidChangeValue(update),
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        if (chosen) finish(chosen.value);
      }),
      pick.onDidHide(() => finish(undefined)),
    ];
    pick.show();
  });
}
