// Every question the extension asks the user goes through `Prompts`, so integration tests can swap in a
// scripted implementation (ExtensionApi.setPrompts) and drive commands without clicking through real UI.
// Keep the interface small and plain-data: a fake only has to return values, BACK or undefined.
// The contract only (no vscode import): its VS Code implementation is ui/vscodePrompts.ts, beside multiStepInput.ts.
import type { Back } from './back';

/** One choice in a pick list. `value` is what the caller gets back; the rest is what the user sees. */
export interface PickItem<T> {
  /** A codicon name shown before the label ('check'): the label itself is shown as plain text. */
  icon?: string;
  label: string;
  description?: string;
  detail?: string;
  /** The current value / the one to highlight first (e.g. what was chosen before going Back). */
  picked?: boolean;
  /** Keep visible whatever the user types (e.g. "New requester…"). */
  alwaysShow?: boolean;
  value: T;
}

export interface InputOptions {
  title?: string;
  prompt?: string;
  placeholder?: string;
  /** Prefilled text. */
  value?: string;
  /** Hide the typed text (API keys). */
  password?: boolean;
  /** Return an error message for bad input, or undefined when it is acceptable. */
  validate?: (value: string) => string | undefined;
  /**
   * Checked on Enter (e.g. with BoldDesk) while the box shows it is busy: an error message keeps the box open with
   * the text and the message; undefined accepts. Nothing typed is thrown away by a failed check.
   */
  accept?: (value: string) => Promise<string | undefined>;
}

export interface PickOptions<T = unknown> {
  title?: string;
  placeholder?: string;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
  /** Text already typed into the box (e.g. what the user typed before the list came back). */
  value?: string;
  /**
   * What typed text means when it is not one of the items (e.g. "#123" → that ticket, "login" → filter by text):
   * shown first while typing and chosen by Enter, so Enter never throws the typing away. undefined: nothing.
   */
  typed?: (text: string) => PickItem<T> | undefined;
}

/** Where a step sits in a multi-step flow (omit step/totalSteps for a single searchable pick). */
export interface StepInfo {
  title: string;
  step?: number;
  totalSteps?: number;
  /** Show the Back button (false on the first step). */
  canGoBack: boolean;
}

export type InputStepOptions = InputOptions & StepInfo & {
  /** Gets the text in the box when the step ends by Back or Escape (typed, not confirmed), so the flow keeps it. */
  keep?: (typed: string) => void;
};

export interface PickStepOptions<T> extends Omit<PickOptions, 'title' | 'value' | 'typed'>, StepInfo {
  items: PickItem<T>[];
}

/** A pick whose items come from a search as the user types (contacts, agents). */
export interface SearchPickStepOptions<T> extends StepInfo {
  placeholder?: string;
  /** Text to start with (e.g. the previous search when coming Back). */
  value?: string;
  /** Always shown, above the results (e.g. "New requester…"). */
  fixedItems?: PickItem<T>[];
  /** Called with the typed text (debounced); a newer search aborts the older one. */
  search: (text: string, signal: AbortSignal) => Promise<PickItem<T>[]>;
}

export interface ConfirmOptions {
  /** Second line of the (modal) dialog. */
  detail?: string;
  /** Label of the button that confirms, e.g. "Send". */
  confirmLabel: string;
}

export interface ProgressOptions {
  /** Let the user cancel: the signal passed to the task aborts. */
  cancellable?: boolean;
}

export interface Prompts {
  /**
   * A ticket panel took the keyboard focus without a click. If a question opened just before, it gets the focus
   * back: VS Code refocuses the panel after the palette closes and can do so after the question already opened.
   */
  reclaimFocus?(): void;
  /** Single input box. undefined = cancelled. */
  input(options: InputOptions): Promise<string | undefined>;
  /** Single-choice list. undefined = cancelled. */
  pick<T>(items: PickItem<T>[], options: PickOptions<T>): Promise<T | undefined>;
  /** Multi-choice list; items with `picked` start checked. undefined = cancelled. */
  pickMany<T>(items: PickItem<T>[], options: PickOptions): Promise<T[] | undefined>;

  // Steps of a multi-step flow: each returns the answer, BACK, or undefined (cancelled / closed).
  inputStep(options: InputStepOptions): Promise<string | Back | undefined>;
  pickStep<T>(options: PickStepOptions<T>): Promise<T | Back | undefined>;
  searchPickStep<T>(options: SearchPickStepOptions<T>): Promise<T | Back | undefined>;

  /** Modal yes/no. True only when the user chose `confirmLabel`. */
  confirm(message: string, options: ConfirmOptions): Promise<boolean>;

  /**
   * A passing message in the status bar, for a success: VS Code's guideline keeps notifications for what needs
   * attention (Copy Reference and Set Domain do the same).
   */
  status(message: string): void;

  /** Notifications; resolve with the chosen action, or undefined when dismissed. */
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warning(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;

  /** Run a network task with a visible progress notification; `report` adds a line under the title (e.g. "2 of 3"). */
  withProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>, options?: ProgressOptions): Promise<T>;

  /** The open dialog for files: their URIs as strings; undefined (or []) = cancelled. */
  pickFiles(options: { title: string; openLabel?: string }): Promise<string[] | undefined>;
}
