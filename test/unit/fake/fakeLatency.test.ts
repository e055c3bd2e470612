// The fake's network latency (--latency-ms, ± jitter) and its request start/end order. Nothing here is timed: an
// injected delay function records each wait and is released by the test, so the tests see order, not milliseconds.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { sequentialRoundTrips, startFakeBoldDesk, type FakeBoldDesk, type RecordedRequest } from '../../fake-bolddesk';

interface Held {
  ms: number;
  release: () => void;
}

/** A delay the test controls: each call is held until released. */
function heldDelays(): { held: Held[]; delay: (ms: number) => Promise<void>; waitFor: (n: number) => Promise<void> } {
  const held: Held[] = [];
  let notify: (() => void) | undefined;
  return {
    held,
    delay: (ms) => new Promise<void>((resolve) => {
      held.push({ ms, release: resolve });
      notify?.();
    }),
    waitFor: async (n) => {
      while (held.length < n) await new Promise<void>((r) => (notify = r));
    },
  };
}

const get = (fake: FakeBoldDesk, p: string) => fetch(fake.url + p, { headers: { 'x-api-key': fake.keys[0].key } });

describe('fake BoldDesk: latency', () => {
  let fake: FakeBoldDesk | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('holds every answer for latencyMs ± jitter (seeded), and answers only after the delay', async () => {
    const d = heldDelays();
    fake = await startFakeBoldDesk({ quiet: true, latencyMs: 150, latencyJitterMs: 20, delay: d.delay });
    let answered = false;
    const pending = get(fake, '/api/v1/brands').then((r) => {
      answered = true;
      return r.status;
    });
    await d.waitFor(1);
    await new Promise((r) => setImmediate(r));
    assert.equal(answered, false, 'no answer while the delay is held');
    d.held[0].release();
    assert.equal(await pending, 200);
    // More requests: every delay within 150 ± 20, not all the same (jitter), and recorded on the request.
    const more = [1, 2, 3, 4, 5, 6, 7, 8].map(() => get(fake!, '/api/v1/brands'));
    await d.waitFor(9);
    for (const h of d.held) h.release();
    await Promise.all(more);
    for (const h of d.held) assert.ok(h.ms >= 130 && h.ms <= 170, `delay ${h.ms}`);
    assert.ok(new Set(d.held.map((h) => h.ms)).size > 1, 'jitter varies the delay');
    assert.deepEqual(fake.requests.map((r) => r.latencyMs), d.held.map((h) => h.ms));
  });

  it('defaults to no delay, jitter to 10 % of the latency; setLatency and POST /__fake/latency change it', async () => {
    const d = heldDelays();
    fake = await startFakeBoldDesk({ quiet: true, delay: d.delay });
    assert.equal((await get(fake, '/api/v1/brands')).status, 200);
    assert.equal(d.held.length, 0);
    fake.setLatency(100);
    const info = (await (await fetch(`${fake.url}/__fake/info`)).json()) as { latency: unknown };
    assert.deepEqual(info.latency, { ms: 100, jitterMs: 10 });
    const r = await fetch(`${fake.url}/__fake/latency`, { method: 'POST', body: JSON.stringify({ ms: 40, jitterMs: 0 }) });
    assert.equal(r.status, 200);
    const answer = get(fake, '/api/v1/brands');
    await d.waitFor(1);
    assert.equal(d.held[0].ms, 40);
    d.held[0].release();
    assert.equal((await answer).status, 200);
    assert.equal((await fetch(`${fake.url}/__fake/latency`, { method: 'POST', body: '{"ms":-1}' })).status, 400);
  });

  it('records start/end order: parallel requests overlap, serial ones do not', async () => {
    const d = heldDelays();
    fake = await startFakeBoldDesk({ quiet: true, latencyMs: 10, delay: d.delay });
    const both = Promise.all([get(fake, '/api/v1/brands'), get(fake, '/api/v1/ticket_collections/statuses')]);
    await d.waitFor(2);
    for (const h of d.held) h.release();
    await both;
    const last = get(fake, '/api/v1/ticket_collections/priorities');
    await d.waitFor(3);
    d.held[2].release();
    await last;
    const [a, b, c] = fake.requests;
    assert.ok(a.startSeq < b.endSeq && b.startSeq < a.endSeq, 'the two parallel requests overlap');
    assert.ok(c.startSeq > Math.max(a.endSeq, b.endSeq), 'the serial one starts after both ended');
  });

  it('the CLI takes --latency-ms and --jitter-ms', async () => {
    const cli = path.resolve(__dirname, '..', '..', 'fake-bolddesk', 'cli.js');
    const child = spawn(process.execPath, [cli, '--port', '0', '--tickets', '5', '--latency-ms', '150', '--jitter-ms', '5']);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /running at (http:\/\/\S+)/.exec(out);
          if (m && out.includes('Latency: 150 ms')) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`cli exited ${code}: ${out}`)));
      });
      const info = (await (await fetch(`${url}/__fake/info`)).json()) as { latency: unknown };
      assert.deepEqual(info.latency, { ms: 150, jitterMs: 5 });
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('sequentialRoundTrips', () => {
  const r = (startSeq: number, endSeq: number) => ({ startSeq, endSeq }) as unknown as RecordedRequest;
  it('counts overlapping requests once and chained ones each', () => {
    assert.equal(sequentialRoundTrips([]), 0);
    assert.equal(sequentialRoundTrips([r(1, 4), r(2, 5), r(3, 6)]), 1);
    assert.equal(sequentialRoundTrips([r(1, 2), r(3, 4), r(5, 6)]), 3);
    // Three lookups in parallel, then a list after the first two answered: 2.
    assert.equal(sequentialRoundTrips([r(1, 4), r(2, 5), r(3, 8), r(6, 9)]), 2);
    // An unanswered request (endSeq 0) never precedes another.
    assert.equal(sequentialRoundTrips([r(1, 0), r(2, 3)]), 1);
  });
});
