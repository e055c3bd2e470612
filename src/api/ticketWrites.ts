// The bodies BoldDeskClient (client.ts) sends to create a ticket and change its fields, and how it reads their
// answers: a 2xx write whose answer cannot be read probably did save. docs/BOLDDESK-API.md has each rule's source.
// No vscode import.
import * as l10n from '@vscode/l10n';
import { ProtocolError, ValidationError } from './errors';
import type { Json, JsonObject } from './parse';
import { optBool, optString } from './parse';
import type { CreateTicketInput, FieldChanges } from './types';

/** `attachments`: upload tokens as one comma-separated string (confirmed: S1); absent when there are none. */
export function tokensField(tokens: string[] | undefined): { attachments?: string } {
  return tokens && tokens.length > 0 ? { attachments: tokens.join(',') } : {};
}

export function createTicketBody(input: CreateTicketInput): Record<string, Json> {
  const body: Record<string, Json> = {
    brandId: input.brandId,
    subject: input.subject,
    description: input.description,
    priorityId: input.priorityId,
  };
  if (input.categoryId !== undefined) body.categoryId = input.categoryId;
  Object.assign(body, tokensField(input.attachmentTokens));
  // Requester rules (KB #21245, docs/BOLDDESK-API.md, "Create ticket"): an existing contact by id; a new one needs e-mail AND name AND requesterId null.
  if (input.requester?.kind === 'existing') body.requesterId = input.requester.userId;
  if (input.requester?.kind === 'new') {
    body.requesterEmailId = input.requester.email;
    body.requesterName = input.requester.name;
    body.requesterId = null;
  }
  return body;
}

/** The `fields` of PUT /update_fields: only the fields that change. */
export function changedFields(changes: FieldChanges): Record<string, Json> {
  const fields: Record<string, Json> = {};
  if (changes.statusId !== undefined) fields.statusId = changes.statusId;
  if (changes.priorityId !== undefined) fields.priorityId = changes.priorityId;
  if (changes.agentId !== undefined) fields.agentId = changes.agentId;
  return fields;
}

/** The answer to PUT /update_fields: true = changed, false = nothing to change; a refusal throws its words. */
export function fieldsAnswer(o: JsonObject, ticketId: number): boolean {
  if (optBool(o, 'isSuccess') === false) {
    const words = optString(o, ['message'], true)?.slice(0, 300);
    if (words && /no changes? found/i.test(words)) return false;
    const text = words
      ? l10n.t('BoldDesk did not change ticket #{0}: {1}', ticketId, words)
      : l10n.t('BoldDesk did not change ticket #{0} and gave no reason.', ticketId);
    throw new ValidationError(text, 200, [], [], words);
  }
  return true;
}

/** A 2xx write whose answer we cannot read probably did save: say so instead of inviting a second try. */
export function writeResult<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ProtocolError && !e.outcomeUnknown) {
      e.outcomeUnknown = true;
      e.message += ` ${l10n.t('It was probably saved: check the ticket in BoldDesk before trying again.')}`;
    }
    throw e;
  }
}
