// A `vscode` module where everything exists and does nothing (any property is another inert value, any call or
// `new` returns one), with the few real things plain logic needs: ExtensionMode, an EventEmitter, settings and their
// change event. Enough to run activate() or the session's logic in plain Node — it does not pretend to be the editor.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Module._load must be the real one, not an interop copy
import Module = require('node:module');
import * as path from 'node:path';

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

function inert(): unknown {
  const children = new Map<PropertyKey, unknown>();
  const target = function () {
    /* inert */
  };
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then') return undefined; // not a promise
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {
        /* empty */
      };
      if (!children.has(prop)) children.set(prop, inert());
      return children.get(prop);
    },
    apply: () => inert(),
    construct: () => inert() as object,
    set: () => true,
  });
}

export const ExtensionMode = { Production: 1, Development: 2, Test: 3 } as const;

type Listener<T> = (e: T) => unknown;

/** vscode.EventEmitter's contract (fire calls every listener; event(listener) returns a disposable). */
export class TinyEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => void (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

/** Settings the code under test reads (`section.key` → value); `change()` fires onDidChangeConfiguration. */
export class FakeSettings {
  readonly values = new Map<string, unknown>();
  readonly changed = new TinyEmitter<{ affectsConfiguration(section: string): boolean }>();
  set(key: string, value: unknown): void {
    this.values.set(key, value);
    this.changed.fire({ affectsConfiguration: (section) => key === section || key.startsWith(`${section}.`) });
  }
}

function fakeVscode(settings: FakeSettings): unknown {
  const overrides: Record<string, unknown> = {
    ExtensionMode,
    EventEmitter: TinyEmitter,
    l10n: { bundle: undefined, t: (message: string) => message, uri: undefined },
    commands: new Proxy({ executeCommand: async () => undefined }, { get: (t, p) => (p in t ? (t as Record<PropertyKey, unknown>)[p] : inert()) }),
    workspace: new Proxy(
      {
        getConfiguration: (section: string) => ({
          get: (k: string, d?: unknown) => (settings.values.has(`${section}.${k}`) ? settings.values.get(`${section}.${k}`) : d),
          inspect: () => undefined,
          has: () => false,
          update: async () => undefined,
        }),
        onDidChangeConfiguration: settings.changed.event,
      },
      { get: (t, p) => (p in t ? (t as Record<PropertyKey, unknown>)[p] : inert()) },
    ),
  };
  const base = inert() as Record<PropertyKey, unknown>;
  return new Proxy(base, { get: (t, p) => (typeof p === 'string' && p in overrides ? overrides[p] : t[p]) });
}

/**
 * Runs `fn` with `require('vscode')` answering the inert module (settings from `settings`). The compiled src
 * modules `fn` requires are fresh copies bound to that module; afterwards the require cache is as it was, so other
 * test files keep their own copies (and `instanceof` across them keeps working).
 */
export function withInertVscode<T>(fn: () => T, settings = new FakeSettings()): T {
  const mod = Module as unknown as { _load: Loader };
  const original = mod._load;
  const vscode = fakeVscode(settings);
  const marker = `${path.sep}out${path.sep}src${path.sep}`;
  const saved = Object.entries(require.cache).filter(([k]) => k.includes(marker));
  for (const [k] of saved) delete require.cache[k];
  mod._load = function (request, parent, isMain) {
    return request === 'vscode' ? vscode : original.call(this, request, parent, isMain);
  };
  try {
    return fn();
  } finally {
    mod._load = original;
    for (const k of Object.keys(require.cache)) if (k.includes(marker)) delete require.cache[k];
    for (const [k, m] of saved) require.cache[k] = m;
  }
}
