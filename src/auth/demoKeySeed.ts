// `npm start` (scripts/demo.js) runs VS Code against the local fake BoldDesk with BOLDDESK_DEMO_KEY in the
// environment (so do the integration tests); this stores that key once per origin so the demo opens ready to use. It is honoured ONLY when the
// configured domain is a loopback host and no key is stored yet, so it can never plant a key for a real help desk.
import { isLoopbackHost } from '../api/domain';
import type { KeyStore } from './keyStore';

/** Returns true when it stored the demo key. */
export async function seedDemoKey(
  env: NodeJS.ProcessEnv,
  domain: { origin: string } | undefined,
  keys: Pick<KeyStore, 'get' | 'store'>,
): Promise<boolean> {
  const demoKey = env.BOLDDESK_DEMO_KEY?.trim();
  if (!demoKey || !domain || !isLoopbackHost(new URL(domain.origin).hostname)) return false;
  if (await keys.get(domain.origin)) return false;
  await keys.store(domain.origin, demoKey);
  return true;
}
