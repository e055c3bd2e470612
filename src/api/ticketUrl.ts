// Where a ticket lives in the BoldDesk agent portal (for "Open in Browser" and "Copy Link").
// ASSUMPTION: the agent UI shows a ticket at `{origin}/agent/tickets/{id}`. The API reference does not
// document portal URLs; this is the only place that builds one, so fix it here if BoldDesk differs.

export function ticketWebUrl(origin: string, ticketId: number): string {
  // l10n-ignore: callers pass validated ids; only a bug gets here.
  if (!Number.isSafeInteger(ticketId) || ticketId <= 0) throw new RangeError(`Not a ticket number: ${ticketId}`);
  return `${origin.replace(/\/+$/, '')}/agent/tickets/${ticketId}`;
}
