// A Prompts that answers from a script instead of showing UI, and records every question and message.
// Used by integration tests (through ExtensionApi.setPrompts) and by unit tests of vscode-free flows, so it
// imports nothing from vscode at runtime.
import { BACK, type Back } from '../../src/ui/back';
import type {
  ConfirmOptions,
  InputOptions,
  InputStepOptions,
  PickItem,
  PickOptions,
  PickStepOptions,
  Prompts,
  SearchPickStepOptions,
} from '../../src/ui/prompts';

type LabelMatch = string | RegExp;

/** One scripted answer, consumed by the next question in order. */
export type ScriptStep =
  | { type: 'input'; text: string }
  | { type: 'pick'; label: LabelMatch }
  | { type: 'search'; text: string; label: LabelMatch }
  /** Text typed into a pick, then Enter: the item the pick offers for that text (PickOptions.typed), else `label`. */
  | { type: 'type'; text: string; label?: LabelMatch }
  | { type: 'confirm'; yes: boolean }
  | { type: 'files'; uris: string[] }
  | { type: 'write'; text: string }
  /** Back (with `typed`: after typing that into an input step without pressing Enter). */
  | { type: 'back'; typed?: string }
  | { type: 'cancel' };

export const answer = {
  input: (text: string): ScriptStep => ({ type: 'input', text }),
  pick: (label: LabelMatch): ScriptStep => ({ type: 'pick', label }),
  search: (text: string, label: LabelMatch): ScriptStep => ({ type: 'search', text, label }),
  /** Types `text` into a pick and presses Enter (what is active then: the typed item, or the item `label` names). */
  type: (text: string, label?: LabelMatch): ScriptStep => ({ type: 'type', text, label }),
  confirm: (yes = true): ScriptStep => ({ type: 'confirm', yes }),
  /** The open dialog's answer: these files (URI strings). */
  files: (...uris: string[]): ScriptStep => ({ type: 'files', uris }),
  /** Types `text` into the editor the flow opened (through `writer`), before the next pick step is answered. */
  write: (text: string): ScriptStep => ({ type: 'write', text }),
  back: (typed?: string): ScriptStep => ({ type: 'back', typed }),
  cancel: (): ScriptStep => ({ type: 'cancel' }),
};

export interface AskedQuestion {
  method: 'input' | 'pick' | 'pickMany' | 'inputStep' | 'pickStep' | 'searchPickStep' | 'confirm' | 'pickFiles';
  title?: string;
  prompt?: string;
  placeholder?: string;
  /** Prefilled value (input steps), to check that Back keeps what was typed. */
  value?: string;
  labels?: string[];
  /** Labels of items marked `picked`. */
  picked?: string[];
  /** Descriptions and details of the items ('' where an item has none). */
  descriptions?: string[];
  details?: string[];
  step?: number;
  totalSteps?: number;
  canGoBack?: boolean;
}

export interface ShownMessage {
  /** 'status': a passing status bar message (Prompts.status), not a notification. */
  level: 'status' | 'info' | 'warning' | 'error';
  message: string;
  actions: string[];
}

function matches(label: string, m: LabelMatch): boolean {
  const plain = label.replace(/\$\([a-z-]+\)\s*/g, '');
  return typeof m === 'string' ? plain === m || label === m : m.test(plain);
}

export class ScriptedPrompts implements Prompts {
  readonly asked: AskedQuestion[] = [];
  readonly messages: ShownMessage[] = [];
  readonly progress: string[] = [];
  /** Questions the script had no (fitting) answer for: they were treated as cancelled. */
  readonly unexpected: string[] = [];
  /** Replaces the text of the editor a flow opened (answer.write); the test supplies it. */
  writer?: (text: string) => Promise<void> | void;
  /** Chooses a notification action; default: dismiss. */
  onMessage: (m: ShownMessage) => string | undefined = () => undefined;
  private readonly script: ScriptStep[] = [];
  private readonly waiters: { test: (m: ShownMessage) => boolean; resolve: (m: ShownMessage) => void }[] = [];

  constructor(...steps: ScriptStep[]) {
    this.script.push(...steps);
  }

  /** Appends answers for the next questions. */
  then(...steps: ScriptStep[]): this {
    this.script.push(...steps);
    return this;
  }

  get remaining(): number {
    return this.script.length;
  }

