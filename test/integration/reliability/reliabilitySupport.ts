// Shared pieces of the reliability suites (reliability*.test.ts): the activated extension, tree readers, a
// ScriptedPrompts that arms a fault exactly when a write starts, the "one clean message" check, and a way to
// make the fake refuse connections for real (its listener closed, then reopened on the same port).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { KeyStore } from '../../../src/auth/keyStore';
import { ContextValues, Settings } from '../../../src/constants';
import type { ExtensionApi } from '../../../src/extensionApi';
import type { TreeNode } from '../../../src/views/nodes/treeNode';
import type { FakeBoldDesk } from '../../fake-bolddesk';
import { fakeOrigin, fixture } from '../fixture';
import { waitFor as waitUntil } from '../../support/poll';
import { ScriptedPrompts } from '../../support/scriptedPrompts';

export { activateExtension as activate } from '../fixture';

/** The shared poller with the reliability suites' longer default wait. */
export function waitFor<T>(what: string, get: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15000): Promise<T> {
  return waitUntil(what, get, timeoutMs);
}

/** Lets already-queued notifications arrive (reportError is not awaited by wrapWithCatch). */
export const settle = () => new Promise((r) => setTimeout(r, 50));

export async function setGlobal(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(Settings.section).update(key, value, vscode.ConfigurationTarget.Global);
  const expected = value ?? vscode.workspace.getConfiguration(Settings.section).inspect(key)?.defaultValue;
  await waitFor(`setting ${key}`, () => vscode.workspace.getConfiguration(Settings.section).get(key) === expected);
}

/** The default identity's key in SecretStorage for the fake's origin (one secret per identity). */
export async function storedKey(ext: ExtensionApi): Promise<string | undefined> {
  await ext.session.loadIdentities();
  const id = ext.session.defaultIdentity?.id;
  return id === undefined ? undefined : ext.context.secrets.get(KeyStore.secretKeyFor(fakeOrigin(), id));
}

// ---- the tree ----

export class TreeReader {
  constructor(private readonly ext: ExtensionApi) {}

  item(node: TreeNode): vscode.TreeItem {
    return this.ext.treeProvider.getTreeItem(node) as vscode.TreeItem;
  }

  label(node: TreeNode): string {
    const l = this.item(node).label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  }

  async roots(): Promise<TreeNode[]> {
    return (await this.ext.treeProvider.getChildren()) ?? [];
  }

  async children(node: TreeNode): Promise<TreeNode[]> {
    return (await this.ext.treeProvider.getChildren(node)) ?? [];
  }

  async category(name: string): Promise<TreeNode> {
    const roots = await this.roots();
    const found = roots.find((n) => this.label(n) === name);
    assert.ok(found, `no category "${name}" in [${roots.map((n) => this.label(n)).join(', ')}]`);
    return found;
  }

  ofKind(nodes: TreeNode[], kind: string): TreeNode[] {
    return nodes.filter((n) => this.item(n).contextValue === kind);
  }

  tickets(nodes: TreeNode[]): TreeNode[] {
    return this.ofKind(nodes, ContextValues.ticket);
  }

  messages(nodes: TreeNode[]): TreeNode[] {
    return this.ofKind(nodes, ContextValues.message);
  }

  /** What a message node offers: its label, the click action's title and the tooltip. */
  describe(node: TreeNode): { label: string; action: string; tooltip: string } {
    const it = this.item(node);
    const tooltip = typeof it.tooltip === 'string' ? it.tooltip : (it.tooltip?.value ?? '');
    return { label: this.label(node), action: it.command?.title ?? '', tooltip };
  }
}

// ---- prompts ----

/** ScriptedPrompts that runs `onProgress` (e.g. arms a fault) before a progress task whose title matches. */
export class ArmingPrompts extends ScriptedPrompts {
  armOn: RegExp | undefined;
  onProgress: () => Promise<void> | void = () => undefined;

  override async withProgress<T>(title: string, task: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T> {
    if (this.armOn?.test(title)) {
      this.armOn = undefined;
      await this.onProgress();
    }
    return super.withProgress(title, task);
  }
}


/** Errors and warnings shown (info messages are not failures). */
export function problems(p: ScriptedPrompts): { level: string; message: string; actions: string[] }[] {
  return p.messages.filter((m) => m.level !== 'info');
}

// ---- message hygiene ----

/** What a person must never see: the key, "[object Object]", a stack trace, a raw JS error or "undefined". */
export function assertClean(text: string, where: string): void {
  const key = fixture().key;
  assert.ok(text.trim().length > 0, `${where}: empty message`);
  assert.ok(!text.includes(key), `${where}: the API key is shown: ${text}`);
  for (const bad of ['[object Object]', 'undefined', 'TypeError', 'SyntaxError', 'FetchError', 'AbortError']) {
    assert.ok(!text.includes(bad), `${where}: "${bad}" in: ${text}`);
  }
  assert.ok(!/\n\s*at\s|\(\S+:\d+:\d+\)/.test(text), `${where}: a stack trace in: ${text}`);
}

/** Host:port of the fake in messages, replaced so the report is the same on every run. */
export function normalise(text: string): string {
  const f = fixture().fake;
  return text.split(`127.0.0.1:${f.port}`).join('{host}').replace(/\b\d+(\.\d+)? s\b/g, 'N s');
}

// ---- the fake refusing connections ----

interface Listening {
  listen(port: number): Promise<void>;
}

/** Closes the fake's listener (and every open connection): new connections get ECONNREFUSED. */
export async function stopListening(fake: FakeBoldDesk): Promise<void> {
  await fake.close();
  // Let the client's keep-alive pool notice the closed sockets, so the next request really connects anew.
  await new Promise((r) => setTimeout(r, 50));
}

/** Reopens the listener on the same port (the data is untouched). */
export async function startListening(fake: FakeBoldDesk): Promise<void> {
  await (fake as unknown as Listening).listen(fake.port);
}

// ---- unhandled rejections in the extension host ----

export function watchUnhandledRejections(): { seen: unknown[]; stop(): void } {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', onRejection);
  return { seen, stop: () => process.off('unhandledRejection', onRejection) };
}
