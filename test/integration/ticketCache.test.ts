// The warm-start cache in a real extension host: the tree's tickets are written to the extension's global storage
// folder (never the key); after a reload of the tree with BoldDesk unreachable, the cached tickets are still listed,
// marked offline. The "reload" is the model's reset (what a new window's first getChildren does: read the cache
// file from disk, then ask BoldDesk) with a cold client; "unreachable" is the fake closing every connection unanswered.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { Settings } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import type { TreeNode } from '../../src/views/nodes/treeNode';
import { activateExtension, fixture } from './fixture';
import { waitFor } from '../support/poll';

let ext: ExtensionApi;
const item = (n: TreeNode) => ext.treeProvider.getTreeItem(n) as vscode.TreeItem;
const label = (n: TreeNode) => {
  const l = item(n).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
};
const roots = async () => (await ext.treeProvider.getChildren()) ?? [];
const ticketIds = async (category: TreeNode) =>
  ((await ext.treeProvider.getChildren(category)) ?? []).map(label).filter((l) => l.startsWith('#')).map((l) => l.split(' ')[0]);

function cacheFiles(): string[] {
  const dir = path.join(ext.context.globalStorageUri.fsPath, 'ticket-cache');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f)) : [];
}

async function setCache(on: boolean): Promise<void> {
  await vscode.workspace.getConfiguration(Settings.section).update(Settings.cacheEnabled, on, vscode.ConfigurationTarget.Global);
  await waitFor('the cache setting', () => vscode.workspace.getConfiguration(Settings.section).get(Settings.cacheEnabled) === on);
}

describe('Warm-start ticket cache (real extension host)', function () {
  this.timeout(60000);

  before(async () => {
    ext = await activateExtension();
    await setCache(true);
  });

  after(async () => {
    fixture().fake.clearFaults();
    await setCache(false);
    ext.session.clearCaches();
    ext.treeProvider.model.reset();
  });

  it('a reload with BoldDesk unreachable still lists the cached tickets, marked offline; turning the cache off deletes it', async () => {
    ext.session.clearCaches();
    ext.treeProvider.model.reset();
    await ext.session.resolveIdentity();
    const first = await waitFor('My open tickets', async () => (await roots()).find((n) => label(n) === 'My open tickets'));
    const shown = await ticketIds(first);
    assert.ok(shown.length > 0);
    const [file] = await waitFor('the cache file', () => (cacheFiles().length > 0 ? cacheFiles() : undefined));
    const text = fs.readFileSync(file, 'utf8');
    const subject = fixture().fake.db.getTicket(Number(shown[0].slice(1)))?.subject ?? '';
    assert.ok(subject !== '' && text.includes(JSON.stringify(subject)), 'tickets are in the cache');
    assert.ok(!text.includes(fixture().key), 'the cache never holds the API key');

    // BoldDesk unreachable, then a reload: a cold client and a new tree.
    fixture().fake.addFault({ fault: { type: 'down' } });
    ext.session.clearCaches();
    ext.treeProvider.model.reset();
    const again = await waitFor('the cached categories', async () => (await roots()).find((n) => label(n) === 'My open tickets'));
    assert.deepStrictEqual(await ticketIds(again), shown, 'the cached tickets, listed before BoldDesk answered');
    await waitFor('the offline mark', async () => {
      const node = (await roots()).find((n) => label(n) === 'My open tickets');
      return node && String(item(node).description ?? '').includes('offline') ? node : undefined;
    }, 30000);
    assert.match(ext.treeView.message ?? '', /Offline/);
    const offline = (await roots()).find((n) => label(n) === 'My open tickets');
    assert.ok(offline);
    assert.deepStrictEqual(await ticketIds(offline), shown, 'still listed while offline');

    fixture().fake.clearFaults();
    await setCache(false);
    await waitFor('the cache files deleted', () => cacheFiles().length === 0);
  });

  it('read at activation: the first load takes the cache from memory, not from the file it was read from', async () => {
    await setCache(true);
    ext.session.clearCaches();
    ext.treeProvider.model.reset();
    await ext.session.resolveIdentity();
    const first = await waitFor('My open tickets', async () => (await roots()).find((n) => label(n) === 'My open tickets'));
    const shown = await ticketIds(first);
    const [file] = await waitFor('the cache file', () => (cacheFiles().length > 0 ? cacheFiles() : undefined));
    try {
      ext.treeProvider.model.reset();
      ext.treeProvider.preloadCache(); // what deferredStartup does once the key is read
      await new Promise((r) => setTimeout(r, 300)); // the read is done
      fs.rmSync(file); // what the view finds now comes from the read above
      fixture().fake.addFault({ fault: { type: 'down' } });
      ext.session.clearCaches();
      const again = await waitFor('the cached categories', async () => (await roots()).find((n) => label(n) === 'My open tickets'));
      assert.deepStrictEqual(await ticketIds(again), shown, 'the tickets read at activation');
      // Used once: the next load reads the file again (gone now: BoldDesk unreachable, nothing cached to show).
      ext.treeProvider.model.reset();
      const roots2 = await roots();
      assert.ok(!roots2.some((n) => label(n) === 'My open tickets'), roots2.map(label).join(', '));
    } finally {
      fixture().fake.clearFaults();
      await setCache(false);
    }
  });
});
