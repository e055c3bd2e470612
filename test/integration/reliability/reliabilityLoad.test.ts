// Load through the real extension: 20 concurrent refreshes and 10 rapid "Load more" clicks give no duplicate
// ticket nodes, no request storm (counted at the fake, which enforces BoldDesk's per-minute limits) and no
// unhandled promise rejection in the extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../../src/constants';
import type { ExtensionApi } from '../../../src/extensionApi';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import { fixture } from '../fixture';
import { activate, setGlobal, TreeReader, watchUnhandledRejections } from './reliabilitySupport';

const PAGE = 5;

describe('Reliability: load (fake BoldDesk)', function () {
  this.timeout(60000);
  let ext: ExtensionApi;
  let tree: TreeReader;
  let rejections: ReturnType<typeof watchUnhandledRejections>;

  before(async () => {
    ext = await activate();
    tree = new TreeReader(ext);
    await setGlobal(Settings.pageSize, PAGE);
  });

  after(async () => {
    await setGlobal(Settings.pageSize, undefined);
  });

  beforeEach(() => {
    fixture().fake.reset();
    rejections = watchUnhandledRejections();
  });

  afterEach(() => {
    rejections.stop();
    fixture().fake.clearFaults();
  });

  const requests = (path: RegExp) => fixture().fake.requests.filter((r) => r.method === 'GET' && path.test(r.path)).length;
  const rateLimited = () => fixture().fake.requests.filter((r) => r.status === 429).length;

  async function ticketLabels(category: TreeNode): Promise<string[]> {
    return tree.tickets(await tree.children(category)).map((n) => tree.label(n));
  }

  function assertUnique(labels: string[]): void {
    assert.strictEqual(new Set(labels).size, labels.length, `duplicate ticket nodes: ${labels.join(', ')}`);
  }

  it('20 concurrent refreshes: one reload, no duplicates, no storm, no unhandled rejection', async () => {
    await vscode.commands.executeCommand(Commands.refresh);
    const open = await tree.category('All open');
    const before = await ticketLabels(open);
    fixture().fake.reset();
    fixture().fake.addFault({ fault: { type: 'latency', ms: 150 } }); // so the refreshes really overlap
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 ? vscode.commands.executeCommand(Commands.refresh) : tree.children(open).then(() => vscode.commands.executeCommand(Commands.refresh)),
      ),
    );
    const after = await ticketLabels(await tree.category('All open'));
    assertUnique(after);
    assert.deepStrictEqual(after, before, 'the same first page');
    const lists = requests(/^\/api\/v1\/tickets$/);
    const statuses = requests(/statuses$/);
    assert.ok(statuses <= 2, `statuses fetched ${statuses} times for 20 refreshes`);
    assert.ok(lists <= 2 * (ext.treeProvider.model.lists?.length ?? 0), `ticket lists fetched ${lists} times`);
    assert.ok(fixture().fake.requests.length <= 20, `${fixture().fake.requests.length} requests for 20 refreshes`);
    assert.strictEqual(rateLimited(), 0, 'within the rate limit');
    assert.deepStrictEqual(rejections.seen.map(String), []);
  });

  it('10 rapid "Load more" clicks: each page once, no duplicates, no storm', async () => {
    ext.treeProvider.setFilter(undefined); // fresh lists
    const open = await tree.category('All open');
    const first = await ticketLabels(open);
    assert.strictEqual(first.length, PAGE);
    fixture().fake.reset();
    fixture().fake.addFault({ fault: { type: 'latency', ms: 100 }, path: /^\/api\/v1\/tickets$/ });
    const click = async () => {
      const node = tree.ofKind(await tree.children(open), 'loadMore')[0];
      if (!node) return; // everything is loaded
      const cmd = tree.item(node).command;
      await vscode.commands.executeCommand(cmd?.command ?? '', ...(cmd?.arguments ?? []));
    };
    // Ten clicks as fast as a person can: none waits for the previous one.
    await Promise.all(Array.from({ length: 10 }, () => click()));
    const afterBurst = await ticketLabels(open);
    assertUnique(afterBurst);
    const pagesAfterBurst = requests(/^\/api\/v1\/tickets$/);
    assert.strictEqual(afterBurst.length, first.length + PAGE * pagesAfterBurst, 'each request added one page');
    assert.ok(pagesAfterBurst <= 2, `${pagesAfterBurst} page requests for one burst of clicks`);

    // Ten more, each after the previous finished: one page each, still unique, nothing more than needed.
    for (let i = 0; i < 10; i++) await click();
    const all = await ticketLabels(open);
    assertUnique(all);
    const total = ext.treeProvider.model.lists?.find((l) => l.id === 'open')?.total;
    assert.ok(total !== undefined && all.length <= total, `${all.length} shown of ${total}`);
    assert.ok(requests(/^\/api\/v1\/tickets$/) <= pagesAfterBurst + 10);
    assert.strictEqual(rateLimited(), 0);
    assert.deepStrictEqual(rejections.seen.map(String), []);
  });

  it('20 concurrent refreshes while BoldDesk fails: one error node, no unhandled rejection, then recovery', async () => {
    fixture().fake.addFault({ fault: { type: 'status', status: 500 }, method: 'GET' });
    await Promise.all(Array.from({ length: 20 }, () => vscode.commands.executeCommand(Commands.refresh)));
    const roots = await tree.roots();
    assert.strictEqual(roots.length, 1);
    assert.match(tree.label(roots[0]), /BoldDesk error \(500\)/);
    assert.ok(fixture().fake.requests.length <= 10, `${fixture().fake.requests.length} requests`);
    fixture().fake.clearFaults();
    await vscode.commands.executeCommand(Commands.refresh);
    assert.ok((await ticketLabels(await tree.category('All open'))).length > 0);
    assert.deepStrictEqual(rejections.seen.map(String), []);
  });
});
