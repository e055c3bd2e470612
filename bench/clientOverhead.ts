// Client overhead: one page of 100 tickets through BoldDeskClient.listTickets vs a bare http.get of the very same
// URL (same headers) on the same fake, interleaved in the same process so machine noise hits both alike.
// The bare side reads the whole body; "bare + JSON.parse" is also reported (any consumer has to parse).
// "node-fetch + JSON.parse" (the same src/api/nodeFetch.ts the client uses, nothing else) splits the client's
// overhead into node-fetch's own per-request cost and the rest of the client (pacing, timeout, parsing).
import * as http from 'node:http';
import { BoldDeskClient } from '../src/api/client';
import fetch from '../src/api/nodeFetch';
import { startFakeBoldDesk } from '../test/fake-bolddesk';
import { runStage } from './lib/output';
import { median, msSince, summarize } from './lib/stats';

const PAIRS = Number(process.env.BENCH_OVERHEAD_PAIRS) || 80;
const WARMUP = 15;

function bareGet(url: string, headers: Record<string, string>, parse: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve(parse ? (JSON.parse(text) as { result: unknown[] }).result.length : text.length);
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function fetchParse(url: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(url, { method: 'GET', headers, redirect: 'manual' });
  const chunks: Buffer[] = [];
  for await (const c of res.body ?? []) chunks.push(c as Buffer);
  return (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { result: unknown[] }).result.length;
}

async function main(): Promise<unknown> {
  const fake = await startFakeBoldDesk({ tickets: 1000, quiet: true, rateLimitPerMinute: 1e9, listRateLimitPerMinute: 1e9 });
  const key = fake.keys[0].key;
  const client = new BoldDeskClient({ origin: fake.url, apiKey: key, timeoutMs: 15_000 });
  const listOnce = async () => (await client.listTickets({}, 1, 100)).items.length;

  // The exact URL and headers the client sends, taken from what the fake received.
  await listOnce();
  const sent = fake.requests[fake.requests.length - 1];
  const search = new URLSearchParams();
  for (const [k, values] of Object.entries(sent.query)) for (const v of values) search.append(k, v);
  const url = `${fake.url}${sent.path}?${search.toString()}`;
  const headers = { 'x-api-key': key, Accept: 'application/json' };
  if ((await bareGet(url, headers, true)) !== 100) throw new Error('the bare request did not return 100 tickets');

  const kinds = {
    client: listOnce,
    bare: () => bareGet(url, headers, false),
    bareParse: () => bareGet(url, headers, true),
    fetchParse: () => fetchParse(url, headers),
  };
  const times: Record<keyof typeof kinds, number[]> = { client: [], bare: [], bareParse: [], fetchParse: [] };
  const pairRatios: number[] = [];
  const names = Object.keys(kinds) as (keyof typeof kinds)[];
  for (let i = 0; i < WARMUP; i++) for (const n of names) await kinds[n]();
  for (let i = 0; i < PAIRS; i++) {
    // Rotate the order so neither side always runs first (GC and JIT land on both).
    const order = names.map((_, j) => names[(i + j) % names.length]);
    const round: Partial<Record<keyof typeof kinds, number>> = {};
    for (const n of order) {
      const t = process.hrtime.bigint();
      await kinds[n]();
      round[n] = msSince(t);
      times[n].push(round[n] as number);
    }
    pairRatios.push((round.client as number) / (round.bare as number));
  }
  await fake.close();
  return {
    url: url.replace(fake.url, ''),
    pairs: PAIRS,
    clientMs: summarize(times.client),
    bareMs: summarize(times.bare),
    bareParseMs: summarize(times.bareParse),
    fetchParseMs: summarize(times.fetchParse),
    transport: 'node-fetch',
    ratioOfMedians: Number((median(times.client) / median(times.bare)).toFixed(3)),
    ratioOfMediansVsParse: Number((median(times.client) / median(times.bareParse)).toFixed(3)),
    fetchRatioVsParse: Number((median(times.fetchParse) / median(times.bareParse)).toFixed(3)),
    pairRatio: summarize(pairRatios),
  };
}

runStage(main);
