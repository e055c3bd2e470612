// BoldDesk: Clear Filter — every category lists all its tickets again.
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';

export const clearFilterCommand: BoldDeskCommand = {
  id: Commands.clearFilter,
  run: (deps) => deps.tree.setFilter(undefined),
};
