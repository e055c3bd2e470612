// Arguments a command acts on without asking (a domain, an API key, an identity, a draft to send) are accepted only
// when the extension itself made them. A `command:` link (a ticket, a README, a hover) can pass any JSON — even a
// Uri, which VS Code revives from `{"$mid":1,…}` — but never an object from this WeakSet, which lives only in this
// extension host module. Anything else is untrusted: the command asks (docs/SECURITY.md).
const made = new WeakSet<object>();

export interface TrustedArg<T> {
  readonly value: T;
}

/** Wraps a value for `executeCommand` from the extension's own UI (and Test-mode integration tests). */
export function trusted<T>(value: T): TrustedArg<T> {
  const arg = Object.freeze({ value });
  made.add(arg);
  return arg;
}

/** The argument, and whether the extension itself passed it (via `trusted`). */
export function unwrapArg(arg: unknown): { value: unknown; trusted: boolean } {
  if (typeof arg === 'object' && arg !== null && made.has(arg)) return { value: (arg as TrustedArg<unknown>).value, trusted: true };
  return { value: arg, trusted: false };
}