  /** Resolves with the first message (already shown or still to come) that matches. */
  waitForMessage(test: (m: ShownMessage) => boolean, timeoutMs = 10000): Promise<ShownMessage> {
    const seen = this.messages.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message; got ${JSON.stringify(this.messages)}`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** Messages an input box showed when its `accept` check refused the text (the box stayed open). */
  readonly inputErrors: string[] = [];

  async input(o: InputOptions): Promise<string | undefined> {
    this.record({ method: 'input', title: o.title, prompt: o.prompt, placeholder: o.placeholder, value: o.value });
    for (;;) {
      const r = this.answerInput(o);
      if (r === BACK) return undefined;
      const refused = r !== undefined && o.accept ? await o.accept(r) : undefined;
      if (refused === undefined) return r;
      this.inputErrors.push(refused); // the box stays open: the next scripted answer is typed into it
    }
  }

  async inputStep(o: InputStepOptions): Promise<string | Back | undefined> {
    this.record({ method: 'inputStep', ...o });
    const typed = this.script[0]?.type === 'back' ? this.script[0].typed : undefined;
    const r = this.answerInput(o, true);
    if (r === BACK || r === undefined) o.keep?.(typed ?? o.value ?? ''); // as the real box: Back/Escape hand over its text
    return r;
  }

  async pick<T>(items: PickItem<T>[], o: PickOptions<T>): Promise<T | undefined> {
    this.record({ method: 'pick', ...o, ...this.describe(items) });
    if (this.script[0]?.type === 'type') {
      const step = this.script.shift() as { text: string; label?: LabelMatch };
      const offered = o.typed?.(step.text);
      if (step.label === undefined) return offered ? offered.value : this.fail(`the pick offers nothing for typed "${step.text}"`);
      return this.choose(offered ? [offered, ...items] : items, step.label);
    }
    const r = this.answerPick(items, false);
    return r === BACK ? undefined : r;
  }

  async pickMany<T>(items: PickItem<T>[], o: PickOptions): Promise<T[] | undefined> {
    this.record({ method: 'pickMany', ...o, ...this.describe(items) });
    const step = this.next('pick');
    if (!step || step.type !== 'pick') return undefined;
    return items.filter((i) => matches(i.label, step.label)).map((i) => i.value);
  }

  async pickStep<T>(o: PickStepOptions<T>): Promise<T | Back | undefined> {
    while (this.script[0]?.type === 'write') {
      const { text } = this.script.shift() as { text: string };
      if (this.writer) await this.writer(text);
      else this.unexpected.push('answer.write without a writer');
    }
    this.record({ method: 'pickStep', ...o, ...this.describe(o.items) });
    return this.answerPick(o.items, o.canGoBack);
  }

  async searchPickStep<T>(o: SearchPickStepOptions<T>): Promise<T | Back | undefined> {
    const fixed = o.fixedItems ?? [];
    this.record({ method: 'searchPickStep', ...o, ...this.describe(fixed) });
    const step = this.next('search');
    if (!step) return undefined;
    if (step.type === 'back') return o.canGoBack ? BACK : this.fail('Back on a first step');
    if (step.type === 'pick') return this.choose(fixed, step.label);
    if (step.type !== 'search') return this.fail(`expected a search answer, got ${step.type}`);
    const found = await o.search(step.text, new AbortController().signal);
    return this.choose([...fixed, ...found], step.label);
  }

  async confirm(message: string, o: ConfirmOptions): Promise<boolean> {
    this.record({ method: 'confirm', title: message, prompt: o.detail });
    const step = this.next('confirm');
    return step?.type === 'confirm' && step.yes;
  }

  status(message: string): void {
    void this.show({ level: 'status', message, actions: [] });
  }

  info(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.show({ level: 'info', message, actions });
  }

  warning(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.show({ level: 'warning', message, actions });
  }

  error(message: string, ...actions: string[]): Promise<string | undefined> {
    return this.show({ level: 'error', message, actions });
  }

  async withProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T> {
    this.progress.push(title);
    return task(new AbortController().signal, (message) => this.progress.push(`${title} ${message}`));
  }

  async pickFiles(options: { title: string }): Promise<string[] | undefined> {
    this.record({ method: 'pickFiles', title: options.title });
    const step = this.next('pickFiles');
    if (!step) return undefined;
    if (step.type !== 'files') return this.fail(`expected a files answer, got ${step.type}`);
    return step.uris;
  }

  private async show(m: ShownMessage): Promise<string | undefined> {
    this.messages.push(m);
    for (const w of this.waiters.filter((x) => x.test(m))) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(m);
    }
    return this.onMessage(m);
  }

  private record(q: AskedQuestion & Record<string, unknown>): void {
    const { method, title, prompt, placeholder, value, labels, picked, descriptions, details, step, totalSteps, canGoBack } = q;
    this.asked.push({ method, title, prompt, placeholder, value, labels, picked, descriptions, details, step, totalSteps, canGoBack });
  }

  private describe<T>(items: PickItem<T>[]): { labels: string[]; picked: string[]; descriptions: string[]; details: string[] } {
    return {
      labels: items.map((i) => i.label),
      picked: items.filter((i) => i.picked).map((i) => i.label),
      descriptions: items.map((i) => i.description ?? ''),
      details: items.map((i) => i.detail ?? ''),
    };
  }

  private next(expected: string): ScriptStep | undefined {
    const step = this.script.shift();
    if (!step) this.unexpected.push(`no answer left for a ${expected} question`);
    if (step?.type === 'cancel') return undefined;
    return step;
  }

  private answerInput(o: InputOptions & { canGoBack?: boolean }, isStep = false): string | Back | undefined {
    const step = this.next('input');
    if (!step) return undefined;
    if (step.type === 'back' && isStep) return o.canGoBack ? BACK : this.fail('Back on a first step');
    if (step.type !== 'input') return this.fail(`expected an input answer, got ${step.type}`);
    const invalid = o.validate?.(step.text);
    if (invalid) return this.fail(`input "${step.text}" rejected: ${invalid}`);
    return step.text;
  }

  private answerPick<T>(items: PickItem<T>[], canGoBack: boolean): T | Back | undefined {
    const step = this.next('pick');
    if (!step) return undefined;
    if (step.type === 'back') return canGoBack ? BACK : this.fail('Back where there is no Back button');
    if (step.type !== 'pick') return this.fail(`expected a pick answer, got ${step.type}`);
    return this.choose(items, step.label);
  }

  private choose<T>(items: PickItem<T>[], label: LabelMatch): T | undefined {
    // The label first; then the description (e.g. a contact's e-mail when BoldDesk's name differs).
    const item = items.find((i) => matches(i.label, label)) ?? items.find((i) => i.description !== undefined && matches(i.description, label));
    return item ? item.value : this.fail(`no item matches ${String(label)} in [${items.map((i) => i.label).join(', ')}]`);
  }

  private fail(why: string): undefined {
    this.unexpected.push(why);
    return undefined;
  }
}
