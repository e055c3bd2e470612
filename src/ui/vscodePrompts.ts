// The real Prompts: vscode.window and the multi-step quick inputs of multiStepInput.ts.
import * as vscode from 'vscode';
import { neutralize } from '../text/untrusted';
import { BACK, type Back } from './back';
import { shown, showInputStep, showPickStep, showSearchPickStep } from './multiStepInput';
import type {
  ConfirmOptions,
  InputOptions,
  InputStepOptions,
  PickItem,
  PickOptions,
  PickStepOptions,
  ProgressOptions,
  Prompts,
  SearchPickStepOptions,
} from './prompts';
import { toQuickPickItems } from './quickPickItems';
import { extrasUi } from '../lazy/load';

/**
 * The real thing: vscode.window. Every message, title, prompt and label is passed through `neutralize` here, the
 * one door to the window, so ticket or server text quoted in it can never become a command link or an icon.
 */
/** How long a success stays in the status bar. */
const STATUS_MS = 8000;

/** A panel taking the focus this soon after a question opened took it from the question (not by the user's choice). */
const RECLAIM_MS = 3000;

export class VsCodePrompts implements Prompts {
  /** Questions open now, and when the last one opened. */
  private open = 0;
  private openedAt = 0;

  reclaimFocus(): void {
    if (this.open > 0 && Date.now() - this.openedAt < RECLAIM_MS) void vscode.commands.executeCommand('workbench.action.focusQuickOpen');
  }

  /** Every question goes through here, so reclaimFocus knows one is open. */
  private async asking<T>(question: () => Thenable<T>): Promise<T> {
    this.open += 1;
    this.openedAt = Date.now();
    try {
      return await question();
    } finally {
      this.open -= 1;
    }
  }

  input(options: InputOptions): Promise<string | undefined> {
    return this.asking(() => this.askInput(options));
  }

  private async askInput(options: InputOptions): Promise<string | undefined> {
    if (options.accept) {
      // showInputBox closes on Enter; a box that checks the text first must stay open on a refusal.
      const r = await showInputStep({ ...options, title: options.title ?? '', canGoBack: false });
      return r === BACK ? undefined : r;
    }
    return vscode.window.showInputBox({
      title: shown(options.title),
      prompt: shown(options.prompt),
      placeHolder: shown(options.placeholder),
      value: options.value,
      password: options.password,
      ignoreFocusOut: true,
      validateInput: options.validate ? (v) => shown(options.validate?.(v)) : undefined,
    });
  }

  pick<T>(items: PickItem<T>[], options: PickOptions<T>): Promise<T | undefined> {
    return this.asking(() => this.askPick(items, options));
  }

  private async askPick<T>(items: PickItem<T>[], options: PickOptions<T>): Promise<T | undefined> {
    // Typing that means something (a ticket number, a filter text): a quick pick that offers the typed text
    // (ui/typedPick.ts, in dist/extrasUi.js).
    if (options.typed || options.value) return extrasUi().showTypedPick(items, options);
    const chosen = await vscode.window.showQuickPick(toQuickPickItems(items), {
      title: shown(options.title),
      placeHolder: shown(options.placeholder),
      matchOnDescription: options.matchOnDescription,
      matchOnDetail: options.matchOnDetail,
      // A ticket panel reloading in the background takes focus; that must not dismiss the user's pick.
      ignoreFocusOut: true,
    });
    return chosen?.value;
  }

  async pickMany<T>(items: PickItem<T>[], options: PickOptions): Promise<T[] | undefined> {
    const chosen = await this.asking(() => vscode.window.showQuickPick(toQuickPickItems(items), {
      title: shown(options.title),
      placeHolder: shown(options.placeholder),
      matchOnDescription: options.matchOnDescription,
      matchOnDetail: options.matchOnDetail,
      canPickMany: true,
    }));
    return chosen?.map((c) => c.value);
  }

  inputStep(options: InputStepOptions): Promise<string | Back | undefined> {
    return this.asking(() => showInputStep(options));
  }

  pickStep<T>(options: PickStepOptions<T>): Promise<T | Back | undefined> {
    return this.asking(() => showPickStep(options));
  }

  searchPickStep<T>(options: SearchPickStepOptions<T>): Promise<T | Back | undefined> {
    return this.asking(() => showSearchPickStep(options));
  }

  async confirm(message: string, options: ConfirmOptions): Promise<boolean> {
    const answer = await vscode.window.showWarningMessage(
      neutralize(message),
      { modal: true, detail: shown(options.detail) },
      options.confirmLabel,
    );
    return answer === options.confirmLabel;
  }

  status(message: string): void {
    vscode.window.setStatusBarMessage(`$(check) ${neutralize(message, 200)}`, STATUS_MS);
  }

  async info(message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showInformationMessage(neutralize(message), ...actions);
  }

  async warning(message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showWarningMessage(neutralize(message), ...actions);
  }

  async error(message: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showErrorMessage(neutralize(message), ...actions);
  }

  async withProgress<T>(
    title: string,
    task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
    options: ProgressOptions = {},
  ): Promise<T> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: neutralize(title), cancellable: options.cancellable ?? false },
      async (progress, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort());
        try {
          return await task(controller.signal, (message) => progress.report({ message: neutralize(message) }));
        } finally {
          sub.dispose();
        }
      },
    );
  }

  async pickFiles(options: { title: string; openLabel?: string }): Promise<string[] | undefined> {
    const uris = await vscode.window.showOpenDialog({
      canSelectMany: true, canSelectFiles: true, canSelectFolders: false,
      title: neutralize(options.title), ...(options.openLabel ? { openLabel: neutralize(options.openLabel) } : {}),
    });
    return uris?.map((u) => u.toString());
  }
}
