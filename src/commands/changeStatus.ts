// BoldDesk: Change Status — pick from BoldDesk's statuses (current one marked), one update_fields PUT.
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import { changeField, lookupFieldSpec } from './fieldPicker';

const statusSpec = lookupFieldSpec({
  noun: 'status',
  load: (api) => api.getStatuses(),
  currentId: (t) => t.status?.id,
  changes: (statusId) => ({ statusId }),
  describe: (s) => s.category?.name,
});

export const changeStatusCommand: BoldDeskCommand = {
  id: Commands.changeStatus,
  run: (deps, arg) => changeField(deps, arg, statusSpec),
};
