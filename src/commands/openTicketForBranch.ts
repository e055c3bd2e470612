// BoldDesk: Open Ticket for This Branch — the ticket the current git branch was named for.
import { Commands } from '../constants';
import { extrasUi } from '../lazy/load';
import type { BoldDeskCommand } from './command';

export const openTicketForBranchCommand: BoldDeskCommand = {
  id: Commands.openTicketForBranch,
  run: (deps) => extrasUi().openTicketForBranch(deps),
};
