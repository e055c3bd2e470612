// The ONE place errors become words for people. Everything the UI shows about a failure comes from here.
import { BoldDeskError, RateLimitError } from './errors';

const GENERIC = 'Something went wrong in the BoldDesk extension. Details are in the log (BoldDesk: Show Log).';

function isAbort(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

/**
 * A full sentence for a notification or the ticket panel. BoldDeskErrors carry their own actionable message
 * (built without the key); anything else gets a generic sentence, never a stack trace or "[object Object]".
 */
export function describeError(err: unknown): string {
  if (err instanceof BoldDeskError) return err.message.trim() || GENERIC;
  if (isAbort(err)) return 'Cancelled.';
  return GENERIC;
}

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** The first sentence of a message, for one-line places. */
function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text.trim());
  return m ? m[1] : text.trim();
}

/**
 * One short line for a tree node or status text, e.g. "API key rejected — Set API Key…".
 * `host` names the BoldDesk site; `now` is needed to say how long a rate limit lasts.
 */
export function describeErrorShort(err: unknown, host: string, now: number = Date.now()): string {
  if (isAbort(err)) return 'Cancelled';
  if (!(err instanceof BoldDeskError)) return 'Something went wrong — see Show Log';
  switch (err.kind) {
    case 'auth':
      return 'API key rejected — Set API Key…';
    case 'permission':
      return 'No permission in BoldDesk — ask an admin';
    case 'notFound':
      return 'Not found in BoldDesk — try Refresh';
    case 'validation':
      return clip(`BoldDesk refused the request — ${firstSentence(err.message).replace(/^BoldDesk did not accept the request:\s*/, '')}`, 100);
    case 'rateLimited': {
      const retryAt = err instanceof RateLimitError ? err.retryAt : now;
      const s = Math.ceil((retryAt - now) / 1000);
      return s > 0 ? `Rate limited — retrying in ${s} s` : 'Rate limited — try Refresh';
    }
    case 'server':
      return `BoldDesk error${err.status ? ` (${err.status})` : ''} — try Refresh`;
    case 'network':
      return `Can't reach ${host}`;
    case 'timeout':
      return `${host} did not answer — try Refresh`;
    case 'protocol':
      return `Unexpected answer from ${host} — check the domain`;
    case 'redirect':
      return `${host} redirected elsewhere — check the domain`;
    case 'config':
      return clip(firstSentence(err.message), 100);
    case 'cancelled':
      return 'Cancelled';
    default:
      return 'Something went wrong — see Show Log';
  }
}
