// Which `Q` forms the extension trusts BoldDesk to apply. BoldDesk documents only a few keys (docs/BOLDDESK-API.md,
// "Ticket list filters"); the others come from third-party code. The defaults send the forms real clients used and
// check every answer (verifyTickets.ts); "BoldDesk: Check Connection" refines them per help desk (cached per origin).
import type { FilterCondition } from './types';

export interface ServerForms {
  /** `Q=agents:[0]` lists the unassigned tickets. No source documents it, so only a passed check turns it on. */
  unassignedQ: boolean;
  /** Conditions a check saw BoldDesk ignore or refuse: not sent any more, the client filters instead. */
  ignored: FilterCondition[];
  /** `subject:"text"` (JSON-quoted, as third-party code sends it) rather than BoldDesk's bare `key:value` style. */
  subjectQuoted: boolean;
}

export const DEFAULT_FORMS: ServerForms = Object.freeze({ unassignedQ: false, ignored: [], subjectQuoted: true }) as ServerForms;

/** A stored value (globalState, older versions) → ServerForms; anything odd gives the defaults. */
export function readServerForms(value: unknown): ServerForms {
  if (typeof value !== 'object' || value === null) return DEFAULT_FORMS;
  const v = value as Partial<Record<keyof ServerForms, unknown>>;
  const known: FilterCondition[] = ['status', 'agent', 'unassigned', 'priority', 'text'];
  return {
    unassignedQ: v.unassignedQ === true,
    ignored: Array.isArray(v.ignored) ? known.filter((c) => (v.ignored as unknown[]).includes(c)) : [],
    subjectQuoted: v.subjectQuoted !== false,
  };
}
