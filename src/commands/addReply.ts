// BoldDesk: Add Reply — opens a draft tab for a public reply (sent later with sendDraft).
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import { openDraft } from './openDraft';

export const addReplyCommand: BoldDeskCommand = {
  id: Commands.addReply,
  run: (deps, arg) => openDraft(deps, arg, 'reply'),
};
