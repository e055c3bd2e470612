// Sequential round trips in a request log: the longest chain of requests where each one started only after the
// previous one's answer was sent. Requests that overlap count once, so this is what a user waits for on a slow network.
import type { RecordedRequest } from './types';

export function sequentialRoundTrips(requests: readonly RecordedRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.startSeq - b.startSeq);
  const depth = new Map<RecordedRequest, number>();
  let longest = 0;
  for (const r of sorted) {
    let before = 0;
    for (const q of sorted) {
      if (q.startSeq >= r.startSeq) break;
      if (q.endSeq > 0 && q.endSeq < r.startSeq) before = Math.max(before, depth.get(q) ?? 0);
    }
    depth.set(r, before + 1);
    longest = Math.max(longest, before + 1);
  }
  return longest;
}
