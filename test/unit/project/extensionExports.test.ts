// Any installed extension can read `getExtension(id).exports`: activate() hands out its test handles (the session
// with SecretStorage, setPrompts, the context) only in the extension host's Test mode (integration tests, benchmarks).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { MemoryState } from '../../support/memoryState';
import { ExtensionMode, withInertVscode } from '../support/inertVscode';

interface Activatable {
  activate(context: unknown): unknown;
}

function activateIn(mode: number): unknown {
  const subscriptions: { dispose?: () => unknown }[] = [];
  const context = {
    extensionMode: mode,
    subscriptions,
    globalState: new MemoryState(),
    workspaceState: new MemoryState(),
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => ({ dispose() {} }) },
  };
  try {
    return withInertVscode(() => {
      const file = path.resolve(__dirname, '../../../src/extension.js');
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded fresh, after the vscode hook is in place
      return (require(file) as Activatable).activate(context);
    });
  } finally {
    for (const s of subscriptions) if (typeof s?.dispose === 'function') s.dispose();
  }
}

describe('activate() exports (no back door for other extensions)', () => {
  it('exports nothing in production', () => {
    assert.equal(activateIn(ExtensionMode.Production), undefined);
  });

  it('exports nothing when run from source (Development) either', () => {
    assert.equal(activateIn(ExtensionMode.Development), undefined);
  });

  it('exports the test handles in Test mode (so this test can tell the two apart)', () => {
    const api = activateIn(ExtensionMode.Test) as { session?: unknown; setPrompts?: unknown } | undefined;
    assert.ok(api && api.session && typeof api.setPrompts === 'function');
  });
});
