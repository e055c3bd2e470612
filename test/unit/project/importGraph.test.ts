// The layers of docs/ARCHITECTURE.md, checked on the real import graph of src/ (TypeScript's own pre-parser, type
// imports included): no circle, and no arrow from a lower layer into a higher one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const SRC = path.resolve(__dirname, '..', '..', '..', '..', 'src');

/**
 * Rank of each part of src/, top (0) to bottom: a file may import its own rank or a higher number, never a lower one.
 * The entry points of the bundles (extension, the lazy extras) and the test API sit on top and may import anything.
 */
const RANKS: [RegExp, number][] = [
  [/^(extension|extensionApi|deferredStartup)\.ts$|^lazy\/(extras|extrasUi)\.ts$/, 0],
  [/^commands\//, 1],
  [/^(views|loop|references|work|drafts|code|webview)\//, 2],
  [/^(ui|auth)\//, 3],
  [/^(model|markdown|text)\/|^constants\.ts$/, 4],
  // The bundle loader: a require() door any layer may use (the API client loads its download/upload code through it).
  [/^api\/|^lazy\/(load|l10nShim)\.ts$|^lifecycle\.ts$/, 5],
];
/** The shared contracts: every layer may import them; they hold types only. */
const CONTRACTS = /^(deps|logger)\.ts$/;

function rankOf(file: string): number {
  const hit = RANKS.find(([re]) => re.test(file));
  assert.ok(hit, `${file}: not in any layer of this test (add its folder to RANKS and to docs/ARCHITECTURE.md)`);
  return hit[1];
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [path.relative(SRC, p).split(path.sep).join('/')] : [];
  });
}

function resolve(from: string, spec: string): string {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [`${base}.ts`, `${base}/index.ts`]) if (fs.existsSync(path.join(SRC, candidate))) return candidate;
  assert.fail(`${from}: cannot resolve '${spec}'`);
}

function edges(): Edge[] {
  return sourceFiles().flatMap((from) => {
    const text = fs.readFileSync(path.join(SRC, from), 'utf8');
    const sf = ts.createSourceFile(from, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const out: Edge[] = [];
    const visit = (node: ts.Node): void => {
      let spec: ts.Expression | undefined;
      let typeOnly = false;
      if (ts.isImportDeclaration(node)) {
        spec = node.moduleSpecifier;
        typeOnly = !!node.importClause?.isTypeOnly || isAllTypeNames(node.importClause);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
        spec = node.moduleSpecifier;
        typeOnly = node.isTypeOnly;
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        spec = node.argument.literal;
        typeOnly = true;
      } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
        spec = node.arguments[0];
      }
      if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) out.push({ from, to: resolve(from, spec.text), typeOnly });
      ts.forEachChild(node, visit);
    };
    visit(sf);
    return out;
  });
}

function isAllTypeNames(clause: ts.ImportClause | undefined): boolean {
  const named = clause?.namedBindings;
  return !!clause && !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** Strongly connected components with more than one file (Tarjan). */
function circles(all: Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of all) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) connect(v);
  return found;
}

describe('Import graph of src/ (docs/ARCHITECTURE.md layers)', () => {
  const all = edges();

  it('reads a real graph (the check below is not vacuous)', () => {
    assert.ok(all.length > 200, `only ${all.length} imports found`);
    assert.ok(all.some((e) => e.from === 'extension.ts' && e.to.startsWith('commands/')));
  });

  it('has no import circle, type imports included', () => {
    assert.deepEqual(circles(all), []);
  });

  it('has no arrow from a lower layer into a higher one (nothing below commands/ imports commands/ or views/)', () => {
    const upward = all
      .filter((e) => !CONTRACTS.test(e.to) && !CONTRACTS.test(e.from))
      // The webview (a separate browser program) shares only the message contract with the panel's host side.
      .filter((e) => !(e.from.startsWith('webview/') && e.to === 'views/ticketPanel/protocol.ts'))
      // The loader require()s the lazy bundles: separate files at run time, loaded on first use.
      .filter((e) => !(e.from === 'lazy/load.ts' && /^lazy\/(extras|extrasUi)\.ts$/.test(e.to)))
      .filter((e) => rankOf(e.from) > rankOf(e.to))
      .map((e) => `${e.from} → ${e.to}`);
    assert.deepEqual(upward, []);
  });

  it('the webview imports nothing of the host but the protocol', () => {
    const outside = all.filter((e) => e.from.startsWith('webview/') && !e.to.startsWith('webview/') && e.to !== 'views/ticketPanel/protocol.ts');
    assert.deepEqual(outside.map((e) => `${e.from} → ${e.to}`), []);
  });

  it('the contracts hold types only and import nothing from commands/ or views/', () => {
    const bad = all.filter((e) => CONTRACTS.test(e.from) && (!e.typeOnly || (!CONTRACTS.test(e.to) && rankOf(e.to) <= 2)));
    assert.deepEqual(bad.map((e) => `${e.from} → ${e.to}`), []);
  });
});
