// Records what actually reaches vscode.window's message, modal and progress calls (the extension shares this
// `vscode` API object with the tests), and a Prompts that answers questions from a script but shows every
// message through the extension's REAL Prompts — so the text captured is exactly what a user would see.
import type * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import type { Prompts } from '../../src/ui/prompts';
import type { ScriptedPrompts } from '../support/scriptedPrompts';

export interface WindowText {
  via: 'info' | 'warning' | 'error' | 'progress' | 'status';
  text: string;
}

type Patched = 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage' | 'withProgress' | 'setStatusBarMessage';

export class WindowCapture {
  readonly shown: WindowText[] = [];
  private readonly saved = new Map<Patched, unknown>();

  constructor(private readonly window: typeof vscode.window) {}

  install(): void {
    const w = this.window as unknown as Record<Patched, unknown>;
    const record = (via: WindowText['via'], name: Patched) => {
      this.saved.set(name, w[name]);
      w[name] = (message: string, ...rest: unknown[]) => {
        this.shown.push({ via, text: message });
        const options = rest[0] as { detail?: string } | undefined;
        if (options && typeof options === 'object' && typeof options.detail === 'string') this.shown.push({ via, text: options.detail });
        return Promise.resolve(undefined); // dismissed (a modal is answered "no")
      };
    };
    record('info', 'showInformationMessage');
    record('warning', 'showWarningMessage');
    record('error', 'showErrorMessage');
    this.saved.set('setStatusBarMessage', w.setStatusBarMessage);
    w.setStatusBarMessage = (text: string) => {
      this.shown.push({ via: 'status', text });
      return { dispose: () => undefined };
    };
    const progress = w.withProgress as typeof vscode.window.withProgress;
    this.saved.set('withProgress', progress);
    w.withProgress = ((options: vscode.ProgressOptions, task: Parameters<typeof vscode.window.withProgress>[1]) => {
      if (options.title) this.shown.push({ via: 'progress', text: options.title });
      return progress.call(this.window, options, task);
    }) as unknown;
  }

  restore(): void {
    const w = this.window as unknown as Record<Patched, unknown>;
    for (const [name, fn] of this.saved) w[name] = fn;
    this.saved.clear();
  }
}

/** Questions from `script`, messages and progress through `real` (the extension's VsCodePrompts). */
export function scriptedQuestionsRealMessages(real: Prompts, script: ScriptedPrompts): Prompts {
  return {
    input: (o) => script.input(o),
    pick: (items, o) => script.pick(items, o),
    pickMany: (items, o) => script.pickMany(items, o),
    inputStep: (o) => script.inputStep(o),
    pickStep: (o) => script.pickStep(o),
    searchPickStep: (o) => script.searchPickStep(o),
    confirm: (m, o) => script.confirm(m, o),
    status: (m) => real.status(m),
    info: (m, ...a) => real.info(m, ...a),
    warning: (m, ...a) => real.warning(m, ...a),
    error: (m, ...a) => real.error(m, ...a),
    withProgress: (t, task, o) => real.withProgress(t, task, o),
    pickFiles: (o) => script.pickFiles(o),
  };
}

/** The real Prompts of the extension (whatever a previous test left in place is put back by PromptSwitch). */
export function realPrompts(ext: ExtensionApi, placeholder: Prompts): Prompts {
  const real = ext.setPrompts(placeholder);
  ext.setPrompts(real);
  return real;
}
