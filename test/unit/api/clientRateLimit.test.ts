// Rate-limit pacing against the fake BoldDesk, with one simulated clock shared by the fake and the client.
import * as assert from 'node:assert/strict';
import { RateLimitError } from '../../../src/api/errors';
import { type Harness, rejection, startHarness } from './clientHelpers';

describe('BoldDeskClient rate limits (simulated clock)', () => {
  let h: Harness;
  let clock = Date.UTC(2025, 0, 6, 9, 0, 0);
  const waits: number[] = [];
  const simulated = {
    now: () => clock,
    sleep: async (ms: number) => {
      waits.push(ms);
      clock += ms;
    },
  };
  before(async () => {
    h = await startHarness({ tickets: 10, rateLimitPerMinute: 4, now: () => clock });
  });
  after(() => h.fake.close());
  beforeEach(() => {
    h.fake.reset();
    waits.length = 0;
  });

  it('waits for the window to reset instead of firing into a 429', async () => {
    const api = h.client(simulated);
    const ids = h.fake.db.tickets.map((t) => t.id);
    for (let i = 0; i < 10; i++) {
      const t = await api.getTicket(ids[i % ids.length]);
      assert.equal(t.id, ids[i % ids.length]);
      clock += 100;
    }
    assert.deepEqual(h.fake.requests.filter((r) => r.status === 429), [], 'no request was rate limited');
    assert.equal(h.fake.requests.length, 10);
    assert.equal(waits.length, 2, `one wait per exhausted window: ${waits.join(',')}`);
    for (const w of waits) assert.ok(w > 50_000 && w <= 61_000, `waited ${w} ms`);
    const state = api.rateLimit;
    assert.equal(typeof state.remaining, 'number');
    assert.ok(state.resetAt !== undefined && state.resetAt > clock - 60_000);
  });

  it('exposes the latest remaining count and reset time', async () => {
    const api = h.client(simulated);
    assert.deepEqual(api.rateLimit, {});
    await api.getBrands();
    assert.equal(api.rateLimit.remaining, 3);
    assert.ok(api.rateLimit.resetAt !== undefined && Math.abs(api.rateLimit.resetAt - (clock + 60_000)) < 1000);
  });

  it('without Retry-After, a 429 means "retry at x-rate-limit-reset + about 1 s"', async () => {
    h.fake.addFault({ fault: { type: 'rateLimit', omitRetryAfter: true }, method: 'POST', times: 1 });
    const start = clock;
    const e = await rejection(h.client(simulated).addNote(h.fake.db.tickets[0].id, 'x'), RateLimitError);
    const wait = e.retryAt - start;
    assert.ok(wait >= 1000 && wait <= 62_000, `retryAt is ${wait} ms away`);
    assert.equal(h.fake.requests.length, 1);
  });

  it('a GET 429 with a short Retry-After is waited out on the simulated clock, then succeeds', async () => {
    h.fake.addFault({ fault: { type: 'rateLimit', retryAfterSeconds: 3 }, path: 'brands', times: 1 });
    const start = clock;
    await h.client(simulated).getBrands();
    assert.equal(h.fake.requests.length, 2);
    assert.ok(clock - start >= 3000 && clock - start < 10_000, `waited ${clock - start} ms`);
  });
});
