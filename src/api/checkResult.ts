// The result of "BoldDesk: Check Connection" (the probe itself is connectionCheck.ts, loaded only when the command
// runs): what it found per Q form, and the ServerForms the client sends from then on. Stored per origin.
import type { ServerForms } from './serverForms';
import type { FilterCondition } from './types';

export const MAX_CHECK_REQUESTS = 15;

/** honoured: BoldDesk applied it; ignored: it returned tickets that do not match; rejected: 400; unknown: nothing to check. */
export type Verdict = 'honoured' | 'ignored' | 'rejected' | 'unknown';

export interface CheckResult {
  origin: string;
  /** ISO time of the check. */
  at: string;
  key: 'valid' | 'rejected';
  /** The acting agent's name (from bolddesk.agentEmail; BoldDesk has no "who owns this key" endpoint). */
  agentName?: string;
  forms: Record<FilterCondition, Verdict>;
  /** The subject form that worked: JSON-quoted (third-party style) or bare (BoldDesk's own example style). */
  subjectQuoted: boolean;
  /** A view (FilterId) plus a status condition: did BoldDesk apply both? */
  filterIdWithQ: Verdict;
  /** Statuses without paging parameters: how many came back, and how many there are when read page by page. */
  statuses: { unpaged: number; total: number } | undefined;
  views: 'admin list' | 'agent list' | 'refused';
  /** Whether a note read from /notes carried `notesType` (the documented marker). */
  notes: 'notesType' | 'no notes seen' | 'unreadable';
  requests: number;
}

/** The forms the client sends after this check: only what the check saw work is trusted beyond the defaults. */
export function formsFrom(result: CheckResult): ServerForms {
  const ignored = (['agent', 'priority', 'text'] as FilterCondition[]).filter((c) => result.forms[c] === 'ignored' || result.forms[c] === 'rejected');
  return { unassignedQ: result.forms.unassigned === 'honoured', ignored, subjectQuoted: result.subjectQuoted };
}

/** A stored check (globalState), validated; undefined when absent or malformed. */
export function readCheckResult(v: unknown): CheckResult | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const r = v as Partial<CheckResult>;
  if (typeof r.origin !== 'string' || typeof r.at !== 'string' || typeof r.forms !== 'object' || r.forms === null) return undefined;
  return r as CheckResult;
}
