// The create flow's "code context" step (only in Create Ticket from Selection): the prefilled file, lines,
// commit, link and code can be added as they are, edited first in a real multi-line editor (an input box is
// one line and would mangle code), or left out. No vscode import: the editor comes in through `editText`.
import * as l10n from '@vscode/l10n';
import type { StepInfo, Prompts } from '../ui/prompts';
import { BACK } from '../ui/back';

/** A multi-line editor holding the text; read() gives its current content (undefined once it is gone). */
export interface EditedText {
  read(): string | undefined;
  /** Shows the editor again (e.g. when the user comes back to its step), reopening it if its tab was closed. */
  show?(): Promise<void>;
}

export interface CodeContextAnswers {
  /** The code context text (plain text with a fenced code block); undefined = not a selection flow. */
  codeContext?: string;
  /** false = the user chose to leave it out. */
  includeCodeContext?: boolean;
}

type Choice = 'include' | 'edit' | 'useEdited' | 'omit';

export type StepOutcome = 'next' | 'back' | 'cancel';

function headline(text: string): string {
  return text.split('\n', 1)[0] ?? '';
}

export async function runCodeContextStep(
  a: CodeContextAnswers,
  prompts: Prompts,
  info: StepInfo,
  editText: ((text: string) => Promise<EditedText>) | undefined,
): Promise<StepOutcome> {
  let editor: EditedText | undefined;
  for (;;) {
    const current = a.codeContext ?? '';
    const lineCount = current.split('\n').length;
    const items: { icon?: string; label: string; description?: string; detail?: string; value: Choice; picked?: boolean }[] = [];
    if (editor) {
      items.push({ icon: 'check', label: l10n.t('Use the code context as edited in the editor'), value: 'useEdited', picked: true });
    }
    items.push({
      icon: 'check', label: l10n.t('Add the code context below the description'),
      description: lineCount === 1 ? l10n.t('1 line') : l10n.t('{0} lines', lineCount),
      detail: headline(current),
      value: 'include',
      picked: !editor && a.includeCodeContext !== false,
    });
    if (editText) items.push({ icon: 'edit', label: l10n.t('Edit the code context in an editor…'), value: 'edit' });
    items.push({ icon: 'close', label: l10n.t('Leave the code context out'), value: 'omit', picked: a.includeCodeContext === false });
    const choice = await prompts.pickStep<Choice>({ ...info, placeholder: l10n.t('Code context from your selection'), items });
    if (choice === BACK) return 'back';
    if (choice === undefined) return 'cancel';
    if (choice === 'edit' && editText) {
      editor = await editText(current);
      continue;
    }
    if (choice === 'useEdited') {
      const edited = editor?.read();
      if (edited !== undefined) a.codeContext = edited;
    }
    a.includeCodeContext = choice !== 'omit';
    return 'next';
  }
}
