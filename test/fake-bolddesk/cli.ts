// `npm run fake-bolddesk -- --port 4000 --tickets 500 [--seed N] [--rate-limit N] [--list-rate-limit N] [--dialect a,b|all]
//   [--latency-ms 150 [--jitter-ms 15]]` (latency: a round trip added to every request, ± jitter, default 10 %)
// Runs the fake alone, prints the domain and the keys, and stays up until SIGINT/SIGTERM.
import { parseDialects } from './dialects';
import { startFakeBoldDesk } from './index';

function numberArg(args: string[], name: string): number | undefined {
  const i = args.indexOf(`--${name}`);
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  const raw = inline ? inline.slice(name.length + 3) : i >= 0 ? args[i + 1] : undefined;
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) {
    console.error(`--${name} needs a number, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dialectArg = args.find((a) => a.startsWith('--dialect='))?.slice('--dialect='.length) ?? args[args.indexOf('--dialect') + 1];
  const dialects = args.some((a) => a.startsWith('--dialect')) && dialectArg ? parseDialects(dialectArg) : [];
  const fake = await startFakeBoldDesk({
    port: numberArg(args, 'port') ?? 4000,
    tickets: numberArg(args, 'tickets') ?? 300,
    seed: numberArg(args, 'seed'),
    rateLimitPerMinute: numberArg(args, 'rate-limit'),
    listRateLimitPerMinute: numberArg(args, 'list-rate-limit'),
    dialects,
    latencyMs: numberArg(args, 'latency-ms'),
    latencyJitterMs: numberArg(args, 'jitter-ms'),
  });
  if (dialects.length) console.log(`Dialects: ${dialects.join(', ')}`);
  const latency = numberArg(args, 'latency-ms');
  if (latency) console.log(`Latency: ${latency} ms per request ± ${numberArg(args, 'jitter-ms') ?? Math.round(latency / 10)} ms`);
  console.log(`Fake BoldDesk running at ${fake.url} with ${fake.db.tickets.length} tickets`);
  console.log(`Domain (bolddesk.domain setting): ${fake.url}`);
  console.log('API keys:');
  for (const k of fake.keys) console.log(`  ${k.key}  ${k.agent.name} <${k.agent.email}>  (${k.label})`);
  console.log(`Control API: ${fake.url}/__fake/info, /__fake/requests, POST /__fake/faults, POST /__fake/reset`);
  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
