// The icon of a ticket row: by status, except that an urgent ticket still to be handled stands out (a red flame).
// Status and priority ids and names are per tenant, so the look goes by common words in the names. No vscode import.
import type { TicketSummary } from '../../api/types';

export interface TicketLook {
  /** A codicon id. */
  icon: string;
  /** A theme colour id. */
  color: string;
}

const DONE = /closed|cancel|resolved|solved|done|complete/;

/** Status ids and names are per tenant, so the look goes by common words in the name. */
function statusLook(statusName: string | undefined): TicketLook {
  const name = (statusName ?? '').toLowerCase();
  if (/closed|cancel/.test(name)) return { icon: 'issue-closed', color: 'disabledForeground' };
  if (/resolved|solved|done|complete/.test(name)) return { icon: 'pass', color: 'charts.green' };
  if (/wait|pending|hold|paused/.test(name)) return { icon: 'clock', color: 'charts.yellow' };
  if (/progress|working|assigned/.test(name)) return { icon: 'issue-opened', color: 'charts.blue' };
  if (/open|new/.test(name)) return { icon: 'issue-opened', color: 'charts.green' };
  return { icon: 'circle-outline', color: 'foreground' };
}

/** Urgent (or critical, emergency, P1) and not yet done: the flame; otherwise the status's look. */
export function ticketLook(t: Pick<TicketSummary, 'status' | 'priority'>): TicketLook {
  const priority = (t.priority?.name ?? '').toLowerCase();
  const urgent = /urgent|critical|emergency|\bp1\b/.test(priority);
  if (urgent && !DONE.test((t.status?.name ?? '').toLowerCase())) return { icon: 'flame', color: 'charts.red' };
  return statusLook(t.status?.name);
}
