// Set Domain's first try of a domain: does anything answer HTTP there? No key and no data are sent (a plain GET of
// the origin's root, redirects not followed); any HTTP answer counts, so a typo or a name that does not resolve is
// said when the domain is set, not on the first real request.
import * as l10n from '@vscode/l10n';
import fetch from './nodeFetch';
import { networkError } from './httpErrors';

/** undefined when `origin` answers; otherwise why it cannot be reached, in words. */
export async function unreachableReason(origin: string, host: string, timeoutMs = 10_000): Promise<string | undefined> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await fetch(`${origin}/`, { method: 'GET', headers: {}, redirect: 'manual', signal: abort.signal });
    res.body?.resume(); // drain: the answer itself does not matter
    return undefined;
  } catch (e) {
    if (abort.signal.aborted) return l10n.t("Can't reach {0}: it did not answer within {1} s.", host, Math.round(timeoutMs / 1000));
    const ctx = { method: 'GET', path: '/', host, isWrite: false, now: Date.now(), timeoutMs, redact: (t: string) => t };
    return networkError(e, ctx).message;
  } finally {
    clearTimeout(timer);
  }
}
