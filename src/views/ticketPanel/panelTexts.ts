// The ticket panel's sentences that differ per kind of message or per field, written out whole so a translator
// never sees a sentence assembled from a translated noun. Built when needed (after @vscode/l10n is configured).
import * as l10n from '@vscode/l10n';
import type { Draft, EditableField } from './protocol';

/** Whole sentences per kind of message (translators never see a sentence assembled from a translated noun). */
export function sendTexts(kind: Draft['kind']): { busy: string; unknownOutcome: string; alreadySent: string } {
  return kind === 'reply'
    ? {
        busy: l10n.t('A reply is already being sent for this ticket.'),
        unknownOutcome: l10n.t('No answer from BoldDesk, so the reply may have been sent. Refresh the ticket to check before sending it again. Your text is kept.'),
        alreadySent: l10n.t('Not sent again: BoldDesk already has this reply (it was sent from its draft tab).'),
      }
    : {
        busy: l10n.t('A private note is already being sent for this ticket.'),
        unknownOutcome: l10n.t('No answer from BoldDesk, so the private note may have been sent. Refresh the ticket to check before sending it again. Your text is kept.'),
        alreadySent: l10n.t('Not added again: BoldDesk already has this private note (it was sent from its draft tab).'),
      };
}

/** Whole sentences per field, built when needed (after l10n is configured). */
export function fieldTexts(field: EditableField): { busy: string; unknownOutcome: string; failed(reason: string): string } {
  switch (field) {
    case 'status':
      return {
        busy: l10n.t('The status is already being changed.'),
        unknownOutcome: l10n.t('No answer from BoldDesk, so the status may or may not have changed. Refresh the ticket to check.'),
        failed: (reason) => l10n.t('BoldDesk did not change the status: {0}', reason),
      };
    case 'priority':
      return {
        busy: l10n.t('The priority is already being changed.'),
        unknownOutcome: l10n.t('No answer from BoldDesk, so the priority may or may not have changed. Refresh the ticket to check.'),
        failed: (reason) => l10n.t('BoldDesk did not change the priority: {0}', reason),
      };
    case 'assignee':
      return {
        busy: l10n.t('The assignee is already being changed.'),
        unknownOutcome: l10n.t('No answer from BoldDesk, so the assignee may or may not have changed. Refresh the ticket to check.'),
        failed: (reason) => l10n.t('BoldDesk did not change the assignee: {0}', reason),
      };
  }
}
