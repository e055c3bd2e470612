// Dialects: the ways a real BoldDesk may behave where its documentation is silent (docs/BOLDDESK-API.md,
// "Assumptions"). The default fake follows the team's original guesses; each dialect switches one guess to a
// plausible alternative, so a test (or the demo: `npm start -- --dialect …`) can prove the extension still
// shows nothing wrong. Selectable when the fake starts ({ dialects }) and at run time (setDialects, or
// POST /__fake/dialects {"dialects":[…]}).

export type Dialect =
  /** Undocumented `Q` keys (`agents`, `priority`, `subject`) are silently ignored: no 400, an unfiltered list. */
  | 'ignore-undocumented-q'
  /** `Q=agents:[0]` (our "unassigned" guess) matches no ticket. */
  | 'unassigned-none'
  /** Messages carry other `messageTypeId` numbers: public reply 0, private note 4, public note 5 (not 1/2/3). */
  | 'note-type-ids'
  /** Lookups (statuses, priorities, categories, views, agents) are paged; without PerPage only 3 items come back. */
  | 'paged-lookups'
  /** With `FilterId`, every `Q` condition is ignored (the view alone decides). */
  | 'filterid-wins'
  /** `update_fields` ignores `agentId: null` and, when nothing else changes, answers "No changes found.". */
  | 'unassign-ignored'
  /** `GET /ticket_views/manage` is for administrators only: 403 for every key. */
  | 'views-admin-only'
  /** Conversation items say `hasAttachment` but list no `attachments`: only `GET /tickets/{id}/attachments` names them. */
  | 'attachments-listed-only';

export const DIALECTS: readonly Dialect[] = [
  'ignore-undocumented-q',
  'unassigned-none',
  'note-type-ids',
  'paged-lookups',
  'filterid-wins',
  'unassign-ignored',
  'views-admin-only',
  'attachments-listed-only',
];

export function isDialect(name: string): name is Dialect {
  return (DIALECTS as readonly string[]).includes(name);
}

/** `a,b` or `all` → dialects; throws on an unknown name (the CLI and the control API report it). */
export function parseDialects(text: string): Dialect[] {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.includes('all')) return [...DIALECTS];
  for (const n of names) if (!isDialect(n)) throw new Error(`Unknown dialect "${n}". Known: ${DIALECTS.join(', ')}, all`);
  return names as Dialect[];
}

/** Page size of a lookup list in the `paged-lookups` dialect when the request gives no PerPage. */
export const DIALECT_LOOKUP_PAGE_SIZE = 3;
