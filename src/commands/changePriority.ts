// BoldDesk: Change Priority — pick from BoldDesk's priorities (current one marked), one update_fields PUT.
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import { changeField, lookupFieldSpec } from './fieldPicker';

const prioritySpec = lookupFieldSpec({
  noun: 'priority',
  load: (api) => api.getPriorities(),
  currentId: (t) => t.priority?.id,
  changes: (priorityId) => ({ priorityId }),
});

export const changePriorityCommand: BoldDeskCommand = {
  id: Commands.changePriority,
  run: (deps, arg) => changeField(deps, arg, prioritySpec),
};
