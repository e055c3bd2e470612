// Stands in for @vscode/l10n inside the lazily loaded bundles (esbuild.js maps the import here), so those bundles
// translate with the extension's own configured l10n.t, handed over by load.ts. Until then: English with {0}
// placeholders filled, which is what @vscode/l10n does without a bundle.
type Translate = (...args: unknown[]) => string;

let translate: Translate | undefined;

function english(...args: unknown[]): string {
  const first = args[0] as string | { message: string; args?: unknown[] | Record<string, unknown> };
  const message = typeof first === 'string' ? first : first.message;
  const values = typeof first === 'string' ? (args.length === 2 && typeof args[1] === 'object' && args[1] !== null ? args[1] : args.slice(1)) : first.args ?? [];
  return message.replace(/\{(\w+)\}/g, (m, key: string) => {
    const v = (values as Record<string, unknown>)[key];
    return v === undefined ? m : String(v);
  });
}

export function t(...args: unknown[]): string {
  return translate ? translate(...args) : english(...args);
}
(t as { isShim?: boolean }).isShim = true;

/** The real translator (the main bundle's configured l10n.t); another bundle's shim is ignored. */
export function setTranslator(fn: unknown): void {
  if (typeof fn === 'function' && !(fn as { isShim?: boolean }).isShim) translate = fn as Translate;
}
