// Shared setup for the client tests: a real fake BoldDesk on 127.0.0.1 and clients pointed at it.
import * as assert from 'node:assert/strict';
import type { ClientOptions } from '../../../src/api/api';
import { BoldDeskClient } from '../../../src/api/client';
import { BoldDeskError } from '../../../src/api/errors';
import { type FakeBoldDesk, type FakeOptions, type RecordedRequest, startFakeBoldDesk } from '../../fake-bolddesk';

export interface Harness {
  fake: FakeBoldDesk;
  key: string;
  /** Every log line any client made with this harness. */
  logs: string[];
  /** Every wait the clients asked for (sleep is instant unless a test passes its own). */
  sleeps: number[];
  client(overrides?: Partial<ClientOptions>): BoldDeskClient;
  /** Requests the fake recorded for a path (regex on the path, no query). */
  requestsTo(path: RegExp, method?: string): RecordedRequest[];
}

export async function startHarness(opts: FakeOptions = {}): Promise<Harness> {
  const fake = await startFakeBoldDesk({ tickets: 40, quiet: true, ...opts });
  const logs: string[] = [];
  const sleeps: number[] = [];
  const key = fake.keys[0].key;
  return {
    fake,
    key,
    logs,
    sleeps,
    client: (overrides = {}) =>
      new BoldDeskClient({
        origin: fake.url,
        apiKey: key,
        timeoutMs: 5000,
        log: (line) => logs.push(line),
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        ...overrides,
      }),
    requestsTo: (path, method) => fake.requests.filter((r) => path.test(r.path) && (!method || r.method === method)),
  };
}

/** The error a promise rejects with, asserted to be a BoldDeskError of the given class. */
export async function rejection<E extends BoldDeskError>(
  promise: Promise<unknown>,
  cls: abstract new (...args: never[]) => E,
): Promise<E> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    return e;
  }
  assert.fail(`expected ${cls.name}, but the promise resolved`);
}

/** Fails when the key shows up in any of the texts. */
export function assertNoKey(key: string, texts: string[]): void {
  for (const t of texts) assert.ok(!t.includes(key), `the API key leaked into: ${t}`);
}
