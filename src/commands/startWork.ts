// BoldDesk: Start Work on Ticket — branch, status, assignee, commit message (src/work/startWork.ts, loaded on use).
import { Commands } from '../constants';
import { extrasUi } from '../lazy/load';
import type { BoldDeskCommand } from './command';

export const startWorkCommand: BoldDeskCommand = {
  id: Commands.startWork,
  run: (deps, arg) => extrasUi().startWork(deps, arg),
};
