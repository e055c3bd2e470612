// BoldDesk: Attach Selection as File… — the editor's selection becomes a file (named after the source file and its
// lines) that joins a reply or note draft like any attached file (src/drafts/selectionFile.ts, loaded on use).
import { Commands } from '../constants';
import { extrasUi } from '../lazy/load';
import type { BoldDeskCommand } from './command';

export const attachSelectionAsFileCommand: BoldDeskCommand = {
  id: Commands.attachSelectionAsFile,
  run: (deps, arg) => extrasUi().attachSelectionAsFile(deps, arg),
};
