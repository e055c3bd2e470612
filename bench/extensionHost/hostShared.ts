// Helpers for the bench suites that run inside the extension host (the fake BoldDesk runs in bench/host.js).
import * as fs from 'node:fs';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';

export const EXTENSION_ID = 'bolddesk-vscode.bolddesk-vscode';

/** The fake's URL (bench/host.js passes it; the bolddesk.domain setting points at it too). */
export function fakeUrl(): string {
  const url = process.env.BENCH_FAKE_URL;
  if (!url) throw new Error('BENCH_FAKE_URL is not set');
  return url;
}

/** How many requests the fake has recorded so far (its control API; not counted as BoldDesk traffic). */
export async function countRequests(): Promise<number> {
  const res = await fetch(`${fakeUrl()}/__fake/requests`);
  const body = (await res.json()) as unknown[] | { requests: unknown[] };
  return Array.isArray(body) ? body.length : body.requests.length;
}

/** A full GC, so heap figures compare live objects only (the extension host does not expose gc itself). */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

export function writeResult(result: unknown): void {
  const out = process.env.BENCH_HOST_OUT;
  if (!out) throw new Error('BENCH_HOST_OUT is not set');
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
}
