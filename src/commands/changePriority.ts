// BoldDesk: Change Priority — pick from BoldDesk's priorities (current one marked), one update_fields PUT.
import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { BoldDeskCommand } from './command';
import { changeField, lookupFieldSpec } from './fieldPicker';

const prioritySpec = lookupFieldSpec({
  noun: 'priority',
  texts: {
    purpose: () => vscode.l10n.t('Change Priority'),
    loading: () => vscode.l10n.t('Loading priorities…'),
    pickTitle: (id) => vscode.l10n.t('Change the priority of #{0}', id),
    placeholder: (attribution) => vscode.l10n.t('New priority. {0}', attribution),
    progress: (id, value) => vscode.l10n.t('Setting the priority of #{0} to {1}…', id, value),
    busy: (id) => vscode.l10n.t('The priority of #{0} is already being changed.', id),
    unchanged: (id, value) => vscode.l10n.t('Nothing changed: the priority of #{0} is already {1}.', id, value),
    done: (id, value) => vscode.l10n.t('#{0}: priority set to {1}.', id, value),
    ignored: (id, held) => vscode.l10n.t('BoldDesk did not change the priority of #{0}: it is still {1}.', id, held),
  },
  load: (api) => api.getPriorities(),
  currentId: (t) => t.priority?.id,
  changes: (priorityId) => ({ priorityId }),
  held: (t) => t.priority?.name,
});

export const changePriorityCommand: BoldDeskCommand = {
  id: Commands.changePriority,
  run: (deps, arg) => changeField(deps, arg, prioritySpec),
};
