// Bad input through the real extension: an unusable domain setting shows the "Fix domain" node and sends
// nothing anywhere; Set Domain refuses it with the reason; Set API Key trims or refuses odd keys before
// anything is sent. (parseDomain's cases: test/unit/api/domain.test.ts and test/unit/api/inputValidation.test.ts.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../../src/constants';
import type { ExtensionApi } from '../../../src/extensionApi';
import { fixture, PromptSwitch, trusted } from '../fixture';
import { activate, assertClean, setGlobal, storedKey, TreeReader, waitFor } from './reliabilitySupport';
import { ScriptedPrompts } from '../../support/scriptedPrompts';

describe('Reliability: bad input (fake BoldDesk)', function () {
  this.timeout(30000);
  let ext: ExtensionApi;
  let tree: TreeReader;
  let prompts: PromptSwitch;

  before(async () => {
    ext = await activate();
    tree = new TreeReader(ext);
    prompts = new PromptSwitch(ext);
  });

  beforeEach(() => fixture().fake.reset());

  afterEach(async () => {
    prompts.restore();
    await setGlobal(Settings.domain, fixture().fake.url);
    await waitFor('the key for the fake again', () => ext.session.hasKey());
  });

  const badDomains = [
    ' ',
    'http://acme.bolddesk.com',
    'https://ana:secret@acme.bolddesk.com',
    'acme.bolddesk.com/api/v1',
    'https://аcme.bolddesk.com',
    'acme%2ebolddesk.com',
    '2130706433',
  ];
  for (const domain of badDomains) {
    it(`domain ${JSON.stringify(domain)}: a "Fix domain" node, and no request at all`, async () => {
      await setGlobal(Settings.domain, domain);
      await vscode.commands.executeCommand(Commands.refresh);
      const roots = await tree.roots();
      if (domain.trim() === '') {
        assert.deepStrictEqual(roots, [], 'an empty domain leaves the welcome view');
      } else {
        assert.strictEqual(roots.length, 1);
        const node = tree.describe(roots[0]);
        assert.strictEqual(node.label, 'Invalid BoldDesk domain — Fix domain…');
        assert.strictEqual(node.action, 'Set Domain');
        assertClean(node.tooltip, 'tooltip');
        assert.ok(node.tooltip.length > 20, `the tooltip says why: ${node.tooltip}`);
      }
      // Commands that need BoldDesk fail with a message pointing at the domain, still without a request.
      const p = prompts.use(new ScriptedPrompts());
      await vscode.commands.executeCommand(Commands.openTicket, 5);
      const shown = await p.waitForMessage((m) => m.level === 'error');
      assert.ok(shown.actions.includes('Set Domain'), JSON.stringify(shown));
      assertClean(shown.message, 'openTicket');
      assert.strictEqual(fixture().fake.requests.length, 0, 'nothing was sent');
    });
  }

  it('Set Domain refuses an unusable domain with its reason and keeps the setting', async () => {
    const before = vscode.workspace.getConfiguration(Settings.section).get<string>(Settings.domain);
    const p = prompts.use(new ScriptedPrompts());
    assert.strictEqual(await vscode.commands.executeCommand(Commands.setDomain, trusted('http://acme.bolddesk.com')), undefined);
    assert.match(p.messages[0]?.message ?? '', /http:\/\/ is not allowed.*https:\/\/acme\.bolddesk\.com/);
    assert.strictEqual(vscode.workspace.getConfiguration(Settings.section).get<string>(Settings.domain), before);
  });

  describe('Set API Key input', () => {
    it('a key pasted with a line break in the middle and around it is cleaned and stored', async () => {
      const key = fixture().key;
      prompts.use(new ScriptedPrompts());
      assert.strictEqual(await vscode.commands.executeCommand(Commands.setApiKey, trusted(`\r\n ${key.slice(0, 8)}\n${key.slice(8)} \t\n`)), true);
      assert.strictEqual(await storedKey(ext), key);
    });

    const refused: Array<[string, string, RegExp]> = [
      ['only whitespace', ' \t\r\n ', /empty/],
      ['very long (a whole page pasted)', 'k'.repeat(5000), /5000 characters long, too long/],
      ['with a lookalike or invisible character', 'bdk-demo\u200b-ana', /characters an API key never has/],
      ['with accented letters', 'bdk-démo-ana', /characters an API key never has/],
    ];
    for (const [what, typed, reason] of refused) {
      it(`a key ${what} is refused clearly before anything is sent, and the stored key is kept`, async () => {
        const p = prompts.use(new ScriptedPrompts());
        assert.strictEqual(await vscode.commands.executeCommand(Commands.setApiKey, trusted(typed)), false);
        assert.strictEqual(fixture().fake.requests.length, 0, 'nothing was sent');
        const shown = p.messages.find((m) => m.level === 'error');
        assert.ok(shown, 'an error message');
        assert.match(shown.message, reason);
        assert.match(shown.message, /Nothing was stored/);
        assert.ok(!shown.message.includes(typed.trim()) || typed.trim() === '', 'the typed key is not echoed');
        assert.strictEqual(await storedKey(ext), fixture().key);
      });
    }
  });
});
