// BoldDesk: Add Private Note — opens a draft tab for an agents-only note (sent later with sendDraft).
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import { openDraft } from './openDraft';

export const addNoteCommand: BoldDeskCommand = {
  id: Commands.addNote,
  run: (deps, arg) => openDraft(deps, arg, 'note'),
};
