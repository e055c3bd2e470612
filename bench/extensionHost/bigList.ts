// 100,000 tickets on the fake: the Tickets view is shown in the real workbench, its first category loads, then
// "Load more" runs until 50 pages are on screen. Per page: the HTTP round trip (from the client's own log line),
// the extension's other time (command + parsing + model), and the time VS Code spends in our TreeDataProvider
// (getChildren + getTreeItem) re-rendering that category. Heap growth after GC, from before the view opened.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extensionApi';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import { collectGarbage, EXTENSION_ID } from './hostShared';

const PAGES = Number(process.env.BENCH_PAGES) || 50;

interface Render {
  /** Time inside getChildren(category) and the getTreeItem calls for its children. */
  providerMs: number;
  children: number;
  items: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, get: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

export async function measureBigList(): Promise<Record<string, unknown>> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  const api = await ext.activate();
  await api.ready;
  const provider = api.treeProvider;

  // Observe what VS Code asks of the provider: one Render per getChildren(category) and its items.
  const renders: Render[] = [];
  let current: Render | undefined;
  const getChildren = provider.getChildren.bind(provider);
  const getTreeItem = provider.getTreeItem.bind(provider);
  provider.getChildren = async (node?: TreeNode) => {
    const t = performance.now();
    const children = await getChildren(node);
    if (node) {
      current = { providerMs: performance.now() - t, children: children.length, items: 0 };
      renders.push(current);
    }
    return children;
  };
  provider.getTreeItem = (node: TreeNode) => {
    const t = performance.now();
    const item = getTreeItem(node);
    if (current) {
      current.providerMs += performance.now() - t;
      current.items++;
    }
    return item;
  };
  // The client's log line per request: "GET /api/v1/tickets?… → 200 12 ms".
  const http: number[] = [];
  const info = api.log.info.bind(api.log);
  api.log.info = (line: string) => {
    const m = /^GET \/api\/v1\/tickets\?.* → 200 (\d+) ms$/.exec(line);
    if (m) http.push(Number(m[1]));
    info(line);
  };

  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const tOpen = performance.now();
  await vscode.commands.executeCommand('workbench.view.extension.bolddesk');
  const list = await until('the first category', () => api.treeProvider.model.lists?.[0]).catch((e: Error) => {
    const s = api.session;
    throw new Error(`${e.message} (domain set: ${s.origin !== undefined}, identities: ${s.identities.length}, ` +
      `categories error: ${String(api.treeProvider.model.error)})`);
  });
  await until('its first page', () => (list.loaded && !list.loading ? true : undefined));
  const first = await until('the first render', () => renders.find((r) => r.items > 0 && r.children >= list.items.length));
  const firstPageMs = performance.now() - tOpen;
  const pages: { httpMs: number; otherExtensionMs: number; providerMs: number; items: number; wallMs: number }[] = [
    { httpMs: http[http.length - 1] ?? NaN, otherExtensionMs: NaN, providerMs: first.providerMs, items: first.items, wallMs: firstPageMs },
  ];
  const category = (await provider.getChildren())[0];
  collectGarbage();
  const heapFirstPage = process.memoryUsage().heapUsed;

  for (let p = 2; p <= PAGES && list.hasMore; p++) {
    const rendersBefore = renders.length;
    const httpBefore = http.length;
    const t = performance.now();
    await vscode.commands.executeCommand('bolddesk.loadMore', category);
    const commandMs = performance.now() - t;
    const expected = list.items.length;
    const render = await until(`page ${p} on screen`, () =>
      renders.slice(rendersBefore).find((r) => r.children >= expected && r.items >= r.children));
    // The items of a render arrive in a batch; wait for the batch to finish.
    await sleep(0);
    const httpMs = http.slice(httpBefore).reduce((a, b) => a + b, 0);
    pages.push({ httpMs, otherExtensionMs: Math.max(0, commandMs - httpMs), providerMs: render.providerMs, items: render.items,
      wallMs: performance.now() - t });
  }
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;
  return {
    node: process.version,
    category: list.label,
    pageSize: list.items.length / pages.length,
    pagesLoaded: pages.length,
    ticketsShown: list.items.length,
    total: list.total,
    heapBeforeMB: heapBefore / 1048576,
    heapFirstPageMB: heapFirstPage / 1048576,
    heapAfterMB: heapAfter / 1048576,
    heapGrowthMB: (heapAfter - heapBefore) / 1048576,
    pages,
  };
}
