// Set Domain in a real extension host: the domain is tried when it is set (no key is sent), a domain that cannot
// be reached gets a warning with "Fix Domain", and "Next, store your API key" is said only when no key is stored.
import * as assert from 'assert';
import * as net from 'net';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../src/constants';
import type { ExtensionApi } from '../../src/extensionApi';
import { activateExtension, fixture, PromptSwitch } from './fixture';
import { waitFor } from '../support/poll';
import { answer, ScriptedPrompts } from '../support/scriptedPrompts';

let ext: ExtensionApi;
let promptSwitch: PromptSwitch;

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Set Domain (fake BoldDesk)', function () {
  this.timeout(30000);

  before(async () => {
    ext = await activateExtension();
    promptSwitch = new PromptSwitch(ext);
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration(Settings.section).update(Settings.domain, fixture().fake.url, vscode.ConfigurationTarget.Global);
    await waitFor('the fake domain back', () => ext.session.origin === new URL(fixture().fake.url).origin);
  });

  after(() => promptSwitch.restore());

  it('a domain that cannot be reached is said at once, with "Fix Domain"', async () => {
    const unreachable = `http://127.0.0.1:${await closedPort()}`;
    const p = promptSwitch.use(new ScriptedPrompts(answer.input(unreachable)));
    await vscode.commands.executeCommand(Commands.setDomain);
    const warned = await p.waitForMessage((m) => /Can't reach/.test(m.message));
    assert.match(warned.message, /127\.0\.0\.1/);
    assert.ok(warned.actions.includes('Fix Domain'), JSON.stringify(warned));
    assert.ok(!p.messages.some((m) => /Next, store your API key/.test(m.message)), JSON.stringify(p.messages));
  });

  it('with a key stored, setting a reachable domain does not say "Next, store your API key"', async () => {
    assert.strictEqual(await ext.session.hasKey(), true);
    const p = promptSwitch.use(new ScriptedPrompts(answer.input(fixture().fake.url)));
    assert.ok(await vscode.commands.executeCommand(Commands.setDomain));
    assert.ok(!p.messages.some((m) => /Next, store your API key|Can't reach/.test(m.message)), JSON.stringify(p.messages));
    const sent = fixture().fake.requests.filter((r) => r.headers['x-api-key'] !== undefined && r.path === '/');
    assert.deepStrictEqual(sent, [], 'the check sends no key');
  });
});
