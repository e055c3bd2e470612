// Public contract of the fake BoldDesk server (see the team brief, "The fake BoldDesk contract").
// index.ts re-exports everything here; keep this file free of logic.
import type { FakeDb } from './db';
import type { Dialect } from './dialects';

export interface FakeAgent {
  userId: number;
  name: string;
  email: string;
}

export interface FakeOptions {
  /** 0 = any free port (default). */
  port?: number;
  /** Default 60; up to 100000. */
  tickets?: number;
  /** Deterministic data: the same seed gives the same tickets. Default 1. */
  seed?: number;
  /** Overall requests per key owner per minute, default 600. */
  rateLimitPerMinute?: number;
  /** `GET /tickets` per key owner per minute, default 300. */
  listRateLimitPerMinute?: number;
  /** Injectable clock in epoch ms (benchmarks simulate time). Default Date.now. */
  now?: () => number;
  /** No console output. */
  quiet?: boolean;
  /** BoldDesk behaviours where the documentation is silent (dialects.ts). Default none. */
  dialects?: Dialect[];
  /** Network round trip added to every BoldDesk request before it is answered (a real tenant is 100–300 ms away). Default 0. */
  latencyMs?: number;
  /** Each request's delay is drawn uniformly from latencyMs ± latencyJitterMs (seeded). Default 10 % of latencyMs. */
  latencyJitterMs?: number;
  /** How the fake waits (tests inject one to see the delays without timing them). Default a timer close() cancels. */
  delay?: (ms: number) => Promise<void>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Status sent; 0 when the connection was destroyed or stalled without an answer. */
  status: number;
  /** Owner of the key when the key was valid. */
  agentUserId?: number;
  at: number;
  /** Order of events on one counter shared by every request: when it arrived and when its answer was sent (0 = not sent).
   *  A request that started after another's end may have waited for it: counting such chains gives sequential round trips. */
  startSeq: number;
  endSeq: number;
  /** When its answer was sent (clock of `at`; undefined until then): benchmarks lay requests out on a time line. */
  endAt?: number;
  /** The network delay the fake added (latencyMs ± jitter). */
  latencyMs: number;
}

export type Fault =
  | { type: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { type: 'rateLimit'; retryAfterSeconds?: number; omitRetryAfter?: boolean }
  /** Accept, then send nothing for ms (the client should time out); afterwards the socket is destroyed. */
  | { type: 'stall'; ms: number }
  /** Destroy the socket; with afterHeaders, first send headers and part of a body. */
  | { type: 'reset'; afterHeaders?: boolean }
  | { type: 'malformedJson' }
  | { type: 'wrongShape' }
  | { type: 'hugeBody'; bytes: number }
  | { type: 'redirect'; location: string; status?: number }
  /** Delay, then answer normally. */
  | { type: 'latency'; ms: number }
  /** Hold the request (received and recorded, no answer) until releaseHeld(), clearFaults(), reset() or close(); then answer normally. */
  | { type: 'hold' }
  /** Close the connection immediately without a response (like a server that is down). */
  | { type: 'down' };

export interface FaultRule {
  fault: Fault;
  /** Matched case-insensitively; any method when omitted. */
  method?: string;
  /** Tested against the request path (no query); a string is a regex source. Any path when omitted. */
  path?: RegExp | string;
  /** How many requests it hits; default Infinity. */
  times?: number;
}

export interface FakeKey {
  key: string;
  agent: FakeAgent;
  label: string;
}

export interface FakeBoldDesk {
  /** 'http://127.0.0.1:PORT': what the bolddesk.domain setting takes. */
  url: string;
  port: number;
  agents: FakeAgent[];
  /** keys[0] = demo key (agent "Ana Agent"); one belongs to "API Bot". */
  keys: FakeKey[];
  db: FakeDb;
  requests: RecordedRequest[];
  addFault(rule: FaultRule): void;
  /** Clears every fault rule and lets held requests go on (see the `hold` fault). */
  clearFaults(): void;
  /** Lets every request held by a `hold` fault go on to its normal answer; returns how many there were. */
  releaseHeld(): number;
  revokeKey(key: string): void;
  restoreKey(key: string): void;
  /** The dialects in force; setDialects replaces them (reset() keeps them). */
  readonly dialects: readonly Dialect[];
  setDialects(dialects: readonly Dialect[]): void;
  /** Changes the added round trip (see FakeOptions.latencyMs); jitter defaults to 10 % of ms. */
  setLatency(ms: number, jitterMs?: number): void;
  /** Clear faults, requests, rate-limit windows, restore keys (data kept). */
  reset(): void;
  close(): Promise<void>;
  /** Listens (again, after close(): "BoldDesk is back", data kept) on `port`; 0 picks a free one. */
  listen(port: number): Promise<void>;
}
