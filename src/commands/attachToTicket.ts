// BoldDesk: Attach to BoldDesk Ticket… — files join a reply or note draft (src/drafts/draftFiles.ts, loaded on use).
import { Commands } from '../constants';
import { extrasUi } from '../lazy/load';
import type { BoldDeskCommand } from './command';

export const attachToTicketCommand: BoldDeskCommand = {
  id: Commands.attachToTicket,
  run: (deps, arg, all) => extrasUi().attachToTicket(deps, arg, all),
};
