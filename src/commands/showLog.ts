// BoldDesk: Show Log — the output channel with the (redacted) request log and errors.
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';

export const showLogCommand: BoldDeskCommand = {
  id: Commands.showLog,
  run: (deps) => deps.log.show(),
};
