// PUT /tickets/{id}/update_fields: keys case-insensitive, values numbers or numeric strings,
// 400 "No changes found." (errorType NoChangeFound) when nothing would change (observed, docs/BOLDDESK-API.md, "Errors").
import type { TicketChanges } from '../db';
import { bodyObject, envelope, idValue, invalid, notFound, ok, prop, required, validation, type FieldError, type Reply, type RequestContext } from '../http';

export const NO_CHANGES_MESSAGE = 'No changes found.';

export function updateFields(ctx: RequestContext, [id]: string[]): Reply {
  const db = ctx.db;
  const t = db.getTicket(Number(id));
  if (!t) return notFound('Ticket not found.');
  const body = bodyObject(ctx.body);
  const fields = body ? bodyObject(prop(body, 'fields')) : undefined;
  if (!body || !fields) return validation(required('fields'));
  const changes: TicketChanges = {};
  const errors: FieldError[] = [];
  /** An id that must exist; `nullable` fields also take null / "" / 0 to clear (agentId null unassigns). */
  const idField = (key: string, v: unknown, exists: (n: number) => boolean, nullable: boolean): number | null | undefined => {
    const n = idValue(v);
    if (nullable && (n === undefined || n === 0)) return null;
    if (n === undefined || Number.isNaN(n) || !exists(n)) {
      errors.push(invalid(key, `Invalid value for ${key}.`));
      return undefined;
    }
    return n;
  };
  for (const [key, value] of Object.entries(fields)) {
    switch (key.toLowerCase()) {
      case 'statusid': changes.statusId = idField('statusId', value, (n) => !!db.statusById(n), false) ?? undefined; break;
      case 'priorityid': changes.priorityId = idField('priorityId', value, (n) => !!db.priorityById(n), false) ?? undefined; break;
      case 'agentid': {
        const agentId = idField('agentId', value, (n) => !!db.agentById(n), true);
        // Dialect: a null agent is dropped without a word (the ticket keeps its agent).
        if (!(agentId === null && ctx.dialects.has('unassign-ignored'))) changes.agentId = agentId;
        break;
      }
      case 'categoryid': changes.categoryId = idField('categoryId', value, (n) => db.categories.some((c) => c.id === n), true); break;
      case 'groupid': changes.groupId = idField('groupId', value, (n) => db.groups.some((g) => g.groupId === n), true); break;
      case 'subject':
        if (typeof value !== 'string' || value.trim() === '') errors.push(required('subject'));
        else changes.subject = value;
        break;
      default:
        errors.push(invalid(key, `Unknown or read-only field '${key}'.`));
    }
  }
  if (errors.length > 0) return validation(errors);
  const at = ctx.now();
  const changed = db.updateTicket(t, changes, ctx.owner.userId, at);
  if (changed.length === 0) {
    return { status: 400, body: envelope(400, NO_CHANGES_MESSAGE, [{ field: '', errorMessage: NO_CHANGES_MESSAGE, errorType: 'NoChangeFound' }]) };
  }
  const notes = prop(body, 'notes');
  if (typeof notes === 'string' && notes.trim() !== '') {
    db.addMessage(t, { kind: 'privateNote', description: notes, authorId: ctx.owner.userId, at, source: 'Agent Portal' });
  }
  return ok({ isSuccess: true, message: 'Successfully updated.' });
}
