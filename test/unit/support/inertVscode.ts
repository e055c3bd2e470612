// A `vscode` module where everything exists and does nothing (any property is another inert value, any call or
// `new` returns one), with the few real values activate() branches on. Enough to run activate() in plain Node and
// look at what it returns — nothing here pretends to be the editor's behaviour.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Module._load must be the real one, not an interop copy
import Module = require('node:module');

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

function fakeVscode(): unknown {
  const overrides: Record<string, unknown> = {
    ExtensionMode,
    l10n: { bundle: undefined, t: (message: string) => message, uri: undefined },
    workspace: new Proxy(
      {
        getConfiguration: () => ({ get: (_k: string, d?: unknown) => d, inspect: () => undefined, has: () => false, update: async () => undefined }),
      },
      { get: (t, p) => (p in t ? (t as Record<PropertyKey, unknown>)[p] : inert()) },
    ),
  };
  const base = inert() as Record<PropertyKey, unknown>;
  return new Proxy(base, { get: (t, p) => (typeof p === 'string' && p in overrides ? overrides[p] : t[p]) });
}

/** Runs `fn` with `require('vscode')` answering the inert module. */
export function withInertVscode<T>(fn: () => T): T {
  const mod = Module as unknown as { _load: Loader };
  const original = mod._load;
  const vscode = fakeVscode();
  mod._load = function (request, parent, isMain) {
    return request === 'vscode' ? vscode : original.call(this, request, parent, isMain);
  };
  try {
    return fn();
  } finally {
    mod._load = original;
  }
}
