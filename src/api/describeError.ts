// The ONE place errors become words for people. Everything the UI shows about a failure comes from here.
import * as l10n from '@vscode/l10n';
import { BoldDeskError, RateLimitError, ValidationError } from './errors';

const generic = (): string => l10n.t('Something went wrong in the BoldDesk extension. Details are in the log (BoldDesk: Show Log).');

function isAbort(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

/**
 * A full sentence for a notification or the ticket panel. BoldDeskErrors carry their own actionable message
 * (built without the key); anything else gets a generic sentence, never a stack trace or "[object Object]".
 */
export function describeError(err: unknown): string {
  if (err instanceof BoldDeskError) return err.message.trim() || generic();
  if (isAbort(err)) return l10n.t('Cancelled.');
  return generic();
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
  if (isAbort(err)) return l10n.t('Cancelled');
  if (!(err instanceof BoldDeskError)) return l10n.t('Something went wrong — see Show Log');
  switch (err.kind) {
    case 'auth':
      return l10n.t('API key rejected — Set API Key…');
    case 'permission':
      return l10n.t('No permission in BoldDesk — ask an admin');
    case 'notFound':
      return l10n.t('Not found in BoldDesk — try Refresh');
    case 'validation': {
      const words = err instanceof ValidationError ? err.serverWords : undefined;
      return words ? clip(l10n.t('BoldDesk refused the request — {0}', firstSentence(words)), 100) : l10n.t('BoldDesk refused the request');
    }
    case 'rateLimited': {
      const retryAt = err instanceof RateLimitError ? err.retryAt : now;
      const s = Math.ceil((retryAt - now) / 1000);
      return s > 0 ? l10n.t('Rate limited — retrying in {0} s', s) : l10n.t('Rate limited — try Refresh');
    }
    case 'server':
      return err.status ? l10n.t('BoldDesk error ({0}) — try Refresh', err.status) : l10n.t('BoldDesk error — try Refresh');
    case 'network':
      return l10n.t("Can't reach {0}", host);
    case 'timeout':
      return l10n.t('{0} did not answer — try Refresh', host);
    case 'protocol':
      return l10n.t('Unexpected answer from {0} — check the domain', host);
    case 'redirect':
      return l10n.t('{0} redirected elsewhere — check the domain', host);
    case 'config':
      return clip(firstSentence(err.message), 100);
    case 'cancelled':
      return l10n.t('Cancelled');
    default:
      return l10n.t('Something went wrong — see Show Log');
  }
}
