// The one polling helper of every suite (unit, integration in the extension host, e2e through out/test/support):
// for a state no event announces. A poll interval, never a fixed delay standing in for "long enough".

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves true once `check()` is truthy, false after `timeoutMs`. */
export async function until(check: () => unknown, timeoutMs: number, intervalMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(intervalMs);
  }
}

/** Resolves with the first value `get()` returns that is not undefined/false; throws "timed out waiting for <what>". */
export async function waitFor<T>(what: string, get: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10000, intervalMs = 20): Promise<T> {
  let value: T | undefined | false;
  const got = await until(async () => {
    value = await get();
    return value !== undefined && value !== false;
  }, timeoutMs, intervalMs);
  if (!got) throw new Error(`timed out waiting for ${what}`);
  return value as T;
}
