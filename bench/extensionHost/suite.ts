// extensionTestsPath for bench/host.js: VS Code loads this in a fresh extension host and awaits run().
// BENCH_HOST_MODE picks the measurement; the result goes to the JSON file BENCH_HOST_OUT.
import { measureActivation } from './activation';
import { measureBigList } from './bigList';
import { writeResult } from './hostShared';

export async function run(): Promise<void> {
  const mode = process.env.BENCH_HOST_MODE;
  try {
    if (mode === 'activation') writeResult(await measureActivation());
    else if (mode === 'bigList') writeResult(await measureBigList());
    else throw new Error(`unknown BENCH_HOST_MODE ${mode}`);
  } catch (e) {
    writeResult({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    throw e;
  }
}
