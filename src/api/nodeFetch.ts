// node-fetch (the design card's HTTP library), loaded on the first request instead of at activation: the
// production build keeps it out of dist/extension.js as dist/nodeFetch.js (esbuild.js), so activating costs
// nothing for it. Only what http.ts uses is typed here. Redirects are never followed by node-fetch
// (`redirect: 'manual'`): http.ts follows same-origin ones itself, so the key never travels to another host.
import type { Readable } from 'node:stream';

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  /** Already serialised, or a stream (an upload, so its progress can be reported). */
  body?: string | Uint8Array | Readable;
  signal?: AbortSignal;
  redirect: 'manual';
}

export interface Response {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  /** A Node stream in node-fetch v3; ends with an error when the signal aborts or the connection breaks. */
  body: Readable | null;
}

type FetchFn = (url: string, init: FetchInit) => Promise<Response>;

let loaded: FetchFn | undefined;

function load(): FetchFn {
  // require() (not import()) so both the tsc build used by plain-Node tests and esbuild's CommonJS bundle
  // resolve it synchronously; Node ≥ 20.19 can require() node-fetch v3's ES module.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('node-fetch') as { default: FetchFn };
  return mod.default;
}

/** Loads node-fetch ahead of the first request (when one is sure to come); a failure surfaces on that request. */
export function preloadFetch(): void {
  try {
    loaded ??= load();
  } catch {
    // fetch() tries again and reports it.
  }
}

export default function fetch(url: string, init: FetchInit): Promise<Response> {
  loaded ??= load();
  return loaded(url, init);
}
