// What a workspace (a cloned repository's .vscode/settings.json) may set: never where the API key goes or whose
// name is shown (application scope: user settings only), and in an untrusted workspace none of the settings that
// run code on every document or set timers. docs/SECURITY.md
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Prop {
  scope?: string;
  maximum?: number;
}
const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as {
  capabilities?: { untrustedWorkspaces?: { supported: boolean | 'limited'; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, Prop> } };
};
const props = manifest.contributes.configuration.properties;

describe('settings a workspace cannot use against the user', () => {
  it('bolddesk.domain and bolddesk.agentEmail are user settings only (application scope)', () => {
    for (const key of ['bolddesk.domain', 'bolddesk.agentEmail']) assert.equal(props[key].scope, 'application', key);
  });

  it('declares untrusted-workspace support deliberately, restricting the pattern and the timers', () => {
    const u = manifest.capabilities?.untrustedWorkspaces;
    assert.ok(u, 'capabilities.untrustedWorkspaces is declared');
    assert.equal(u.supported, 'limited');
    for (const key of ['bolddesk.ticketReferencePattern', 'bolddesk.autoRefreshMinutes', 'bolddesk.requestTimeoutSeconds']) {
      assert.ok(u.restrictedConfigurations?.includes(key), key);
    }
  });

  it('timer settings declare a maximum that fits setTimeout', () => {
    assert.ok((props['bolddesk.autoRefreshMinutes'].maximum ?? Infinity) * 60_000 < 2 ** 31 - 1);
    assert.ok((props['bolddesk.requestTimeoutSeconds'].maximum ?? Infinity) * 1000 < 2 ** 31 - 1);
  });
});
