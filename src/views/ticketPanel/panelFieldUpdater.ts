// Changing a ticket's status, priority or agent from its panel: one change per field at a time, confirmed by
// reading the ticket back, and BoldDesk's own view of the ticket shown afterwards. No vscode import.
import * as l10n from '@vscode/l10n';
import type { BoldDeskApi } from '../../api/api';
import { confirmFieldChange, type FieldChangeOutcome } from '../../api/confirmWrite';
import { isBoldDeskError } from '../../api/errors';
import type { FieldChanges, TicketDetail } from '../../api/types';
import type { PanelEnv } from './panelEnv';
import { fieldTexts } from './panelTexts';
import type { EditableField, PanelLookups, RequestResults } from './protocol';
import { RequestFailure } from './requestFailure';

/** What the field updater asks of its panel's controller. */
export interface FieldHooks {
  /** The lookups the webview was last sent (undefined before the first load). */
  lookups(): PanelLookups | undefined;
  /** Show BoldDesk's own view of the ticket after a change. */
  showTicket(detail: TicketDetail): void;
  /** Tell the rest of the extension the ticket changed (without reloading this panel twice). */
  reportChange(): void;
}

export class PanelFieldUpdater {
  private readonly updating = new Set<EditableField>();

  constructor(
    private readonly ticketId: number,
    private readonly env: PanelEnv,
    private readonly hooks: FieldHooks,
  ) {}

  async update(field: EditableField, value: number | null): Promise<RequestResults['updateField']> {
    if (this.updating.has(field)) throw new RequestFailure(fieldTexts(field).busy);
    const lookups = this.hooks.lookups();
    const known = field === 'status' ? lookups?.statuses : field === 'priority' ? lookups?.priorities : undefined;
    if (known && known.length > 0 && !known.some((r) => r.id === value)) {
      throw new RequestFailure(field === 'status'
        ? l10n.t('That status is not one BoldDesk offers. Refresh the ticket and try again.')
        : l10n.t('That priority is not one BoldDesk offers. Refresh the ticket and try again.'));
    }
    const changes: FieldChanges =
      field === 'status' ? { statusId: value ?? undefined } : field === 'priority' ? { priorityId: value ?? undefined } : { agentId: value };
    this.updating.add(field);
    try {
      const api = await this.env.getApi();
      let outcome: FieldChangeOutcome;
      try {
        // Confirmed by reading the ticket back (docs/BOLDDESK-API.md, "Field changes"): never report what did not happen.
        outcome = await confirmFieldChange(api, this.ticketId, changes);
      } catch (error) {
        this.env.log.error(`Ticket panel #${this.ticketId}: changing the ${field} failed`, error);
        const outcomeUnknown = isBoldDeskError(error) && error.outcomeUnknown;
        const texts = fieldTexts(field);
        const message = outcomeUnknown ? texts.unknownOutcome : texts.failed(this.env.describeError(error));
        throw new RequestFailure(message, outcomeUnknown);
      }
      if (outcome.kind === 'unconfirmed') {
        this.hooks.reportChange();
        await this.refreshHeader(api);
        return { changed: true };
      }
      this.hooks.showTicket(outcome.ticket);
      if (outcome.kind === 'ignored') {
        if (outcome.answered === 'changed') this.hooks.reportChange();
        throw new RequestFailure(l10n.t('BoldDesk did not apply this change. Open the ticket in the browser to change it.'));
      }
      if (outcome.kind === 'applied') this.hooks.reportChange();
      return { changed: outcome.kind === 'applied' };
    } finally {
      this.updating.delete(field);
    }
  }

  /** After a change whose re-read failed: one more try to show BoldDesk's own view of the ticket. */
  private async refreshHeader(api: BoldDeskApi): Promise<void> {
    try {
      this.hooks.showTicket(await api.getTicket(this.ticketId));
    } catch (error) {
      // The change itself succeeded; the webview applies the confirmed value from the reply.
      this.env.log.error(`Ticket panel #${this.ticketId}: reloading the ticket after a change failed`, error);
    }
  }
}
