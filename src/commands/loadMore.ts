// Internal (hidden from the palette): the "Load more…" node passes its category.
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';

export const loadMoreCommand: BoldDeskCommand = {
  id: Commands.loadMore,
  run: (deps, category) => deps.tree.loadMore(category),
};
