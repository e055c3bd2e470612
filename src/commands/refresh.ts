// BoldDesk: Refresh Tickets — drops cached lookups (statuses, views…) and reloads the tree.
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';

export const refreshCommand: BoldDeskCommand = {
  id: Commands.refresh,
  run: async (deps) => {
    await deps.tree.refresh();
  },
};
