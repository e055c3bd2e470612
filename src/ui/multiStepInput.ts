// Quick-input steps with a Back button, after vscode-extension-samples' quickinput-sample (multiStepInput.ts).
// Unlike the sample, each step resolves to a value, BACK or undefined instead of throwing, so the flow's
// state machine (e.g. createTicketFlow) stays plain code that a scripted Prompts can drive as well.
import * as vscode from 'vscode';
import { BACK, type Back } from './back';
import { neutralize } from '../text/untrusted';
import type { InputStepOptions, PickStepOptions, SearchPickStepOptions } from './prompts';
import { toQuickPickItems, type ValuedQuickPickItem } from './quickPickItems';

/** Titles, prompts and placeholders may quote a value or server words (see neutralize). */
export function shown(text: string | undefined): string | undefined {
  return text === undefined ? undefined : neutralize(text);
}

const SEARCH_DEBOUNCE_MS = 250;

/** Shows `input`, resolves once through `finish`, and disposes everything after the first answer. */
function runQuickInput<R>(
  input: vscode.QuickInput,
  wire: (finish: (result: R | Back | undefined) => void, disposables: vscode.Disposable[]) => void,
  /** Called once with the answer, before the input is disposed (it can still be read). */
  ending?: (result: R | Back | undefined) => void,
): Promise<R | Back | undefined> {
  return new Promise((resolve) => {
    const disposables: vscode.Disposable[] = [];
    let done = false;
    const finish = (result: R | Back | undefined): void => {
      if (done) return;
      done = true;
      ending?.(result);
      for (const d of disposables) d.dispose();
      input.dispose();
      resolve(result);
    };
    disposables.push(input.onDidHide(() => finish(undefined)));
    wire(finish, disposables);
    input.show();
  });
}

function backButtons(canGoBack: boolean): vscode.QuickInputButton[] {
  return canGoBack ? [vscode.QuickInputButtons.Back] : [];
}

export function showInputStep(o: InputStepOptions): Promise<string | Back | undefined> {
  const input = vscode.window.createInputBox();
  input.title = shown(o.title);
  input.step = o.step;
  input.totalSteps = o.totalSteps;
  input.value = o.value ?? '';
  input.prompt = shown(o.prompt);
  input.placeholder = shown(o.placeholder);
  input.password = o.password ?? false;
  input.ignoreFocusOut = true;
  input.buttons = backButtons(o.canGoBack);
  const refuse = (message: string): void => {
    input.busy = false;
    input.enabled = true;
    input.validationMessage = shown(message);
  };
  return runQuickInput<string>(input, (finish, disposables) => {
    disposables.push(
      input.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) finish(BACK);
      }),
      input.onDidChangeValue((text) => {
        input.validationMessage = shown(o.validate?.(text));
      }),
      input.onDidAccept(() => {
        if (input.busy) return; // a check is running
        const message = shown(o.validate?.(input.value));
        if (message) {
          input.validationMessage = message;
          return;
        }
        if (!o.accept) return finish(input.value);
        // Checked while the box stays open: a refusal is shown in it and the text stays (nothing typed is lost).
        const value = input.value;
        input.busy = true;
        input.enabled = false;
        void o.accept(value).then(
          (refused) => refused === undefined ? finish(value) : refuse(refused),
          (error: unknown) => refuse(error instanceof Error ? error.message : String(error)),
        );
      }),
    );
  }, (result) => {
    if (result === BACK || result === undefined) o.keep?.(input.value); // Back and Escape keep the typing
  });
}

export function showPickStep<T>(o: PickStepOptions<T>): Promise<T | Back | undefined> {
  const pick = vscode.window.createQuickPick<ValuedQuickPickItem<T>>();
  pick.title = shown(o.title);
  pick.step = o.step;
  pick.totalSteps = o.totalSteps;
  pick.placeholder = shown(o.placeholder);
  pick.matchOnDescription = o.matchOnDescription ?? false;
  pick.matchOnDetail = o.matchOnDetail ?? false;
  pick.ignoreFocusOut = true;
  pick.buttons = backButtons(o.canGoBack);
  const items = toQuickPickItems(o.items);
  pick.items = items;
  // Highlight the current / previously chosen value so Back keeps what was picked.
  const active = items.find((i) => i.picked);
  if (active) pick.activeItems = [active];
  return runQuickInput<T>(pick, (finish, disposables) => {
    disposables.push(
      pick.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) finish(BACK);
      }),
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        if (chosen) finish(chosen.value);
      }),
    );
  });
}

export function showSearchPickStep<T>(o: SearchPickStepOptions<T>): Promise<T | Back | undefined> {
  const pick = vscode.window.createQuickPick<ValuedQuickPickItem<T>>();
  pick.title = shown(o.title);
  pick.step = o.step;
  pick.totalSteps = o.totalSteps;
  pick.placeholder = shown(o.placeholder);
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.buttons = backButtons(o.canGoBack);
  pick.value = o.value ?? '';
  const fixed = toQuickPickItems(o.fixedItems ?? []).map((i) => ({ ...i, alwaysShow: true }));
  pick.items = fixed;
  const live = liveSearch(pick, fixed, shown(o.placeholder), o.search);

  return runQuickInput<T>(pick, (finish, disposables) => {
    disposables.push(
      pick.onDidTriggerButton((b) => {
        if (b === vscode.QuickInputButtons.Back) finish(BACK);
      }),
      pick.onDidChangeValue((text) => live.typed(text)),
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        if (chosen) finish(chosen.value);
      }),
      live,
    );
    live.search(pick.value);
  });
}

/**
 * The search behind a search step: `typed` asks again SEARCH_DEBOUNCE_MS after the last key; only the newest answer
 * is shown (an older request is aborted), after the fixed items; a failure says why in the placeholder.
 */
function liveSearch<T>(
  pick: vscode.QuickPick<ValuedQuickPickItem<T>>,
  fixed: ValuedQuickPickItem<T>[],
  placeholder: string | undefined,
  run: SearchPickStepOptions<T>['search'],
): { search(text: string): void; typed(text: string): void; dispose(): void } {
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const search = (text: string): void => {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    pick.busy = true;
    run(text, mine.signal).then(
      (results) => {
        if (mine.signal.aborted) return;
        // BoldDesk already filtered: keep every result visible even if the label does not contain the text.
        pick.items = [...fixed, ...toQuickPickItems(results).map((i) => ({ ...i, alwaysShow: true }))];
        pick.placeholder = placeholder;
        pick.busy = false;
      },
      (err: unknown) => {
        if (mine.signal.aborted) return;
        pick.items = fixed;
        pick.placeholder = neutralize(vscode.l10n.t('Search failed: {0}', err instanceof Error ? err.message : String(err)));
        pick.busy = false;
      },
    );
  };
  return {
    search,
    typed: (text) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => search(text), SEARCH_DEBOUNCE_MS);
    },
    dispose: () => {
      if (timer) clearTimeout(timer);
      controller?.abort();
    },
  };
}
