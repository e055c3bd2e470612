// What the tickets tree's categories are built from (categories.ts): BoldDesk's statuses, the user's ticket views
// and the acting agent, read for TicketListModel (ticketListModel.ts). No vscode import.
import type { BoldDeskApi } from '../api/api';
import { AuthError, RateLimitError } from '../api/errors';
import type { Agent, TicketView } from '../api/types';
import type { Lookups } from './modelCache';

type Log = (message: string, error?: unknown) => void;

/**
 * Views are a bonus: a failure other than a rejected key or a rate limit leaves them out instead of failing the
 * tree. A 429 is not dropped: the root says "Rate limited — retrying in N s" and the categories retry then.
 */
export async function loadViews(api: BoldDeskApi, log: Log): Promise<TicketView[]> {
  try {
    return await api.getTicketViews();
  } catch (error) {
    if (error instanceof AuthError || error instanceof RateLimitError) throw error;
    log('Could not load your BoldDesk ticket views; showing the built-in lists only', error);
    return [];
  }
}

/** Statuses, views and agent together; the agent is optional, the statuses are not. */
export async function fetchLookups(api: BoldDeskApi, agent: () => Promise<Agent | undefined>, log: Log): Promise<Lookups> {
  // allSettled: finish only when every lookup has, so a later refresh never joins a request from before.
  const [statuses, views, who] = await Promise.allSettled([api.getStatuses(), loadViews(api, log), agent()]);
  if (statuses.status === 'rejected') throw statuses.reason;
  if (views.status === 'rejected') throw views.reason;
  return { statuses: statuses.value, views: views.value, agent: who.status === 'fulfilled' ? who.value : undefined };
}
