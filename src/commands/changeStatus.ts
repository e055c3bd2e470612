// BoldDesk: Change Status — pick from BoldDesk's statuses (current one marked), one update_fields PUT.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import { changeField, lookupFieldSpec } from './fieldPicker';

const statusSpec = lookupFieldSpec({
  noun: 'status',
  texts: {
    purpose: () => vscode.l10n.t('Change Status'),
    loading: () => vscode.l10n.t('Loading statuses…'),
    pickTitle: (id) => vscode.l10n.t('Change the status of #{0}', id),
    placeholder: (attribution) => vscode.l10n.t('New status. {0}', attribution),
    progress: (id, value) => vscode.l10n.t('Setting the status of #{0} to {1}…', id, value),
    busy: (id) => vscode.l10n.t('The status of #{0} is already being changed.', id),
    unchanged: (id, value) => vscode.l10n.t('Nothing changed: the status of #{0} is already {1}.', id, value),
    done: (id, value) => vscode.l10n.t('#{0}: status set to {1}.', id, value),
    ignored: (id, held) => vscode.l10n.t('BoldDesk did not change the status of #{0}: it is still {1}.', id, held),
  },
  load: (api) => api.getStatuses(),
  currentId: (t) => t.status?.id,
  changes: (statusId) => ({ statusId }),
  held: (t) => t.status?.name,
  describe: (s) => s.category?.name,
});

export const changeStatusCommand: BoldDeskCommand = {
  id: Commands.changeStatus,
  run: (deps, arg) => changeField(deps, arg, statusSpec),
};
